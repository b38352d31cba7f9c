#include "query/executor/evaluator.hpp"

#include <algorithm>
#include <regex>

#include "query/executor/subplan.hpp"
#include "query/functions/function_registry.hpp"
#include "query/values/arithmetic.hpp"

namespace kg::query {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

namespace {

// Puts the position of `e` on an error that has none.
Status at(const Expr& e, Status s) {
  if (s.ok() || s.pos().known()) return s;
  return Status(s.code(), s.message(), e.pos, s.detail());
}

Status type_error(const Expr& e, std::string msg, std::string detail = "InvalidArgumentType") {
  return Status::type_error(e.pos, std::move(msg), std::move(detail));
}

Result<Tri> as_tri(const Expr& e, const Value& v) {
  if (v.is_null()) return Tri::kNull;
  if (v.is_bool()) return to_tri(v.as_bool());
  return type_error(e, "expected a boolean, got " + std::string(value_type_name(v.type())) + " (" +
                           v.to_literal() + ")");
}

// Resolves a list index (negative counts from the end); nullopt when out of range.
std::optional<size_t> list_index(int64_t i, size_t size) {
  int64_t n = static_cast<int64_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return std::nullopt;
  return static_cast<size_t>(i);
}

Result<Value> subscript(const Expr& e, const Value& container, const Value& index,
                        ExecContext& ctx) {
  if (container.is_null() || index.is_null()) return Value();
  if (container.is_list()) {
    if (!index.is_int())
      return type_error(
          e, "a list index must be an INTEGER, not " + std::string(value_type_name(index.type())));
    auto i = list_index(index.as_int(), container.as_list().size());
    return i ? container.as_list()[*i] : Value();
  }
  if (container.is_map() || container.is_node() || container.is_relationship()) {
    if (!index.is_string())
      return type_error(
          e, "a map key must be a STRING, not " + std::string(value_type_name(index.type())),
          "MapElementAccessByNonString");
    return property_of(container, index.as_string(), ctx, e.pos);
  }
  return type_error(e, "cannot index into " + std::string(value_type_name(container.type())));
}

Result<Value> slice(const Expr& e, const Value& container, const Value* from, const Value* to) {
  if (container.is_null()) return Value();
  if ((from != nullptr && from->is_null()) || (to != nullptr && to->is_null())) return Value();
  if (!container.is_list())
    return type_error(e, "cannot slice " + std::string(value_type_name(container.type())));
  for (const Value* b : {from, to})
    if (b != nullptr && !b->is_int()) return type_error(e, "slice bounds must be INTEGERs");
  const List& list = container.as_list();
  int64_t n = static_cast<int64_t>(list.size());
  auto clamp = [n](int64_t i) {
    if (i < 0) i += n;
    return std::clamp<int64_t>(i, 0, n);
  };
  int64_t lo = from ? clamp(from->as_int()) : 0;
  int64_t hi = to ? clamp(to->as_int()) : n;
  if (hi <= lo) return Value(List{});
  return Value(List(list.begin() + lo, list.begin() + hi));
}

Result<Value> membership(const Expr& e, const Value& needle, const Value& haystack) {
  if (haystack.is_null()) return Value();
  if (!haystack.is_list())
    return type_error(
        e, "IN needs a LIST on its right, not " + std::string(value_type_name(haystack.type())));
  bool saw_null = false;
  for (const Value& item : haystack.as_list()) {
    Tri t = equals(needle, item);
    if (t == Tri::kTrue) return Value(true);
    if (t == Tri::kNull) saw_null = true;
  }
  return saw_null ? Value() : Value(false);
}

Result<Value> regex_match(const Expr& e, const Value& text, const Value& pattern) {
  if (!text.is_string() || !pattern.is_string()) return Value();
  try {
    std::regex re(pattern.as_string(), std::regex::ECMAScript);
    return Value(std::regex_match(text.as_string(), re));
  } catch (const std::regex_error& err) {
    return Status(StatusCode::kArgumentError,
                  "invalid regular expression " + pattern.to_literal() + ": " + err.what(), e.pos,
                  "InvalidArgumentValue");
  }
}

Result<Value> compare_op(Op op, const Value& a, const Value& b) {
  if (op == Op::kEq) return tri_value(equals(a, b));
  if (op == Op::kNe) return tri_value(tri_not(equals(a, b)));
  auto c = compare(a, b);
  if (!c) return Value();
  if (*c == Cmp::kUnordered) return Value(false);
  switch (op) {
    case Op::kLt:
      return Value(*c == Cmp::kLess);
    case Op::kGt:
      return Value(*c == Cmp::kGreater);
    case Op::kLe:
      return Value(*c != Cmp::kGreater);
    case Op::kGe:
      return Value(*c != Cmp::kLess);
    default:
      return Value();
  }
}

Result<Value> string_op(Op op, const Value& a, const Value& b) {
  if (!a.is_string() || !b.is_string()) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  switch (op) {
    case Op::kStartsWith:
      return Value(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
    case Op::kEndsWith:
      return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    default:
      return Value(s.find(t) != std::string::npos);
  }
}

// A pattern predicate or the pattern of exists(): whether the subplan yields a row.
Result<bool> pattern_exists(const Expr& e, Row& row, ExecContext& ctx) {
  if (!e.subplan) return Status::internal("pattern predicate without a plan");
  e.subplan->start(row);
  RowBatch batch;
  for (;;) {
    batch.clear();
    KG_ASSIGN_OR_RETURN(bool more, e.subplan->root->next(ctx, batch));
    if (!batch.empty()) return true;
    if (!more) return false;
  }
}

Result<Value> build_path(const Expr& e, Row& row, ExecContext& ctx) {
  Path path;
  // children: node, rel, node, rel, node... (a rel slot may hold a list for var-length hops)
  const Value& first = row[static_cast<size_t>(e.children[0]->slot)];
  if (first.is_null()) return Value();
  path.nodes.push_back(first.as_node());
  for (size_t i = 1; i + 1 < e.children.size(); i += 2) {
    const Value& rel = row[static_cast<size_t>(e.children[i]->slot)];
    const Value& next = row[static_cast<size_t>(e.children[i + 1]->slot)];
    if (rel.is_null() || next.is_null()) return Value();
    auto step = [&](const Relationship& r) -> Status {
      NodeId here = path.nodes.back().id;
      NodeId there = r.start == here ? r.end : r.start;
      path.relationships.push_back(r);
      path.nodes.push_back(ExecContext::node_ref(there).as_node());
      return Status();
    };
    if (rel.is_list()) {
      for (const Value& r : rel.as_list()) KG_TRY(step(r.as_relationship()));
    } else {
      KG_TRY(step(rel.as_relationship()));
    }
    // The pattern's node is authoritative (it is the same node).
    path.nodes.back() = next.as_node();
  }
  (void)ctx;
  return Value(std::move(path));
}

Result<Value> quantifier(const Expr& e, Row& row, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Value list, evaluate(*e.children[0], row, ctx));
  if (list.is_null()) return Value();
  if (!list.is_list()) return type_error(e, e.function + "() needs a LIST");
  size_t trues = 0, nulls = 0, total = list.as_list().size();
  for (const Value& item : list.as_list()) {
    row[static_cast<size_t>(e.slot)] = item;
    Tri t = Tri::kTrue;
    if (e.children[1]) {
      KG_ASSIGN_OR_RETURN(t, evaluate_predicate(*e.children[1], row, ctx));
    }
    if (t == Tri::kTrue) ++trues;
    if (t == Tri::kNull) ++nulls;
  }
  size_t falses = total - trues - nulls;
  if (e.function == "all") return falses > 0 ? Value(false) : (nulls > 0 ? Value() : Value(true));
  if (e.function == "any") return trues > 0 ? Value(true) : (nulls > 0 ? Value() : Value(false));
  if (e.function == "none") return trues > 0 ? Value(false) : (nulls > 0 ? Value() : Value(true));
  // single
  if (trues > 1) return Value(false);
  if (nulls > 0) return Value();
  return Value(trues == 1);
}

// Whether function `fn` needs argument `v` materialized (ExecContext::materialize). Not when it
// holds no node, relationship or path; not for id(), which needs the id alone; not for a node
// given to labels(), keys() or properties(), which read the node as the statement sees it
// themselves (FunctionContext::node); not for type(r) of a reference that already carries its
// type (from an expansion, see AdjacencyWalker::rel_ref).
bool needs_materialized(std::string_view fn, const Value& v) {
  if (v.is_node()) return fn != "id" && fn != "labels" && fn != "keys" && fn != "properties";
  if (v.is_relationship())
    return fn != "id" && !(fn == "type" && !v.as_relationship().type.empty());
  return ExecContext::has_references(v);
}

Result<Value> call_function(const Expr& e, Row& row, ExecContext& ctx) {
  if (e.slot >= 0) return row[static_cast<size_t>(e.slot)];  // an aggregate, computed earlier
  if (e.scalar == nullptr) return Status::internal("function " + e.name + " was not bound");
  std::vector<Value> args;
  args.reserve(e.children.size());
  for (const auto& c : e.children) {
    KG_ASSIGN_OR_RETURN(Value v, evaluate(*c, row, ctx));
    if (needs_materialized(e.scalar->name, v)) {
      KG_ASSIGN_OR_RETURN(v, ctx.materialize(v));
    }
    args.push_back(std::move(v));
  }
  auto r = e.scalar->fn(args, ctx);
  if (!r) return at(e, r.error());
  return std::move(r).value();
}

}  // namespace

Result<Value> property_of(const Value& target, const std::string& key, ExecContext& ctx,
                          SourcePos pos) {
  switch (target.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kMap: {
      auto it = target.as_map().find(key);
      return it == target.as_map().end() ? Value() : it->second;
    }
    case ValueType::kNode: {
      NodeId id = target.as_node().id;
      auto k = ctx.prop_key(key);
      std::optional<Value> v;
      if (k) {
        KG_ASSIGN_OR_RETURN(v, ctx.node_property(id, *k));
      } else {
        KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(id));
        if (rec != nullptr) v = Value();
      }
      if (!v) {
        Status s = deleted_entity("node", to_underlying(id));
        return Status(s.code(), s.message(), pos, s.detail());
      }
      return std::move(*v);
    }
    case ValueType::kRelationship: {
      RelId id = target.as_relationship().id;
      KG_ASSIGN_OR_RETURN(const engine::RelRecord* rec, ctx.rel_record(id));
      if (rec == nullptr) {
        Status s = deleted_entity("relationship", to_underlying(id));
        return Status(s.code(), s.message(), pos, s.detail());
      }
      auto k = ctx.prop_key(key);
      if (!k) return Value();
      const Value* v = engine::find_property(rec->properties, *k);
      return v ? *v : Value();
    }
    default:
      return Status::type_error(
          pos,
          "cannot read property `" + key + "` of a " + std::string(value_type_name(target.type())),
          "InvalidArgumentType");
  }
}

