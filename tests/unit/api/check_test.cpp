// kg::check_graph and CALL db.check(): the public faces of the consistency checker.
#include "kg/check.hpp"

#include <catch2/catch.hpp>

#include "engine/graph.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "kg/kg.hpp"
#include "tests/support/temp_dir.hpp"

using Catch::Contains;
using kg::testing::TempDir;

namespace {

// "kind|message" per row of CALL db.check().
std::string check_rows(kg::Connection& conn) {
  kg::QueryResult r = conn.query("CALL db.check() YIELD kind, message RETURN kind, message");
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  std::string out;
  for (const auto& row : r.rows()) out += row[0].as_string() + "|" + row[1].as_string() + "\n";
  return out;
}

void remove_key(kg::Database& db, kg::engine::Cf cf, const std::string& key) {
  kg::engine::KvTransaction kv(db.graph()->store(), kg::engine::KvTransaction::Mode::kWrite);
  REQUIRE(kv.del(cf, key).ok());
  REQUIRE(kv.commit().ok());
}

}  // namespace

TEST_CASE("api: CALL db.check() yields nothing on a consistent graph, one row per violation",
          "[api][check]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  kg::Connection conn(db);
  REQUIRE(
      conn.query("CREATE (:Company {name: 'AWS'})-[:BUYS]->(:Product {name: 'Blackwell'})").ok());
  CHECK(check_rows(conn) == "");
  auto report = kg::check_graph(db);
  REQUIRE(report.ok());
  CHECK(report->ok());
  CHECK(report->nodes == 2);
  CHECK(report->relationships == 1);

  remove_key(db, kg::engine::Cf::kAdj,
             kg::engine::keys::adj_key(kg::NodeId{1}, kg::Direction::kIncoming,
                                       kg::engine::TypeId{0}, kg::NodeId{0}, kg::RelId{0}));
  CHECK(check_rows(conn) ==
        "R2|relationship 0 lacks its incoming adjacency entry (node 1, in, type 0, other 0, "
        "relationship 0)\n");
  report = kg::check_graph(db);
  REQUIRE(report.ok());
  CHECK(report->violation_count == 1);
  CHECK(report->violations.at(0).kind == "R2");
}

TEST_CASE("api: check_graph(path) checks a graph whose catalog Database refuses to open",
          "[api][check]") {
  TempDir dir;
  {
    kg::Database db(dir.sub("g"));
    kg::Connection conn(db);
    REQUIRE(conn.query("CREATE (:A), (:B)").ok());
    remove_key(db, kg::engine::Cf::kCatalog,
               kg::engine::keys::catalog_id_key(kg::engine::NameKind::kLabel, 0));
  }
  CHECK_FALSE(kg::Database(dir.sub("g")).ok());
  auto report = kg::check_graph(dir.sub("g"));
  REQUIRE(report.ok());
  REQUIRE_FALSE(report->ok());
  CHECK(report->violations.at(0).kind == "C1");
  CHECK_THAT(report->violations.at(0).message, Contains("id 0 is missing below 1"));
}

TEST_CASE("api: check_graph(path) respects the graph's lock and does not create graphs",
          "[api][check]") {
  TempDir dir;
  auto missing = kg::check_graph(dir.sub("nothing"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code() == kg::StatusCode::kNotFound);
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  auto busy = kg::check_graph(dir.sub("g"));
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.error().code() == kg::StatusCode::kBusy);
}
