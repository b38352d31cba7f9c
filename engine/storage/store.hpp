// Store: the RocksDB database behind one graph directory, with its column families (DESIGN.md §2,
// docs/storage_format.md). Opening checks that the directory is a kg graph of this format version,
// creates a new one in a missing or empty directory, and takes the directory's process lock.
//
// An existing graph opens read-only, and becomes writable at its first write (make_writable()):
// a read-only open of RocksDB writes nothing (no new MANIFEST, OPTIONS file or write-ahead log,
// no sync), so a session that only reads opens in a tenth of the time and leaves the directory
// as it found it. The process lock keeps other processes out either way.
//
// Thread-safety: all methods are safe to call from several threads; RocksDB synchronizes.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "kg/options.hpp"
#include "kg/status.hpp"

namespace rocksdb {
class Cache;
class DB;
class ColumnFamilyHandle;
class Env;
struct ColumnFamilyOptions;
struct WriteOptions;
}  // namespace rocksdb

namespace kg::engine {

class FileLock;
class IngestGuardFs;

// The column families of a graph. PERSISTENT: the names are stored by RocksDB.
enum class Cf : uint8_t {
  kMeta = 0,
  kCatalog,
  kNodes,
  kLabelNodes,
  kRels,
  kAdj,
  kPropIndex,
};
constexpr size_t kNumCfs = 7;
std::string_view cf_name(Cf cf);

// The RocksDB options of kg's column family `cf` (docs/storage_format.md §3.1), caching table
// blocks in `cache` (null: RocksDB's default cache). Opening a graph and writing SST files for it
// (engine/loader) both take them from here, so ingested files have the graph's own table format.
rocksdb::ColumnFamilyOptions column_family_options(Cf cf,
                                                   const std::shared_ptr<rocksdb::Cache>& cache);

// Engine-level settings for opening a graph that the public kg::Options does not carry, because
// they name RocksDB types (include/kg stays free of them). kg's own tests set them through
// Graph::open or the kg::Database constructor that takes them.
struct StorageOptions {
  // The Env through which RocksDB does every file operation of the graph: the database, its
  // write-ahead log and MANIFEST, and the SST files an import writes (engine/loader). Null means
  // rocksdb::Env::Default(). Not owned. REQUIRES: outlives the Store opened with it.
  // tests/faults passes one whose FileSystem fails chosen operations.
  rocksdb::Env* env = nullptr;
  // An open that finds more write-ahead logs than this flushes the memtables it replayed into,
  // so RocksDB can delete the logs. RocksDB starts a log at every open and keeps all of them from
  // the oldest one holding unflushed data, so without this a graph opened often (kg -c ...) kept
  // one log per open and replayed them all at each. Flushing at open rather than at close: after
  // a failed write, RocksDB 7.8 aborts in a flush at close (docs/storage_format.md).
  size_t flush_at_open_after_logs = 16;
};

// Bump when any key or value layout of docs/storage_format.md changes. kg writes
// kFormatVersion and reads every version from kOldestReadableFormatVersion on: version 2 packs
// adjacency ends into chunks, and version 1's one key per end reads as chunks of one end. The
// first write to an older graph raises its header to kFormatVersion, so that a kg reading only
// the older version refuses the graph rather than misreading its chunks.
constexpr uint32_t kFormatVersion = 2;
constexpr uint32_t kOldestReadableFormatVersion = 1;
// The first 8 bytes of the meta `header` record.
inline constexpr std::string_view kMagic = "KGRAPHDB";

// One open of a graph's RocksDB database, read-only or read-write, with its column family handles.
// Closed when the last holder lets go: a read transaction keeps the instance it began on after the
// Store has moved on to a read-write one, and reads its snapshot there.
class DbInstance {
 public:
  // Takes ownership of `db` and `handles` (kg's column families in Cf order, then any others).
  DbInstance(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles, bool read_only);
  ~DbInstance();
  DbInstance(const DbInstance&) = delete;
  DbInstance& operator=(const DbInstance&) = delete;

  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* cf(Cf cf) const { return handles_[static_cast<size_t>(cf)]; }
  bool read_only() const { return read_only_; }

