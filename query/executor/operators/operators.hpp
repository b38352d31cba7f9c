// Factories of the physical operators. The planner describes each operator with a plain spec and
// gets an Operator back; the classes stay private to their .cpp files.
//
// Expression pointers in specs point into the plan's AST and must outlive the operators.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kg/types.hpp"
#include "query/ast/clause.hpp"
#include "query/executor/operator.hpp"
#include "query/executor/subplan.hpp"

namespace kg::query {

// --- leaves and scans (scan.cpp) ---
// One row of nulls, as wide as `*width` when the operator runs (the planner sets the final width
// after planning everything).
OperatorPtr make_start(std::shared_ptr<const size_t> width);
// For each input row, every node (with `label`, when given) bound to `slot`.
OperatorPtr make_node_scan(OperatorPtr input, int slot, std::optional<std::string> label,
                           std::string variable);
// For each input row, the nodes with `label` whose indexed `key` equals `value` (or lies in the
// range [lower, upper], when those are given instead).
struct IndexSeekSpec {
  int slot = -1;
  std::string variable;
  std::string label;
  std::string key;
  const ast::Expr* value = nullptr;  // equality
  const ast::Expr* lower = nullptr;  // range
  bool lower_inclusive = true;
  const ast::Expr* upper = nullptr;
  bool upper_inclusive = true;
};
OperatorPtr make_index_seek(OperatorPtr input, IndexSeekSpec spec);
// For each input row, the node whose id(variable) = value, if it exists.
OperatorPtr make_node_by_id(OperatorPtr input, int slot, const ast::Expr* id, std::string variable);

// --- expansion (expand.cpp, var_expand.cpp, shortest_path.cpp) ---
struct ExpandSpec {
  int from = -1;
  int rel = -1;  // slot of the relationship (or, var-length, of the list of relationships)
  int to = -1;
  Direction direction = Direction::kOutgoing;  // relative to `from`
  std::vector<std::string> types;              // any of them; empty = every type
  bool rel_bound = false;  // the relationship variable is bound already: only it matches
  bool to_bound = false;   // the target node is bound already: expand into it
  // Relationship slots (single or lists) bound earlier in the same MATCH: relationships must be
  // distinct within one MATCH.
  std::vector<int> distinct_from;
  int64_t min_hops = 1;
  int64_t max_hops = 1;  // -1 = unbounded
  // Var-length walked from the pattern's right end: the list is reversed into pattern order.
  bool reverse = false;
  std::string description;
};
OperatorPtr make_expand(OperatorPtr input, ExpandSpec spec);
OperatorPtr make_var_expand(OperatorPtr input, ExpandSpec spec);
struct ShortestPathSpec {
  ExpandSpec expand;  // from and to are both bound
  int path_slot = -1;
  bool all = false;
  // The relationship pattern's property map ({open: true}): only relationships that have these
  // values are walked. May be null.
  const ast::Expr* rel_properties = nullptr;
};
OperatorPtr make_shortest_path(OperatorPtr input, ShortestPathSpec spec);

// --- counts without rows (relationship_counts.cpp) ---
// For each input row: per relationship type (of `types`; every type when empty) that has
// relationships, its name in `type_slot` and its count in each of `count_slots`; with no
// `type_slot` (-1), one row with the total.
struct TypeCountsSpec {
  std::vector<std::string> types;
  int type_slot = -1;
  std::vector<int> count_slots;
  std::string description;
};
OperatorPtr make_type_counts(OperatorPtr input, TypeCountsSpec spec);
// For each input row: per node (with `label`, when given) that has relationships in `direction`
// (of `types`; any type when empty), the node in `node_slot` and their number in `count_slots`.
struct DegreeCountsSpec {
  int node_slot = -1;
  std::optional<std::string> label;
  Direction direction = Direction::kOutgoing;
  std::vector<std::string> types;
  std::vector<int> count_slots;
  std::string description;
};
OperatorPtr make_degree_counts(OperatorPtr input, DegreeCountsSpec spec);

// --- row-at-a-time (relational.cpp) ---
OperatorPtr make_filter(OperatorPtr input, const ast::Expr* predicate, std::string description);
struct ProjectItem {
  const ast::Expr* expr;
  int slot;
};
OperatorPtr make_project(OperatorPtr input, std::vector<ProjectItem> items,
                         std::string description);
OperatorPtr make_unwind(OperatorPtr input, const ast::Expr* list, int slot, std::string variable);
// For each input row: the rows of `subplan` started on it, or the row with `null_slots` set to
// null when the subplan yields none (OPTIONAL MATCH).
OperatorPtr make_optional(OperatorPtr input, SubPlan subplan, std::vector<int> null_slots);
OperatorPtr make_distinct(OperatorPtr input, std::vector<int> slots);
// SKIP / LIMIT with their expressions (evaluated once per execution; errors for negative or
// non-integer counts).
OperatorPtr make_skip(OperatorPtr input, const ast::Expr* count);
// With `exhaust`, the input is still pulled to its end after the limit (so the writes of the
// clauses below happen, as Cypher requires, whatever the LIMIT).
OperatorPtr make_limit(OperatorPtr input, const ast::Expr* count, bool exhaust);
// Rows of `slots` in order, as compact rows (slot i of the output = slots[i] of the input).
OperatorPtr make_produce_results(OperatorPtr input, std::vector<int> slots);
// The rows of every input in turn (all compact rows of one width); `distinct` removes duplicates.
OperatorPtr make_union(std::vector<OperatorPtr> inputs, bool distinct);
// Pulls every input row before giving out the first (so writes after it cannot disturb reads
// before it).
OperatorPtr make_eager(OperatorPtr input);

// --- blocking (aggregate.cpp, sort.cpp) ---
struct AggregateSpec {
  std::string function;  // "count", "sum", ...; "count(*)" for count(*)
  std::vector<const ast::Expr*> args;
  bool distinct = false;
  int slot = -1;
};
// `width`: the plan's row width (for the one row of an empty, ungrouped input).
OperatorPtr make_aggregate(OperatorPtr input, std::vector<ProjectItem> keys,
                           std::vector<AggregateSpec> aggregates,
                           std::shared_ptr<const size_t> width);
struct SortKey {
  const ast::Expr* expr;
  bool descending;
};
// With `limit`, keeps only the first rows (top-N); the limit expression is evaluated once.
OperatorPtr make_sort(OperatorPtr input, std::vector<SortKey> keys, const ast::Expr* limit);
// The rows that could be among the first `limit` in the order of `keys`: those that rank within
// the first `limit` or tie with the last of them, in input order (not sorted). Placed before a
// projection that an ORDER BY … LIMIT follows, when the order's leading keys are known before the
// projection, so that the projection's costly expressions are computed for those rows only.
OperatorPtr make_top_candidates(OperatorPtr input, std::vector<SortKey> keys,
                                const ast::Expr* limit);

// --- updates (create.cpp, merge.cpp, set_remove.cpp, delete.cpp) ---
struct CreateNodeSpec {
  int slot = -1;
  bool bound = false;  // already bound: only referenced by relationships
  std::vector<std::string> labels;
  const ast::Expr* properties = nullptr;
};
struct CreateRelSpec {
  int slot = -1;
  int from = -1;  // slots of the start and end nodes (direction already applied)
  int to = -1;
  std::string type;
  const ast::Expr* properties = nullptr;
};
struct CreatePathSpec {
  int slot = -1;
  const ast::Expr* build = nullptr;  // a kBuildPath expression
};
struct CreateSpec {
  std::vector<CreateNodeSpec> nodes;
  std::vector<CreateRelSpec> rels;
  std::vector<CreatePathSpec> paths;
};
OperatorPtr make_create(OperatorPtr input, CreateSpec spec);
// Applies one CreateSpec to one row (shared with MERGE).
Status create_in_row(const CreateSpec& spec, Row& row, ExecContext& ctx);

struct SetSpec {
  ast::SetItem::Kind kind;
  const ast::Expr* target = nullptr;  // kProperty: the entity; others: the variable
  std::string key;
  const ast::Expr* value = nullptr;
  std::vector<std::string> labels;
};
Status apply_set(const SetSpec& spec, Row& row, ExecContext& ctx);
OperatorPtr make_set(OperatorPtr input, std::vector<SetSpec> items);
struct RemoveSpec {
  ast::RemoveItem::Kind kind;
  const ast::Expr* target = nullptr;
  std::string key;
  std::vector<std::string> labels;
};
OperatorPtr make_remove(OperatorPtr input, std::vector<RemoveSpec> items);
OperatorPtr make_delete(OperatorPtr input, std::vector<const ast::Expr*> targets, bool detach);

struct MergeSpec {
  SubPlan match;      // finds the pattern given the row's bound variables
  CreateSpec create;  // creates it when the match finds nothing
  std::vector<SetSpec> on_create;
  std::vector<SetSpec> on_match;
  // Property maps of the pattern's elements: a null value in one makes MERGE fail.
  std::vector<const ast::Expr*> property_maps;
  std::string description;
};
OperatorPtr make_merge(OperatorPtr input, MergeSpec spec);

// --- procedures (procedure_call.cpp) ---
struct ProcedureCallSpec {
  std::string procedure;
  SourcePos pos;  // of the CALL
  std::vector<const ast::Expr*> args;
  std::vector<std::pair<std::string, int>> yields;  // output field → slot
};
OperatorPtr make_procedure_call(OperatorPtr input, ProcedureCallSpec spec);

}  // namespace kg::query
