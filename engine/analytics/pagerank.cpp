#include "engine/analytics/pagerank.hpp"

#include <cmath>

namespace kg::engine::analytics {

Result<PageRankResult> pagerank(const Projection& projection, const PageRankOptions& options,
                                const RunControl& control) {
  const Csr& g = projection.graph();
  const size_t n = projection.node_count();
  PageRankResult result;
  if (n == 0) return result;
  const double d = options.damping;
  std::vector<double> out_weight(n, 0.0);
  for (Vertex v = 0; v < n; ++v)
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) out_weight[v] += g[*e].weight;

  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n);
  for (int it = 0; it < options.iterations; ++it) {
    KG_TRY(control.check());
    double dangling = 0;
    for (Vertex v = 0; v < n; ++v)
      if (out_weight[v] <= 0) dangling += rank[v];
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    double change = 0;
    for (Vertex v = 0; v < n; ++v) {
      double in = 0;
      for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
        Vertex u = boost::source(*e, g);
        if (out_weight[u] > 0) in += rank[u] * g[*e].weight / out_weight[u];
      }
      next[v] = base + d * in;
      change += std::abs(next[v] - rank[v]);
    }
    rank.swap(next);
    result.iterations = it + 1;
    control.progress("pagerank", static_cast<uint64_t>(it + 1),
                     static_cast<uint64_t>(options.iterations));
    if (change < options.tolerance) break;
  }
  // Rounding drifts the sum slightly; renormalize so it is 1 up to one rounding.
  double sum = 0;
  for (double r : rank) sum += r;
  if (sum > 0)
    for (double& r : rank) r /= sum;
  result.scores = std::move(rank);
  return result;
}

}  // namespace kg::engine::analytics
