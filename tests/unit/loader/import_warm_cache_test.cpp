// ImportOptions::warm_cache: after an import, the blocks that lookups read (property indexes,
// node records, adjacency lists) are in the block cache, so the first queries read no table
// block from the files; and the warming fills at most three quarters of the cache.
#include <rocksdb/cache.h>
#include <rocksdb/perf_context.h>
#include <rocksdb/perf_level.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <string>

#include "engine/graph.hpp"
#include "engine/storage/store.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import.hpp"
#include "tests/support/temp_dir.hpp"

using kg::Connection;
using kg::Database;
using kg::ImportOptions;
using kg::Options;

namespace {

// A graph with a block cache of `cache_bytes`, and its imports: 20,000 people with unique names,
// each knowing the next two (about 1.5 MB of table blocks uncompressed).
class WarmFixture {
 public:
  static constexpr int kPeople = 20000;

  explicit WarmFixture(uint64_t cache_bytes) {
    Options o;
    o.block_cache_bytes = cache_bytes;
    o.record_cache_bytes = 0;  // these tests are of the block cache: all reads go through it
    db_ = std::make_unique<Database>(dir_.sub("g"), o);
    REQUIRE(db_->ok());
    conn_ = std::make_unique<Connection>(*db_);
    REQUIRE(conn_->query("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE").ok());
  }

  void import(bool warm) {
    std::ofstream nodes(dir_.sub("people.csv")), rels(dir_.sub("knows.csv"));
    nodes << ":ID,name,born:int\n";
    rels << ":START_ID,:END_ID\n";
    for (int i = 0; i < kPeople; ++i) {
      nodes << i << ",person " << i << "," << 1900 + i % 100 << "\n";
      rels << i << "," << (i + 1) % kPeople << "\n" << i << "," << (i + 2) % kPeople << "\n";
    }
    nodes.close();
    rels.close();
    ImportOptions o;
    o.nodes.push_back({{"Person"}, {dir_.sub("people.csv")}});
    o.relationships.push_back({"KNOWS", {dir_.sub("knows.csv")}});
    o.warm_cache = warm;
    auto r = kg::import_files(*db_, o);
    INFO(r.status().to_string());
    REQUIRE(r.ok());
  }

  // Table blocks read from the files (block cache misses: data, index and filter blocks) while
  // `lookups` people spread over the graph are found by name, with their friends' names.
  uint64_t blocks_read_by_lookups(int lookups) {
    auto ps = conn_->prepare(
        "MATCH (p:Person {name: $name})-->(f) RETURN p.born AS born, f.name AS friend");
    REQUIRE(ps.ok());
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kEnableCount);
    rocksdb::get_perf_context()->Reset();
    for (int i = 0; i < lookups; ++i) {
      auto r = ps.execute({{"name", kg::Value("person " + std::to_string(i * 997 % kPeople))}});
      REQUIRE(r.ok());
      REQUIRE(r.size() == 2);
    }
    const uint64_t blocks = rocksdb::get_perf_context()->block_read_count;
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
    return blocks;
  }

  uint64_t cache_usage() const { return db_->graph()->store().block_cache()->GetUsage(); }

 private:
  kg::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Connection> conn_;
};

}  // namespace

TEST_CASE("import warm_cache: the first lookups after an import read no block from the files",
          "[loader][import]") {
  WarmFixture warm(64ull << 20);
  warm.import(true);
  CHECK(warm.blocks_read_by_lookups(200) == 0);

  WarmFixture cold(64ull << 20);
  cold.import(false);
  CHECK(cold.blocks_read_by_lookups(200) > 0);
  CHECK(cold.cache_usage() < warm.cache_usage());
}

TEST_CASE("import warm_cache: fills at most three quarters of the block cache",
          "[loader][import]") {
  // 512 KiB holds a fraction of the graph's blocks: the warming stops at 384 KiB (plus the
  // blocks of the keys read between two checks of the cache's size, at most two blocks).
  constexpr uint64_t kCache = 512u << 10;
  WarmFixture fx(kCache);
  fx.import(true);
  CHECK(fx.cache_usage() >= kCache / 4 * 3);
  CHECK(fx.cache_usage() <= kCache / 4 * 3 + (32u << 10));
  // Lookups still work, reading what the cache lacks.
  CHECK(fx.blocks_read_by_lookups(50) > 0);
}
