// RecordCache: byte strings by 64-bit id (below 2^32), added once and never changed, for the
// read transactions on one version of the graph. VersionCache (version_cache.hpp) has two of them,
// node records and adjacency lists, under one memory budget; ReadViewPool gives one VersionCache
// to every view of one version (engine/txn/read_view.hpp).
//
// Why: a record read through RocksDB costs about 1 us at scale m even when its block is cached
// (the table's index block, the cache's hash table, the block's restart array: a dozen cache
// lines), and an adjacency list's seek about as much. Expansions read one list per node expanded
// and one record per row, for the neighbour's properties. Here a cached one is three dependent
// loads away, two of them in a small, hot table: a slot in a page of the id table, then the bytes.
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

  // REQUIRES: `budget` outlives the cache.
  explicit RecordCache(CacheBudget& budget);
  ~RecordCache();
  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;

  // The record of `id` when it was added, else nullopt. The view stays valid while the cache
  // lives.
  std::optional<std::string_view> find(uint64_t id) const {
    if (id >= kMaxIds) return std::nullopt;
    const Dir* dir = dirs_[id >> (kDirBits + kPageBits)].load(std::memory_order_acquire);
    if (dir == nullptr) return std::nullopt;
    const Page* page = (*dir)[(id >> kPageBits) & kDirMask].load(std::memory_order_acquire);
    if (page == nullptr) return std::nullopt;
    const uint64_t slot = (*page)[id & kPageMask].load(std::memory_order_acquire);
    if (slot == 0) return std::nullopt;
    return record_at(slot);
  }

  // Caches `record` as the record of `id`, unless it is cached already, the budget is spent, or
  // the record is too large. Returns whether the record is cached afterwards; once the budget is
  // spent, false.
  bool add(uint64_t id, std::string_view record);

  // Whether add() will cache nothing more.
  bool full() const { return budget_.spent(); }
  uint64_t records() const;

 private:
  // Ids are looked up in a three-level table: a fixed array of directories, each of kDirSize
  // pages of kPageSize slots. A slot holds 0 (not cached) or 1 + the record's place in the arena:
  // chunk index << kChunkBits | offset.
  static constexpr unsigned kPageBits = 12;
  static constexpr unsigned kDirBits = 10;
  static constexpr uint64_t kPageMask = (uint64_t{1} << kPageBits) - 1;
  static constexpr uint64_t kDirMask = (uint64_t{1} << kDirBits) - 1;
  static constexpr size_t kNumDirs = kMaxIds >> (kDirBits + kPageBits);
  static constexpr unsigned kChunkBits = 18;  // 256 KiB chunks of the arena
  static constexpr size_t kChunkBytes = size_t{1} << kChunkBits;

  using Page = std::array<std::atomic<uint64_t>, size_t{1} << kPageBits>;
  using Dir = std::array<std::atomic<Page*>, size_t{1} << kDirBits>;

  // A record is stored as its length (u32, native order) and its bytes.
  std::string_view record_at(uint64_t slot) const {
    const uint64_t place = slot - 1;
    const char* p = chunks_[place >> kChunkBits].get() + (place & (kChunkBytes - 1));
    uint32_t size;
    std::memcpy(&size, p, sizeof size);
    return std::string_view(p + sizeof size, size);
  }
  // The slot of `id`, allocating its directory and page. nullptr when over budget.
  // REQUIRES: mu_ held.
  std::atomic<uint64_t>* slot_for(uint64_t id);

  CacheBudget& budget_;
  std::array<std::atomic<Dir*>, kNumDirs> dirs_{};
  // Chunks of the arena, as many as the budget could pay for. Sized once, so readers may index
  // it while add() fills the next element (published to them by the slot's release store).
  std::vector<std::unique_ptr<char[]>> chunks_;
  mutable std::mutex mu_;  // guards what follows, and the allocation of pages and chunks
  std::vector<std::unique_ptr<Dir>> owned_dirs_;
  std::vector<std::unique_ptr<Page>> owned_pages_;
  size_t chunk_count_ = 0;
  size_t chunk_used_ = kChunkBytes;  // of the last chunk; "full" before the first
  uint64_t records_ = 0;
};

}  // namespace kg::engine
