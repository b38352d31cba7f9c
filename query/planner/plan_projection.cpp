// Planning WITH and RETURN: projection items (with *), aggregation with implicit grouping,
// DISTINCT, ORDER BY (over the new and, without aggregation or DISTINCT, the old variables),
// SKIP, LIMIT and WITH's WHERE.
#include <algorithm>

#include "query/functions/function_registry.hpp"
#include "query/planner/planner.hpp"

namespace kg::query {

using ast::Expr;
using ast::ExprKind;

namespace {

// The aggregate calls in `e`, outermost first; NestedAggregation when one contains another.
Status find_aggregates(Expr& e, std::vector<Expr*>& out) {
  if (!aggregate_name(e).empty()) {
    for (auto& c : e.children)
      if (c && contains_aggregate(*c))
        return Status::syntax_error(c->pos,
                                    "Can't use aggregate functions inside of aggregate functions",
                                    "NestedAggregation");
    out.push_back(&e);
    return Status();
  }
  for (auto& c : e.children)
    if (c) KG_TRY(find_aggregates(*c, out));
  return Status();
}

std::string text_of(std::string_view text, const Expr& e) {
  if (e.end <= e.begin || e.end > text.size()) return "";
  return std::string(text.substr(e.begin, e.end - e.begin));
}

// Checks that outside its aggregate calls, an aggregating item only uses grouping keys.
Status check_grouping(const Expr& e, std::string_view text, const std::set<std::string>& keys,
                      const std::set<std::string>& key_variables, const std::set<int>& local) {
  if (!aggregate_name(e).empty()) return Status();
  std::string t = text_of(text, e);
  if (!t.empty() && keys.count(t) != 0) return Status();
  if (e.kind == ExprKind::kVariable) {
    if (key_variables.count(e.name) != 0 || local.count(e.slot) != 0) return Status();
    return Status::syntax_error(e.pos,
                                "Aggregation column contains implicit grouping expressions: `" +
                                    e.name + "` is neither aggregated nor a grouping key",
                                "AmbiguousAggregationExpression");
  }
  for (const auto& c : e.children)
    if (c) KG_TRY(check_grouping(*c, text, keys, key_variables, local));
  return Status();
}

// SKIP and LIMIT take constants: expressions of literals and parameters.
Status check_constant_inner(const Expr& e, std::string_view what) {
  if (e.kind == ExprKind::kVariable || e.kind == ExprKind::kPatternPredicate ||
      e.kind == ExprKind::kPatternComprehension)
    return Status::syntax_error(e.pos,
                                "It is not allowed to refer to variables in " + std::string(what),
                                "NonConstantExpression");
  for (const auto& c : e.children)
    if (c) KG_TRY(check_constant_inner(*c, what));
  return Status();
}

Status check_constant(const Expr& e, std::string_view what) {
  KG_TRY(check_constant_inner(e, what));
  if (e.kind == ExprKind::kLiteral) {
    if (e.value.is_int() && e.value.as_int() < 0)
      return Status::syntax_error(e.pos, std::string(what) + " needs a non-negative INTEGER",
                                  "NegativeIntegerArgument");
    if (!e.value.is_int() && !e.value.is_null())
      return Status::syntax_error(e.pos, std::string(what) + " needs an INTEGER",
                                  "InvalidArgumentType");
  }
  return Status();
}

// Whether `e` calls rand(): aggregating over it is not allowed.
bool calls_rand(const Expr& e) {
  if (e.kind == ExprKind::kCall) {
    std::string n = e.name;
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "rand") return true;
  }
  for (const auto& c : e.children)
    if (c && calls_rand(*c)) return true;
  return false;
}

}  // namespace

void Planner::replace_projected(ast::ExprPtr& e, const ast::Projection& p,
                                const std::vector<int>& slots) {
  if (!e) return;
  std::string t = text_of(plan_.text, *e);
  if (!t.empty()) {
    for (size_t i = 0; i < p.items.size(); ++i) {
      if (text_of(plan_.text, *p.items[i].expr) == t ||
          (p.items[i].has_alias && e->kind == ExprKind::kVariable && e->name == p.items[i].alias)) {
        auto ref = variable_ref(p.items[i].alias, slots[i], e->pos);
        ref->begin = e->begin;
        ref->end = e->end;
        e = std::move(ref);
        return;
      }
    }
  }
  // Comprehensions bind their own variable: a projected name inside them may be shadowed.
  if (e->kind == ExprKind::kListComprehension || e->kind == ExprKind::kQuantifier ||
      e->kind == ExprKind::kReduce || e->kind == ExprKind::kPatternComprehension)
    return;
  for (auto& c : e->children) replace_projected(c, p, slots);
}

