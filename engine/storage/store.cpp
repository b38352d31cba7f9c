#include "engine/storage/store.hpp"

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "engine/storage/append_only_log.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/file_lock.hpp"
#include "engine/storage/ingest_guard_fs.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/rocksdb_status.hpp"

namespace kg::engine {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, kNumCfs> kCfNames = {
    "meta", "catalog", "nodes", "label_nodes", "rels", "adj", "prop_index"};

constexpr std::string_view kLockFileName = "kg.lock";

// What a directory holds, judged without opening it.
enum class DirKind {
  kMissing,
  kEmpty,  // empty, or holding only what an interrupted creation by kg leaves (kg.lock, no CURRENT)
  kRocksDb,  // a RocksDB database: kg's or not, Store::open looks further
  kForeign,  // other files
  kNotADirectory,
};

DirKind classify(const std::string& path, bool* has_kg_lock) {
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) return DirKind::kMissing;
  if (ec) return DirKind::kForeign;  // unreadable: open fails later with the system's reason
  if (st.type() != fs::file_type::directory) return DirKind::kNotADirectory;
  *has_kg_lock = fs::exists(fs::path(path) / kLockFileName, ec);
  if (fs::exists(fs::path(path) / "CURRENT", ec)) return DirKind::kRocksDb;
  if (*has_kg_lock) return DirKind::kEmpty;  // kg began creating it and stopped before CURRENT
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    (void)entry;
    return DirKind::kForeign;
  }
  return DirKind::kEmpty;
}

