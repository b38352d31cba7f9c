// The analytics algorithms on small projections built by hand, against values worked out by hand,
// and invariants on generated graphs.
#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "engine/analytics/betweenness.hpp"
#include "engine/analytics/community.hpp"
#include "engine/analytics/components.hpp"
#include "engine/analytics/degree.hpp"
#include "engine/analytics/kcore.hpp"
#include "engine/analytics/louvain.hpp"
#include "engine/analytics/pagerank.hpp"
#include "engine/analytics/shortest_path.hpp"
#include "engine/analytics/triangles.hpp"

using namespace kg;
using namespace kg::engine::analytics;
using Catch::Detail::Approx;

namespace {

using Edges = std::vector<std::pair<Vertex, Vertex>>;

// A projection of n nodes (node i has id i) and the given edges (edge i is relationship i); with
// weights, a weighted one.
std::shared_ptr<const Projection> make(size_t n, const Edges& edges,
                                       const std::vector<double>& weights = {}) {
  std::vector<NodeId> nodes(n);
  for (size_t i = 0; i < n; ++i) nodes[i] = NodeId{i};
  std::vector<EdgeData> data;
  for (size_t i = 0; i < edges.size(); ++i)
    data.push_back(EdgeData{weights.empty() ? 1.0 : weights[i], RelId{i}});
  ProjectionSpec spec;
  if (!weights.empty()) spec.weight = "w";
  Csr g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), data.begin(),
        static_cast<Vertex>(n));
  return std::make_shared<const Projection>(spec, std::nullopt, nodes, std::move(g), 0.0);
}

template <typename T>
T get(Result<T> r) {
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  return std::move(r).value();
}

// A random directed multigraph with n vertices and m edges (self-loops possible).
std::shared_ptr<const Projection> random_graph(size_t n, size_t m, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<Vertex> pick(0, static_cast<Vertex>(n - 1));
  Edges edges;
  for (size_t i = 0; i < m; ++i) edges.emplace_back(pick(rng), pick(rng));
  return make(n, edges);
}

const RunControl kRun;

double sum(const std::vector<double>& xs) { return std::accumulate(xs.begin(), xs.end(), 0.0); }

}  // namespace

TEST_CASE("pagerank: a cycle gives every node the same score", "[analytics][pagerank]") {
  auto p = make(3, {{0, 1}, {1, 2}, {2, 0}});
  auto r = get(pagerank(*p, {}, kRun));
  for (double s : r.scores) CHECK(s == Approx(1.0 / 3));
}

TEST_CASE("pagerank: a dangling node's rank is redistributed", "[analytics][pagerank]") {
  // a -> b, b dangling: r_a = 0.075 + 0.425 r_b, r_a + r_b = 1, so r_a = 0.5 / 1.425.
  auto p = make(2, {{0, 1}});
  PageRankOptions o;
  o.iterations = 200;
  o.tolerance = 1e-15;
  auto r = get(pagerank(*p, o, kRun));
  CHECK(r.scores[0] == Approx(0.5 / 1.425).epsilon(1e-9));
  CHECK(r.scores[1] == Approx(1 - 0.5 / 1.425).epsilon(1e-9));
  CHECK(r.iterations < 200);  // converged before the bound
}

TEST_CASE("pagerank: a star whose leaves are dangling", "[analytics][pagerank]") {
  // Center 0 -> leaves 1..3. Leaves x, center c: c = 0.0375 + 0.6375 x and c + 3x = 1.
  auto p = make(4, {{0, 1}, {0, 2}, {0, 3}});
  PageRankOptions o;
  o.iterations = 500;
  o.tolerance = 1e-15;
  auto r = get(pagerank(*p, o, kRun));
  const double x = 0.9625 / 3.6375;
  CHECK(r.scores[0] == Approx(1 - 3 * x).epsilon(1e-9));
  for (int leaf = 1; leaf <= 3; ++leaf) CHECK(r.scores[leaf] == Approx(x).epsilon(1e-9));
}

TEST_CASE("pagerank: scores sum to 1 on generated graphs", "[analytics][pagerank]") {
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    auto p = random_graph(200, 300 * seed, seed);  // sparse ones have many dangling nodes
    auto r = get(pagerank(*p, {}, kRun));
    CHECK(sum(r.scores) == Approx(1.0).epsilon(1e-12));
    for (double s : r.scores) CHECK(s > 0);
  }
}

