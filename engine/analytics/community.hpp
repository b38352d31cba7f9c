// Community detection by label propagation on the undirected simple view (Raghavan et al. 2007).
// Boost 1.74 has no community algorithm; this one runs on the projection's CSR.
//
// Deterministic: every vertex starts with its own label; vertices are visited in index order and
// each takes the label most common among its neighbours (asynchronous update). A tie keeps the
// vertex's current label when that is among the most common, else takes the largest label. Stops
// when a pass changes nothing or after `max_iterations` passes. Communities are then numbered
// 0..k-1 by their smallest vertex, as components are.
#pragma once

#include "engine/analytics/components.hpp"
#include "engine/analytics/undirected.hpp"

namespace kg::engine::analytics {

struct LabelPropagationResult {
  ComponentsResult communities;
  int iterations = 0;  // passes run
};

// O(iterations · m log Δ). Errors: kInterrupted.
Result<LabelPropagationResult> label_propagation(const UndirectedView& view, int max_iterations,
                                                 const RunControl& control);

}  // namespace kg::engine::analytics
