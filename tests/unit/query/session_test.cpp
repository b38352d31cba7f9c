// query::Session: what a cached plan keeps between its executions.
#include "query/session.hpp"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "engine/graph.hpp"
#include "engine/storage/store.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using kg::testing::TempDir;

// RocksDB versions of column family `cf` that something still references: the current one, plus
// one for each older version an open iterator pins (with its files and memtables).
uint64_t live_versions(kg::engine::Graph& graph, kg::engine::Cf cf) {
  auto& store = graph.store();
  uint64_t n = 0;
  REQUIRE(store.db()->GetIntProperty(store.cf(cf), "rocksdb.num-live-versions", &n));
  return n;
}

// Whether only the current version of `cf` is left once RocksDB's background work after a flush
// (which holds a version for a moment) is over: polls for up to 10 s.
bool only_current_version(kg::engine::Graph& graph, kg::engine::Cf cf = kg::engine::Cf::kAdj) {
  for (int i = 0; i < 200; ++i) {
    if (live_versions(graph, cf) == 1) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
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
  REQUIRE(only_current_version(**graph));

  // An expansion reads the adjacency column family through an iterator; its plan stays cached.
  const std::string expand = "MATCH (a:N)-->(b) RETURN b.i AS i";
  kg::QueryResult r = session.run(expand, {});
  REQUIRE(r.ok());
  REQUIRE(r.size() == 1);

  // A new table file makes a new version; the old one must not stay pinned by that plan.
  run_ok(session, "MATCH (b:N {i: 2}) CREATE (b)-[:R]->(:N {i: 3})");
  REQUIRE((*graph)->store().flush().ok());
  CHECK(only_current_version(**graph));

  // The cached plan still runs, and sees the new relationship.
  r = session.run(expand, {});
  REQUIRE(r.ok());
  CHECK(r.size() == 2);
}

// The same for a label scan and an index seek, whose cursors outlived the execution until a
// read-only open (engine/storage/store.hpp) made the graph close its first RocksDB instance under
// them.
TEST_CASE("session: label scans and index seeks hold no RocksDB iterator after the execution",
          "[query][session]") {
  TempDir dir;
  auto graph = kg::engine::Graph::open(dir.path(), kg::Options{});
  REQUIRE(graph);
  kg::query::Session session(**graph);
  run_ok(session, "CREATE INDEX ON :N(i)");
  run_ok(session, "CREATE (:N {i: 1}), (:N {i: 2})");
  REQUIRE((*graph)->store().flush().ok());
  REQUIRE(only_current_version(**graph, kg::engine::Cf::kLabelNodes));
  REQUIRE(only_current_version(**graph, kg::engine::Cf::kPropIndex));

  kg::QueryResult r = session.run("MATCH (n:N) RETURN n.i AS i", {});
  REQUIRE(r.ok());
  CHECK(r.size() == 2);
  r = session.run("MATCH (n:N {i: 2}) RETURN n.i AS i", {});
  REQUIRE(r.ok());
  CHECK(r.size() == 1);

  run_ok(session, "CREATE (:N {i: 3})");
  REQUIRE((*graph)->store().flush().ok());
  CHECK(only_current_version(**graph, kg::engine::Cf::kLabelNodes));
  CHECK(only_current_version(**graph, kg::engine::Cf::kPropIndex));
}
