// RecordCache and the record cache of read views: records read on one version of the graph are
// served from memory to the next reads of that version, and never to a read of another version
// (after a commit or an import, or a transaction that began before either).
#include <rocksdb/perf_context.h>
#include <rocksdb/perf_level.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "engine/graph.hpp"
#include "engine/storage/store.hpp"
#include "engine/txn/keyed_cache.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/txn/read_view.hpp"
#include "engine/txn/record_cache.hpp"
#include "engine/txn/transaction.hpp"
#include "engine/txn/version_cache.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import.hpp"
#include "tests/support/temp_dir.hpp"

using kg::NodeId;
using kg::Options;
using kg::engine::CacheBudget;
using kg::engine::KeyedCache;
using kg::engine::KvTransaction;
using kg::engine::ReadView;
using kg::engine::ReadViewPool;
using kg::engine::RecordCache;
using kg::engine::Store;
using kg::testing::TempDir;

namespace {

std::string found(const RecordCache& cache, uint64_t id) {
  auto bytes = cache.find(id);
  return bytes ? std::string(*bytes) : "<none>";
}

// Adds entries 0..n-1 on another thread (add(i)) while this thread looks them up until it finds
// all; returns how many lookups found an entry that was not whole (check(i) false).
template <typename Add, typename Find, typename Check>
int wrong_while_adding(int n, Add add, Find find, Check check) {
  std::thread writer([&] {
    for (int i = 0; i < n; ++i) add(i);
  });
  int seen = 0, wrong = 0;
  while (seen < n) {
    seen = 0;
    for (int i = 0; i < n; ++i) {
      if (auto v = find(i)) {
        ++seen;
        if (!check(i, *v)) ++wrong;
      }
    }
  }
  writer.join();
  return wrong;
}

Options with_record_cache(uint64_t bytes) {
  Options o;
  o.record_cache_bytes = bytes;
  return o;
}

// The value of `RETURN <expr>` for the node named `name` ("<none>" when there is none).
std::string property(kg::Connection& conn, const std::string& name, const std::string& expr) {
  kg::QueryResult r = conn.query("MATCH (n {name: $name}) RETURN " + expr, {{"name", name}});
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  return r.empty() ? "<none>" : r[0][0].to_string();
}

}  // namespace

TEST_CASE("record cache: finds what was added, first record wins", "[engine][record_cache]") {
  CacheBudget budget(1 << 20);
  RecordCache cache(budget);
  CHECK(found(cache, 0) == "<none>");
  // Ids at the edges of pages and directories, and the last one the table covers.
  for (uint64_t id : {0ull, 4095ull, 4096ull, 1ull << 22, (1ull << 32) - 1})
    CHECK(cache.add(id, "record " + std::to_string(id)));
  for (uint64_t id : {0ull, 4095ull, 4096ull, 1ull << 22, (1ull << 32) - 1})
    CHECK(found(cache, id) == "record " + std::to_string(id));
  CHECK(found(cache, 1) == "<none>");
  CHECK(found(cache, 4097) == "<none>");
  CHECK(cache.records() == 5);

  CHECK(cache.add(4095, "another"));  // cached already: kept as it was
  CHECK(found(cache, 4095) == "record 4095");
  CHECK(cache.add(7, ""));  // an empty record is a record
  REQUIRE(cache.find(7).has_value());
  CHECK(cache.find(7)->empty());

  CHECK_FALSE(cache.add(1ull << 32, "beyond the table"));
  CHECK(found(cache, 1ull << 32) == "<none>");
  CHECK_FALSE(cache.add(8, std::string(RecordCache::kMaxRecordBytes + 1, 'x')));
  CHECK(found(cache, 8) == "<none>");
  CHECK(cache.add(9, std::string(RecordCache::kMaxRecordBytes, 'x')));
  CHECK(found(cache, 9).size() == RecordCache::kMaxRecordBytes);
  CHECK_FALSE(cache.full());
}

