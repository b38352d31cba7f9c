// Binding expressions: variables to slots, function names to functions, pattern expressions to
// subplans; with openCypher's compile-time errors.
#include <algorithm>
#include <cctype>

#include "query/ast/statement.hpp"
#include "query/functions/function_registry.hpp"
#include "query/planner/planner.hpp"

namespace kg::query {

using ast::Expr;
using ast::ExprKind;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void split_conjuncts(Expr* e, std::vector<Expr*>& out) {
  if (e == nullptr) return;
  if (e->kind == ExprKind::kBinary && e->op == ast::Op::kAnd) {
    split_conjuncts(e->children[0].get(), out);
    split_conjuncts(e->children[1].get(), out);
    return;
  }
  out.push_back(e);
}

std::string aggregate_name(const Expr& e) {
  if (e.kind == ExprKind::kCountStar) return "count(*)";
  if (e.kind != ExprKind::kCall) return "";
  if (find_aggregate_function(e.name) == nullptr) return "";
  return lower(e.name);
}

bool contains_aggregate(const Expr& e) {
  if (!aggregate_name(e).empty()) return true;
  for (const auto& c : e.children)
    if (c && contains_aggregate(*c)) return true;
  return false;
}

void collect_slots(const Expr& e, std::set<int>& out, const std::set<int>& local) {
  switch (e.kind) {
    case ExprKind::kVariable:
    case ExprKind::kMapProjection:
      if (e.slot >= 0 && local.count(e.slot) == 0) out.insert(e.slot);
      break;
    case ExprKind::kPatternPredicate:
    case ExprKind::kExistsSubquery:
    case ExprKind::kPatternComprehension:
      out.insert(-1);  // depends on the pattern's bound variables: apply late
      break;
    default:
      break;
  }
  for (const auto& c : e.children)
    if (c) collect_slots(*c, out, local);
}

namespace {

// What the planner knows of an expression's type without running it.
enum class StaticKind { kUnknown, kNode, kRel, kPath, kScalar, kList, kMap };

StaticKind static_kind(const Expr& e, const Planner::Scope& scope) {
  switch (e.kind) {
    case ExprKind::kVariable: {
      auto it = scope.find(e.name);
      if (it == scope.end()) return StaticKind::kUnknown;
      switch (it->second.kind) {
        case Planner::VarKind::kNode:
          return StaticKind::kNode;
        case Planner::VarKind::kRel:
          return StaticKind::kRel;
        case Planner::VarKind::kPath:
          return StaticKind::kPath;
        default:
          return StaticKind::kUnknown;
      }
    }
    case ExprKind::kLiteral:
      return e.value.is_null() ? StaticKind::kUnknown : StaticKind::kScalar;
    case ExprKind::kList:
      return StaticKind::kList;
    case ExprKind::kMap:
      return StaticKind::kMap;
    default:
      return StaticKind::kUnknown;
  }
}

}  // namespace

// Functions over entities given an argument of a kind they can never take: a compile-time
// error, as openCypher's type checker reports it (labels(path), type(node), size(node), ...).
Status Planner::check_argument_kinds(const Expr& e, const Scope& scope) {
  if (e.children.empty()) return Status();
  std::string name = lower(e.name);
  StaticKind k = static_kind(*e.children[0], scope);
  if (k == StaticKind::kUnknown) return Status();
  bool ok = true;
  if (name == "labels")
    ok = k == StaticKind::kNode;
  else if (name == "type" || name == "startnode" || name == "endnode")
    ok = k == StaticKind::kRel;
  else if (name == "nodes" || name == "relationships")
    ok = k == StaticKind::kPath;
  else if (name == "length")
    ok = k == StaticKind::kPath || k == StaticKind::kScalar;
  else if (name == "size")
    ok = k == StaticKind::kList || k == StaticKind::kScalar;
  else if (name == "properties" || name == "keys")
    ok = k == StaticKind::kNode || k == StaticKind::kRel || k == StaticKind::kMap;
  if (ok) return Status();
  return Status::syntax_error(e.children[0]->pos,
                              "Type mismatch: " + std::string(e.scalar ? e.scalar->name : e.name) +
                                  "() cannot take this argument",
                              "InvalidArgumentType");
}

Status Planner::bind(Expr& e, const Scope& scope, bool allow_aggregates, bool predicate) {
  switch (e.kind) {
    case ExprKind::kVariable: {
      if (e.slot >= 0) return Status();  // synthesized references come bound
      auto it = scope.find(e.name);
      if (it == scope.end())
        return Status::syntax_error(e.pos, "Variable `" + e.name + "` not defined",
                                    "UndefinedVariable");
      e.slot = it->second.slot;
      VarKind k = it->second.kind;
      if (predicate && (k == VarKind::kNode || k == VarKind::kRel || k == VarKind::kRelList ||
                        k == VarKind::kPath))
        return Status::syntax_error(e.pos, "Type mismatch: `" + e.name + "` is not a boolean",
                                    "InvalidArgumentType");
      return Status();
    }
    case ExprKind::kParameter:
      plan_.parameters.insert(e.name);
      return Status();
    case ExprKind::kCountStar:
    case ExprKind::kCall: {
      std::string agg = aggregate_name(e);
      if (!agg.empty()) {
        if (!allow_aggregates || e.slot < 0)
          return Status::syntax_error(
              e.pos, "Invalid use of aggregating function " + agg + "(...) in this context",
              "InvalidAggregation");
        return Status();  // its arguments were bound by the projection
      }
      const ScalarFunction* fn = find_scalar_function(e.name);
      if (fn == nullptr)
        return Status::syntax_error(e.pos, "Unknown function '" + e.name + "'", "UnknownFunction");
      if (e.children.size() < fn->min_args || e.children.size() > fn->max_args)
        return Status::syntax_error(
            e.pos,
            "Function " + std::string(fn->name) + " takes " +
                (fn->min_args == fn->max_args
                     ? std::to_string(fn->min_args)
                     : std::to_string(fn->min_args) + " to " + std::to_string(fn->max_args)) +
                " argument(s), not " + std::to_string(e.children.size()),
            "InvalidNumberOfArguments");
      e.scalar = fn;
      for (auto& c : e.children) KG_TRY(bind(*c, scope, allow_aggregates));
      return check_argument_kinds(e, scope);
    }
    case ExprKind::kListComprehension:
    case ExprKind::kQuantifier: {
      KG_TRY(bind(*e.children[0], scope, allow_aggregates));
      Scope inner = scope;
      e.slot = new_slot();
      local_slots_.insert(e.slot);
      inner[e.name] = Var{e.slot, VarKind::kAny};
      for (size_t i = 1; i < e.children.size(); ++i)
        if (e.children[i]) KG_TRY(bind(*e.children[i], inner));
      return Status();
    }
    case ExprKind::kReduce: {
      KG_TRY(bind(*e.children[0], scope, allow_aggregates));
      KG_TRY(bind(*e.children[1], scope, allow_aggregates));
      Scope inner = scope;
      e.slot = new_slot();
      e.slot2 = new_slot();
      local_slots_.insert(e.slot);
      local_slots_.insert(e.slot2);
      inner[e.name] = Var{e.slot, VarKind::kAny};
      inner[e.keys[0]] = Var{e.slot2, VarKind::kAny};
      return bind(*e.children[2], inner);
    }
    case ExprKind::kMapProjection: {
      auto it = scope.find(e.name);
      if (it == scope.end())
        return Status::syntax_error(e.pos, "Variable `" + e.name + "` not defined",
                                    "UndefinedVariable");
      e.slot = it->second.slot;
      for (auto& c : e.children)
        if (c) KG_TRY(bind(*c, scope, allow_aggregates));
      return Status();
    }
    case ExprKind::kPatternPredicate: {
      if (!predicate)
        return Status::syntax_error(
            e.pos,
            "A pattern can be used as an expression only as a predicate (in WHERE or "
            "exists()); use a pattern comprehension [(a)-->(b) | b] for a list",
            "UnexpectedSyntax");
      KG_ASSIGN_OR_RETURN(e.subplan, pattern_subplan(*e.pattern, scope, nullptr));
      return Status();
    }
    case ExprKind::kPatternComprehension: {
      Scope inner;
      KG_ASSIGN_OR_RETURN(e.subplan, pattern_subplan(*e.pattern, scope, &inner));
      for (auto& c : e.children)
        if (c) KG_TRY(bind(*c, inner));
      return Status();
    }
    case ExprKind::kExists: {
      Expr& arg = *e.children[0];
      if (arg.kind != ExprKind::kPatternPredicate && arg.kind != ExprKind::kProperty)
        return Status::syntax_error(arg.pos, "exists() needs a property (n.key) or a pattern",
                                    "InvalidArgumentType");
      return bind(arg, scope, allow_aggregates, /*predicate=*/true);
    }
    case ExprKind::kExistsSubquery: {
      KG_ASSIGN_OR_RETURN(e.subplan, subquery_subplan(*e.subquery, scope));
      return Status();
    }
    case ExprKind::kProperty: {
      const Expr& target = *e.children[0];
      if (static_kind(target, scope) == StaticKind::kPath)
        return Status::syntax_error(target.pos, "Type mismatch: a path has no properties",
                                    "InvalidArgumentType");
      return bind(*e.children[0], scope, allow_aggregates);
    }
    case ExprKind::kBuildPath:
      return Status();
    case ExprKind::kUnary:
    case ExprKind::kBinary: {
      bool logical = (e.kind == ExprKind::kUnary && e.op == ast::Op::kNot) ||
                     (e.kind == ExprKind::kBinary &&
                      (e.op == ast::Op::kAnd || e.op == ast::Op::kOr || e.op == ast::Op::kXor));
      if (logical) {
        // A literal that can never be a boolean is a compile-time error (openCypher).
        for (const auto& c : e.children) {
          bool literal_non_bool =
              (c->kind == ExprKind::kLiteral && !c->value.is_null() && !c->value.is_bool()) ||
              c->kind == ExprKind::kList || c->kind == ExprKind::kMap;
          if (literal_non_bool)
            return Status::syntax_error(
                c->pos,
                "Type mismatch: expected Boolean but was " +
                    std::string(c->kind == ExprKind::kList  ? "List"
                                : c->kind == ExprKind::kMap ? "Map"
                                                            : value_type_name(c->value.type())),
                "InvalidArgumentType");
        }
      }
      if (e.kind == ExprKind::kBinary && e.op == ast::Op::kIn) {
        const Expr& list = *e.children[1];
        if ((list.kind == ExprKind::kLiteral && !list.value.is_null()) ||
            list.kind == ExprKind::kMap)
          return Status::syntax_error(list.pos, "Type mismatch: IN needs a list on its right",
                                      "InvalidArgumentType");
      }
      for (auto& c : e.children)
        if (c) KG_TRY(bind(*c, scope, allow_aggregates, logical && predicate));
      return Status();
    }
    default:
      for (auto& c : e.children)
        if (c) KG_TRY(bind(*c, scope, allow_aggregates));
      return Status();
  }
}

Result<std::shared_ptr<SubPlan>> Planner::subquery_subplan(ast::SingleQuery& query,
                                                           const Scope& scope) {
  Scope inner = scope;
  auto argument = std::make_unique<ArgumentOperator>();
  ArgumentOperator* arg = argument.get();
  OperatorPtr root = std::move(argument);
  std::vector<std::string> columns;
  for (ast::Clause& clause : query.clauses) {
    if (std::holds_alternative<ast::Create>(clause) || std::holds_alternative<ast::Merge>(clause) ||
        std::holds_alternative<ast::Set>(clause) || std::holds_alternative<ast::Remove>(clause) ||
        std::holds_alternative<ast::Delete>(clause))
      return Status::syntax_error(ast::clause_pos(clause),
                                  "An EXISTS subquery cannot update the graph",
                                  "InvalidClauseComposition");
    KG_ASSIGN_OR_RETURN(root, plan_clause(clause, std::move(root), inner, false, columns));
  }
  auto sub = std::make_shared<SubPlan>();
  sub->root = std::move(root);
  sub->argument = arg;
  return sub;
}

Result<std::shared_ptr<SubPlan>> Planner::pattern_subplan(ast::PatternPart& part,
                                                          const Scope& scope, Scope* out_scope) {
  if (out_scope == nullptr) {
    // A pattern used as a predicate may not introduce variables.
    for (const auto& n : part.nodes)
      if (!n.variable.empty() && scope.count(n.variable) == 0)
        return Status::syntax_error(n.pos, "Variable `" + n.variable + "` not defined",
                                    "UndefinedVariable");
    for (const auto& r : part.rels)
      if (!r.variable.empty() && scope.count(r.variable) == 0)
        return Status::syntax_error(r.pos, "Variable `" + r.variable + "` not defined",
                                    "UndefinedVariable");
  }
  Scope inner = scope;
  auto argument = std::make_unique<ArgumentOperator>();
  ArgumentOperator* arg = argument.get();
  auto owned = std::make_shared<ast::Pattern>();
  owned->push_back(ast::clone_pattern_part(part));
  KG_ASSIGN_OR_RETURN(OperatorPtr root, plan_pattern(*owned, nullptr, std::move(argument), inner));
  plan_.patterns.push_back(owned);
  auto sub = std::make_shared<SubPlan>();
  sub->root = std::move(root);
  sub->argument = arg;
  if (out_scope != nullptr) *out_scope = std::move(inner);
  return sub;
}

}  // namespace kg::query
