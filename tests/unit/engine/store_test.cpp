// Opening graph directories: new, existing, foreign, other format versions, locked.
#include <rocksdb/db.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "engine/graph.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/store.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/temp_dir.hpp"

using kg::Options;
using kg::StatusCode;
using kg::engine::Cf;
using kg::engine::KvTransaction;
using kg::engine::Store;
using kg::testing::TempDir;

namespace {

void write_file(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// Opens the RocksDB database of a graph directly, with every column family, and runs `f` on it.
template <typename F>
void with_raw_rocksdb(const std::string& path, F f) {
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), path, descriptors, &handles, &db).ok());
  std::map<std::string, rocksdb::ColumnFamilyHandle*> by_name;
  for (size_t i = 0; i < names.size(); ++i) by_name[names[i]] = handles[i];
  f(db, by_name);
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
}

}  // namespace

TEST_CASE("store: creates a graph in a missing directory and reopens it", "[engine][store]") {
  TempDir dir;
  std::string uuid;
  {
    auto store = Store::open(dir.sub("g"), Options());
    REQUIRE(store.ok());
    uuid = (*store)->uuid();
    CHECK(uuid.size() == 32);
  }
  auto again = Store::open(dir.sub("g"), Options());
  REQUIRE(again.ok());
  CHECK((*again)->uuid() == uuid);
}

TEST_CASE("store: creates a graph in an existing empty directory", "[engine][store]") {
  TempDir dir;
  auto store = Store::open(dir.path(), Options());
  REQUIRE(store.ok());
}

TEST_CASE("store: two graphs get different uuids", "[engine][store]") {
  TempDir dir;
  auto a = Store::open(dir.sub("a"), Options());
  auto b = Store::open(dir.sub("b"), Options());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK((*a)->uuid() != (*b)->uuid());
}

TEST_CASE("store: create_if_missing off refuses a missing graph", "[engine][store]") {
  TempDir dir;
  Options o;
  o.create_if_missing = false;
  auto store = Store::open(dir.sub("nope"), o);
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code() == StatusCode::kNotFound);
  CHECK_FALSE(std::filesystem::exists(dir.sub("nope")));
}

TEST_CASE("store: a directory with other files is not a kg graph and is left alone",
          "[engine][store]") {
  TempDir dir;
  write_file(dir.sub("notes.txt"), "hello");
  auto store = Store::open(dir.path(), Options());
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(store.error().message(), Catch::Contains("is not a kg graph"));
  // Nothing was created in it.
  size_t files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("store: a plain file is not a kg graph", "[engine][store]") {
  TempDir dir;
  write_file(dir.sub("file"), "x");
  auto store = Store::open(dir.sub("file"), Options());
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error().message(), Catch::Contains("not a directory"));
}

TEST_CASE("store: a RocksDB database without kg's column families is not a kg graph",
          "[engine][store]") {
  TempDir dir;
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(o, dir.path(), &db).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete db;
  }
  auto store = Store::open(dir.path(), Options());
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(store.error().message(),
             Catch::Contains("RocksDB database without kg's column family"));
}

TEST_CASE("store: a graph of another format version is refused with both versions named",
          "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  REQUIRE(Store::open(path, Options()).ok());
  with_raw_rocksdb(path, [](rocksdb::DB* db, auto& cfs) {
    std::string header;
    REQUIRE(db->Get(rocksdb::ReadOptions(), cfs.at("meta"), "header", &header).ok());
    std::string patched = header.substr(0, 8);
    kg::engine::coding::put_u32be(patched, 99);
    patched += header.substr(12);
    REQUIRE(db->Put(rocksdb::WriteOptions(), cfs.at("meta"), "header", patched).ok());
  });
  auto store = Store::open(path, Options());
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(
      store.error().message(),
      Catch::Contains("format version 99") &&
          Catch::Contains("reads versions 1 to " + std::to_string(kg::engine::kFormatVersion)));
}

TEST_CASE("store: a header with the wrong magic is not a kg graph", "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  REQUIRE(Store::open(path, Options()).ok());
  with_raw_rocksdb(path, [](rocksdb::DB* db, auto& cfs) {
    REQUIRE(db->Put(rocksdb::WriteOptions(), cfs.at("meta"), "header", "something else").ok());
  });
  auto store = Store::open(path, Options());
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error().message(), Catch::Contains("is not a kg graph"));
}

TEST_CASE("store: a graph whose creation stopped before the header is completed on open",
          "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  REQUIRE(Store::open(path, Options()).ok());
  with_raw_rocksdb(path, [](rocksdb::DB* db, auto& cfs) {
    REQUIRE(db->Delete(rocksdb::WriteOptions(), cfs.at("meta"), "header").ok());
  });
  auto store = Store::open(path, Options());
  REQUIRE(store.ok());
  CHECK((*store)->uuid().size() == 32);
}