TEST_CASE("record cache: stops adding at its budget, keeping what it holds",
          "[engine][record_cache]") {
  constexpr uint64_t kBudget = 1 << 20;
  CacheBudget budget(kBudget);
  RecordCache cache(budget);
  const std::string record(1000, 'r');
  uint64_t added = 0;
  while (cache.add(added, record + std::to_string(added))) ++added;
  CHECK(cache.full());
  CHECK(added > 500);  // most of a MiB went to records
  CHECK(budget.used() <= kBudget);
  CHECK(cache.records() == added);
  CHECK(found(cache, 0) == record + "0");
  CHECK(found(cache, added - 1) == record + std::to_string(added - 1));
  CHECK(found(cache, added) == "<none>");
  CHECK_FALSE(cache.add(added + 1, "x"));
}

TEST_CASE("record cache: readers on other threads see whole records", "[engine][record_cache]") {
  CacheBudget budget(64 << 20);
  RecordCache cache(budget);
  const auto record = [](int i) { return "node " + std::to_string(i); };
  CHECK(wrong_while_adding(
            50000, [&](int i) { cache.add(uint64_t(i) * 7, record(i)); },
            [&](int i) { return cache.find(uint64_t(i) * 7); },
            [&](int i, std::string_view v) { return v == record(i); }) == 0);
}

TEST_CASE("record cache: one per version of the graph, shared by its views",
          "[engine][record_cache][read_view]") {
  TempDir dir;
  auto opened = Store::open(dir.sub("g"), Options());
  REQUIRE(opened.ok());
  const Store& s = **opened;
  auto commit = [&](ReadViewPool* views) {
    KvTransaction w(s, KvTransaction::Mode::kWrite, views);
    REQUIRE(w.put(kg::engine::Cf::kNodes, "k", "").ok());
    REQUIRE(w.commit().ok());
  };

  ReadViewPool pool(1 << 20);
  std::shared_ptr<ReadView> a = pool.acquire(s);
  std::shared_ptr<ReadView> b = pool.acquire(s);  // another view of the same version
  REQUIRE(a->cache() != nullptr);
  CHECK(b->cache() == a->cache());

  // After a commit, a new version: a new cache. The views of the old one keep theirs.
  commit(&pool);
  std::shared_ptr<ReadView> c = pool.acquire(s);
  REQUIRE(c->cache() != nullptr);
  CHECK(c->cache() != a->cache());
  // The sequence number alone tells a commit made without the pool.
  commit(nullptr);
  std::shared_ptr<ReadView> d = pool.acquire(s);
  REQUIRE(d->cache() != nullptr);
  CHECK(d->cache() != c->cache());

  // While an ingest runs, new views get no cache; after it, a new one.
  pool.begin_ingest();
  std::shared_ptr<ReadView> during = pool.acquire(s);
  CHECK(during->cache() == nullptr);
  pool.end_ingest();
  std::shared_ptr<ReadView> after = pool.acquire(s);
  REQUIRE(after->cache() != nullptr);
  CHECK(after->cache() != d->cache());

  ReadViewPool none(0);
  CHECK(none.acquire(s)->cache() == nullptr);
}

TEST_CASE("record cache: reads see each write, and a transaction keeps its snapshot's records",
          "[engine][record_cache]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  kg::Connection conn(db);
  REQUIRE(conn.query("CREATE (:Company {name: 'AWS', units: 1})").ok());
  CHECK(property(conn, "AWS", "n.units") == "1");  // read, and cached
  CHECK(property(conn, "AWS", "n.units") == "1");  // from the cache

  // A read transaction begun now reads this version's records from here on.
  kg::engine::Graph& graph = *db.graph();
  auto before = graph.begin_read();
  REQUIRE(before.has_value());
  REQUIRE((*before)->record_cache() != nullptr);

  REQUIRE(conn.query("MATCH (n {name: 'AWS'}) SET n.units = 2, n:Buyer").ok());
  CHECK(property(conn, "AWS", "n.units") == "2");
  CHECK(property(conn, "AWS", "labels(n)") == "['Company', 'Buyer']");
  CHECK(property(conn, "AWS", "n.units") == "2");  // the new version's cache has it now

  auto old = (*before)->get_node(NodeId{0});
  REQUIRE(old.ok());
  REQUIRE(old->has_value());
  CHECK((*old)->properties.size() == 2);
  CHECK((*old)->labels.size() == 1);

  REQUIRE(conn.query("MATCH (n {name: 'AWS'}) DELETE n").ok());
  CHECK(property(conn, "AWS", "n.units") == "<none>");
  auto gone = graph.begin_read();
  REQUIRE(gone.has_value());
  auto record = (*gone)->get_node(NodeId{0});
  REQUIRE(record.ok());
  CHECK_FALSE(record->has_value());
}

