// Helpers shared by the expansion operators.
#pragma once

#include <vector>

#include "query/executor/operator.hpp"

namespace kg::query {

// Whether relationship `rel` is bound in one of `slots` of `row` (a relationship or a list of
// them): Cypher's relationship uniqueness within one MATCH.
bool rel_used(const Row& row, const std::vector<int>& slots, RelId rel);

}  // namespace kg::query
