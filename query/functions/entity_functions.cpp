// Functions over nodes, relationships and paths: id, labels, type, keys, properties, startNode,
// endNode, nodes, relationships, length. Each returns null for a null argument and a kTypeError
// "InvalidArgumentValue" for an argument of another kind.
//
// labels(), keys() and properties() of a node ask FunctionContext::node() (labels():
// node_labels()) for the node as the statement sees it now (after its SETs and REMOVEs); a deleted
// node is kEntityNotFound (TCK Return2 [16]). type() reads the relationship value, so it works on
// deleted relationships (TCK Return2 [14]).
#include <cstdint>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/function_args.hpp"
#include "query/functions/utf8.hpp"

namespace kg::query::functions {

namespace {

// The node with this id as the statement sees it now, as a Value holding a Node.
Result<Value> current_node(NodeId id, FunctionContext& ctx) {
  KG_ASSIGN_OR_RETURN(Value v, ctx.node(id));
  if (!v.is_node()) return Status::internal("FunctionContext::node() returned " + describe(v));
  return v;
}

// The keys of a property map, without null-valued entries (a property set to null is absent).
Value property_keys(const Map& properties) {
  List keys;
  for (const auto& [key, value] : properties)
    if (!value.is_null()) keys.emplace_back(key);
  return Value(std::move(keys));
}

Map non_null_properties(const Map& properties) {
  Map out;
  for (const auto& [key, value] : properties)
    if (!value.is_null()) out.emplace(key, value);
  return out;
}

Result<Value> id(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_node()) return Value(static_cast<int64_t>(to_underlying(v.as_node().id)));
  if (v.is_relationship())
    return Value(static_cast<int64_t>(to_underlying(v.as_relationship().id)));
  return invalid_argument("id", "NODE or RELATIONSHIP", v);
}

Result<Value> labels(std::span<const Value> args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_node()) return invalid_argument("labels", "NODE", v);
  KG_ASSIGN_OR_RETURN(List out, ctx.node_labels(v.as_node().id));
  return Value(std::move(out));
}

Result<Value> type(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_relationship()) return invalid_argument("type", "RELATIONSHIP", v);
  return Value(v.as_relationship().type);
}

// keys(map) lists every key, null-valued ones included; keys(node | relationship) lists the
// properties it has. Keys come in ascending order.
Result<Value> keys(std::span<const Value> args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_map()) {
    List out;
    for (const auto& entry : v.as_map()) out.emplace_back(entry.first);
    return Value(std::move(out));
  }
  if (v.is_node()) {
    KG_ASSIGN_OR_RETURN(Value node, current_node(v.as_node().id, ctx));
    return property_keys(node.as_node().properties);
  }
  if (v.is_relationship()) return property_keys(v.as_relationship().properties);
  return invalid_argument("keys", "MAP, NODE or RELATIONSHIP", v);
}

Result<Value> properties(std::span<const Value> args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_map()) return v;
  if (v.is_node()) {
    KG_ASSIGN_OR_RETURN(Value node, current_node(v.as_node().id, ctx));
    return Value(non_null_properties(node.as_node().properties));
  }
  if (v.is_relationship()) return Value(non_null_properties(v.as_relationship().properties));
  return invalid_argument("properties", "MAP, NODE or RELATIONSHIP", v);
}

Result<Value> start_node(std::span<const Value> args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_relationship()) return invalid_argument("startNode", "RELATIONSHIP", v);
  return current_node(v.as_relationship().start, ctx);
}

Result<Value> end_node(std::span<const Value> args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_relationship()) return invalid_argument("endNode", "RELATIONSHIP", v);
  return current_node(v.as_relationship().end, ctx);
}

Result<Value> nodes(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_path()) return invalid_argument("nodes", "PATH", v);
  List out;
  out.reserve(v.as_path().nodes.size());
  for (const Node& n : v.as_path().nodes) out.emplace_back(n);
  return Value(std::move(out));
}

Result<Value> relationships(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_path()) return invalid_argument("relationships", "PATH", v);
  List out;
  out.reserve(v.as_path().relationships.size());
  for (const Relationship& r : v.as_path().relationships) out.emplace_back(r);
  return Value(std::move(out));
}

// length(path) is its number of relationships; length(string), kept from Cypher 9 / Neo4j 4, is
// its number of code points.
Result<Value> length(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_path()) return Value(v.as_path().relationships.size());
  if (v.is_string()) return Value(utf8::length(v.as_string()));
  return invalid_argument("length", "PATH", v);
}

constexpr ScalarFunction kEntityFunctions[] = {
    {"id", 1, 1, &id},
    {"labels", 1, 1, &labels},
    {"type", 1, 1, &type},
    {"keys", 1, 1, &keys},
    {"properties", 1, 1, &properties},
    {"startNode", 1, 1, &start_node},
    {"endNode", 1, 1, &end_node},
    {"nodes", 1, 1, &nodes},
    {"relationships", 1, 1, &relationships},
    {"length", 1, 1, &length},
};

}  // namespace

std::span<const ScalarFunction> entity_functions() { return kEntityFunctions; }

}  // namespace kg::query::functions
