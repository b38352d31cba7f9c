// RecordCache: byte strings by 64-bit id (below 2^32), added once and never changed, for the
// read transactions on one version of the graph. VersionCache (version_cache.hpp) has two of them,
// node records and adjacency lists, beside a KeyedCache of index lookups, under one memory budget;
// ReadViewPool gives one VersionCache to every view of one version (engine/txn/read_view.hpp).
//
// Why: a record read through RocksDB costs about 1 us at scale m even when its block is cached
// (the table's index block, the cache's hash table, the block's restart array: a dozen cache
// lines), and an adjacency list's seek about as much. Expansions read one list per node expanded
// and one record per row, for the neighbour's properties. Here a cached one is five dependent
// loads away, the first three in small, hot tables: the radix tree's four levels, then the bytes.
//
// Contract: what a cache says is immutable; a record, once added, is never changed or removed.
// Its owner guarantees that every record added for an id is that id's record in the one version
// the cache belongs to; a write makes a new version, hence new caches.
//
// Memory: records and id-table pages are allocated as they are added, charged to a CacheBudget;
// once it is spent, add() does nothing. Records larger than kMaxRecordBytes are not cached.
//
// Thread-safety: find() is lock-free and may run on any number of threads beside add(); add()
// takes a mutex.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace kg::engine {

// Bytes that caches may still allocate, shared by the caches charged to it.
class CacheBudget {
 public:
  explicit CacheBudget(uint64_t bytes) : limit_(bytes) {}
  // Takes `bytes` from the budget; false, taking nothing and marking it spent, when they are not
  // there.
  bool take(uint64_t bytes);
  bool spent() const { return spent_.load(std::memory_order_relaxed); }
  uint64_t limit() const { return limit_; }
  uint64_t used() const { return used_.load(std::memory_order_relaxed); }

 private:
  const uint64_t limit_;
  std::atomic<uint64_t> used_{0};
  std::atomic<bool> spent_{false};
};

class RecordCache {
 public:
  static constexpr size_t kMaxRecordBytes = 16 * 1024;
  // The ids a cache holds are below this.
  static constexpr uint64_t kMaxIds = uint64_t{1} << 32;

  // REQUIRES: `budget` outlives the cache. Allocates nothing until the first add().
  explicit RecordCache(CacheBudget& budget) : budget_(budget) {}
  ~RecordCache();
  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;

  // The record of `id` when it was added, else nullopt. The view stays valid while the cache
  // lives.
  std::optional<std::string_view> find(uint64_t id) const {
    if (id >= kMaxIds) return std::nullopt;
    const Table* t = root_.load(std::memory_order_acquire);
    for (unsigned level = kLevels - 1; level > 0 && t != nullptr; --level)
      t = static_cast<const Table*>((*t)[index_at(id, level)].load(std::memory_order_acquire));
    if (t == nullptr) return std::nullopt;
    const auto* p = static_cast<const char*>((*t)[index_at(id, 0)].load(std::memory_order_acquire));
    if (p == nullptr) return std::nullopt;
    uint32_t size;
    std::memcpy(&size, p, sizeof size);
    return std::string_view(p + sizeof size, size);
  }

  // Caches `record` as the record of `id`, unless it is cached already, the budget is spent, or
  // the record is too large. Returns whether the record is cached afterwards; once the budget is
  // spent, false.
  bool add(uint64_t id, std::string_view record);

  // Whether add() will cache nothing more.
  bool full() const { return budget_.spent(); }
  uint64_t records() const;

 private:
  // Ids are looked up in a radix tree of kLevels levels of 256 entries (2 KiB a table, allocated
  // as ids reach it, so a cache that holds a few records is small and quick to make and free).
  // Interior entries point to the next level's tables, leaf entries to records: each its length
  // (u32, native order) and its bytes, in arena chunks that grow from 4 KiB to 256 KiB.
  static constexpr unsigned kBits = 8;
  static constexpr unsigned kLevels = 4;  // 4 × 8 bits: ids below 2^32
  static constexpr size_t kFirstChunkBytes = 4 * 1024;
  static constexpr size_t kMaxChunkBytes = 256 * 1024;
  using Table = std::array<std::atomic<void*>, size_t{1} << kBits>;

  static size_t index_at(uint64_t id, unsigned level) {
    return static_cast<size_t>((id >> (kBits * level)) & ((uint64_t{1} << kBits) - 1));
  }
  // The leaf entry of `id`, allocating the tables on its path. nullptr when over budget.
  // REQUIRES: mu_ held.
  std::atomic<void*>* leaf_for(uint64_t id);
  // A new table, charged to the budget; nullptr when over budget. REQUIRES: mu_ held.
  Table* new_table();

  CacheBudget& budget_;
  std::atomic<Table*> root_{nullptr};
  mutable std::mutex mu_;  // guards what follows, and the allocation of tables and chunks
  std::vector<std::unique_ptr<Table>> tables_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_size_ = 0;  // of the last chunk
  size_t chunk_used_ = 0;  // of the last chunk
  uint64_t records_ = 0;
};

}  // namespace kg::engine
