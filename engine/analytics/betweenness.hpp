// Betweenness centrality (Brandes 2001): for each vertex, the sum over pairs (s, t) of the fraction
// of shortest s→t paths that pass through it. Shortest by hops (BFS) on an unweighted projection,
// by summed weight (Dijkstra) on a weighted one.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/analytics/projection.hpp"

namespace kg::engine::analytics {

struct BetweennessOptions {
  // kOutgoing follows edges forward (directed betweenness). kBoth treats the graph as undirected;
  // each unordered pair then counts once (the directed sums are halved).
  Orientation orientation = Orientation::kOutgoing;
  // 0: exact, every vertex a source. k > 0: k sources drawn without replacement with `seed`,
  // scores scaled by n/k — an unbiased estimate (Brandes & Pich 2007).
  uint32_t samples = 0;
  uint64_t seed = 42;
};

// O(s · (n + m)) time for s sources, O(s · (n + m) log n) weighted; O(n + m) extra memory.
// Errors: kInvalidArgument for a negative weight; kInterrupted.
Result<std::vector<double>> betweenness(const Projection& projection,
                                        const BetweennessOptions& options,
                                        const RunControl& control);

}  // namespace kg::engine::analytics
