// Long algo.* runs through the embedding API: they report progress to Connection::set_progress,
// and Connection::interrupt() stops them (here from the progress callback itself, so the test
// needs no second thread and no timing).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "kg/kg.hpp"
#include "tests/support/temp_dir.hpp"

using kg::testing::TempDir;

TEST_CASE("api: algo procedures report progress", "[api][algo]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  kg::Connection conn(db);
  REQUIRE(conn.query("CREATE (a {n: 1})-[:R]->(b {n: 2})-[:R]->(a)").ok());
  std::vector<std::string> seen;
  conn.set_progress([&](std::string_view task, uint64_t done, uint64_t total) {
    seen.push_back(std::string(task) + " " + std::to_string(done) + "/" + std::to_string(total));
  });
  auto r =
      conn.query("CALL algo.pagerank({iterations: 3, tolerance: 0.0}) YIELD score RETURN score");
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  CHECK(seen == std::vector<std::string>{"pagerank 1/3", "pagerank 2/3", "pagerank 3/3"});

  seen.clear();
  conn.set_progress({});
  REQUIRE(conn.query("CALL algo.pagerank({iterations: 3}) YIELD score RETURN score").ok());
  CHECK(seen.empty());
}

TEST_CASE("api: interrupting a running algo procedure fails the statement", "[api][algo]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  kg::Connection conn(db);
  REQUIRE(conn.query("CREATE (a)-[:R]->(b)-[:R]->(a)").ok());
  int calls = 0;
  conn.set_progress([&](std::string_view, uint64_t, uint64_t) {
    ++calls;
    conn.interrupt();  // as Ctrl+C would, while the algorithm runs
  });
  auto r = conn.query(
      "CALL algo.pagerank({iterations: 100, tolerance: 0.0, write: 'rank'}) YIELD node RETURN "
      "node");
  CHECK(r.status().code() == kg::StatusCode::kInterrupted);
  CHECK(calls == 1);  // stopped at the next check, one iteration later
  conn.set_progress({});
  // Nothing was written, and the connection runs the next statement normally.
  auto check = conn.query("MATCH (n) WHERE n.rank IS NOT NULL RETURN count(n)");
  REQUIRE(check.ok());
  CHECK(check.rows().size() == 1);
  CHECK(check.rows()[0][0].as_int() == 0);
}