std::string random_uuid() {
  std::random_device rd;
  std::string uuid;
  for (int i = 0; i < 4; ++i) coding::put_u32be(uuid, rd());
  uuid[6] = static_cast<char>((uuid[6] & 0x0f) | 0x40);  // version 4
  uuid[8] = static_cast<char>((uuid[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return uuid;
}

// The graph's info log (LOG) without RocksDB's header records. At every open RocksDB writes a
// header into LOG — among it the ~100 options of each column family, whatever the log level — and
// formatting that costs about a quarter of the CPU time of opening a graph. The OPTIONS file
// RocksDB writes at every open holds the same options; warnings and errors still reach LOG.
class NoHeaderLogger : public rocksdb::LoggerWrapper {
 public:
  explicit NoHeaderLogger(std::shared_ptr<rocksdb::Logger> target)
      : rocksdb::LoggerWrapper(target.get()), target_(std::move(target)) {}
  void LogHeader(const char*, va_list) override {}
  void Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) override {
    if (level == rocksdb::InfoLogLevel::HEADER_LEVEL || level < GetInfoLogLevel()) return;
    rocksdb::LoggerWrapper::Logv(level, format, ap);
  }

 private:
  std::shared_ptr<rocksdb::Logger> target_;
};

// Shards of at least 32 MiB (at most 16 of them). RocksDB's default splits 256 MiB into 64 shards
// of 4 MiB, and a bulk-imported table keeps its index and filter in one block each: at scale l the
// adjacency file's are 1.8 and 2.5 MB, and when both hash to the same shard they evict each other,
// so every seek read 2.5 MB from the file again (shortest paths 5x slower, depending on the run).
int block_cache_shard_bits(uint64_t capacity) {
  int bits = 0;
  while (bits < 4 && (capacity >> (bits + 1)) >= (uint64_t{32} << 20)) ++bits;
  return bits;
}

// The meta `header` record of this kg's format: magic, kFormatVersion, the graph's 16-byte UUID.
std::string header_record(std::string_view uuid) {
  std::string header(kMagic);
  coding::put_u32be(header, kFormatVersion);
  header += uuid;
  return header;
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

}  // namespace

std::string_view cf_name(Cf cf) { return kCfNames[static_cast<size_t>(cf)]; }

namespace {

// `wanted` when this RocksDB build supports it, else Snappy (RocksDB's default).
rocksdb::CompressionType supported_or_snappy(rocksdb::CompressionType wanted) {
  static const std::vector<rocksdb::CompressionType> supported =
      rocksdb::GetSupportedCompressions();
  return std::find(supported.begin(), supported.end(), wanted) != supported.end()
             ? wanted
             : rocksdb::kSnappyCompression;
}

// Keeps every table's index and filter blocks pinned in the cache while the table is open, not
// only level 0's (an import's files go to the last level), so that a lookup does not find them
// through the cache's hash table and lock each time: warm point lookups by an indexed property
// 7 % faster at scale m. The price is reading them all when the table is opened, rather than at
// first use: only for `nodes` and `prop_index`, whose index blocks are small (0.11 and 0.10 MB at
// scale l); `adj`'s filter and index (2.9 MB) and `rels`' index (0.85 MB) pinned too doubled the
// reopen at scale l (1.6 -> 2.3 ms).
void pin_index_and_filter(rocksdb::BlockBasedTableOptions& t) {
  t.metadata_cache_options.unpartitioned_pinning = rocksdb::PinningTier::kAll;
}

// RocksDB's default column family options, made once per process. A default-constructed
// ColumnFamilyOptions makes its own BlockBasedTableFactory, which makes its own 8 MiB block cache
// of 16 shards; a copy of this one shares them instead. Building eight column families' options
// from scratch at every open cost 7 % of a read-only open's instructions (callgrind, scale s).
const rocksdb::ColumnFamilyOptions& default_column_family_options() {
  static const rocksdb::ColumnFamilyOptions defaults;
  return defaults;
}

}  // namespace

rocksdb::ColumnFamilyOptions column_family_options(Cf cf,
                                                   const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o = default_column_family_options();
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.cache_index_and_filter_blocks = true;
  t.pin_l0_filter_and_index_blocks_in_cache = true;
  t.format_version = 5;
  t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // 8 KiB blocks compress better than 4 KiB (more shared context, half the index entries) and
  // make scans read half as many blocks; LZ4 decompresses faster than Snappy, which matters
  // because lookups on a cold cache spend their time decompressing blocks.
  t.block_size = 8 * 1024;
  o.compression = supported_or_snappy(rocksdb::kLZ4Compression);
  // The last level (an import's files, and what compactions settle) in LZ4HC: the same LZ4
  // format, so reads decompress as fast, in 13 % fewer bytes at scale m (adj 26.1 -> 21.2 MB).
  // Level 3 costs the import a fifth more time; the default level 9 tripled it for 1.6 % less.
  // Flushes stay plain LZ4, which compresses ten times faster.
  o.bottommost_compression = supported_or_snappy(rocksdb::kLZ4HCCompression);
  o.bottommost_compression_opts.enabled = true;
  o.bottommost_compression_opts.level = 3;
  switch (cf) {
    case Cf::kAdj:
      // One node's edges in one direction are one prefix (node_id · dir), for the memtable's
      // prefix Bloom filter below.
      o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kAdjPrefixSize));
      // No table Bloom filter: traversals seek the lists of nodes that an edge or an index just
      // named, and on a warm cache the filter's probe (one more block found through the cache's
      // hash table and lock per seek) cost more than it saved on the lists it found empty. Without
      // it, warm 2-hop counts take 10 % less time at scale m and 6 % less at l, and the graph
      // 2.5 MB less disk at l (docs/performance.md, pass M).
      t.filter_policy.reset();
      // A memtable's prefix Bloom filter is allocated and zeroed whole when the memtable is made,
      // at every open among others (5 % cost a tenth of the open's CPU time): 1 % of the 64 MiB
      // write buffer is 0.64 MiB, over 5 bits per entry of a full memtable, more per prefix.
      o.memtable_prefix_bloom_size_ratio = 0.01;
      // Not ZSTD, though it would take adj from 26 to 17 MB at scale m: traversals read many
      // adj blocks once each, and a 2-hop count on a cold cache cost 74 % more instructions.
      break;
    case Cf::kRels:
      // ZSTD on the last level (where an import's files go: SstFileWriter writes with
      // bottommost_compression) halves rels (16.7 -> 8.7 MB at scale m); a relationship's
      // record is read only for its properties, whose first read of a block costs more.
      o.bottommost_compression = supported_or_snappy(rocksdb::kZSTD);
      // A relationship is read by id only after something (an adjacency entry, an index) named
      // it, so lookups hit and a Bloom filter (10 bits per relationship) would only cost.
      t.filter_policy.reset();
      break;
    case Cf::kNodes:
      t.filter_policy.reset();  // as for rels: lookups by id hit
      pin_index_and_filter(t);
      break;
    case Cf::kLabelNodes:
      o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kLabelNodesPrefixSize));
      t.whole_key_filtering = false;
      break;
    case Cf::kPropIndex:
      o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kPropIndexPrefixSize));
      t.whole_key_filtering = false;
      pin_index_and_filter(t);
      break;
    default:
      break;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

DbInstance::DbInstance(rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*> handles,
                       bool read_only)
    : db_(db), handles_(std::move(handles)), read_only_(read_only) {}