TEST_CASE("pagerank: weights split a node's rank in proportion", "[analytics][pagerank]") {
  // 0 -> 1 (weight 3), 0 -> 2 (weight 1), 1 -> 0, 2 -> 0, d = 0.85, n = 3:
  // r0 = 0.05 + 0.85 (r1 + r2), r1 = 0.05 + 0.6375 r0, r2 = 0.05 + 0.2125 r0,
  // so r0 = 0.135 / 0.2775.
  auto p = make(3, {{0, 1}, {0, 2}, {1, 0}, {2, 0}}, {3, 1, 1, 1});
  PageRankOptions o;
  o.iterations = 1000;
  o.tolerance = 1e-15;
  auto r = get(pagerank(*p, o, kRun));
  const double r0 = 0.135 / 0.2775;
  CHECK(r.scores[0] == Approx(r0).epsilon(1e-9));
  CHECK(r.scores[1] == Approx(0.05 + 0.6375 * r0).epsilon(1e-9));
  CHECK(r.scores[2] == Approx(0.05 + 0.2125 * r0).epsilon(1e-9));
}

TEST_CASE("pagerank: stops when interrupted", "[analytics][pagerank]") {
  std::atomic<bool> stop{true};
  auto r = pagerank(*make(3, {{0, 1}}), {}, RunControl(&stop));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code() == StatusCode::kInterrupted);
}

TEST_CASE("components: two weak components and an isolated node", "[analytics][components]") {
  auto p = make(6, {{0, 1}, {2, 1}, {3, 4}});
  auto r = get(weakly_connected_components(*p, kRun));
  CHECK(r.component == std::vector<uint32_t>{0, 0, 0, 1, 1, 2});
  CHECK(r.count == 3);
}

TEST_CASE("components: strong components follow edge direction", "[analytics][components]") {
  // Cycle 0->1->2->0, then 2->3 and 3<->4, and 5 alone.
  auto p = make(6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}});
  auto r = get(strongly_connected_components(*p, kRun));
  CHECK(r.component == std::vector<uint32_t>{0, 0, 0, 1, 1, 2});
  CHECK(r.count == 3);
  auto path = get(strongly_connected_components(*make(3, {{0, 1}, {1, 2}}), kRun));
  CHECK(path.count == 3);
}

TEST_CASE("components: every node is in exactly one component on generated graphs",
          "[analytics][components]") {
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    auto p = random_graph(300, 200 + 50 * seed, seed);
    const Csr& g = p->graph();
    for (bool strong : {false, true}) {
      auto r = get(strong ? strongly_connected_components(*p, kRun)
                          : weakly_connected_components(*p, kRun));
      REQUIRE(r.component.size() == p->node_count());
      std::vector<size_t> sizes(r.count, 0);
      for (uint32_t c : r.component) {
        REQUIRE(c < r.count);
        ++sizes[c];
      }
      CHECK(std::accumulate(sizes.begin(), sizes.end(), size_t{0}) == p->node_count());
      for (size_t s : sizes) CHECK(s > 0);
      if (!strong)  // an edge never crosses weak components
        for (auto [e, end] = boost::edges(g); e != end; ++e)
          CHECK(r.component[boost::source(*e, g)] == r.component[boost::target(*e, g)]);
    }
  }
}