TEST_CASE("record cache: an import fills it with the imported nodes, and a new one after each",
          "[engine][record_cache][loader]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  kg::Connection conn(db);
  REQUIRE(conn.query("CREATE (:P {name: 'before'})").ok());
  CHECK(property(conn, "before", "n.name") == "before");  // cached in the version before

  auto import = [&](const std::string& file, const std::string& text, bool warm) {
    { std::ofstream(dir.sub(file)) << text; }
    kg::ImportOptions o;
    o.nodes.push_back({{"P"}, {dir.sub(file)}});
    o.warm_cache = warm;
    auto imported = kg::import_files(db, o);
    INFO(imported.status().to_string());
    REQUIRE(imported.ok());
  };
  auto cached_records = [&] {
    auto txn = db.graph()->begin_read();
    REQUIRE(txn.has_value());
    REQUIRE((*txn)->record_cache() != nullptr);
    return (*txn)->record_cache()->nodes.records();
  };

  { std::ofstream(dir.sub("r.csv")) << ":START_ID,:END_ID,:TYPE\n1,2,R\n2,2,R\n"; }
  kg::ImportOptions with_rels;
  with_rels.nodes.push_back({{"P"}, {dir.sub("a.csv")}});
  with_rels.relationships.push_back({"", {dir.sub("r.csv")}});
  { std::ofstream(dir.sub("a.csv")) << ":ID,name\n1,a\n2,b\n"; }
  auto imported = kg::import_files(db, with_rels);
  INFO(imported.status().to_string());
  REQUIRE(imported.ok());
  CHECK(cached_records() == 3);  // the node created before, and the two imported
  {
    auto txn = db.graph()->begin_read();
    REQUIRE(txn.has_value());
    // a's outgoing list, b's outgoing and incoming lists (its self-loop is in both)
    CHECK((*txn)->record_cache()->adjacency.records() == 3);
  }
  CHECK(property(conn, "b", "[(n)-->(m) | m.name]") == "['b']");
  CHECK(property(conn, "a", "n.name") == "a");
  CHECK(property(conn, "before", "n.name") == "before");

  import("b.csv", ":ID,name\n3,c\n", /*warm=*/false);
  CHECK(cached_records() == 0);  // a new version, and no warming
  CHECK(property(conn, "c", "n.name") == "c");
  CHECK(cached_records() >= 1);  // the read added what it read
}

TEST_CASE("record cache: a record read again on the same version is not read from RocksDB",
          "[engine][record_cache]") {
  for (uint64_t budget : {uint64_t{1} << 20, uint64_t{0}}) {
    TempDir dir;
    kg::Database db(dir.sub("g"), with_record_cache(budget));
    REQUIRE(db.ok());
    REQUIRE(kg::Connection(db).query("CREATE (:P {name: 'a'}), (:P {name: 'b'})").ok());
    auto read_bytes = [&](bool many) {
      auto txn = db.graph()->begin_read();
      REQUIRE(txn.has_value());
      rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
      rocksdb::get_perf_context()->Reset();
      const NodeId ids[] = {NodeId{0}, NodeId{1}};
      if (many) {
        auto records = (*txn)->get_nodes(ids);
        REQUIRE(records.ok());
        CHECK((*records)[1]->properties.size() == 1);
      } else {
        auto record = (*txn)->get_node(ids[0]);
        REQUIRE(record.ok());
        CHECK((*record)->properties.size() == 1);
      }
      const rocksdb::PerfContext& perf = *rocksdb::get_perf_context();
      const uint64_t bytes = perf.get_read_bytes + perf.multiget_read_bytes;
      rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
      return bytes;
    };
    INFO("record_cache_bytes " << budget);
    CHECK(read_bytes(false) > 0);  // the first read of a version goes to RocksDB
    CHECK(read_bytes(true) > 0);   // node 1 is not cached yet
    if (budget > 0) {
      CHECK(read_bytes(false) == 0);
      CHECK(read_bytes(true) == 0);
    } else {
      CHECK(read_bytes(false) > 0);
      CHECK(read_bytes(true) > 0);
    }
  }
}