DbInstance::~DbInstance() {
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  db_->Close().PermitUncheckedError();
  delete db_;
}

Store::Store(std::string path, Options options, const StorageOptions& storage)
    : path_(std::move(path)),
      options_(options),
      env_(storage.env != nullptr ? storage.env : rocksdb::Env::Default()),
      guard_fs_(std::make_shared<IngestGuardFs>(env_->GetFileSystem())),
      db_env_(rocksdb::NewCompositeEnv(guard_fs_)),
      flush_at_open_after_logs_(storage.flush_at_open_after_logs),
      cache_(rocksdb::NewLRUCache(options_.block_cache_bytes,
                                  block_cache_shard_bits(options_.block_cache_bytes))),
      write_options_(std::make_unique<rocksdb::WriteOptions>()) {
  write_options_->sync = options_.sync_writes;
}

Store::~Store() {
  instance_.reset();  // closed before the Env and the process lock go
}

std::shared_ptr<const DbInstance> Store::instance() const {
  std::lock_guard<std::mutex> lock(instance_mu_);
  return instance_;
}

const rocksdb::WriteOptions& Store::write_options() const { return *write_options_; }

namespace {

// Judges an existing RocksDB database at `path` by its column families. OK when it has all of
// kg's; OK with *creating set when some are missing but kg.lock is there (kg creates them one by
// one, and an interrupted creation is finished by creating the rest); else why it is not a graph.
Status judge_column_families(const std::string& path, rocksdb::Env* env, bool has_kg_lock,
                             bool* creating) {
  rocksdb::DBOptions list_options;
  if (env != nullptr) list_options.env = env;
  std::vector<std::string> existing;
  auto s = rocksdb::DB::ListColumnFamilies(list_options, path, &existing);
  if (!s.ok()) return from_rocksdb(s, "cannot open graph at '" + path + "'");
  for (std::string_view name : kCfNames) {
    if (std::find(existing.begin(), existing.end(), name) != existing.end()) continue;
    if (has_kg_lock) {
      *creating = true;
      continue;
    }
    return Status::invalid_argument("'" + path +
                                    "' is not a kg graph: it is a RocksDB database without kg's "
                                    "column family '" +
                                    std::string(name) + "'");
  }
  return Status();
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const Options& options,
                                           const StorageOptions& storage) {
  if (path.empty()) return Status::invalid_argument("graph path is empty");
  bool has_kg_lock = false;
  bool creating = false;
  switch (classify(path, &has_kg_lock)) {
    case DirKind::kNotADirectory:
      return Status::invalid_argument("'" + path + "' is not a kg graph: it is not a directory");
    case DirKind::kForeign:
      return Status::invalid_argument("'" + path +
                                      "' is not a kg graph: the directory holds other files and "
                                      "no database");
    case DirKind::kMissing:
    case DirKind::kEmpty: {
      if (!options.create_if_missing)
        return Status::not_found("no graph at '" + path + "' (and create_if_missing is off)");
      std::error_code ec;
      fs::create_directories(path, ec);
      if (ec) return Status::io_error("cannot create directory '" + path + "': " + ec.message());
      creating = true;
      break;
    }
    case DirKind::kRocksDb:
      // A graph kg made has kg.lock, and opens without listing its column families first (a
      // read of CURRENT and the MANIFEST, a tenth of an open): only a failed open looks at them.
      // A database without kg.lock is judged before the lock is taken, so a foreign one is left
      // as found.
      if (!has_kg_lock) KG_TRY(judge_column_families(path, storage.env, false, &creating));
      break;
  }
  std::unique_ptr<Store> store(new Store(path, options, storage));
  KG_ASSIGN_OR_RETURN(store->lock_, FileLock::acquire((fs::path(path) / kLockFileName).string()));
  Result<std::shared_ptr<DbInstance>> instance = store->open_db(creating, /*read_only=*/!creating);
  if (!instance.ok() && !creating) {
    // Why it failed: a database that lacks kg's column families is not kg's, or is kg's creation
    // interrupted (which is finished now); otherwise the open's own error stands.
    KG_TRY(judge_column_families(path, storage.env, has_kg_lock, &creating));
    if (creating) instance = store->open_db(creating, /*read_only=*/false);
  }
  if (!instance.ok()) return instance.status();
  store->instance_ = std::move(instance).value();
  KG_TRY(store->check_or_write_header(creating));
  if (creating) KG_TRY(store->flush_if_many_logs(store->flush_at_open_after_logs_));
  return store;
}

Status Store::make_writable() const {
  std::lock_guard<std::mutex> lock(writable_mu_);
  // Already writable: only an older header left by a failed raise is retried (a no-op after).
  if (!read_only()) return raise_header_version();
  KG_ASSIGN_OR_RETURN(std::shared_ptr<DbInstance> writable,
                      open_db(/*creating=*/false, /*read_only=*/false));
  {
    std::lock_guard<std::mutex> guard(instance_mu_);
    instance_ = std::move(writable);
  }
  KG_TRY(raise_header_version());
  return flush_if_many_logs(flush_at_open_after_logs_);
}

Status Store::raise_header_version() const {
  if (header_version_ >= kFormatVersion) return Status();
  std::string header;
  KG_TRY(from_rocksdb(db()->Get(rocksdb::ReadOptions(), cf(Cf::kMeta), keys::kMetaHeader, &header),
                      "cannot read graph header"));
  if (header.size() < kMagic.size() + 4) return Status::corruption("graph header is too short");
  std::string raised = header_record(std::string_view(header).substr(kMagic.size() + 4));
  rocksdb::WriteOptions sync;
  sync.sync = true;
  KG_TRY(from_rocksdb(db()->Put(sync, cf(Cf::kMeta), keys::kMetaHeader, raised),
                      "cannot raise the graph's format version"));
  header_version_ = kFormatVersion;
  return Status();
}

Result<std::shared_ptr<DbInstance>> Store::open_db(bool creating, bool read_only) const {
  rocksdb::DBOptions db_options;
  db_options.env = db_env_.get();
  db_options.create_if_missing = creating;
  db_options.create_missing_column_families = creating;
  db_options.max_background_jobs = 2;
  db_options.keep_log_file_num = 3;
  db_options.max_log_file_size = 4 << 20;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  // Reopening replays the write-ahead log into memtables instead of flushing them to new SST
  // files: a short-lived process (kg -c ...) then opens in a few fsyncs, not one per column family.
  db_options.avoid_flush_during_recovery = true;
  // Opening table files in parallel costs a thread per file at every open; one is plenty for a
  // graph that opens in milliseconds.
  db_options.max_file_opening_threads = 1;
  // With max_open_files = -1 (the default) every table reader is opened with its file and kept
  // in the file's metadata, so reads find it there and the table cache is searched only when a
  // file is added. RocksDB's 64 shards (a mutex and a hash table each, made at every open) buy
  // nothing then: one shard takes 2 % off a read-only open's instructions.
  db_options.table_cache_numshardbits = 0;
  if (read_only) {
    db_options.info_log = std::make_shared<AppendOnlyLog>((fs::path(path_) / "LOG").string(),
                                                          db_options.info_log_level);
  } else {
    // The info log RocksDB would make (LOG, rolled per keep_log_file_num and max_log_file_size),
    // minus its header. On failure RocksDB tries again itself and, failing too, logs nowhere.
    std::shared_ptr<rocksdb::Logger> log;
    if (rocksdb::CreateLoggerFromOptions(path_, db_options, &log).ok() && log != nullptr) {
      log->SetInfoLogLevel(db_options.info_log_level);
      db_options.info_log = std::make_shared<NoHeaderLogger>(std::move(log));
    }
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (size_t i = 0; i < kNumCfs; ++i) {
    descriptors.emplace_back(std::string(kCfNames[i]),
                             column_family_options(static_cast<Cf>(i), cache_));
    // A read-only open's memtables hold only what the write-ahead logs replay; their prefix
    // Bloom filters would be allocated and zeroed for nothing (a sixth of such an open's CPU).
    if (read_only) descriptors.back().options.memtable_prefix_bloom_size_ratio = 0;
  }
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, default_column_family_options());
  // A read-write open must name every column family the database has, kg's or not. (A database
  // being created may not exist yet.)
  std::vector<std::string> existing;
  if (!read_only) {
    rocksdb::DBOptions list_options;
    list_options.env = db_env_.get();
    auto s = rocksdb::DB::ListColumnFamilies(list_options, path_, &existing);
    if (!s.ok() && !creating) return from_rocksdb(s, "cannot open graph at '" + path_ + "'");
  }
  for (const auto& name : existing) {
    bool known = name == rocksdb::kDefaultColumnFamilyName ||
                 std::find(kCfNames.begin(), kCfNames.end(), name) != kCfNames.end();
    if (!known) descriptors.emplace_back(name, default_column_family_options());
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  // A read-only open replays the write-ahead logs into memory and leaves them be.
  auto s = read_only ? rocksdb::DB::OpenForReadOnly(db_options, path_, descriptors, &handles, &db)
                     : rocksdb::DB::Open(db_options, path_, descriptors, &handles, &db);
  if (!s.ok()) return from_rocksdb(s, "cannot open graph at '" + path_ + "'");
  return std::make_shared<DbInstance>(db, std::move(handles), read_only);
}

Status Store::check_or_write_header(bool creating) {
  std::string header;
  auto s = db()->Get(rocksdb::ReadOptions(), cf(Cf::kMeta), keys::kMetaHeader, &header);
  if (s.IsNotFound()) {
    // A graph whose creation was interrupted has kg's column families and an empty meta; anything
    // else without a header is not ours.
    if (!creating && !meta_is_empty())
      return Status::invalid_argument("'" + path_ + "' is not a kg graph: it has no kg header");
    KG_TRY(make_writable());
    std::string uuid = random_uuid();
    header = header_record(uuid);
    rocksdb::WriteBatch batch;
    batch.Put(cf(Cf::kMeta), keys::kMetaHeader, header).PermitUncheckedError();
    rocksdb::WriteOptions sync;
    sync.sync = true;
    KG_TRY(from_rocksdb(db()->Write(sync, &batch), "cannot initialize graph"));
    uuid_ = to_hex(uuid);
    return Status();
  }
  if (!s.ok()) return from_rocksdb(s, "cannot read graph header");
  if (header.size() != kMagic.size() + 4 + 16 || header.compare(0, kMagic.size(), kMagic) != 0)
    return Status::invalid_argument("'" + path_ + "' is not a kg graph: its header is not kg's");
  uint32_t version = coding::get_u32be(header.data() + kMagic.size());
  if (version < kOldestReadableFormatVersion || version > kFormatVersion)
    return Status::invalid_argument("graph at '" + path_ + "' has storage format version " +
                                    std::to_string(version) + ", but this kg reads versions " +
                                    std::to_string(kOldestReadableFormatVersion) + " to " +
                                    std::to_string(kFormatVersion));
  uuid_ = to_hex(std::string_view(header).substr(kMagic.size() + 4));
  header_version_ = version;
  return Status();
}

Status Store::flush_if_many_logs(size_t max_logs) const {
  std::vector<std::string> children;
  if (!env_->GetChildren(path_, &children).ok()) return Status();  // the open worked; not needed
  size_t logs = std::count_if(children.begin(), children.end(), [](const std::string& name) {
    return std::string_view(name).ends_with(".log");
  });
  if (logs <= max_logs) return Status();
  return flush_all(*instance());
}

bool Store::meta_is_empty() const {
  std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), cf(Cf::kMeta)));
  it->SeekToFirst();
  return !it->Valid() && it->status().ok();
}