 private:
  rocksdb::DB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  bool read_only_;
};

class Store {
 public:
  // Opens (or creates, per options.create_if_missing) the graph in directory `path`.
  // Errors: kInvalidArgument when `path` is not a kg graph (a file, a foreign directory, a RocksDB
  // database without kg's column families or header) or has another format version; kBusy when
  // another open holds the graph's lock; kNotFound when missing and not to be created; kIOError,
  // kCorruption from RocksDB.
  static Result<std::unique_ptr<Store>> open(const std::string& path, const Options& options,
                                             const StorageOptions& storage = {});

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The database as it is open now. A transaction holds on to it for its life.
  std::shared_ptr<const DbInstance> instance() const;
  // Shorthands for instance()->db() and ->cf(). The pointers stay valid while the Store does once
  // the graph is writable; before, only until make_writable().
  rocksdb::DB* db() const { return instance()->db(); }
  rocksdb::ColumnFamilyHandle* cf(Cf cf) const { return instance()->cf(cf); }
  // Whether the database is open read-only (no write has been asked for yet).
  bool read_only() const { return instance()->read_only(); }
  // Opens the database read-write in place of the read-only open, if it is not already; raises an
  // older header to kFormatVersion; then flushes when it finds more than
  // StorageOptions::flush_at_open_after_logs write-ahead logs. Transactions that began before keep
  // reading the read-only open. Errors as open(): kIOError, kCorruption from RocksDB (the graph
  // then stays read-only, or keeps its older header, and the next call tries again: no write is
  // made under an older header).
  Status make_writable() const;

  const rocksdb::WriteOptions& write_options() const;
  const std::string& path() const { return path_; }
  const Options& options() const { return options_; }
  // The Env of every file operation (StorageOptions::env, or RocksDB's default). Never null.
  rocksdb::Env* env() const { return env_; }
  // The file system RocksDB runs on: env()'s, keeping what a failed ingest would delete.
  IngestGuardFs& ingest_guard() const { return *guard_fs_; }
  // The cache of table blocks, shared by every open of the database. Never null.
  const std::shared_ptr<rocksdb::Cache>& block_cache() const { return cache_; }
  // The 16-byte UUID written when the graph was created, as 32 hex digits.
  const std::string& uuid() const { return uuid_; }

  // Flushes memtables to SST files (before measuring size on disk, or to make reopening fast; the
  // write-ahead log makes it unnecessary for durability). Makes the graph writable first.
  Status flush();

  // Compacts each column family that is split over several table files yet small (under
  // kMergeBelowBytes in all), so that its files whose keys overlap become one (files whose keys
  // do not overlap stay apart: store.cpp says why). Every table file costs each later open of the
  // graph its own open and parse; an import leaves the catalog in two (what the memtable held,
  // flushed before the ingest, and the ingested file). The data does not change.
  // REQUIRES: writable.
  Status merge_small_column_families() const;
  static constexpr uint64_t kMergeBelowBytes = 4 << 20;

 private:
  Store(std::string path, Options options, const StorageOptions& storage);
  // Opens the database, read-only or not; a read-only open opens only kg's column families.
  Result<std::shared_ptr<DbInstance>> open_db(bool creating, bool read_only) const;
  Status check_or_write_header(bool creating);
  // StorageOptions::flush_at_open_after_logs. REQUIRES: the database is open read-write.
  // Raises an older header to kFormatVersion (synced). REQUIRES: writable, writable_mu_ held.
  Status raise_header_version() const;
  Status flush_if_many_logs(size_t max_logs) const;
  Status flush_all(const DbInstance& db) const;
  bool meta_is_empty() const;

  std::string path_;
  Options options_;
  rocksdb::Env* env_;
  std::shared_ptr<IngestGuardFs> guard_fs_;  // over env_'s file system
  std::unique_ptr<rocksdb::Env> db_env_;     // env_ with guard_fs_: RocksDB's Env
  size_t flush_at_open_after_logs_;
  std::string uuid_;
  mutable uint32_t header_version_ = kFormatVersion;  // the header's; guarded by writable_mu_
  std::unique_ptr<FileLock> lock_;
  std::shared_ptr<rocksdb::Cache> cache_;  // table blocks, for every open of the database
  std::unique_ptr<rocksdb::WriteOptions> write_options_;
  mutable std::mutex writable_mu_;  // one make_writable() at a time
  mutable std::mutex instance_mu_;  // guards instance_
  mutable std::shared_ptr<DbInstance> instance_;
};

}  // namespace kg::engine