TEST_CASE("record cache: two caches share one budget", "[engine][record_cache]") {
  CacheBudget budget(600 << 10);  // two chunks of 256 KiB and a few pages
  RecordCache a(budget), b(budget);
  const std::string record(10000, 'r');
  uint64_t in_a = 0;
  while (a.add(in_a, record)) ++in_a;
  CHECK(budget.spent());
  CHECK(in_a > 20);
  CHECK_FALSE(b.add(0, "x"));  // the budget is spent for both
  CHECK(budget.used() <= budget.limit());
}

namespace {

// Each expansion's rows as text, run twice (the second run of a version reads the lists the first
// added to the cache), on a graph with a self-loop, two types and both directions.
std::string expansions(uint64_t record_cache_bytes) {
  TempDir dir;
  kg::Database db(dir.sub("g"), with_record_cache(record_cache_bytes));
  REQUIRE(db.ok());
  kg::Connection conn(db);
  REQUIRE(conn.query("CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}), "
                     "(a)-[:X]->(b), (a)-[:Y]->(c), (a)-[:X]->(a), (c)-[:X]->(a), (b)-[:Y]->(c)")
              .ok());
  const char* patterns[] = {"-->", "<--", "--", "-[:X]->", "<-[:X]-", "-[:Y]-", "-[:Z]-"};
  std::string out;
  for (int round = 0; round < 3; ++round) {
    if (round == 2)
      REQUIRE(conn.query("MATCH (a {name: 'a'}), (b {name: 'b'}) "
                         "CREATE (b)-[:Z]->(a)")
                  .ok());
    for (int repeat = 0; repeat < 2; ++repeat) {
      for (const char* p : patterns) {
        for (const char* from : {"a", "b", "c"}) {
          kg::QueryResult r = conn.query(
              std::string("MATCH (n {name: $name})") + p + "(m) RETURN m.name ORDER BY m.name",
              {{"name", std::string(from)}});
          REQUIRE(r.ok());
          out += std::string(from) + p + ":";
          for (const auto& row : r) out += " " + row[0].to_string();
          out += "\n";
        }
      }
    }
  }
  if (record_cache_bytes > 0) {
    auto txn = db.graph()->begin_read();
    REQUIRE(txn.has_value());
    REQUIRE((*txn)->record_cache() != nullptr);
    CHECK((*txn)->record_cache()->adjacency.records() == 6);  // 3 nodes × 2 directions
  }
  return out;
}

}  // namespace

TEST_CASE("record cache: expansions read the same from cached adjacency lists",
          "[engine][record_cache]") {
  const std::string uncached = expansions(0);
  CHECK(uncached.find("a--: a b c c\n") != std::string::npos);  // the self-loop once
  CHECK(expansions(1 << 20) == uncached);
}

TEST_CASE("record cache: an adjacency list read again on the same version makes no seek",
          "[engine][record_cache]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  REQUIRE(kg::Connection(db).query("CREATE (a {name: 'a'})-[:X]->(b {name: 'b'})").ok());
  auto seeks = [&] {
    auto txn = db.graph()->begin_read();
    REQUIRE(txn.has_value());
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
    rocksdb::get_perf_context()->Reset();
    auto c = (*txn)->expand(NodeId{0}, kg::Direction::kBoth);
    REQUIRE(c.valid());
    CHECK(c.entry().other == NodeId{1});
    c.next();
    CHECK_FALSE(c.valid());
    REQUIRE(c.status().ok());
    const uint64_t n = rocksdb::get_perf_context()->seek_on_memtable_count;
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
    return n;
  };
  CHECK(seeks() > 0);   // both lists read from RocksDB, and cached
  CHECK(seeks() == 0);  // both from the cache
}