OperatorPtr Planner::top_candidates_before_projection(const ast::Projection& p, OperatorPtr input,
                                                      const Scope& scope) {
  if (p.distinct || p.order_by.empty() || !p.limit || p.skip) return input;
  bool costly = std::any_of(p.items.begin(), p.items.end(), [](const ast::ProjectionItem& item) {
    return item.expr->kind != ExprKind::kVariable;
  });
  if (!costly) return input;
  // The leading ORDER BY keys that name a variable of the input: as an alias of an item that is
  // that variable, or as the old variable itself (without DISTINCT or aggregation ORDER BY sees
  // the old variables too).
  std::vector<SortKey> keys;
  for (const auto& s : p.order_by) {
    if (s.expr->kind != ExprKind::kVariable) break;
    const std::string* input_name = &s.expr->name;
    auto item = std::find_if(p.items.begin(), p.items.end(),
                             [&](const ast::ProjectionItem& i) { return i.alias == s.expr->name; });
    if (item != p.items.end()) {
      if (item->expr->kind != ExprKind::kVariable) break;
      input_name = &item->expr->name;
    }
    auto var = scope.find(*input_name);
    if (var == scope.end()) break;
    plan_.synthesized.push_back(variable_ref(*input_name, var->second.slot, s.expr->pos));
    keys.push_back({plan_.synthesized.back().get(), s.descending});
  }
  if (keys.empty()) return input;
  return make_top_candidates(std::move(input), std::move(keys), p.limit.get());
}