TEST_CASE("betweenness: a path graph's middle node", "[analytics][betweenness]") {
  // 0->1->2->3->4: node 2 lies on 0-3, 0-4, 1-3, 1-4; node 1 on 0-2, 0-3, 0-4.
  auto p = make(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
  CHECK(get(betweenness(*p, {}, kRun)) == std::vector<double>{0, 3, 4, 3, 0});
  BetweennessOptions both;
  both.orientation = Orientation::kBoth;
  CHECK(get(betweenness(*p, both, kRun)) == std::vector<double>{0, 3, 4, 3, 0});
}

TEST_CASE("betweenness: a diamond splits the pair between two paths", "[analytics][betweenness]") {
  auto p = make(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
  CHECK(get(betweenness(*p, {}, kRun)) == std::vector<double>{0, 0.5, 0.5, 0});
}

TEST_CASE("betweenness: weights pick one side of the diamond", "[analytics][betweenness]") {
  // 0->1 (1), 0->2 (4), 1->3 (5), 2->3 (1): the one shortest 0->3 path goes through 2.
  auto w = make(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, {1, 4, 5, 1});
  CHECK(get(betweenness(*w, {}, kRun)) == std::vector<double>{0, 0, 1, 0});
  // Equal weights tie again: the pair is split.
  auto even = make(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, {0.5, 1.5, 1.5, 0.5});
  CHECK(get(betweenness(*even, {}, kRun)) == std::vector<double>{0, 0.5, 0.5, 0});
}

TEST_CASE("betweenness: weighted with unit weights equals unweighted", "[analytics][betweenness]") {
  auto plain = random_graph(80, 300, 11);
  Edges e;
  for (auto [it, end] = boost::edges(plain->graph()); it != end; ++it)
    e.emplace_back(boost::source(*it, plain->graph()), boost::target(*it, plain->graph()));
  auto unit = make(80, e, std::vector<double>(e.size(), 1.0));
  auto a = get(betweenness(*plain, {}, kRun)), b = get(betweenness(*unit, {}, kRun));
  for (size_t v = 0; v < a.size(); ++v) CHECK(b[v] == Approx(a[v]));
}

TEST_CASE("betweenness: a star's center is on every pair of leaves", "[analytics][betweenness]") {
  auto p = make(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
  BetweennessOptions both;
  both.orientation = Orientation::kBoth;
  auto s = get(betweenness(*p, both, kRun));
  CHECK(s[0] == 6);  // C(4, 2)
  CHECK(s[1] == 0);
}

TEST_CASE("betweenness: sampling every node is exact", "[analytics][betweenness]") {
  auto p = random_graph(60, 200, 7);
  BetweennessOptions sampled;
  sampled.samples = 60;
  auto exact = get(betweenness(*p, {}, kRun));
  auto approx = get(betweenness(*p, sampled, kRun));
  for (size_t v = 0; v < exact.size(); ++v) CHECK(approx[v] == Approx(exact[v]));
  sampled.samples = 10;  // a sample: scaled by n/k, same total order of magnitude
  auto est = get(betweenness(*p, sampled, kRun));
  CHECK(est.size() == exact.size());
}

TEST_CASE("shortest path: a weighted diamond takes the cheaper side", "[analytics][paths]") {
  // 0->1 (1), 0->2 (4), 1->3 (5), 2->3 (1): 0-2-3 costs 5, 0-1-3 costs 6.
  auto w = make(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, {1, 4, 5, 1});
  auto paths = get(shortest_paths(*w, 0, 3, {}, kRun));
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].vertices == std::vector<Vertex>{0, 2, 3});
  CHECK(paths[0].cost == 5);
  CHECK(w->graph()[paths[0].edges[0]].rel == RelId{1});
  CHECK(w->graph()[paths[0].edges[1]].rel == RelId{3});
}

TEST_CASE("shortest path: unweighted, all shortest paths of a diamond", "[analytics][paths]") {
  auto p = make(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
  ShortestPathOptions all;
  all.all = true;
  auto paths = get(shortest_paths(*p, 0, 3, all, kRun));
  REQUIRE(paths.size() == 2);
  CHECK(paths[0].cost == 2);
  CHECK(paths[1].cost == 2);
  CHECK(paths[0].vertices != paths[1].vertices);
  CHECK(get(shortest_paths(*p, 0, 3, {}, kRun)).size() == 1);
  // Against the direction there is none, unless direction is ignored.
  CHECK(get(shortest_paths(*p, 3, 0, {}, kRun)).empty());
  ShortestPathOptions both;
  both.orientation = Orientation::kBoth;
  CHECK(get(shortest_paths(*p, 3, 0, both, kRun)).size() == 1);
  auto self = get(shortest_paths(*p, 2, 2, {}, kRun));
  REQUIRE(self.size() == 1);
  CHECK(self[0].vertices == std::vector<Vertex>{2});
  CHECK(self[0].cost == 0);
}

TEST_CASE("shortest path: a negative weight is refused", "[analytics][paths]") {
  auto p = make(2, {{0, 1}}, {-1});
  auto r = shortest_paths(*p, 0, 1, {}, kRun);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("degree: a star, by direction and by weight", "[analytics][degree]") {
  auto p = make(4, {{0, 1}, {0, 2}, {3, 0}});
  CHECK(degree(*p, Orientation::kOutgoing) == std::vector<double>{2, 0, 0, 1});
  CHECK(degree(*p, Orientation::kIncoming) == std::vector<double>{1, 1, 1, 0});
  CHECK(degree(*p, Orientation::kBoth) == std::vector<double>{3, 1, 1, 1});
  auto w = make(3, {{0, 1}, {0, 2}}, {2.5, 0.5});
  CHECK(degree(*w, Orientation::kOutgoing) == std::vector<double>{3, 0, 0});
}

TEST_CASE("kcore: a triangle with a tail, and K4 with a pendant", "[analytics][kcore]") {
  auto tri = get(UndirectedView::build(*make(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}}), kRun));
  CHECK(get(core_numbers(tri, kRun)) == std::vector<uint32_t>{2, 2, 2, 1});
  auto k4 = get(UndirectedView::build(
      *make(5, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 0}}), kRun));
  CHECK(get(core_numbers(k4, kRun)) == std::vector<uint32_t>{3, 3, 3, 3, 1});
}