TEST_CASE("record cache: properties and labels read from cached records answer as decoded ones",
          "[engine][record_cache]") {
  auto answers = [](uint64_t record_cache_bytes) {
    TempDir dir;
    kg::Database db(dir.sub("g"), with_record_cache(record_cache_bytes));
    REQUIRE(db.ok());
    kg::Connection conn(db);
    REQUIRE(conn.query("CREATE (:A:B {name: 'x', n: 1, l: [1, 'two', 3.5]}), "
                       "(:B {name: 'y', m: [true, false], s: 'a string longer than fifteen'}), (:C "
                       "{name: 'z'})")
                .ok());
    const char* queries[] = {
        "MATCH (v) RETURN v.name, v.n, v.l, v.m, v.missing, labels(v), v.s ORDER BY v.name",
        "MATCH (v) WHERE v:B RETURN v.name ORDER BY v.name",
        "MATCH (v) WHERE v:A:B AND v.n = 1 RETURN v.name",
        "MATCH (v) RETURN v, keys(v), properties(v) ORDER BY v.name",
        "MATCH (v:B) RETURN count(v.n), collect(v.name)",
    };
    std::string out;
    for (int repeat = 0; repeat < 2; ++repeat) {  // the second reads records cached by the first
      for (const char* q : queries) {
        kg::QueryResult r = conn.query(q);
        INFO(q);
        REQUIRE(r.ok());
        for (const auto& row : r) {
          for (size_t i = 0; i < row.size(); ++i) out += row[i].to_string() + " | ";
          out += "\n";
        }
      }
    }
    return out;
  };
  const std::string decoded = answers(0);
  CHECK(decoded.find("x | 1 | [1, 'two', 3.5] | null | null | ['A', 'B']") != std::string::npos);
  CHECK(answers(1 << 20) == decoded);
}

TEST_CASE("keyed cache: finds what was added, first value wins, through growth",
          "[engine][record_cache]") {
  CacheBudget budget(64 << 20);
  KeyedCache cache(budget);
  CHECK_FALSE(cache.find("a").has_value());
  CHECK(cache.add("a", "1"));
  CHECK(cache.add("", "empty key"));
  CHECK(cache.add("b", ""));  // an empty value is a value
  CHECK(cache.add("a", "2"));
  CHECK(*cache.find("a") == "1");
  CHECK(*cache.find("") == "empty key");
  REQUIRE(cache.find("b").has_value());
  CHECK(cache.find("b")->empty());
  // Enough keys to double the table several times; earlier views stay valid.
  std::string_view first = *cache.find("a");
  for (int i = 0; i < 20000; ++i) CHECK(cache.add("key " + std::to_string(i), std::to_string(i)));
  CHECK(cache.entries() == 20003);
  for (int i = 0; i < 20000; i += 7)
    CHECK(*cache.find("key " + std::to_string(i)) == std::to_string(i));
  CHECK_FALSE(cache.find("key 20000").has_value());
  CHECK(first == "1");
  CHECK_FALSE(cache.add("big", std::string(KeyedCache::kMaxEntryBytes, 'x')));
  CHECK_FALSE(cache.find("big").has_value());
}

TEST_CASE("keyed cache: stops adding at its budget, keeping what it holds",
          "[engine][record_cache]") {
  CacheBudget budget(1 << 20);
  KeyedCache cache(budget);
  int added = 0;
  while (cache.add("key " + std::to_string(added), std::string(1000, 'v'))) ++added;
  CHECK(cache.full());
  CHECK(added > 500);
  CHECK(budget.used() <= budget.limit());
  CHECK(cache.find("key 0")->size() == 1000);
  CHECK(cache.find("key " + std::to_string(added - 1)).has_value());
  CHECK_FALSE(cache.add("small", "x"));
}

