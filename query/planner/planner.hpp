// The planner: binds a parsed query (variables to row slots, names to functions, semantic checks
// with openCypher's errors) and builds its operator tree — index seeks where a predicate allows,
// expansion from the bound or cheapest end, filters pushed to where their variables are bound,
// LIMIT stopping early.
#pragma once

#include <map>
#include <memory>
#include <set>

#include "engine/txn/transaction.hpp"
#include "query/ast/statement.hpp"
#include "query/executor/operators/operators.hpp"
#include "query/planner/plan.hpp"

namespace kg::query {

// Plans `statement`, whose body must be a Query. `txn` is read for the catalog (indexes, counts).
// Errors: SyntaxError / SemanticError with a detail code and the position of the culprit.
Result<std::unique_ptr<Plan>> plan_query(ast::Statement statement, std::string_view text,
                                         const engine::Transaction& txn);

class Planner {
 public:
  Planner(Plan& plan, const engine::Transaction& txn) : plan_(plan), txn_(txn) {}

  Status plan();

  // kValue: known not to be an entity (a literal, arithmetic...); kAny: unknown (a function's
  // result, a property).
  // kList: a list of unknown elements (may be matched as a relationship list, not as a node).
  enum class VarKind { kNode, kRel, kRelList, kPath, kValue, kList, kAny };
  struct Var {
    int slot = -1;
    VarKind kind = VarKind::kValue;
  };
  // Variables in scope by name (ordered, so RETURN * lists them by name).
  using Scope = std::map<std::string, Var>;

 private:
  friend class MatchPlanner;

  int new_slot() { return static_cast<int>((*plan_.width)++); }
  ast::Expr* own(ast::ExprPtr e);
  ast::ExprPtr variable_ref(const std::string& name, int slot, SourcePos pos = {});

  // --- query structure (planner.cpp) ---
  Result<OperatorPtr> plan_single_query(ast::SingleQuery& q, std::vector<std::string>& columns);
  Result<OperatorPtr> plan_clause(ast::Clause& clause, OperatorPtr input, Scope& scope, bool last,
                                  std::vector<std::string>& columns);
  Result<OperatorPtr> plan_unwind(ast::Unwind& u, OperatorPtr input, Scope& scope);
  Result<OperatorPtr> plan_call(ast::Call& c, OperatorPtr input, Scope& scope, bool standalone,
                                std::vector<std::string>& columns);

  // --- projections (plan_projection.cpp) ---
  // Before a projection followed by ORDER BY … LIMIT whose leading keys are input variables: an
  // operator that keeps only the rows that can make the cut (make_top_candidates), so the
  // projection's expressions are evaluated for those alone. `input` unchanged otherwise.
  OperatorPtr top_candidates_before_projection(const ast::Projection& p, OperatorPtr input,
                                               const Scope& scope);
  Result<OperatorPtr> plan_projection(ast::Projection& p, ast::Expr* where, OperatorPtr input,
                                      Scope& scope, bool is_return,
                                      std::vector<std::string>& columns);

  // Replaces the subexpressions of `e` written exactly as a projection item (or naming an alias)
  // with references to the item's slot (ORDER BY a.name + 'x' after WITH a.name AS name).
  void replace_projected(ast::ExprPtr& e, const ast::Projection& p, const std::vector<int>& slots);

  // --- matching (plan_match.cpp) ---
  Result<OperatorPtr> plan_match(ast::Match& m, OperatorPtr input, Scope& scope);
  // Plans finding `pattern` on top of `root` (which binds the variables of `scope`); declares the
  // pattern's variables in `scope`, then binds `where` (may be null) and applies each of its
  // conjuncts as soon as their variables are bound.
  Result<OperatorPtr> plan_pattern(ast::Pattern& pattern, ast::Expr* where, OperatorPtr root,
                                   Scope& scope);

  // --- updates (plan_update.cpp) ---
  Result<OperatorPtr> plan_create(ast::Create& c, OperatorPtr input, Scope& scope);
  // `preassigned`: slots already chosen for the pattern's new variables (MERGE's match plan).
  Result<CreateSpec> create_spec(ast::Pattern& pattern, Scope& scope, bool merge,
                                 const Scope* preassigned);
  Result<OperatorPtr> plan_merge(ast::Merge& m, OperatorPtr input, Scope& scope);
  Result<std::vector<SetSpec>> set_specs(std::vector<ast::SetItem>& items, Scope& scope);
  Result<OperatorPtr> plan_remove(ast::Remove& r, OperatorPtr input, Scope& scope);
  Result<OperatorPtr> plan_delete(ast::Delete& d, OperatorPtr input, Scope& scope);

  // --- expressions (bind_expression.cpp) ---
  // Resolves variables to slots and functions to their definitions, builds the subplans of
  // pattern expressions, and checks the expression. Aggregates are allowed only where
  // `allow_aggregates` (projections) and must then already have their result slot.
  // `predicate`: `e` is a predicate (WHERE, or an operand of AND/OR/XOR/NOT there), the only
  // place a pattern may stand as an expression.
  Status bind(ast::Expr& e, const Scope& scope, bool allow_aggregates = false,
              bool predicate = false);
  Status check_argument_kinds(const ast::Expr& call, const Scope& scope);
  // A correlated subquery (EXISTS { ... }) started on each outer row.
  Result<std::shared_ptr<SubPlan>> subquery_subplan(ast::SingleQuery& query, const Scope& scope);
  Result<std::shared_ptr<SubPlan>> pattern_subplan(ast::PatternPart& part, const Scope& scope,
                                                   Scope* out_scope);

  // --- counts without rows (plan_counts.cpp) ---
  // A MATCH of one relationship between two nodes with no properties, as the first clause: what
  // counts_instead_of_aggregation needs to know of it. `root` is its plan.
  struct BareHop {
    const Operator* root = nullptr;
    const ast::NodePattern* nodes[2] = {nullptr, nullptr};
    const ast::RelPattern* rel = nullptr;
    int node_slots[2] = {-1, -1};  // -1 for an anonymous node
    int rel_slot = -1;             // -1 for an anonymous relationship
  };
  // Remembers the MATCH planned as `root` when it is a BareHop.
  void note_bare_hop(const ast::Match& m, const Operator* input, const Operator* root,
                     const Scope& scope);
  // For an aggregation directly over the BareHop's plan that only counts its rows, grouped by
  // nothing, by type(r) or by one end node: TypeCounts or DegreeCounts; nullptr otherwise.
  OperatorPtr counts_instead_of_aggregation(const std::vector<ProjectItem>& keys,
                                            const std::vector<AggregateSpec>& aggregates,
                                            const Operator* input);

  Plan& plan_;
  const engine::Transaction& txn_;
  std::set<int> local_slots_;        // comprehension variables: never bound by operators
  const Operator* start_ = nullptr;  // the Start of the single query being planned
  std::optional<BareHop> bare_hop_;
};

// Splits a predicate on its top-level ANDs.
void split_conjuncts(ast::Expr* e, std::vector<ast::Expr*>& out);
// The row slots an expression reads (its bound variables); -1 for pattern expressions whose
// dependencies are not tracked (treat as "needs everything").
void collect_slots(const ast::Expr& e, std::set<int>& out, const std::set<int>& local);
// Whether the expression contains an aggregate call.
bool contains_aggregate(const ast::Expr& e);
// The lower-case name of an aggregate function call, or "" when `e` is not one.
std::string aggregate_name(const ast::Expr& e);
// "(a:L1:L2)": a node pattern's variable and labels, as EXPLAIN shows it.
std::string node_text(const ast::NodePattern& n);

}  // namespace kg::query
