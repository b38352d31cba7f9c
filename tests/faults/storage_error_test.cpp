// Single storage failures with a known outcome (docs/reliability.md), beside the sweeps of
// fault_sweep_test.cpp: what kg reports, and what it does with the graph afterwards.
#include <catch2/catch.hpp>
#include <memory>

#include "engine/storage/store.hpp"
#include "kg/check.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "tests/faults/fault_fs.hpp"
#include "tests/support/temp_dir.hpp"

namespace kg::testing {
namespace {

// A graph opened on a FaultFs. Destroy `db` before `env` and `fs`.
struct FaultyGraph {
  explicit FaultyGraph(const std::string& path)
      : fs(std::make_shared<FaultFs>()),
        env(FaultFs::env_for(fs)),
        db(std::make_unique<Database>(path, Options{}, engine::StorageOptions{.env = env.get()})) {
    REQUIRE(db->ok());
  }
  ~FaultyGraph() { db.reset(); }
  std::shared_ptr<FaultFs> fs;
  std::unique_ptr<rocksdb::Env> env;
  std::unique_ptr<Database> db;
};

int64_t count(Database& db, const std::string& label) {
  Connection conn(db);
  auto r = conn.query("MATCH (n:" + label + ") RETURN count(n)");
  REQUIRE(r.ok());
  return r[0][0].as_int();
}

TEST_CASE("a failed WAL sync fails the commit and later writes until the graph is reopened",
          "[faults]") {
  TempDir dir;
  {
    FaultyGraph g(dir.sub("g"));
    Connection conn(*g.db);
    REQUIRE(conn.query("CREATE (:Kept)").ok());
    g.fs->arm(static_cast<FaultOps>(FaultOp::kSync), 1);
    auto failed = conn.query("CREATE (:Lost)");
    CHECK(failed.status().code() == StatusCode::kIOError);
    CHECK(g.fs->injected() == 1);
    g.fs->disarm();
    // RocksDB keeps refusing writes after a failed write-ahead-log sync: kg reports it.
    auto later = conn.query("CREATE (:Later)");
    CHECK(later.status().code() == StatusCode::kIOError);
    auto txn = g.db->begin_write();
    REQUIRE(txn.ok());
    REQUIRE(txn->create_node({"Later"}).ok());
    CHECK(txn->commit().code() == StatusCode::kIOError);
    // Reads go on, and see what was committed.
    CHECK(count(*g.db, "Kept") == 1);
    CHECK(count(*g.db, "Later") == 0);
  }
  Database db(dir.sub("g"));
  REQUIRE(db.ok());
  auto report = check_graph(db);
  REQUIRE(report.ok());
  CHECK(report->violation_count == 0);
  CHECK(count(db, "Kept") == 1);
  CHECK(count(db, "Later") == 0);
  Connection conn(db);
  CHECK(conn.query("CREATE (:After)").ok());
  CHECK(count(db, "After") == 1);
}

TEST_CASE("a full disk at the first write fails the statement with IOError", "[faults]") {
  TempDir dir;
  {
    FaultyGraph g(dir.sub("g"));
    Connection conn(*g.db);
    g.fs->arm(FaultOp::kWrite | FaultOp::kCreate, 1, FaultError::kNoSpace, /*sticky=*/true);
    auto failed = conn.query("UNWIND range(1, 100) AS i CREATE (:Row {i: i})");
    CHECK(failed.status().code() == StatusCode::kIOError);
    CHECK(failed.status().message().find("No space") != std::string::npos);
    g.fs->disarm();
  }
  Database db(dir.sub("g"));
  REQUIRE(db.ok());
  CHECK(count(db, "Row") == 0);
}

}  // namespace
}  // namespace kg::testing
