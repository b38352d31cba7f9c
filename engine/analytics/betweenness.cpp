#include "engine/analytics/betweenness.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
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

  const bool weighted = projection.weighted();
  for (auto [e, end] = boost::edges(g); weighted && e != end; ++e)
    if (g[*e].weight < 0)
      return Status::invalid_argument(
          "negative weight " + std::to_string(g[*e].weight) + " on relationship " +
          std::to_string(to_underlying(g[*e].rel)) + "; betweenness needs non-negative weights");
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> dist(n, kInf);
  std::vector<double> sigma(n, 0.0), delta(n, 0.0);
  std::vector<uint8_t> settled(n, 0);
  std::vector<Vertex> order;  // vertices in the order they were settled (non-decreasing distance)
  order.reserve(n);
  const bool forward = options.orientation != Orientation::kIncoming;
  const bool backward = options.orientation != Orientation::kOutgoing;
  // Equal up to rounding: sums of the same weights in another order may differ in the last bits.
  auto same = [](double a, double b) {
    return a == b || std::abs(a - b) <= 1e-12 * std::max({1.0, std::abs(a), std::abs(b)});
  };
  // One pass per source; W: weighted (Dijkstra) or not (BFS), fixed at compile time.
  auto run = [&]<bool W>() -> Status {
    // f(w, length) for each neighbour w of v in the chosen orientation.
    auto for_each_next = [&](Vertex v, auto&& f) {
      if (forward)
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
          f(boost::target(*e, g), W ? g[*e].weight : 1.0);
      if (backward)
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
          f(boost::source(*e, g), W ? g[*e].weight : 1.0);
    };
    using Item = std::pair<double, Vertex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;

    for (size_t i = 0; i < sources.size(); ++i) {
      if (i % 16 == 0) {
        KG_TRY(control.check());
        control.progress("betweenness", i, sources.size());
      }
      const Vertex s = sources[i];
      for (Vertex v : order) {
        dist[v] = kInf;
        sigma[v] = 0;
        delta[v] = 0;
        settled[v] = 0;
      }
      order.clear();
      dist[s] = 0;
      sigma[s] = 1;
      if constexpr (!W) {
        // Breadth-first: σ(w) sums σ(v) over the v one level above w.
        order.push_back(s);
        settled[s] = 1;
        for (size_t head = 0; head < order.size(); ++head) {
          Vertex v = order[head];
          for_each_next(v, [&](Vertex w, double) {
            if (!settled[w]) {
              settled[w] = 1;
              dist[w] = dist[v] + 1;
              order.push_back(w);
            }
            if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
          });
        }
      } else {
        // Dijkstra: σ(w) sums σ(v) over the settled v with dist(v) + len(v, w) = dist(w).
        heap.emplace(0.0, s);
        while (!heap.empty()) {
          // Not a structured binding: the lambda below captures `v`, which clang before 16 (used
          // for fuzzing) rejects for bindings.
          double d = heap.top().first;
          Vertex v = heap.top().second;
          heap.pop();
          if (settled[v] || d > dist[v]) continue;
          settled[v] = 1;
          order.push_back(v);
          for_each_next(v, [&](Vertex w, double len) {
            double nd = dist[v] + len;
            if (settled[w]) return;
            if (dist[w] == kInf || (nd < dist[w] && !same(nd, dist[w]))) {
              dist[w] = nd;
              sigma[w] = sigma[v];
              heap.emplace(nd, w);
            } else if (same(nd, dist[w])) {
              sigma[w] += sigma[v];
            }
          });
        }
        // Vertices reached but never settled cannot exist (the loop runs to the end); those never
        // reached keep dist = ∞ and are not in `order`.
      }
      // Back-propagate dependencies in reverse order: δ(v) = Σ_{w: v pred of w} σv/σw (1 + δw).
      for (size_t k = order.size(); k-- > 0;) {
        Vertex v = order[k];
        for_each_next(v, [&](Vertex w, double len) {
          const bool on_path = W ? dist[w] != kInf && same(dist[v] + len, dist[w])
                                 : dist[w] == dist[v] + 1;  // exact: small integers
          if (on_path && w != v && sigma[w] > 0) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
        });
        if (v != s) score[v] += delta[v];
      }
    }
    return Status();
  };
  KG_TRY(weighted ? run.template operator()<true>() : run.template operator()<false>());
  double scale = static_cast<double>(n) / static_cast<double>(sources.size());
  if (options.orientation == Orientation::kBoth) scale /= 2.0;
  for (double& x : score) x *= scale;
  return score;
}

}  // namespace kg::engine::analytics
