// Projections built from storage: the selection by labels, types and weight, the vertex↔node
// mapping, and the cache's reuse and invalidation by the snapshot version.
#include "engine/analytics/projection.hpp"

#include <catch2/catch.hpp>

#include "engine/analytics/projection_cache.hpp"
#include "engine/graph.hpp"
#include "engine/txn/transaction.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kg;
using namespace kg::engine;
using namespace kg::engine::analytics;

namespace {

template <typename T>
T get(Result<T> r) {
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  return std::move(r).value();
}

void ok(const Status& s) {
  INFO(s.to_string());
  REQUIRE(s.ok());
}

// a:Company -[SUPPLIES {w: 2}]-> b:Company -[SUPPLIES]-> c:Product, a -[OWNS {w: 'x'}]-> c
struct Fixture {
  kg::testing::TempDir dir;
  std::unique_ptr<Graph> graph;
  NodeId a{}, b{}, c{};
  RelId ab{};

  Fixture() {
    graph = get(Graph::open(dir.sub("g"), Options()));
    auto txn = get(graph->begin_write());
    LabelId company = get(txn->intern_label("Company")),
            product = get(txn->intern_label("Product"));
    TypeId supplies = get(txn->intern_type("SUPPLIES")), owns = get(txn->intern_type("OWNS"));
    PropKeyId w = get(txn->intern_prop_key("w"));
    a = get(txn->create_node(std::span(&company, 1), {}));
    b = get(txn->create_node(std::span(&company, 1), {}));
    c = get(txn->create_node(std::span(&product, 1), {}));
    ab = get(txn->create_relationship(a, supplies, b, {{w, Value(int64_t{2})}}));
    get(txn->create_relationship(b, supplies, c, {}));
    get(txn->create_relationship(a, owns, c, {{w, Value("x")}}));
    ok(txn->commit());
  }
  std::unique_ptr<Transaction> read() { return get(graph->begin_read()); }
};

const RunControl kRun;

// "source->target:weight" (vertex indices) for every edge, in CSR order.
std::string edges(const Projection& p) {
  std::string out;
  const Csr& g = p.graph();
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    out += std::to_string(boost::source(*e, g)) + "->" + std::to_string(boost::target(*e, g)) +
           ":" + std::to_string(static_cast<int>(g[*e].weight)) + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("projection: the whole graph, unweighted", "[analytics][projection]") {
  Fixture f;
  auto p = get(build_projection(*f.read(), {}, kRun));
  CHECK(p->node_count() == 3);
  CHECK(p->relationship_count() == 3);
  CHECK(p->vertex(f.a) == 0u);
  CHECK(p->vertex(f.c) == 2u);
  CHECK_FALSE(p->vertex(NodeId{99}).has_value());
  CHECK(p->node_id(1) == f.b);
  CHECK(edges(*p) == "0->1:1 0->2:1 1->2:1 ");
  CHECK(boost::in_degree(Vertex{2}, p->graph()) == 2);
  CHECK(p->memory_bytes() > 0);
  CHECK(p->version().has_value());
}

TEST_CASE("projection: labels, types and a weight with a default", "[analytics][projection]") {
  Fixture f;
  ProjectionSpec companies;
  companies.labels = {"Company"};
  auto p = get(build_projection(*f.read(), companies, kRun));
  CHECK(p->node_count() == 2);
  CHECK(edges(*p) == "0->1:1 ");

  ProjectionSpec weighted;
  weighted.types = {"OWNS", "SUPPLIES"};
  weighted.weight = "w";
  weighted.default_weight = 7;
  // The string weight on OWNS is not a number, so it takes the default too.
  CHECK(edges(*get(build_projection(*f.read(), weighted, kRun))) == "0->1:2 0->2:7 1->2:7 ");

  ProjectionSpec none;
  none.types = {"NOPE"};
  auto empty = get(build_projection(*f.read(), none, kRun));
  CHECK(empty->node_count() == 3);
  CHECK(empty->relationship_count() == 0);
}

TEST_CASE("projection cache: reused until the graph changes", "[analytics][projection]") {
  Fixture f;
  ProjectionCache& cache = f.graph->projections();
  ProjectionSpec one;
  one.types = {"SUPPLIES", "OWNS"};
  ProjectionSpec same;
  same.types = {"OWNS", "SUPPLIES", "OWNS"};
  auto p1 = get(cache.get(*f.read(), one, kRun));
  auto p2 = get(cache.get(*f.read(), same, kRun));
  CHECK(p1 == p2);
  CHECK(cache.list().size() == 1);

  {
    auto txn = get(f.graph->begin_write());
    // A write transaction that has written gets a private projection, not cached.
    ok(txn->delete_relationship(f.ab));
    auto mine = get(cache.get(*txn, one, kRun));
    CHECK(mine != p1);
    CHECK(mine->relationship_count() == 2);
    CHECK(cache.list().size() == 1);
    ok(txn->commit());
  }
  auto p3 = get(cache.get(*f.read(), one, kRun));
  CHECK(p3 != p1);
  CHECK(p3->relationship_count() == 2);
  CHECK(cache.list().size() == 1);       // the stale one is gone
  CHECK(p1->relationship_count() == 3);  // still usable by whoever holds it
}

TEST_CASE("projection: building stops when interrupted", "[analytics][projection]") {
  Fixture f;
  std::atomic<bool> stop{true};
  auto r = build_projection(*f.read(), {}, RunControl(&stop));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code() == StatusCode::kInterrupted);
}
