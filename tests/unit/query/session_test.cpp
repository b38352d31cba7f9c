// query::Session: what a cached plan keeps between its executions.
#include "query/session.hpp"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <string>

#include "engine/graph.hpp"
#include "engine/storage/store.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using kg::testing::TempDir;

// RocksDB versions of the adjacency column family that something still references: the current
// one, plus one for each older version an open iterator pins (with its files and memtables).
uint64_t live_adjacency_versions(kg::engine::Graph& graph) {
  auto& store = graph.store();
  uint64_t n = 0;
  REQUIRE(
      store.db()->GetIntProperty(store.cf(kg::engine::Cf::kAdj), "rocksdb.num-live-versions", &n));
  return n;
}

void run_ok(kg::query::Session& session, const std::string& text) {
  kg::QueryResult r = session.run(text, {});
  INFO(text << ": " << r.status().to_string());
  REQUIRE(r.ok());
}

}  // namespace

TEST_CASE("session: a cached plan holds no RocksDB iterator once its execution ends",
          "[query][session]") {
  TempDir dir;
  auto graph = kg::engine::Graph::open(dir.path(), kg::Options{});
  REQUIRE(graph);
  kg::query::Session session(**graph);
  run_ok(session, "CREATE (:N {i: 1})-[:R]->(:N {i: 2})");
  REQUIRE((*graph)->store().flush().ok());
  const uint64_t before = live_adjacency_versions(**graph);

  // An expansion reads the adjacency column family through an iterator; its plan stays cached.
  const std::string expand = "MATCH (a:N)-->(b) RETURN b.i AS i";
  kg::QueryResult r = session.run(expand, {});
  REQUIRE(r.ok());
  REQUIRE(r.size() == 1);

  // A new table file makes a new version; the old one must not stay pinned by that plan.
  run_ok(session, "MATCH (b:N {i: 2}) CREATE (b)-[:R]->(:N {i: 3})");
  REQUIRE((*graph)->store().flush().ok());
  CHECK(live_adjacency_versions(**graph) == before);

  // The cached plan still runs, and sees the new relationship.
  r = session.run(expand, {});
  REQUIRE(r.ok());
  CHECK(r.size() == 2);
}
