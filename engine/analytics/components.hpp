// Connected components of a projection.
//
// Component numbers are dense, 0..k-1, in the order of each component's smallest vertex (which is
// its smallest node id), so the same graph always gets the same numbers.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/analytics/projection.hpp"

namespace kg::engine::analytics {

struct ComponentsResult {
  std::vector<uint32_t> component;  // by vertex
  uint32_t count = 0;
};

// Weakly connected components (edge direction ignored): union-find with path halving and union by
// size, O(m α(n)). (Boost's connected_components refuses directed graphs.) Errors: kInterrupted.
Result<ComponentsResult> weakly_connected_components(const Projection& projection,
                                                     const RunControl& control);

// Strongly connected components: Boost's strong_components (Tarjan), O(n + m). The interrupt is
// checked before and after, not during. Errors: kInterrupted.
Result<ComponentsResult> strongly_connected_components(const Projection& projection,
                                                       const RunControl& control);

// Renumbers arbitrary labels `raw` (by vertex) to 0..k-1 in order of first appearance.
ComponentsResult renumber_by_first_vertex(const std::vector<uint32_t>& raw);

}  // namespace kg::engine::analytics
