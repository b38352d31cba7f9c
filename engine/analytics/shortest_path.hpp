// Shortest paths between two vertices of a projection: breadth-first search when the projection
// is unweighted, Dijkstra's algorithm on the edge weights when it is weighted.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/analytics/projection.hpp"

namespace kg::engine::analytics {

struct ProjectedPath {
  std::vector<Vertex> vertices;  // source first, target last
  std::vector<Edge> edges;  // edges[i] joins vertices[i] and vertices[i+1], in either direction
  double cost = 0;          // sum of the edge weights (the hop count when unweighted)
};

struct ShortestPathOptions {
  Orientation orientation = Orientation::kOutgoing;
  bool all = false;      // every shortest path rather than one
  size_t limit = 10000;  // at most this many paths when `all`
};

// The shortest paths from `source` to `target`; empty when there is none. A path from a vertex to
// itself is that vertex alone at cost 0. O(n + m) unweighted, O((n + m) log n) weighted; stops
// once the target is settled. Errors: kInvalidArgument for a negative weight met on the way;
// kInterrupted.
Result<std::vector<ProjectedPath>> shortest_paths(const Projection& projection, Vertex source,
                                                  Vertex target, const ShortestPathOptions& options,
                                                  const RunControl& control);

}  // namespace kg::engine::analytics