TEST_CASE("store: a graph whose creation stopped between column families is completed on open",
          "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  REQUIRE(Store::open(path, Options()).ok());
  with_raw_rocksdb(path, [](rocksdb::DB* db, auto& cfs) {
    REQUIRE(db->DropColumnFamily(cfs.at("prop_index")).ok());
  });
  // kg.lock is there, so the open that fails for the missing column family finishes the creation.
  auto store = Store::open(path, Options());
  REQUIRE(store.ok());
  CHECK_FALSE((*store)->read_only());
  store = kg::Status::internal("closed");
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  CHECK(std::find(names.begin(), names.end(), "prop_index") != names.end());
}

TEST_CASE("store: a graph holding a column family kg does not know opens, and becomes writable",
          "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  REQUIRE(Store::open(path, Options()).ok());
  with_raw_rocksdb(path, [](rocksdb::DB* db, auto&) {
    rocksdb::ColumnFamilyHandle* extra = nullptr;
    REQUIRE(db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "extra", &extra).ok());
    db->DestroyColumnFamilyHandle(extra);
  });
  auto store = Store::open(path, Options());
  REQUIRE(store.ok());
  CHECK((*store)->read_only());  // opened without listing its column families
  // A read-write open must name "extra" too, or RocksDB refuses it.
  REQUIRE((*store)->make_writable().ok());
  CHECK_FALSE((*store)->read_only());
}

TEST_CASE("store: a second open in the same process is refused as locked", "[engine][store]") {
  TempDir dir;
  auto first = Store::open(dir.sub("g"), Options());
  REQUIRE(first.ok());
  auto second = Store::open(dir.sub("g"), Options());
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code() == StatusCode::kBusy);
  CHECK_THAT(second.error().message(),
             Catch::Contains("graph is locked by process " + std::to_string(::getpid())));
  first = kg::Status::internal("closed");  // closes the first store
  CHECK(Store::open(dir.sub("g"), Options()).ok());
}

TEST_CASE("store: another process holding the graph makes open fail at once, naming its pid",
          "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  REQUIRE(Store::open(path, Options()).ok());  // create it, then close
  {
    kg::testing::ChildProcess holder({kg::testing::test_helper_path(), "hold", path});
    auto line = holder.read_line();
    REQUIRE(line == "ready " + std::to_string(holder.pid()));
    auto store = Store::open(path, Options());
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().code() == StatusCode::kBusy);
    CHECK_THAT(store.error().message(),
               Catch::Contains("graph is locked by process " + std::to_string(holder.pid())));
    holder.close_stdin();
    CHECK(holder.wait() == 0);
  }
  CHECK(Store::open(path, Options()).ok());  // free again once the holder exited
}

TEST_CASE("store: a lock left by a killed process does not block the next open",
          "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  {
    kg::testing::ChildProcess holder({kg::testing::test_helper_path(), "hold", path});
    REQUIRE(holder.read_line().has_value());
    holder.kill_hard();
    holder.wait();
  }
  CHECK(Store::open(path, Options()).ok());
}

// RocksDB keeps every write-ahead log since the oldest unflushed write and replays them all at
// open; writes of many short sessions must all come back, and an open that finds more logs than
// StorageOptions::flush_at_open_after_logs flushes so the old logs go (a flush at close instead
// made RocksDB 7.8 abort on an assertion after a failed write: docs/storage_format.md).
TEST_CASE("store: a graph written and reopened many times keeps every write", "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  constexpr int kSessions = 40;
  const size_t max_logs = kg::engine::StorageOptions{}.flush_at_open_after_logs;
  auto count_logs = [&] {
    size_t logs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(path))
      if (entry.path().extension() == ".log") ++logs;
    return logs;
  };
  size_t most_logs = 0;
  for (int i = 0; i < kSessions; ++i) {
    auto store = Store::open(path, Options());
    REQUIRE(store.ok());
    REQUIRE((*store)->make_writable().ok());
    most_logs = std::max(most_logs, count_logs());
    rocksdb::DB* db = (*store)->db();
    REQUIRE(db->Put((*store)->write_options(), (*store)->cf(kg::engine::Cf::kMeta),
                    "test/" + std::to_string(i), "v")
                .ok());
  }
  // One log per writable open until the limit, then the flush drops them (the open's own log
  // stays).
  CHECK(most_logs > 1);
  CHECK(most_logs <= max_logs + 1);
  auto store = Store::open(path, Options());
  REQUIRE(store.ok());
  for (int i = 0; i < kSessions; ++i) {
    std::string value;
    CHECK((*store)
              ->db()
              ->Get(rocksdb::ReadOptions(), (*store)->cf(kg::engine::Cf::kMeta),
                    "test/" + std::to_string(i), &value)
              .ok());
  }
}

