// Evaluation of bound expressions (ast::Expr after the planner filled in slots and functions)
// against one row, with Cypher's null semantics. Errors carry the position of the expression that
// failed.
#pragma once

#include "kg/status.hpp"
#include "query/ast/expression.hpp"
#include "query/executor/exec_context.hpp"
#include "query/values/comparison.hpp"

namespace kg::query {

// The value of `e` on `row`. The row is mutable only for the scratch slots of comprehension
// variables; callers' variables are not changed.
Result<Value> evaluate(const ast::Expr& e, Row& row, ExecContext& ctx);

// `e` as a predicate (WHERE): true, false or null; a non-boolean value is a TypeError.
Result<Tri> evaluate_predicate(const ast::Expr& e, Row& row, ExecContext& ctx);

// The value of a property of a node or relationship reference, a map's entry, or null.
// `pos` positions errors (accessing a deleted entity, a property of a non-map).
Result<Value> property_of(const Value& target, const std::string& key, ExecContext& ctx,
                          SourcePos pos);

// Whether node `id` has every label in `labels` (false when it does not exist).
Result<bool> node_has_labels(NodeId id, const std::vector<std::string>& labels, ExecContext& ctx);

}  // namespace kg::query
