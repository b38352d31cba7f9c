// Louvain community detection (Blondel et al. 2008): greedy modularity optimization on the
// projection taken as an undirected weighted graph (edge direction ignored, parallel edges summed,
// weight 1 when unweighted). Boost 1.74 has no community algorithm; this runs on the projection.
//
// Each level moves single vertices (in index order) to the neighbouring community with the largest
// modularity gain, pass after pass until no move improves; then communities become the vertices of
// the next level. Stops when a level moves nothing or after `max_levels`. Deterministic: ties keep
// the current community, else the first community met. Communities are numbered 0..k-1 by their
// smallest vertex, as components are.
#pragma once

#include "engine/analytics/components.hpp"

namespace kg::engine::analytics {

struct LouvainOptions {
  int max_levels = 10;
  int max_passes = 20;  // local-moving passes per level
};

struct LouvainResult {
  ComponentsResult communities;
  double modularity = 0;  // of the final partition, on the undirected weighted graph
  int levels = 0;
};

// O(levels · passes · m) time, O(n + m) memory. Negative weights are not meaningful for
// modularity: kInvalidArgument. Errors: kInterrupted.
Result<LouvainResult> louvain(const Projection& projection, const LouvainOptions& options,
                              const RunControl& control);

}  // namespace kg::engine::analytics
