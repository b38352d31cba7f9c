#include "engine/analytics/shortest_path.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <queue>

namespace kg::engine::analytics {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Equal up to rounding: sums of the same weights in another order may differ in the last bits.
bool same_cost(double a, double b) {
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::abs(a - b) <= 1e-12 * std::max({1.0, std::abs(a), std::abs(b)});
}

struct Step {
  Vertex from;
  Edge edge;
};

}  // namespace

Result<std::vector<ProjectedPath>> shortest_paths(const Projection& projection, Vertex source,
                                                  Vertex target, const ShortestPathOptions& options,
                                                  const RunControl& control) {
  const Csr& g = projection.graph();
  const size_t n = projection.node_count();
  const bool weighted = projection.weighted();
  const bool forward = options.orientation != Orientation::kIncoming;
  const bool backward = options.orientation != Orientation::kOutgoing;
  std::vector<double> dist(n, kInf);
  std::vector<std::vector<Step>> preds(n);
  std::vector<bool> settled(n, false);

  // Relaxes v→w over edge e; returns whether w's distance went down.
  auto relax = [&](Vertex v, Vertex w, const Edge& e) -> Result<bool> {
    double w_cost = weighted ? g[e].weight : 1.0;
    if (w_cost < 0)
      return Status::invalid_argument(
          "negative weight " + std::to_string(w_cost) + " on relationship " +
          std::to_string(to_underlying(g[e].rel)) + "; shortest paths need non-negative weights");
    double d = dist[v] + w_cost;
    if (!settled[w] && d < dist[w] && !same_cost(d, dist[w])) {
      dist[w] = d;
      preds[w].assign(1, Step{v, e});
      return true;
    }
    if (options.all && !settled[w] && same_cost(d, dist[w])) preds[w].push_back(Step{v, e});
    return false;
  };
  auto visit = [&](Vertex v, auto&& on_improved) -> Status {
    if (forward)
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
        Vertex w = boost::target(*e, g);
        KG_ASSIGN_OR_RETURN(bool better, relax(v, w, *e));
        if (better) on_improved(w);
      }
    if (backward)
      for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
        Vertex w = boost::source(*e, g);
        KG_ASSIGN_OR_RETURN(bool better, relax(v, w, *e));
        if (better) on_improved(w);
      }
    return Status();
  };

  dist[source] = 0;
  uint64_t steps = 0;
  if (weighted) {
    using Item = std::pair<double, Vertex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    heap.emplace(0.0, source);
    while (!heap.empty()) {
      auto [d, v] = heap.top();
      heap.pop();
      if (settled[v] || d > dist[v]) continue;
      settled[v] = true;
      if (v == target) break;
      if (++steps % 4096 == 0) KG_TRY(control.check());
      KG_TRY(visit(v, [&](Vertex w) { heap.emplace(dist[w], w); }));
    }
  } else {
    std::vector<Vertex> queue{source};
    for (size_t head = 0; head < queue.size(); ++head) {
      Vertex v = queue[head];
      if (v == target) break;  // the target's level is complete: all its predecessors are known
      // A vertex is settled once its predecessors' level is done; mark on dequeue.
      settled[v] = true;
      if (++steps % 4096 == 0) KG_TRY(control.check());
      KG_TRY(visit(v, [&](Vertex w) { queue.push_back(w); }));
    }
  }

  std::vector<ProjectedPath> paths;
  if (dist[target] == kInf) return paths;
  // Walk predecessor lists back from the target, depth first.
  ProjectedPath current;
  current.cost = dist[target];
  std::vector<Vertex> rev_vertices{target};
  std::vector<Edge> rev_edges;
  std::function<void(Vertex)> walk = [&](Vertex v) {
    if (paths.size() >= (options.all ? options.limit : 1)) return;
    if (v == source) {
      ProjectedPath p;
      p.cost = dist[target];
      p.vertices.assign(rev_vertices.rbegin(), rev_vertices.rend());
      p.edges.assign(rev_edges.rbegin(), rev_edges.rend());
      paths.push_back(std::move(p));
      return;
    }
    for (const Step& s : preds[v]) {
      rev_vertices.push_back(s.from);
      rev_edges.push_back(s.edge);
      walk(s.from);
      rev_vertices.pop_back();
      rev_edges.pop_back();
    }
  };
  walk(target);
  return paths;
}

}  // namespace kg::engine::analytics
