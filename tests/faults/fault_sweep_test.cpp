// Fault sweeps over the steps of a workload (tests/faults/fault_sweep.hpp, docs/reliability.md):
// Cypher creates, sets and deletes, an API transaction, a bulk import, an index creation, a read
// query and the open itself, each run once per failing file operation. Each test prints its
// figures on one line.
#include <catch2/catch.hpp>
#include <iostream>
#include <memory>

#include "engine/graph.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/store.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import.hpp"
#include "kg/transaction.hpp"
#include "tests/faults/fault_fs.hpp"
#include "tests/faults/fault_sweep.hpp"
#include "tests/support/temp_dir.hpp"

namespace kg::testing {
namespace {

constexpr int kAccounts = 10;
constexpr int64_t kAmount = 100;

// Ten accounts of 100 with a chain of payments between them (and, when `indexed`, an index on
// Account.id), flushed to SST files, and one note that is only in the write-ahead log.
// The accounts and their chain of payments.
void create_accounts(Database& db) {
  Connection conn(db);
  REQUIRE(conn.query("UNWIND range(0, $n - 1) AS i CREATE (:Account {id: i, amount: $a})",
                     {{"n", kAccounts}, {"a", kAmount}})
              .ok());
  REQUIRE(conn.query("MATCH (a:Account), (b:Account) WHERE b.id = a.id + 1 "
                     "CREATE (a)-[:PAYS {day: a.id}]->(b)")
              .ok());
}

std::unique_ptr<FaultSweep> accounts_sweep(bool indexed = false) {
  return std::make_unique<FaultSweep>(
      [indexed](Database& db) {
        if (indexed) {
          Connection conn(db);
          REQUIRE(conn.query("CREATE INDEX account_id FOR (a:Account) ON (a.id)").ok());
        }
        create_accounts(db);
      },
      [](Database& db) {
        Connection conn(db);
        REQUIRE(conn.query("CREATE (:Note {text: 'only in the write-ahead log'})").ok());
      });
}

Status cypher(Database& db, const std::string& statement) {
  Connection conn(db);
  return conn.query(statement).status();
}

void report(const SweepFigures& f, const std::string& step) {
  std::cout << f.to_string(step) << std::endl;
  CHECK(f.points > 0);
}

TEST_CASE("Cypher CREATE of two nodes and a relationship with new names", "[faults][cypher]") {
  auto sweep = accounts_sweep();
  auto f = sweep->sweep({"cypher create", [](Database& db) {
                           return cypher(db,
                                         "CREATE (:Item {k: 'a', v: 1})-[:OF {w: 2}]->"
                                         "(:Item {k: 'b', v: 2})");
                         }});
  report(f, "cypher create");
  CHECK(f.io_errors > 0);
}

TEST_CASE("Cypher SET on every account", "[faults][cypher]") {
  auto sweep = accounts_sweep();
  auto f = sweep->sweep({"cypher set", [](Database& db) {
                           return cypher(db, "MATCH (a:Account) SET a.amount = a.amount + 1");
                         }});
  report(f, "cypher set");
  CHECK(f.io_errors > 0);
}

TEST_CASE("Cypher DETACH DELETE of a connected node", "[faults][cypher]") {
  auto sweep = accounts_sweep();
  auto f = sweep->sweep({"cypher delete", [](Database& db) {
                           return cypher(db, "MATCH (a:Account {id: 3}) DETACH DELETE a");
                         }});
  report(f, "cypher delete");
  CHECK(f.io_errors > 0);
}

TEST_CASE("an API write transaction", "[faults][transaction]") {
  auto sweep = accounts_sweep();
  auto f = sweep->sweep({"transaction", [](Database& db) -> Status {
                           KG_ASSIGN_OR_RETURN(auto txn, db.begin_write());
                           KG_ASSIGN_OR_RETURN(auto from, txn.find_nodes("Account", "id", 1));
                           KG_ASSIGN_OR_RETURN(auto to, txn.find_nodes("Account", "id", 2));
                           if (from.size() != 1 || to.size() != 1)
                             return Status::internal("accounts 1 and 2 not found");
                           KG_TRY(txn.set_property(from[0].id, "amount", kAmount - 30));
                           KG_TRY(txn.set_property(to[0].id, "amount", kAmount + 30));
                           KG_ASSIGN_OR_RETURN(auto t, txn.create_node({"Transfer"}, {{"n", 30}}));
                           KG_TRY(txn.create_relationship(from[0].id, "SENT", t).status());
                           return txn.commit();
                         }});
  report(f, "transaction");
  CHECK(f.io_errors > 0);
}

// The import's input: four people and who knows whom.
ImportOptions people(FaultSweep& sweep) {
  ImportOptions options;
  options.nodes.push_back(
      {{"Imported"}, {sweep.file("people.csv", "id:ID,name\np1,Ann\np2,Bob\np3,Cy\np4,Di\n")}});
  options.relationships.push_back({"KNOWS",
                                   {sweep.file("knows.csv",
                                               ":START_ID,:END_ID,since:int\np1,p2,1\np2,p3,2\n"
                                               "p3,p4,3\np4,p1,4\n")}});
  return options;
}

// Writes, syncs and creates; read faults are the next test's (two ctest tests run in parallel).
TEST_CASE("a bulk import of CSV files", "[faults][import]") {
  auto sweep = accounts_sweep();
  ImportOptions options = people(*sweep);
  FaultStep import{"import", [&](Database& db) { return import_files(db, options).status(); }};
  import.kinds = FaultOp::kWrite | FaultOp::kSync;
  import.kinds |= static_cast<FaultOps>(FaultOp::kCreate);
  auto f = sweep->sweep(import);
  report(f, "import");
  CHECK(f.io_errors > 0);
  // Every graph reopens, including after the sync that hits RocksDB 7.8's defect: the MANIFEST
  // sync of the ingestion's version edit, after which RocksDB deletes the files the record names
  // (engine/storage/ingest_guard_fs.hpp keeps them; that import is then present).
  CHECK(f.reopens == f.points + 1);
}

// RocksDB 7.8 ignores a read error while it reads an ingested file's first and last key, ingests
// the file with wrong key bounds and reports success; the graph then missed data, or RocksDB's own
// assertion aborted the process on a later read (docs/reliability.md). IngestGuardFs fails such an
// ingest instead (engine/storage/ingest_guard_fs.hpp).
TEST_CASE("a bulk import with read faults", "[faults][import]") {
  auto sweep = accounts_sweep();
  ImportOptions options = people(*sweep);
  FaultStep import{"import reads",
                   [&](Database& db) { return import_files(db, options).status(); }};
  import.kinds = static_cast<FaultOps>(FaultOp::kRead);
  auto f = sweep->sweep(import);
  report(f, "import reads");
  CHECK(f.io_errors > 0);
  CHECK(f.reopens == f.points + 1);
}

TEST_CASE("CREATE INDEX over existing nodes", "[faults][index]") {
  auto sweep = accounts_sweep();
  auto f = sweep->sweep({"create index", [](Database& db) {
                           return cypher(db, "CREATE INDEX account_id FOR (a:Account) ON (a.id)");
                         }});
  report(f, "create index");
  CHECK(f.io_errors > 0);
}

TEST_CASE("DROP INDEX removes all of the index or none of it", "[faults][index]") {
  auto sweep = accounts_sweep(/*indexed=*/true);
  auto f = sweep->sweep(
      {"drop index", [](Database& db) { return cypher(db, "DROP INDEX account_id"); }});
  report(f, "drop index");
  CHECK(f.io_errors > 0);
}

TEST_CASE("CALL db.schema() returns the whole schema or an error", "[faults][read]") {
  auto sweep = accounts_sweep();
  auto f = sweep->sweep({"db.schema", [](Database& db) -> Status {
                           Connection conn(db);
                           auto r = conn.query("CALL db.schema()");
                           if (!r.ok()) return r.status();
                           std::string rows;
                           for (const auto& row : r) {
                             for (const auto& v : row) rows += v.to_string() + "|";
                             rows += "\n";
                           }
                           if (rows !=
                               "label|Account|10|['amount', 'id']|\nlabel|Note|1|['text']|\n"
                               "relationship|PAYS|9|['day']|\n")
                             return Status::internal("wrong schema:\n" + rows);
                           return Status();
                         }});
  report(f, "db.schema");
  CHECK(f.io_errors > 0);
}

TEST_CASE("a read query returns the right answer or an error", "[faults][read]") {
  auto sweep = accounts_sweep();
  auto f = sweep->sweep({"read", [](Database& db) -> Status {
                           Connection conn(db);
                           auto r = conn.query(
                               "MATCH (a:Account)-[p:PAYS]->(b) "
                               "RETURN sum(a.amount + b.amount) AS s, count(p) AS c");
                           if (!r.ok()) return r.status();
                           const int64_t want = 2 * kAmount * (kAccounts - 1);
                           if (r[0][0].as_int() != want || r[0][1].as_int() != kAccounts - 1)
                             return Status::internal("wrong answer " + r[0][0].to_string() + ", " +
                                                     r[0][1].to_string());
                           return Status();
                         }});
  report(f, "read");
  CHECK(f.io_errors > 0);
}

TEST_CASE("opening the graph replays its write-ahead log", "[faults][open]") {
  auto sweep = accounts_sweep();
  FaultStep open{"open", [](Database&) { return Status(); }};
  open.includes_open = true;
  auto f = sweep->sweep(open);
  report(f, "open");
  CHECK(f.io_errors > 0);
}

// An existing graph opens read-only; its first write opens it read-write, and that open, when
// it finds too many write-ahead logs (here: any log), flushes, which writes an SST file and a
// MANIFEST record and deletes the old logs: a fault in any of it fails the open or the write or
// is survived, and the graph reopens whole.
TEST_CASE("the first write after opening reopens the graph writable and flushes its logs",
          "[faults][open]") {
  auto sweep = accounts_sweep();
  FaultStep open{"open, then a write", [](Database& db) {
                   Connection conn(db);
                   return conn.query("CREATE (:Opened)").status();
                 }};
  open.includes_open = true;
  open.flush_at_open_after_logs = 0;
  auto f = sweep->sweep(open);
  report(f, "open, then a write");
  CHECK(f.io_errors > 0);
}

// A graph of storage format 1 (the accounts' chain: every adjacency list holds one end, as
// version 1 wrote them) whose first write adds ends to a list, making a chunk of several: the
// header must be raised to 2 before, synced, or the write must fail. A fault anywhere leaves
// either no such chunk or a raised header, which check_graph's S1 checks at every reopen.
TEST_CASE("the first write to a version-1 graph raises its header", "[faults][open]") {
  FaultSweep sweep(
      [](Database& db) {
        create_accounts(db);
        engine::KvTransaction kv(db.graph()->store(), engine::KvTransaction::Mode::kWrite);
        auto header = kv.get(engine::Cf::kMeta, engine::keys::kMetaHeader);
        REQUIRE(header.ok());
        REQUIRE(header->has_value());
        std::string lowered = (*header)->substr(0, 8);
        engine::coding::put_u32be(lowered, 1);
        lowered += (*header)->substr(12);
        REQUIRE(kv.put(engine::Cf::kMeta, engine::keys::kMetaHeader, lowered).ok());
        REQUIRE(kv.commit().ok());
      },
      [](Database&) {});
  FaultStep step{"open a version-1 graph, then add ends to a list", [](Database& db) {
                   return cypher(db,
                                 "MATCH (a:Account {id: 0}), (b:Account) WHERE b.id > 1 "
                                 "CREATE (a)-[:PAYS {day: 99}]->(b)");
                 }};
  step.includes_open = true;
  auto f = sweep.sweep(step);
  report(f, "open a version-1 graph, then add ends to a list");
  CHECK(f.io_errors > 0);
}

}  // namespace
}  // namespace kg::testing
