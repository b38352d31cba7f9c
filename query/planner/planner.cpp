// The planner's entry point and query structure: single queries, UNION, clause dispatch, UNWIND
// and CALL.
#include "query/planner/planner.hpp"

#include <algorithm>

#include "query/procedures/procedures.hpp"

namespace kg::query {

using ast::Expr;
using ast::ExprKind;

namespace {

bool is_update(const ast::Clause& c) {
  return std::holds_alternative<ast::Create>(c) || std::holds_alternative<ast::Merge>(c) ||
         std::holds_alternative<ast::Set>(c) || std::holds_alternative<ast::Remove>(c) ||
         std::holds_alternative<ast::Delete>(c);
}

}  // namespace

Result<std::unique_ptr<Plan>> plan_query(ast::Statement statement, std::string_view text,
                                         const engine::Transaction& txn) {
  auto plan = std::make_unique<Plan>();
  plan->text = std::string(text);
  plan->statement = std::move(statement);
  plan->indexes = txn.indexes();
  Planner planner(*plan, txn);
  KG_TRY(planner.plan());
  return plan;
}

Expr* Planner::own(ast::ExprPtr e) {
  plan_.synthesized.push_back(std::move(e));
  return plan_.synthesized.back().get();
}

ast::ExprPtr Planner::variable_ref(const std::string& name, int slot, SourcePos pos) {
  auto e = ast::make_expr(ExprKind::kVariable, pos, 0, 0);
  e->name = name;
  e->slot = slot;
  return e;
}

Status Planner::plan() {
  auto& query = std::get<ast::Query>(plan_.statement.body);
  std::vector<OperatorPtr> roots;
  for (size_t i = 0; i < query.parts.size(); ++i) {
    std::vector<std::string> columns;
    KG_ASSIGN_OR_RETURN(OperatorPtr root, plan_single_query(query.parts[i], columns));
    if (i == 0) {
      plan_.columns = columns;
    } else if (columns != plan_.columns) {
      return Status::syntax_error(
          query.union_pos[i - 1],
          "All sub queries in an UNION must have the same return column names",
          "DifferentColumnsInUnion");
    }
    roots.push_back(std::move(root));
  }
  for (size_t i = 1; i < query.union_all.size(); ++i) {
    if (query.union_all[i] != query.union_all[0])
      return Status::syntax_error(query.union_pos[i], "Invalid combination of UNION and UNION ALL",
                                  "InvalidClauseComposition");
  }
  if (roots.size() == 1) {
    plan_.root = std::move(roots[0]);
  } else {
    plan_.root = make_union(std::move(roots), !query.union_all[0]);
  }
  return Status();
}

Result<OperatorPtr> Planner::plan_single_query(ast::SingleQuery& q,
                                               std::vector<std::string>& columns) {
  Scope scope;
  OperatorPtr root = make_start(plan_.width);
  start_ = root.get();
  bool returned = false;
  for (size_t i = 0; i < q.clauses.size(); ++i) {
    ast::Clause& clause = q.clauses[i];
    bool last = i + 1 == q.clauses.size();
    if (std::holds_alternative<ast::Return>(clause)) {
      if (!last)
        return Status::syntax_error(ast::clause_pos(q.clauses[i + 1]),
                                    ast::clause_name(q.clauses[i + 1]) + " cannot follow RETURN",
                                    "InvalidClauseComposition");
      returned = true;
    }
    if (is_update(clause)) plan_.writes = true;
    KG_ASSIGN_OR_RETURN(root, plan_clause(clause, std::move(root), scope, last, columns));
  }
  const ast::Clause& final = q.clauses.back();
  bool standalone_call = std::holds_alternative<ast::Call>(final);
  if (!returned && !is_update(final) && !standalone_call)
    return Status::syntax_error(ast::clause_pos(final),
                                "Query cannot conclude with " + ast::clause_name(final) +
                                    " (must be RETURN or an update clause)",
                                "InvalidClauseComposition");
  if (!returned && !standalone_call) root = make_produce_results(std::move(root), {});
  return root;
}

Result<OperatorPtr> Planner::plan_clause(ast::Clause& clause, OperatorPtr input, Scope& scope,
                                         bool last, std::vector<std::string>& columns) {
  if (auto* m = std::get_if<ast::Match>(&clause)) return plan_match(*m, std::move(input), scope);
  if (auto* u = std::get_if<ast::Unwind>(&clause)) return plan_unwind(*u, std::move(input), scope);
  if (auto* c = std::get_if<ast::Create>(&clause)) return plan_create(*c, std::move(input), scope);
  if (auto* m = std::get_if<ast::Merge>(&clause)) return plan_merge(*m, std::move(input), scope);
  if (auto* s = std::get_if<ast::Set>(&clause)) {
    KG_ASSIGN_OR_RETURN(std::vector<SetSpec> items, set_specs(s->items, scope));
    return make_set(std::move(input), std::move(items));
  }
  if (auto* r = std::get_if<ast::Remove>(&clause)) return plan_remove(*r, std::move(input), scope);
  if (auto* d = std::get_if<ast::Delete>(&clause)) return plan_delete(*d, std::move(input), scope);
  if (auto* w = std::get_if<ast::With>(&clause)) {
    std::vector<std::string> unused;
    return plan_projection(w->projection, w->where.get(), std::move(input), scope, false, unused);
  }
  if (auto* r = std::get_if<ast::Return>(&clause))
    return plan_projection(r->projection, nullptr, std::move(input), scope, true, columns);
  auto& call = std::get<ast::Call>(clause);
  return plan_call(call, std::move(input), scope, last, columns);
}

Result<OperatorPtr> Planner::plan_unwind(ast::Unwind& u, OperatorPtr input, Scope& scope) {
  KG_TRY(bind(*u.list, scope));
  if (scope.count(u.variable) != 0)
    return Status::syntax_error(u.pos, "Variable `" + u.variable + "` is already declared",
                                "VariableAlreadyBound");
  int slot = new_slot();
  scope[u.variable] = Var{slot, VarKind::kAny};
  return make_unwind(std::move(input), u.list.get(), slot, u.variable);
}

Result<OperatorPtr> Planner::plan_call(ast::Call& c, OperatorPtr input, Scope& scope, bool last,
                                       std::vector<std::string>& columns) {
  const Procedure* proc = find_procedure(c.procedure);
  if (proc == nullptr)
    return Status(StatusCode::kProcedureError,
                  "There is no procedure with the name `" + c.procedure + "`", c.pos,
                  "ProcedureNotFound");
  const size_t max_args = proc->inputs.size();
  const size_t min_args = max_args - proc->optional_inputs;
  if (c.has_args && (c.args.size() < min_args || c.args.size() > max_args))
    return Status::syntax_error(
        c.pos,
        "Procedure " + c.procedure + " takes " +
            (min_args == max_args ? std::to_string(max_args)
                                  : std::to_string(min_args) + " to " + std::to_string(max_args)) +
            " argument(s), not " + std::to_string(c.args.size()),
        "InvalidNumberOfArguments");
  if (!c.has_args && min_args > 0)
    return Status::syntax_error(c.pos, "Procedure " + c.procedure + " needs arguments",
                                "InvalidNumberOfArguments");
  ProcedureCallSpec spec;
  spec.procedure = c.procedure;
  spec.pos = c.pos;
  if (proc->options_last && c.args.size() == max_args) {
    const ast::Expr& options = *c.args.back();
    if (options.kind == ast::ExprKind::kMap &&
        std::find(options.keys.begin(), options.keys.end(), "write") != options.keys.end())
      plan_.writes = true;
  }
  for (auto& a : c.args) {
    KG_TRY(bind(*a, scope));
    spec.args.push_back(a.get());
  }
  bool standalone = last && c.yields.empty() && !c.yield_star;
  if (standalone || c.yield_star) {
    for (std::string_view out : proc->outputs)
      c.yields.push_back({c.pos, std::string(out), std::string(out)});
  } else if (c.yields.empty()) {
    return Status::syntax_error(c.pos, "CALL inside a query needs YIELD",
                                "InvalidClauseComposition");
  }
  std::vector<int> slots;
  for (const auto& y : c.yields) {
    bool known = false;
    for (std::string_view out : proc->outputs) known = known || out == y.field;
    if (!known)
      return Status::syntax_error(y.pos,
                                  "Procedure " + c.procedure + " has no output `" + y.field + "`",
                                  "UndefinedVariable");
    if (scope.count(y.alias) != 0)
      return Status::syntax_error(c.pos, "Variable `" + y.alias + "` is already declared",
                                  "VariableAlreadyBound");
    int slot = new_slot();
    scope[y.alias] = Var{slot, VarKind::kAny};
    spec.yields.emplace_back(y.field, slot);
    slots.push_back(slot);
  }
  OperatorPtr root = make_procedure_call(std::move(input), std::move(spec));
  if (c.where) {
    KG_TRY(bind(*c.where, scope, false, /*predicate=*/true));
    root = make_filter(std::move(root), c.where.get(), "");
  }
  if (standalone) {
    for (const auto& y : c.yields) columns.push_back(y.alias);
    root = make_produce_results(std::move(root), std::move(slots));
  }
  return root;
}

}  // namespace kg::query
