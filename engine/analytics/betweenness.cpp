#include "engine/analytics/betweenness.hpp"

#include <algorithm>
#include <numeric>
#include <random>

namespace kg::engine::analytics {

Result<std::vector<double>> betweenness(const Projection& projection,
                                        const BetweennessOptions& options,
                                        const RunControl& control) {
  const Csr& g = projection.graph();
  const size_t n = projection.node_count();
  std::vector<double> score(n, 0.0);
  if (n == 0) return score;

  std::vector<Vertex> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  if (options.samples > 0 && options.samples < n) {
    std::mt19937_64 rng(options.seed);
    std::shuffle(sources.begin(), sources.end(), rng);
    sources.resize(options.samples);
  }

  std::vector<int64_t> dist(n, -1);
  std::vector<double> sigma(n, 0.0), delta(n, 0.0);
  std::vector<Vertex> order;  // vertices in BFS order (non-decreasing distance)
  order.reserve(n);
  const bool forward = options.orientation != Orientation::kIncoming;
  const bool backward = options.orientation != Orientation::kOutgoing;

  // Neighbours of v in the chosen orientation, and (for accumulation) its predecessors:
  // u is a predecessor of w when dist[u] + 1 == dist[w] and u→w is followed.
  auto for_each_next = [&](Vertex v, auto&& f) {
    if (forward)
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) f(boost::target(*e, g));
    if (backward)
      for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) f(boost::source(*e, g));
  };

  for (size_t i = 0; i < sources.size(); ++i) {
    if (i % 16 == 0) {
      KG_TRY(control.check());
      control.progress("betweenness", i, sources.size());
    }
    const Vertex s = sources[i];
    for (Vertex v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    order.clear();
    dist[s] = 0;
    sigma[s] = 1;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {
      Vertex v = order[head];
      for_each_next(v, [&](Vertex w) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      });
    }
    // Back-propagate dependencies in reverse BFS order: δ(v) = Σ_{w: v pred of w} σv/σw (1 + δw).
    for (size_t k = order.size(); k-- > 0;) {
      Vertex v = order[k];
      for_each_next(v, [&](Vertex w) {
        if (dist[w] == dist[v] + 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      });
      if (v != s) score[v] += delta[v];
    }
  }
  double scale = static_cast<double>(n) / static_cast<double>(sources.size());
  if (options.orientation == Orientation::kBoth) scale /= 2.0;
  for (double& x : score) x *= scale;
  return score;
}

}  // namespace kg::engine::analytics
