// ReadViewPool: read transactions on an unchanged graph share a snapshot and reuse the iterators
// of bounded scans; any commit, ingest or new open of the database makes the next one see it.
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <string>

#include "engine/storage/store.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/txn/read_view.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import.hpp"
#include "tests/support/temp_dir.hpp"

using kg::Options;
using kg::engine::Cf;
using kg::engine::KvCursor;
using kg::engine::KvTransaction;
using kg::engine::ReadView;
using kg::engine::ReadViewPool;
using kg::engine::Store;
using kg::testing::TempDir;

namespace {

// A new graph's Store, in a temporary directory.
class NewGraph {
 public:
  NewGraph() {
    auto store = Store::open(dir_.sub("g"), Options());
    REQUIRE(store.ok());
    store_ = std::move(store).value();
  }
  const Store& store() const { return *store_; }

 private:
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

// Commits `key` = "" in `nodes` (through a transaction without a pool unless `views` is given).
void put(const Store& store, const std::string& key, ReadViewPool* views = nullptr) {
  KvTransaction w(store, KvTransaction::Mode::kWrite, views);
  REQUIRE(w.put(Cf::kNodes, key, "").ok());
  REQUIRE(w.commit().ok());
}

// The keys of `nodes` in [lower, upper), one scan of a read transaction on `views`.
std::string keys(const Store& store, ReadViewPool& views, const std::string& lower = "a",
                 const std::string& upper = "z") {
  KvTransaction r(store, KvTransaction::Mode::kRead, &views);
  std::string out;
  for (KvCursor c = r.scan(Cf::kNodes, lower, upper); c.valid(); c.next())
    out += std::string(c.key()) + " ";
  return out;
}

}  // namespace

TEST_CASE("read views: an unchanged graph's reads share one view and its iterators",
          "[engine][read_view]") {
  NewGraph graph;
  const Store& s = graph.store();
  put(s, "b");
  put(s, "d");
  ReadViewPool pool;

  std::shared_ptr<ReadView> first = pool.acquire(s);
  const ReadView* address = first.get();
  pool.release(s, std::move(first));
  std::shared_ptr<ReadView> again = pool.acquire(s);
  CHECK(again.get() == address);
  // Lent to one transaction at a time: a second borrower gets another view.
  std::shared_ptr<ReadView> other = pool.acquire(s);
  CHECK(other.get() != address);
  pool.release(s, std::move(other));
  pool.release(s, std::move(again));

  // A scan's cursor goes back to the view when destroyed, and the next transaction's scan of the
  // same column family takes it, moved to its own bounds.
  CHECK(keys(s, pool) == "b d ");
  {
    std::shared_ptr<ReadView> view = pool.acquire(s);
    std::optional<KvCursor> parked = view->take(Cf::kNodes);
    REQUIRE(parked.has_value());
    REQUIRE(parked->rebound("c", "e"));
    REQUIRE(parked->valid());
    CHECK(parked->key() == "d");
    parked.reset();  // no home: freed, not parked
    CHECK_FALSE(view->take(Cf::kNodes).has_value());
    pool.release(s, std::move(view));
  }
  CHECK(keys(s, pool, "c", "e") == "d ");
  CHECK(keys(s, pool, "a", "c") == "b ");
}

TEST_CASE("read views: a commit is seen by the next read, whoever committed it",
          "[engine][read_view]") {
  NewGraph graph;
  const Store& s = graph.store();
  put(s, "b");
  ReadViewPool pool;
  CHECK(keys(s, pool) == "b ");
  // Written by a transaction that does not know the pool: the sequence number tells.
  put(s, "c");
  CHECK(keys(s, pool) == "b c ");
  // Written through the pool: it drops its idle views.
  put(s, "d", &pool);
  CHECK(keys(s, pool) == "b c d ");

  // A transaction that began before a commit keeps its snapshot, and its view is not reused.
  KvTransaction before(s, KvTransaction::Mode::kRead, &pool);
  put(s, "e");
  CHECK(keys(s, pool) == "b c d e ");
  auto old = before.get(Cf::kNodes, "e");
  REQUIRE(old.ok());
  CHECK_FALSE(old->has_value());
  before.rollback();
  CHECK(keys(s, pool) == "b c d e ");
}

TEST_CASE("read views: invalidate() makes the next read take a new snapshot",
          "[engine][read_view]") {
  NewGraph graph;
  const Store& s = graph.store();
  ReadViewPool pool;
  std::shared_ptr<ReadView> view = pool.acquire(s);
  std::shared_ptr<ReadView> kept = view;  // keeps the address from being reused
  pool.release(s, std::move(view));
  pool.invalidate();
  CHECK(pool.acquire(s) != kept);

  // A view lent out while the pool was invalidated is not kept when given back.
  std::shared_ptr<ReadView> lent = pool.acquire(s);
  kept = lent;
  pool.invalidate();
  pool.release(s, std::move(lent));
  CHECK(pool.acquire(s) != kept);
}

TEST_CASE("read views: a query after a bulk import sees the imported graph",
          "[engine][read_view]") {
  // An ingest advances RocksDB's sequence number only when a file needs one (it overlaps what is
  // there, as the import's `meta` counters do); BulkWrite invalidates the views either way.
  TempDir dir;
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  kg::Connection conn(db);
  auto count = [&] {
    kg::QueryResult r = conn.query("MATCH (n) RETURN count(n) AS n");
    REQUIRE(r.ok());
    return r[0][0].as_int();
  };
  REQUIRE(conn.query("CREATE (:P {name: 'before'})").ok());
  CHECK(count() == 1);
  CHECK(count() == 1);  // the second read reuses the first one's view
  { std::ofstream(dir.sub("p.csv")) << ":ID,name\n1,a\n2,b\n"; }
  kg::ImportOptions o;
  o.nodes.push_back({{"P"}, {dir.sub("p.csv")}});
  auto imported = kg::import_files(db, o);
  REQUIRE(imported.ok());
  CHECK(count() == 3);
  CHECK(conn.query("MATCH (n:P {name: 'b'}) RETURN n.name").size() == 1);
}