Status Store::flush() {
  KG_TRY(make_writable());
  return flush_all(*instance());
}

Status Store::merge_small_column_families() const {
  auto db = instance();
  if (db->read_only()) return Status::internal("merge_small_column_families on a read-only graph");
  for (size_t i = 0; i < kNumCfs; ++i) {
    rocksdb::ColumnFamilyMetaData meta;
    db->db()->GetColumnFamilyMetaData(db->cf(static_cast<Cf>(i)), &meta);
    size_t files = 0;
    for (const auto& level : meta.levels) files += level.files.size();
    if (files < 2 || meta.size >= kMergeBelowBytes) continue;
    // CompactRange, which waits for a running compaction of the family and syncs what it writes
    // as background compactions do. (CompactFiles of all the files would also merge files whose
    // keys do not overlap, which CompactRange moves down as they are; but it fails while an
    // automatic compaction holds one of them, and the fault sweep's "a bulk import of CSV
    // files" found a graph whose MANIFEST named a compaction output lost with a failed sync.)
    rocksdb::CompactRangeOptions options;
    options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
    KG_TRY(
        from_rocksdb(db->db()->CompactRange(options, db->cf(static_cast<Cf>(i)), nullptr, nullptr),
                     "cannot compact column family " + std::string(kCfNames[i])));
  }
  return Status();
}

Status Store::flush_all(const DbInstance& db) const {
  std::vector<rocksdb::ColumnFamilyHandle*> all;
  for (size_t i = 0; i < kNumCfs; ++i) all.push_back(db.cf(static_cast<Cf>(i)));
  return from_rocksdb(db.db()->Flush(rocksdb::FlushOptions(), all), "flush");
}

}  // namespace kg::engine
