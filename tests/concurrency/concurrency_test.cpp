// Concurrency (docs/reliability.md): one writer and several readers on one kg::Database.
//
// The writer moves amounts between accounts, each move one transaction that also records it as
// (from)-[:SENT]->(:Transfer {m})-[:TO]->(to); every fourth transaction it rolls back instead.
// So every committed state has the same sum of Account.amount, and twice as many relationships
// as Transfer nodes. Readers check both invariants in every read, each read on one snapshot:
// through the API (a read transaction) and through Cypher (one statement). A reader that saw
// half of a transaction, or a rolled-back one, would see a different sum.
//
// The same test runs under ThreadSanitizer: scripts/tsan. Threads record failures as text; the
// Catch2 checks run on the main thread (Catch2 v2 assertions are not thread-safe).
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kg/check.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/transaction.hpp"
#include "tests/support/temp_dir.hpp"

namespace kg::testing {
namespace {

constexpr int kAccounts = 16;
constexpr int64_t kStart = 1000;
constexpr int64_t kTotal = kAccounts * kStart;

// Transactions the writer runs: $KG_CONCURRENCY_TXNS, else 4000 (two seconds or so in Release).
int writer_transactions() {
  const char* v = std::getenv("KG_CONCURRENCY_TXNS");
  return v != nullptr && std::atoi(v) > 0 ? std::atoi(v) : 4000;
}

class Failures {
 public:
  void add(std::string what) {
    std::lock_guard<std::mutex> lock(mu_);
    if (list_.size() < 20) list_.push_back(std::move(what));
    ++count_;
  }
  std::string text() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const auto& f : list_) out += f + "\n";
    return out;
  }
  int count() const {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> list_;
  int count_ = 0;
};

// One move of `m` from account `a` to `b`, through the API, committed or rolled back.
Status move_api(Database& db, const std::vector<NodeId>& ids, int a, int b, int64_t m,
                bool commit) {
  KG_ASSIGN_OR_RETURN(auto txn, db.begin_write());
  KG_ASSIGN_OR_RETURN(auto from, txn.get_node(ids[a]));
  KG_ASSIGN_OR_RETURN(auto to, txn.get_node(ids[b]));
  if (!from || !to) return Status::internal("account missing");
  KG_TRY(txn.set_property(ids[a], "amount", from->properties.at("amount").as_int() - m));
  KG_TRY(txn.set_property(ids[b], "amount", to->properties.at("amount").as_int() + m));
  KG_ASSIGN_OR_RETURN(NodeId t, txn.create_node({"Transfer"}, {{"m", m}}));
  KG_TRY(txn.create_relationship(ids[a], "SENT", t).status());
  KG_TRY(txn.create_relationship(t, "TO", ids[b]).status());
  if (!commit) {
    txn.rollback();
    return Status();
  }
  return txn.commit();
}

// The same move in one Cypher statement (its own transaction). Rolled-back moves use BEGIN.
Status move_cypher(Connection& conn, int a, int b, int64_t m, bool commit) {
  if (!commit) KG_TRY(conn.query("BEGIN").status());
  auto r = conn.query(
      "MATCH (a:Account {id: $a}), (b:Account {id: $b}) "
      "SET a.amount = a.amount - $m, b.amount = b.amount + $m "
      "CREATE (a)-[:SENT]->(:Transfer {m: $m})-[:TO]->(b)",
      {{"a", a}, {"b", b}, {"m", m}});
  if (!r.ok()) return r.status();
  if (!commit) return conn.query("ROLLBACK").status();
  return Status();
}

// Checks the invariants on one read transaction. Returns what was wrong, "" when nothing.
std::string read_api(Database& db) {
  auto txn = db.begin_read();
  if (!txn) return "begin_read: " + txn.status().to_string();
  auto accounts = txn->nodes_with_label("Account");
  if (!accounts) return "nodes_with_label: " + accounts.status().to_string();
  int64_t sum = 0;
  for (const auto& n : *accounts) sum += n.properties.at("amount").as_int();
  auto transfers = txn->count_nodes("Transfer");
  auto rels = txn->count_relationships();
  if (!transfers || !rels) return "count: read failed";
  if (accounts->size() != kAccounts)
    return "API read saw " + std::to_string(accounts->size()) + " accounts";
  if (sum != kTotal) return "API read saw sum " + std::to_string(sum);
  if (*rels != 2 * *transfers)
    return "API read saw " + std::to_string(*rels) + " relationships for " +
           std::to_string(*transfers) + " transfers";
  return "";
}

std::string read_cypher(Connection& conn) {
  auto r = conn.query(
      "MATCH (a:Account) WITH sum(a.amount) AS s, count(a) AS n "
      "OPTIONAL MATCH (t:Transfer) WITH s, n, count(t) AS transfers "
      "OPTIONAL MATCH ()-[r]->() RETURN s, n, transfers, count(r) AS rels");
  if (!r.ok()) return "Cypher read: " + r.status().to_string();
  const auto& row = r[0];
  if (row[0].as_int() != kTotal || row[1].as_int() != kAccounts ||
      row[3].as_int() != 2 * row[2].as_int())
    return "Cypher read saw sum " + row[0].to_string() + ", " + row[1].to_string() + " accounts, " +
           row[2].to_string() + " transfers, " + row[3].to_string() + " relationships";
  return "";
}

// Creates the accounts, each with kStart; their ids.
std::vector<NodeId> create_accounts(Database& db) {
  std::vector<NodeId> ids;
  auto txn = db.begin_write();
  REQUIRE(txn.ok());
  for (int i = 0; i < kAccounts; ++i) {
    auto id = txn->create_node({"Account"}, {{"id", i}, {"amount", kStart}});
    REQUIRE(id.ok());
    ids.push_back(*id);
  }
  REQUIRE(txn->commit().ok());
  return ids;
}

// Runs the writer and four readers on `db` and checks every read and the graph after. The writer
// starts once the readers have made `reads_before_writer` reads between them.
void run_writer_and_readers(Database& db, const std::vector<NodeId>& ids,
                            int64_t reads_before_writer) {
  const int transactions = writer_transactions();
  Failures failures;
  std::atomic<bool> done{false};
  std::atomic<int64_t> reads{0};
  int64_t committed = 0;

  std::thread writer([&] {
    Connection conn(db);
    while (reads.load() < reads_before_writer) std::this_thread::yield();
    std::mt19937_64 rng(42);
    for (int i = 0; i < transactions && failures.count() == 0; ++i) {
      int a = static_cast<int>(rng() % kAccounts);
      int b = static_cast<int>((a + 1 + rng() % (kAccounts - 1)) % kAccounts);
      int64_t m = static_cast<int64_t>(rng() % 50) + 1;
      bool commit = i % 4 != 3;
      Status s =
          i % 2 == 0 ? move_api(db, ids, a, b, m, commit) : move_cypher(conn, a, b, m, commit);
      if (!s.ok()) failures.add("writer, transaction " + std::to_string(i) + ": " + s.to_string());
      if (s.ok() && commit) ++committed;
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&, r] {
      Connection conn(db);
      // At least a few reads each, however fast the writer is.
      for (int i = 0; !done || i < 5; ++i) {
        std::string wrong = r % 2 == 0 ? read_api(db) : read_cypher(conn);
        if (!wrong.empty()) failures.add("reader " + std::to_string(r) + ": " + wrong);
        reads.fetch_add(1);
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();

  INFO(failures.text());
  CHECK(failures.count() == 0);
  std::cout << "concurrency: " << committed << " transactions committed, "
            << transactions - committed << " rolled back, " << reads.load() << " reads checked"
            << std::endl;
  CHECK(read_api(db) == "");
  auto txn = db.begin_read();
  REQUIRE(txn.ok());
  auto transfers = txn->count_nodes("Transfer");
  REQUIRE(transfers.ok());
  CHECK(*transfers == static_cast<uint64_t>(committed));
  auto report = check_graph(db);
  REQUIRE(report.ok());
  CHECK(report->violation_count == 0);
}

TEST_CASE("one writer and four readers: every read sees a whole committed state", "[concurrency]") {
  TempDir dir;
  Options options;
  options.sync_writes = false;  // durability is not the question here; more transactions are
  Database db(dir.sub("g"), options);
  REQUIRE(db.ok());
  run_writer_and_readers(db, create_accounts(db), 0);
}

// An existing graph opens read-only (engine/storage/store.hpp); the writer's first transaction
// opens it read-write while the readers read, and their transactions begun before keep reading
// the read-only open until they end.
TEST_CASE("a graph opened read-only becomes writable under four readers", "[concurrency]") {
  TempDir dir;
  Options options;
  options.sync_writes = false;
  std::vector<NodeId> ids;
  {
    Database db(dir.sub("g"), options);
    REQUIRE(db.ok());
    ids = create_accounts(db);
  }
  Database db(dir.sub("g"), options);
  REQUIRE(db.ok());
  run_writer_and_readers(db, ids, 40);
}

}  // namespace
}  // namespace kg::testing