TEST_CASE("keyed cache: readers on other threads see whole entries", "[engine][record_cache]") {
  CacheBudget budget(64 << 20);
  KeyedCache cache(budget);
  const auto key = [](int i) { return "k" + std::to_string(i); };
  CHECK(wrong_while_adding(
            20000, [&](int i) { cache.add(key(i), "v" + std::to_string(i)); },
            [&](int i) { return cache.find(key(i)); },
            [&](int i, std::string_view v) { return v == "v" + std::to_string(i); }) == 0);
}

TEST_CASE("record cache: index lookups from the cache answer as the index does",
          "[engine][record_cache]") {
  auto answers = [](uint64_t record_cache_bytes) {
    TempDir dir;
    kg::Database db(dir.sub("g"), with_record_cache(record_cache_bytes));
    REQUIRE(db.ok());
    kg::Connection conn(db);
    REQUIRE(conn.query("CREATE INDEX FOR (p:P) ON (p.v)").ok());
    REQUIRE(conn.query("CREATE (:P {name: 'a', v: 1}), (:P {name: 'b', v: 1.0}), "
                       "(:P {name: 'c', v: 'one'}), (:Q {name: 'd', v: 1})")
                .ok());
    std::string out;
    auto lookups = [&] {
      for (const char* v : {"1", "1.0", "'one'", "2", "'two'"}) {
        kg::QueryResult r = conn.query(std::string("MATCH (p:P) WHERE p.v = ") + v +
                                       " RETURN p.name ORDER BY p.name");
        REQUIRE(r.ok());
        out += std::string(v) + ":";
        for (const auto& row : r) out += " " + row[0].to_string();
        out += "\n";
      }
    };
    lookups();
    lookups();  // from the cache the first run filled (absent values included)
    // A write is a new version: the values it adds are found, cached answers are not reused.
    REQUIRE(conn.query("CREATE (:P {name: 'e', v: 2}), (:P {name: 'f', v: 1})").ok());
    lookups();
    lookups();
    if (record_cache_bytes > 0) {
      auto txn = db.graph()->begin_read();
      REQUIRE(txn.has_value());
      CHECK((*txn)->record_cache()->index.entries() == 4);  // 1 (= 1.0), 'one', 2, 'two'
    }
    return out;
  };
  const std::string uncached = answers(0);
  CHECK(uncached.find("1.0: a b\n") != std::string::npos);
  CHECK(uncached.find("2: e\n") != std::string::npos);
  CHECK(answers(1 << 20) == uncached);
}

TEST_CASE("record cache: an import fills index lookups, and a cached one makes no seek",
          "[engine][record_cache][loader]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  kg::Connection conn(db);
  REQUIRE(conn.query("CREATE CONSTRAINT FOR (p:P) REQUIRE p.name IS UNIQUE").ok());
  { std::ofstream(dir.sub("p.csv")) << ":ID,name\n1,a\n2,b\n3,c\n"; }
  kg::ImportOptions o;
  o.nodes.push_back({{"P"}, {dir.sub("p.csv")}});
  REQUIRE(kg::import_files(db, o).ok());
  auto txn = db.graph()->begin_read();
  REQUIRE(txn.has_value());
  CHECK((*txn)->record_cache()->index.entries() == 3);
  txn->reset();

  auto seeks = [&](const std::string& name) {
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
    rocksdb::get_perf_context()->Reset();
    kg::QueryResult r = conn.query("MATCH (n:P {name: $name}) RETURN n.name", {{"name", name}});
    REQUIRE(r.ok());
    CHECK(r.size() == (name == "zz" ? 0u : 1u));
    const uint64_t n = rocksdb::get_perf_context()->seek_on_memtable_count;
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
    return n;
  };
  CHECK(seeks("b") == 0);  // the import cached it
  CHECK(seeks("zz") > 0);  // not there: one seek, then cached as absent
  CHECK(seeks("zz") == 0);
}