Result<bool> node_has_labels(NodeId id, const std::vector<std::string>& labels, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(auto has, ctx.node_label_ids(id));
  if (!has) return false;
  for (const auto& name : labels) {
    auto l = ctx.label(name);
    if (!l || !std::binary_search(has->begin(), has->end(), *l)) return false;
  }
  return true;
}

Result<Value> evaluate(const Expr& e, Row& row, ExecContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.value;
    case ExprKind::kParameter: {
      auto it = ctx.params().find(e.name);
      if (it == ctx.params().end())
        return Status(StatusCode::kParameterMissing, "parameter $" + e.name + " is missing", e.pos,
                      "MissingParameter");
      return it->second;
    }
    case ExprKind::kVariable:
      if (e.slot < 0) return Status::internal("variable `" + e.name + "` was not bound");
      return row[static_cast<size_t>(e.slot)];
    case ExprKind::kProperty: {
      // n.name: the variable's value is read in place, not copied.
      const Expr& of = *e.children[0];
      if (of.kind == ExprKind::kVariable && of.slot >= 0)
        return property_of(row[static_cast<size_t>(of.slot)], e.name, ctx, e.pos);
      KG_ASSIGN_OR_RETURN(Value target, evaluate(of, row, ctx));
      return property_of(target, e.name, ctx, e.pos);
    }
    case ExprKind::kSubscript: {
      KG_ASSIGN_OR_RETURN(Value container, evaluate(*e.children[0], row, ctx));
      KG_ASSIGN_OR_RETURN(Value index, evaluate(*e.children[1], row, ctx));
      return subscript(e, container, index, ctx);
    }
    case ExprKind::kSlice: {
      KG_ASSIGN_OR_RETURN(Value container, evaluate(*e.children[0], row, ctx));
      std::optional<Value> from, to;
      if (e.children[1]) {
        KG_ASSIGN_OR_RETURN(from, evaluate(*e.children[1], row, ctx));
      }
      if (e.children[2]) {
        KG_ASSIGN_OR_RETURN(to, evaluate(*e.children[2], row, ctx));
      }
      return slice(e, container, from ? &*from : nullptr, to ? &*to : nullptr);
    }
    case ExprKind::kList: {
      List out;
      out.reserve(e.children.size());
      for (const auto& c : e.children) {
        KG_ASSIGN_OR_RETURN(Value v, evaluate(*c, row, ctx));
        out.push_back(std::move(v));
      }
      return Value(std::move(out));
    }
    case ExprKind::kMap: {
      Map out;
      for (size_t i = 0; i < e.children.size(); ++i) {
        KG_ASSIGN_OR_RETURN(Value v, evaluate(*e.children[i], row, ctx));
        out[e.keys[i]] = std::move(v);
      }
      return Value(std::move(out));
    }
    case ExprKind::kCall:
      return call_function(e, row, ctx);
    case ExprKind::kCountStar:
      if (e.slot < 0) return Status::internal("count(*) was not bound");
      return row[static_cast<size_t>(e.slot)];
    case ExprKind::kUnary: {
      if (e.op == Op::kNot) {
        KG_ASSIGN_OR_RETURN(Tri t, evaluate_predicate(*e.children[0], row, ctx));
        return tri_value(tri_not(t));
      }
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*e.children[0], row, ctx));
      if (e.op == Op::kNeg) {
        auto r = negate(v);
        if (!r) return at(e, r.error());
        return std::move(r).value();
      }
      if (!v.is_null() && !v.is_number())
        return type_error(e,
                          "unary + needs a number, not " + std::string(value_type_name(v.type())));
      return v;
    }
    case ExprKind::kBinary: {
      if (e.op == Op::kAnd || e.op == Op::kOr || e.op == Op::kXor) {
        KG_ASSIGN_OR_RETURN(Tri a, evaluate_predicate(*e.children[0], row, ctx));
        if (e.op == Op::kAnd && a == Tri::kFalse) return Value(false);
        if (e.op == Op::kOr && a == Tri::kTrue) return Value(true);
        KG_ASSIGN_OR_RETURN(Tri b, evaluate_predicate(*e.children[1], row, ctx));
        if (e.op == Op::kAnd) return tri_value(tri_and(a, b));
        if (e.op == Op::kOr) return tri_value(tri_or(a, b));
        return tri_value(tri_xor(a, b));
      }
      KG_ASSIGN_OR_RETURN(Value a, evaluate(*e.children[0], row, ctx));
      KG_ASSIGN_OR_RETURN(Value b, evaluate(*e.children[1], row, ctx));
      switch (e.op) {
        case Op::kEq:
        case Op::kNe:
        case Op::kLt:
        case Op::kGt:
        case Op::kLe:
        case Op::kGe:
          return compare_op(e.op, a, b);
        case Op::kIn:
          return membership(e, a, b);
        case Op::kStartsWith:
        case Op::kEndsWith:
        case Op::kContains:
          return string_op(e.op, a, b);
        case Op::kRegex:
          return regex_match(e, a, b);
        default: {
          auto r = arithmetic(e.op, a, b);
          if (!r) return at(e, r.error());
          return std::move(r).value();
        }
      }
    }
    case ExprKind::kIsNull:
    case ExprKind::kIsNotNull: {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*e.children[0], row, ctx));
      return Value(v.is_null() == (e.kind == ExprKind::kIsNull));
    }
    case ExprKind::kLabelCheck: {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*e.children[0], row, ctx));
      if (v.is_null()) return Value();
      if (!v.is_node())
        return type_error(
            e, "a label check needs a NODE, not " + std::string(value_type_name(v.type())));
      KG_ASSIGN_OR_RETURN(bool has, node_has_labels(v.as_node().id, e.keys, ctx));
      return Value(has);
    }
    case ExprKind::kCase: {
      size_t i = 0;
      std::optional<Value> test;
      if (e.has_test) {
        KG_ASSIGN_OR_RETURN(test, evaluate(*e.children[0], row, ctx));
        i = 1;
      }
      size_t pairs_end = e.children.size() - (e.has_else ? 1 : 0);
      for (; i + 2 <= pairs_end; i += 2) {
        bool hit;
        if (test) {
          KG_ASSIGN_OR_RETURN(Value when, evaluate(*e.children[i], row, ctx));
          hit = equals(*test, when) == Tri::kTrue;
        } else {
          KG_ASSIGN_OR_RETURN(Value when, evaluate(*e.children[i], row, ctx));
          hit = when.is_bool() && when.as_bool();
        }
        if (hit) return evaluate(*e.children[i + 1], row, ctx);
      }
      if (e.has_else) return evaluate(*e.children.back(), row, ctx);
      return Value();
    }
    case ExprKind::kListComprehension: {
      KG_ASSIGN_OR_RETURN(Value list, evaluate(*e.children[0], row, ctx));
      if (list.is_null()) return Value();
      if (!list.is_list())
        return type_error(e, "a list comprehension needs a LIST, not " +
                                 std::string(value_type_name(list.type())));
      List out;
      for (const Value& item : list.as_list()) {
        row[static_cast<size_t>(e.slot)] = item;
        if (e.children[1]) {
          KG_ASSIGN_OR_RETURN(Tri t, evaluate_predicate(*e.children[1], row, ctx));
          if (t != Tri::kTrue) continue;
        }
        if (e.children[2]) {
          KG_ASSIGN_OR_RETURN(Value v, evaluate(*e.children[2], row, ctx));
          out.push_back(std::move(v));
        } else {
          out.push_back(item);
        }
      }
      return Value(std::move(out));
    }
    case ExprKind::kQuantifier:
      return quantifier(e, row, ctx);
    case ExprKind::kReduce: {
      KG_ASSIGN_OR_RETURN(Value acc, evaluate(*e.children[0], row, ctx));
      KG_ASSIGN_OR_RETURN(Value list, evaluate(*e.children[1], row, ctx));
      if (list.is_null()) return Value();
      if (!list.is_list()) return type_error(e, "reduce() needs a LIST");
      for (const Value& item : list.as_list()) {
        row[static_cast<size_t>(e.slot2)] = acc;
        row[static_cast<size_t>(e.slot)] = item;
        KG_ASSIGN_OR_RETURN(acc, evaluate(*e.children[2], row, ctx));
      }
      return acc;
    }
    case ExprKind::kPatternPredicate: {
      KG_ASSIGN_OR_RETURN(bool found, pattern_exists(e, row, ctx));
      return Value(found);
    }
    case ExprKind::kPatternComprehension: {
      if (!e.subplan) return Status::internal("pattern comprehension without a plan");
      e.subplan->start(row);
      KG_ASSIGN_OR_RETURN(RowBatch rows, drain(*e.subplan->root, ctx));
      List out;
      for (Row& r : rows) {
        if (e.children[0]) {
          KG_ASSIGN_OR_RETURN(Tri t, evaluate_predicate(*e.children[0], r, ctx));
          if (t != Tri::kTrue) continue;
        }
        KG_ASSIGN_OR_RETURN(Value v, evaluate(*e.children[1], r, ctx));
        out.push_back(std::move(v));
      }
      return Value(std::move(out));
    }
    case ExprKind::kExists: {
      const Expr& arg = *e.children[0];
      if (arg.kind == ExprKind::kPatternPredicate) return evaluate(arg, row, ctx);
      KG_ASSIGN_OR_RETURN(Value v, evaluate(arg, row, ctx));
      return Value(!v.is_null());
    }
    case ExprKind::kMapProjection: {
      const Value& base = row[static_cast<size_t>(e.slot)];
      if (base.is_null()) return Value();
      Map out;
      for (size_t i = 0; i < e.keys.size(); ++i) {
        const std::string& key = e.keys[i];
        if (e.children[i]) {
          KG_ASSIGN_OR_RETURN(Value v, evaluate(*e.children[i], row, ctx));
          out[key] = std::move(v);
        } else if (key == "*") {
          KG_ASSIGN_OR_RETURN(Value m, ctx.materialize(base));
          const Map* props = m.is_node()           ? &m.as_node().properties
                             : m.is_relationship() ? &m.as_relationship().properties
                             : m.is_map()          ? &m.as_map()
                                                   : nullptr;
          if (props == nullptr) return type_error(e, "a map projection needs a map or an entity");
          for (const auto& [k, v] : *props) out[k] = v;
        } else {
          KG_ASSIGN_OR_RETURN(Value v, property_of(base, key, ctx, e.pos));
          out[key] = std::move(v);
        }
      }
      return Value(std::move(out));
    }
    case ExprKind::kExistsSubquery: {
      KG_ASSIGN_OR_RETURN(bool found, pattern_exists(e, row, ctx));
      return Value(found);
    }
    case ExprKind::kBuildPath:
      return build_path(e, row, ctx);
  }
  return Status::internal("unknown expression kind");
}

Result<Tri> evaluate_predicate(const Expr& e, Row& row, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Value v, evaluate(e, row, ctx));
  return as_tri(e, v);
}

}  // namespace kg::query