TEST_CASE("triangles: counts and local clustering coefficients", "[analytics][triangles]") {
  // Triangle 0-1-2 (with a parallel edge and a self-loop, ignored) and a tail 2-3.
  auto view =
      get(UndirectedView::build(*make(4, {{0, 1}, {1, 0}, {1, 2}, {2, 0}, {2, 3}, {3, 3}}), kRun));
  auto r = get(triangles(view, kRun));
  CHECK(r.triangles == std::vector<uint64_t>{1, 1, 1, 0});
  CHECK(r.coefficient[0] == 1.0);
  CHECK(r.coefficient[2] == Approx(1.0 / 3));  // 1 of the 3 pairs of its neighbours is linked
  CHECK(r.coefficient[3] == 0.0);
}

TEST_CASE("label propagation: two cliques joined by one edge", "[analytics][community]") {
  Edges e;
  for (Vertex base : {0u, 4u})
    for (Vertex a = 0; a < 4; ++a)
      for (Vertex b = a + 1; b < 4; ++b) e.emplace_back(base + a, base + b);
  e.emplace_back(3, 4);
  auto view = get(UndirectedView::build(*make(9, e), kRun));
  auto r = get(label_propagation(view, 10, kRun));
  CHECK(r.communities.component == std::vector<uint32_t>{0, 0, 0, 0, 1, 1, 1, 1, 2});
  CHECK(r.iterations <= 10);
}

TEST_CASE("louvain: two cliques joined by one edge, and an isolated node",
          "[analytics][community]") {
  // m = 13: each K4 has 6 edges inside and strength 13, so Q = 2 (12/26 - (13/26)^2) = 11/26.
  Edges e;
  for (Vertex base : {0u, 4u})
    for (Vertex a = 0; a < 4; ++a)
      for (Vertex b = a + 1; b < 4; ++b) e.emplace_back(base + a, base + b);
  e.emplace_back(3, 4);
  auto r = get(louvain(*make(9, e), {}, kRun));
  CHECK(r.communities.component == std::vector<uint32_t>{0, 0, 0, 0, 1, 1, 1, 1, 2});
  CHECK(r.modularity == Approx(11.0 / 26));
  CHECK(r.levels == 1);
}

TEST_CASE("louvain: a heavy edge pulls its ends together", "[analytics][community]") {
  // Path 0-1-2-3-4 with weights 1, 10, 1, 10 (2m = 44): 1 and 2 pair up, as do 3 and 4, and 0
  // follows its one neighbour; joining the two pairs would lose 21·23/44 - 1 of gain.
  auto p = make(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}, {1, 10, 1, 10});
  auto r = get(louvain(*p, {}, kRun));
  CHECK(r.communities.component == std::vector<uint32_t>{0, 0, 0, 1, 1});
  CHECK(r.modularity > 0);
}

TEST_CASE("louvain: modularity never goes below that of singletons on generated graphs",
          "[analytics][community]") {
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    auto p = random_graph(300, 900, seed);
    auto r = get(louvain(*p, {}, kRun));
    CHECK(r.communities.component.size() == 300);
    CHECK(r.modularity > 0);
    CHECK(r.communities.count < 300);
  }
}
