#include "engine/analytics/louvain.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace kg::engine::analytics {

namespace {

// An undirected weighted graph: adj[i] lists (j, w) for j != i, each edge in both lists; self[i] is
// the weight of i's self-loops.
struct WeightedGraph {
  std::vector<std::vector<std::pair<uint32_t, double>>> adj;
  std::vector<double> self;

  size_t size() const { return adj.size(); }
  // k_i: the weight of i's edge ends (a self-loop has two).
  double strength(uint32_t i) const {
    double k = 2 * self[i];
    for (const auto& [j, w] : adj[i]) k += w;
    return k;
  }
};

// Builds a graph of `n` vertices from (a, b, w) triples, summing duplicates; a == b is a self-loop.
WeightedGraph from_triples(size_t n, std::vector<std::tuple<uint32_t, uint32_t, double>>& triples) {
  WeightedGraph g;
  g.adj.resize(n);
  g.self.assign(n, 0.0);
  std::sort(triples.begin(), triples.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
  });
  for (size_t i = 0; i < triples.size();) {
    auto [a, b, w] = triples[i];
    double sum = 0;
    for (; i < triples.size() && std::get<0>(triples[i]) == a && std::get<1>(triples[i]) == b; ++i)
      sum += std::get<2>(triples[i]);
    if (a == b)
      g.self[a] += sum;
    else
      g.adj[a].emplace_back(b, sum);
  }
  return g;
}

double modularity(const WeightedGraph& g, const std::vector<uint32_t>& comm, double m2) {
  if (m2 <= 0) return 0;
  std::vector<double> in(g.size(), 0.0), tot(g.size(), 0.0);
  for (uint32_t i = 0; i < g.size(); ++i) {
    tot[comm[i]] += g.strength(i);
    in[comm[i]] += 2 * g.self[i];
    for (const auto& [j, w] : g.adj[i])
      if (comm[j] == comm[i]) in[comm[i]] += w;
  }
  double q = 0;
  for (size_t c = 0; c < g.size(); ++c) q += in[c] / m2 - (tot[c] / m2) * (tot[c] / m2);
  return q;
}

}  // namespace

Result<LouvainResult> louvain(const Projection& projection, const LouvainOptions& options,
                              const RunControl& control) {
  const Csr& csr = projection.graph();
  const size_t n = projection.node_count();
  std::vector<std::tuple<uint32_t, uint32_t, double>> triples;
  triples.reserve(2 * projection.relationship_count());
  for (auto [e, end] = boost::edges(csr); e != end; ++e) {
    uint32_t a = boost::source(*e, csr), b = boost::target(*e, csr);
    double w = csr[*e].weight;
    if (w < 0)
      return Status::invalid_argument("negative weight " + std::to_string(w) + " on relationship " +
                                      std::to_string(to_underlying(csr[*e].rel)) +
                                      "; Louvain needs non-negative weights");
    if (a == b) {
      triples.emplace_back(a, a, w);
    } else {
      triples.emplace_back(a, b, w);
      triples.emplace_back(b, a, w);
    }
  }
  WeightedGraph g = from_triples(n, triples);
  triples = {};
  double m2 = 0;
  for (uint32_t i = 0; i < n; ++i) m2 += g.strength(i);

  std::vector<uint32_t> of_vertex(n);  // original vertex → vertex of the current level
  std::iota(of_vertex.begin(), of_vertex.end(), 0u);
  LouvainResult out;
  for (int level = 0; level < options.max_levels && m2 > 0; ++level) {
    const size_t size = g.size();
    std::vector<uint32_t> comm(size);
    std::iota(comm.begin(), comm.end(), 0u);
    std::vector<double> k(size), tot(size);
    for (uint32_t i = 0; i < size; ++i) tot[i] = k[i] = g.strength(i);
    std::vector<double> to_comm(size, 0.0);  // weight from the current vertex to each community
    std::vector<uint32_t> mark(size, UINT32_MAX);  // mark[c] == i: c is in `touched` for i
    std::vector<uint32_t> touched;
    bool moved_any = false;
    for (int pass = 0; pass < options.max_passes; ++pass) {
      bool moved = false;
      for (uint32_t i = 0; i < size; ++i) {
        if (i % 16384 == 0) KG_TRY(control.check());
        const uint32_t old = comm[i];
        touched.clear();
        touched.push_back(old);
        mark[old] = i;
        for (const auto& [j, w] : g.adj[i]) {
          uint32_t c = comm[j];
          if (mark[c] != i) {
            mark[c] = i;
            touched.push_back(c);
          }
          to_comm[c] += w;
        }
        tot[old] -= k[i];
        // Gain of joining c, up to terms that do not depend on c: w(i, c) − tot(c)·k_i / 2m.
        uint32_t best = old;
        double best_gain = to_comm[old] - tot[old] * k[i] / m2;
        for (uint32_t c : touched) {
          double gain = to_comm[c] - tot[c] * k[i] / m2;
          if (gain > best_gain + 1e-12) {
            best_gain = gain;
            best = c;
          }
        }
        tot[best] += k[i];
        comm[i] = best;
        if (best != old) moved = true;
        for (uint32_t c : touched) to_comm[c] = 0;
      }
      control.progress("louvain", static_cast<uint64_t>(level + 1), 0);
      if (!moved) break;
      moved_any = true;
    }
    if (!moved_any) break;
    out.levels = level + 1;
    // Aggregate: communities become the vertices of the next level.
    ComponentsResult dense = renumber_by_first_vertex(comm);
    for (uint32_t& v : of_vertex) v = dense.component[v];
    for (uint32_t i = 0; i < size; ++i) {
      uint32_t ci = dense.component[i];
      triples.emplace_back(ci, ci, g.self[i]);
      for (const auto& [j, w] : g.adj[i]) {
        uint32_t cj = dense.component[j];
        // An internal edge appears in both lists: half each makes one self-loop of weight w.
        triples.emplace_back(ci, cj, ci == cj ? w / 2 : w);
      }
    }
    g = from_triples(dense.count, triples);
    triples.clear();
  }
  std::vector<uint32_t> identity(g.size());
  std::iota(identity.begin(), identity.end(), 0u);
  out.modularity = modularity(g, identity, m2);
  out.communities = renumber_by_first_vertex(of_vertex);
  return out;
}

}  // namespace kg::engine::analytics
