// Triangle counts and local clustering coefficients on the undirected simple view.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/analytics/undirected.hpp"

namespace kg::engine::analytics {

struct TrianglesResult {
  std::vector<uint64_t> triangles;  // by vertex: triangles through it
  std::vector<double> coefficient;  // by vertex: 2·t / (d·(d-1)), 0 when degree < 2
};

// Each triangle u<v<w is found once from u by merging sorted neighbour lists,
// O(Σ over edges of min-degree-ish work) — O(m·Δ) at worst. Errors: kInterrupted.
Result<TrianglesResult> triangles(const UndirectedView& view, const RunControl& control);

}  // namespace kg::engine::analytics