TEST_CASE("store: the info log leaves out RocksDB's options dump", "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  REQUIRE(Store::open(path, Options()).ok());
  REQUIRE(Store::open(path, Options()).ok());
  std::ifstream log(path + "/LOG");
  std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  CHECK(text.find("Options.") == std::string::npos);
}

namespace {

// The names and sizes of the files in `path`.
std::map<std::string, uintmax_t> files_of(const std::string& path) {
  std::map<std::string, uintmax_t> files;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    std::string name = entry.path().filename().string();
    files[name] = entry.is_regular_file() ? entry.file_size() : 0;
  }
  return files;
}

}  // namespace

TEST_CASE("store: an existing graph opens read-only and changes no file until a write",
          "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  {
    auto store = Store::open(path, Options());
    REQUIRE(store.ok());
    CHECK_FALSE((*store)->read_only());  // a new graph is written at once (its header)
  }
  auto before = files_of(path);
  {
    auto store = Store::open(path, Options());
    REQUIRE(store.ok());
    CHECK((*store)->read_only());
    KvTransaction read(**store, KvTransaction::Mode::kRead);
    auto header = read.get(Cf::kMeta, "header");
    REQUIRE(header.ok());
    CHECK(header->has_value());
    CHECK(read.commit().ok());
  }
  // No new MANIFEST, OPTIONS file or write-ahead log, and the info log not rolled to LOG.old.*.
  CHECK(files_of(path) == before);
  {
    auto store = Store::open(path, Options());
    REQUIRE(store.ok());
    KvTransaction write(**store, KvTransaction::Mode::kWrite);
    CHECK_FALSE((*store)->read_only());
    REQUIRE(write.put(Cf::kMeta, "test/x", "1").ok());
    REQUIRE(write.commit().ok());
  }
  CHECK(files_of(path) != before);
  auto store = Store::open(path, Options());
  REQUIRE(store.ok());
  KvTransaction read(**store, KvTransaction::Mode::kRead);
  auto x = read.get(Cf::kMeta, "test/x");
  REQUIRE(x.ok());
  CHECK(*x == std::optional<std::string>("1"));
}

// A read transaction that began on the read-only open keeps reading it after the store became
// writable, even once the files it reads are compacted away (it holds them open).
TEST_CASE("store: a read begun before the first write keeps its snapshot", "[engine][store]") {
  TempDir dir;
  std::string path = dir.sub("g");
  constexpr int kKeys = 2000;
  auto key = [](int i) { return "test/" + std::to_string(100000 + i); };
  {
    auto store = Store::open(path, Options());
    REQUIRE(store.ok());
    KvTransaction write(**store, KvTransaction::Mode::kWrite);
    for (int i = 0; i < kKeys; ++i) REQUIRE(write.put(Cf::kMeta, key(i), "old").ok());
    REQUIRE(write.commit().ok());
    REQUIRE((*store)->flush().ok());
  }
  auto table_files = [&] {
    std::set<std::string> names;
    for (const auto& [name, size] : files_of(path))
      if (name.ends_with(".sst")) names.insert(name);
    return names;
  };
  const std::set<std::string> first_files = table_files();
  auto store = Store::open(path, Options());
  REQUIRE(store.ok());
  REQUIRE((*store)->read_only());
  KvTransaction early(**store, KvTransaction::Mode::kRead);
  {
    KvTransaction write(**store, KvTransaction::Mode::kWrite);
    for (int i = 0; i < kKeys; ++i) REQUIRE(write.put(Cf::kMeta, key(i), "new").ok());
    REQUIRE(write.commit().ok());
  }
  REQUIRE((*store)->flush().ok());
  rocksdb::CompactRangeOptions compact;
  compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  REQUIRE((*store)->db()->CompactRange(compact, (*store)->cf(Cf::kMeta), nullptr, nullptr).ok());
  for (const std::string& name : table_files()) CHECK(first_files.count(name) == 0);

  auto count = [&](const KvTransaction& t, std::string_view value) {
    int n = 0;
    auto cursor = t.scan_prefix(Cf::kMeta, "test/");
    for (; cursor.valid(); cursor.next()) n += cursor.value() == value ? 1 : 0;
    REQUIRE(cursor.status().ok());
    return n;
  };
  CHECK(count(early, "old") == kKeys);
  KvTransaction late(**store, KvTransaction::Mode::kRead);
  CHECK(count(late, "new") == kKeys);
}