Result<OperatorPtr> Planner::plan_projection(ast::Projection& p, Expr* where, OperatorPtr input,
                                             Scope& scope, bool is_return,
                                             std::vector<std::string>& columns) {
  std::string_view text = plan_.text;
  const char* clause = is_return ? "RETURN" : "WITH";
  if (p.star) {
    std::vector<ast::ProjectionItem> star;
    for (const auto& [name, var] : scope) {
      ast::ProjectionItem item;
      item.expr = variable_ref(name, var.slot, p.pos);
      item.alias = name;
      item.has_alias = true;
      star.push_back(std::move(item));
    }
    if (star.empty() && p.items.empty() && is_return)
      return Status::syntax_error(
          p.pos, std::string(clause) + " * is not allowed when there are no variables in scope",
          "NoVariablesInScope");
    for (auto& item : p.items) star.push_back(std::move(item));
    p.items = std::move(star);
    p.star = false;
  }
  std::set<std::string> aliases;
  for (const auto& item : p.items) {
    if (!is_return && !item.has_alias && item.expr->kind != ExprKind::kVariable)
      return Status::syntax_error(item.expr->pos, "Expression in WITH must be aliased (use AS)",
                                  "NoExpressionAlias");
    if (!aliases.insert(item.alias).second)
      return Status::syntax_error(
          item.expr->pos,
          "Multiple result columns with the same name `" + item.alias + "` are not supported",
          "ColumnNameConflict");
  }

  bool aggregating = false;
  for (const auto& item : p.items) aggregating = aggregating || contains_aggregate(*item.expr);

  std::vector<int> slots(p.items.size());
  OperatorPtr root = std::move(input);
  if (aggregating) {
    std::vector<ProjectItem> keys;
    std::vector<AggregateSpec> aggregates;
    std::set<std::string> key_texts, key_variables;
    for (size_t i = 0; i < p.items.size(); ++i) {
      Expr& e = *p.items[i].expr;
      if (contains_aggregate(e)) continue;
      KG_TRY(bind(e, scope));
      slots[i] = new_slot();
      keys.push_back({&e, slots[i]});
      // Aggregating items may reuse grouping keys that are variables or properties, not more
      // complex expressions (openCypher: AmbiguousAggregationExpression).
      std::string t = text_of(text, e);
      if (!t.empty() && (e.kind == ExprKind::kVariable || e.kind == ExprKind::kProperty))
        key_texts.insert(t);
      if (e.kind == ExprKind::kVariable) key_variables.insert(e.name);
    }
    std::vector<ProjectItem> after;
    for (size_t i = 0; i < p.items.size(); ++i) {
      Expr& e = *p.items[i].expr;
      if (!contains_aggregate(e)) continue;
      std::vector<Expr*> calls;
      KG_TRY(find_aggregates(e, calls));
      for (Expr* call : calls) {
        AggregateSpec spec;
        spec.function = aggregate_name(*call);
        spec.distinct = call->distinct;
        // Aggregators read their arguments unchecked: sum() once read a missing one (found by
        // fuzzing, tests/fuzz/regressions/query/).
        const AggregateFunction* fn = find_aggregate_function(spec.function);
        if (call->kind == ExprKind::kCall &&
            (call->children.size() < fn->min_args || call->children.size() > fn->max_args)) {
          return Status::syntax_error(
              call->pos,
              "Function " + std::string(fn->name) + " takes " +
                  (fn->min_args == fn->max_args
                       ? std::to_string(fn->min_args)
                       : std::to_string(fn->min_args) + " to " + std::to_string(fn->max_args)) +
                  " argument(s), not " + std::to_string(call->children.size()),
              "InvalidNumberOfArguments");
        }
        for (auto& arg : call->children) {
          if (calls_rand(*arg))
            return Status::syntax_error(
                arg->pos, "Can't aggregate over a non-deterministic expression (rand())",
                "NonConstantExpression");
          KG_TRY(bind(*arg, scope));
          spec.args.push_back(arg.get());
        }
        call->slot = new_slot();
        spec.slot = call->slot;
        aggregates.push_back(std::move(spec));
      }
      KG_TRY(bind(e, scope, /*allow_aggregates=*/true));
      KG_TRY(check_grouping(e, text, key_texts, key_variables, local_slots_));
      slots[i] = new_slot();
      after.push_back({&e, slots[i]});
    }
    if (OperatorPtr counts = counts_instead_of_aggregation(keys, aggregates, root.get())) {
      root = std::move(counts);
    } else {
      root = make_aggregate(std::move(root), std::move(keys), std::move(aggregates), plan_.width);
    }
    root = make_project(std::move(root), std::move(after), "");
  } else {
    root = top_candidates_before_projection(p, std::move(root), scope);
    std::vector<ProjectItem> items;
    for (size_t i = 0; i < p.items.size(); ++i) {
      KG_TRY(bind(*p.items[i].expr, scope));
      slots[i] = new_slot();
      items.push_back({p.items[i].expr.get(), slots[i]});
    }
    root = make_project(std::move(root), std::move(items), "");
  }

  Scope out;
  for (size_t i = 0; i < p.items.size(); ++i) {
    const Expr& e = *p.items[i].expr;
    VarKind kind = VarKind::kAny;
    switch (e.kind) {
      case ExprKind::kVariable: {
        auto it = scope.find(e.name);
        kind = it != scope.end() ? it->second.kind : VarKind::kAny;
        break;
      }
      case ExprKind::kList:
        kind = VarKind::kList;
        break;
      case ExprKind::kLiteral:
        kind = e.value.is_null() ? VarKind::kAny : VarKind::kValue;
        break;
      case ExprKind::kMap:
      case ExprKind::kBinary:
      case ExprKind::kUnary:
      case ExprKind::kIsNull:
      case ExprKind::kIsNotNull:
      case ExprKind::kListComprehension:
      case ExprKind::kPatternComprehension:
      case ExprKind::kPatternPredicate:
      case ExprKind::kCountStar:
        kind = VarKind::kValue;
        break;
      default:
        break;
    }
    out[p.items[i].alias] = Var{slots[i], kind};
  }

  if (p.distinct) root = make_distinct(std::move(root), slots);

  if (!p.order_by.empty()) {
    Scope sort_scope = out;
    if (!p.distinct && !aggregating)
      for (const auto& [name, var] : scope) sort_scope.emplace(name, var);
    std::vector<SortKey> keys;
    for (auto& s : p.order_by) {
      // Expressions as written in the projection are the projected values.
      replace_projected(s.expr, p, slots);
      if (contains_aggregate(*s.expr))
        return Status::syntax_error(s.expr->pos, "Aggregations in ORDER BY must also be projected",
                                    "InvalidAggregation");
      KG_TRY(bind(*s.expr, sort_scope));
      keys.push_back({s.expr.get(), s.descending});
    }
    const Expr* top = p.skip ? nullptr : p.limit.get();
    if (top != nullptr) KG_TRY(check_constant(*top, "LIMIT"));
    root = make_sort(std::move(root), std::move(keys), top);
  }
  if (p.skip) {
    KG_TRY(check_constant(*p.skip, "SKIP"));
    KG_TRY(bind(*p.skip, Scope{}));
    root = make_skip(std::move(root), p.skip.get());
  }
  if (p.limit) {
    KG_TRY(check_constant(*p.limit, "LIMIT"));
    KG_TRY(bind(*p.limit, Scope{}));
    root = make_limit(std::move(root), p.limit.get(), plan_.writes);
  }
  if (where != nullptr) {
    if (contains_aggregate(*where))
      return Status::syntax_error(where->pos, "Invalid use of an aggregating function in WHERE",
                                  "InvalidAggregation");
    // WITH's WHERE sees the new variables and, without aggregation or DISTINCT, the old ones;
    // expressions written as a projection item are that item (WITH DISTINCT a.x AS x WHERE a.x).
    for (auto& c : where->children) replace_projected(c, p, slots);
    Scope where_scope = out;
    if (!p.distinct && !aggregating)
      for (const auto& [name, var] : scope) where_scope.emplace(name, var);
    KG_TRY(bind(*where, where_scope, false, true));
    root = make_filter(std::move(root), where, "");
  }
  scope = std::move(out);
  if (is_return) {
    for (const auto& item : p.items) columns.push_back(item.alias);
    root = make_produce_results(std::move(root), slots);
  }
  return root;
}

}  // namespace kg::query
