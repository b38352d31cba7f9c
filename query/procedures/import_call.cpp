#include "query/procedures/import_call.hpp"

#include <algorithm>

#include "engine/loader/bulk_loader.hpp"
#include "engine/loader/options_map.hpp"

namespace kg::query {

namespace {

// The value of an argument made of literals and parameters only.
Result<Value> constant_value(const ast::Expr& e, const Map& params) {
  switch (e.kind) {
    case ast::ExprKind::kLiteral:
      return e.value;
    case ast::ExprKind::kParameter: {
      auto it = params.find(e.name);
      if (it == params.end())
        return Status(StatusCode::kParameterMissing, "Expected a parameter named $" + e.name, {},
                      "MissingParameter");
      return it->second;
    }
    case ast::ExprKind::kList: {
      List list;
      for (const auto& child : e.children) {
        KG_ASSIGN_OR_RETURN(Value v, constant_value(*child, params));
        list.push_back(std::move(v));
      }
      return Value(std::move(list));
    }
    case ast::ExprKind::kMap: {
      Map map;
      for (size_t i = 0; i < e.children.size(); ++i) {
        KG_ASSIGN_OR_RETURN(Value v, constant_value(*e.children[i], params));
        map[e.keys[i]] = std::move(v);
      }
      return Value(std::move(map));
    }
    default:
      return Status::semantic_error(e.pos, "kg.import takes a map of literals and parameters");
  }
}

}  // namespace

const ast::Call* import_call(const ast::Statement& statement) {
  const auto* query = std::get_if<ast::Query>(&statement.body);
  if (query == nullptr || query->parts.size() != 1 || query->parts[0].clauses.size() != 1)
    return nullptr;
  const auto* call = std::get_if<ast::Call>(&query->parts[0].clauses[0]);
  return call != nullptr && call->procedure == "kg.import" ? call : nullptr;
}

QueryResult run_import(engine::Graph& graph, const ast::Call& call, const Map& params,
                       const std::atomic<bool>* interrupt) {
  if (call.args.size() != 1)
    return QueryResult(Status::semantic_error(
        call.pos, "kg.import takes one argument, a map: kg.import({nodes: [...], ...})",
        "InvalidNumberOfArguments"));
  if (call.where)
    return QueryResult(Status::semantic_error(call.pos, "kg.import does not take YIELD ... WHERE"));
  auto arg = constant_value(*call.args[0], params);
  if (!arg) return QueryResult(arg.error());
  if (!arg->is_map())
    return QueryResult(
        Status::type_error(call.args[0]->pos, "kg.import takes a map", "InvalidArgumentType"));
  auto options = engine::loader::import_options_from_map(arg->as_map());
  if (!options) return QueryResult(options.error());
  if (interrupt != nullptr)
    options->cancelled = [interrupt] { return interrupt->load(std::memory_order_relaxed); };
  auto summary = engine::loader::bulk_import(graph, *options);
  if (!summary) return QueryResult(summary.error());
  std::vector<std::string> fields = engine::loader::summary_fields();
  Row all = engine::loader::summary_row(*summary);
  std::vector<std::string> columns;
  Row row;
  if (call.yields.empty()) {
    columns = fields;
    row = all;
  }
  for (const auto& y : call.yields) {
    auto it = std::find(fields.begin(), fields.end(), y.field);
    if (it == fields.end())
      return QueryResult(Status::semantic_error(y.pos, "kg.import has no output `" + y.field + "`",
                                                "UndefinedVariable"));
    columns.push_back(y.alias);
    row.push_back(all[static_cast<size_t>(it - fields.begin())]);
  }
  QueryCounters counters;
  counters.nodes_created = summary->nodes;
  counters.relationships_created = summary->relationships;
  counters.properties_set = summary->properties;
  return QueryResult(std::move(columns), {std::move(row)}, counters);
}

}  // namespace kg::query
