// PageRank on a projection: the power iteration with dangling-node redistribution, normalized so
// the scores sum to 1. (Boost 1.74's page_rank neither redistributes the rank of nodes without
// out-edges nor normalizes, so its scores leak; this loop does both.)
#pragma once

#include <vector>

#include "engine/analytics/projection.hpp"

namespace kg::engine::analytics {

struct PageRankOptions {
  double damping = 0.85;    // probability of following an edge rather than jumping
  int iterations = 20;      // upper bound on iterations
  double tolerance = 1e-7;  // stop once the L1 change of an iteration is below this
};

struct PageRankResult {
  std::vector<double> scores;  // by vertex; sum 1 (when the projection has nodes)
  int iterations = 0;          // iterations run
};

// Each iteration: r'(v) = (1-d)/n + d·D/n + d·Σ_{u→v} r(u)·w(u,v)/W(u), where D is the rank of
// vertices whose out-weight W is 0 (dangling) and w is 1 on an unweighted projection.
// O(iterations · (n + m)). Errors: kInterrupted.
Result<PageRankResult> pagerank(const Projection& projection, const PageRankOptions& options,
                                const RunControl& control);

}  // namespace kg::engine::analytics
