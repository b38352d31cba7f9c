// NodeRecordCache: the stored (encoded) records of nodes as one version of the graph holds them,
// by node id, for the read transactions on that version (ReadViewPool gives one cache to every
// view of one version; engine/txn/read_view.hpp).
//
// Why: a node record read through RocksDB costs about 1 us at scale m even when its block is
// cached (the table's index block, the cache's hash table, the block's restart array: a dozen
// cache lines). Expansions read one record per row, for the neighbour's properties. Here a cached
// record is two dependent loads away: a slot in a page of the id table, then the bytes.
//
// Contract: the cache is immutable in what it says; a record, once added, is never changed or
// removed. The owner guarantees that every record added for an id is that id's record in the one
// version the cache belongs to; a write makes a new version, hence a new cache.
//
// Memory: records and id-table pages are allocated as they are added, up to `budget_bytes`; once
// the budget is spent, add() does nothing. Records larger than kMaxRecordBytes are not cached.
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

#include "engine/types.hpp"

namespace kg::engine {

class NodeRecordCache {
 public:
  static constexpr size_t kMaxRecordBytes = 16 * 1024;

  explicit NodeRecordCache(uint64_t budget_bytes);
  ~NodeRecordCache();
  NodeRecordCache(const NodeRecordCache&) = delete;
  NodeRecordCache& operator=(const NodeRecordCache&) = delete;

  // The encoded record of `node` when it was added, else nullopt. The view stays valid while the
  // cache lives.
  std::optional<std::string_view> find(NodeId node) const {
    const uint64_t id = to_underlying(node);
    if (id >= kMaxIds) return std::nullopt;
    const Dir* dir = dirs_[id >> (kDirBits + kPageBits)].load(std::memory_order_acquire);
    if (dir == nullptr) return std::nullopt;
    const Page* page = (*dir)[(id >> kPageBits) & kDirMask].load(std::memory_order_acquire);
    if (page == nullptr) return std::nullopt;
    const uint64_t slot = (*page)[id & kPageMask].load(std::memory_order_acquire);
    if (slot == 0) return std::nullopt;
    return record_at(slot);
  }

  // Caches `encoded` as the record of `node`, unless it is cached already, the budget is spent,
  // or the record is too large. Returns whether the record is cached afterwards; once the budget
  // is spent, false.
  bool add(NodeId node, std::string_view encoded);

  // Whether add() will cache nothing more.
  bool full() const { return full_.load(std::memory_order_relaxed); }
  // Bytes allocated so far (records, id table, chunk headers), for tests and statistics.
  uint64_t bytes_used() const;
  uint64_t records() const;

 private:
  // Ids are looked up in a three-level table: a fixed array of directories, each of kDirSize
  // pages of kPageSize slots. A slot holds 0 (not cached) or 1 + the record's place in the arena:
  // chunk index << kChunkBits | offset. Covers ids below 2^32.
  static constexpr unsigned kPageBits = 12;
  static constexpr unsigned kDirBits = 10;
  static constexpr uint64_t kPageMask = (uint64_t{1} << kPageBits) - 1;
  static constexpr uint64_t kDirMask = (uint64_t{1} << kDirBits) - 1;
  static constexpr size_t kNumDirs = 1024;
  static constexpr uint64_t kMaxIds = uint64_t{kNumDirs} << (kDirBits + kPageBits);
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
  // A free slot for `node`'s record, allocating its page. nullptr when over budget.
  // REQUIRES: mu_ held.
  std::atomic<uint64_t>* slot_for(uint64_t id);
  bool charge(uint64_t bytes);  // REQUIRES: mu_ held

  const uint64_t budget_bytes_;
  std::array<std::atomic<Dir*>, kNumDirs> dirs_{};
  // Chunks of the arena; the vector is sized once, so readers may index it while add() fills
  // the next element (published to them by the slot's release store).
  std::vector<std::unique_ptr<char[]>> chunks_;
  mutable std::mutex mu_;  // guards what follows, and the allocation of pages and chunks
  std::vector<std::unique_ptr<Dir>> owned_dirs_;
  std::vector<std::unique_ptr<Page>> owned_pages_;
  size_t chunk_count_ = 0;
  size_t chunk_used_ = kChunkBytes;  // of the last chunk; "full" before the first
  uint64_t bytes_used_ = 0;
  uint64_t records_ = 0;
  std::atomic<bool> full_{false};
};

}  // namespace kg::engine
