// KeyedCache: byte strings by byte-string key, added once and never changed, for the read
// transactions on one version of the graph (VersionCache in record_cache.hpp). It holds the
// answers of property-index equality lookups: an index value prefix (label · key · ordered value)
// to the ids of the nodes under it, so that finding a node by name costs a hash lookup instead of
// a RocksDB seek (1.9 us of a 3 us point lookup at scale m).
//
// Contract and memory as RecordCache's: what it says never changes; entries are charged to a
// CacheBudget, and once it is spent add() does nothing. Keys and values of more than
// kMaxEntryBytes together are not cached.
//
// Thread-safety: find() takes a shared lock, add() an exclusive one. A view find() returns stays
// valid while the cache lives (entries are never moved).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string_view>
#include <vector>

#include "engine/txn/record_cache.hpp"

namespace kg::engine {

class KeyedCache {
 public:
  static constexpr size_t kMaxEntryBytes = 4096;

  // REQUIRES: `budget` outlives the cache.
  explicit KeyedCache(CacheBudget& budget) : budget_(budget) {}
  KeyedCache(const KeyedCache&) = delete;
  KeyedCache& operator=(const KeyedCache&) = delete;

  // The value added for `key`, else nullopt.
  std::optional<std::string_view> find(std::string_view key) const;
  // Caches `value` for `key`, unless it is cached already, the budget is spent, or the entry is
  // too large. Returns whether the key is cached afterwards; once the budget is spent, false.
  bool add(std::string_view key, std::string_view value);
  bool full() const { return budget_.spent(); }
  uint64_t entries() const;

 private:
  // A slot holds 0 (empty) or the key hash's top 16 bits << 48 | 1 + the entry's place in the
  // arena (chunk << kChunkBits | offset). An entry is u32 key size, key, u32 value size, value.
  static constexpr unsigned kChunkBits = 18;
  static constexpr size_t kChunkBytes = size_t{1} << kChunkBits;
  static constexpr uint64_t kPlaceMask = (uint64_t{1} << 48) - 1;

  // The slot holding `key`, or the empty slot where it would go. REQUIRES: mu_ held; slots_ not
  // empty.
  size_t probe(std::string_view key, uint64_t hash) const;
  std::string_view key_at(uint64_t slot) const;
  std::string_view value_at(uint64_t slot) const;
  // Doubles the table. REQUIRES: mu_ held exclusively.
  bool grow();

  CacheBudget& budget_;
  mutable std::shared_mutex mu_;  // guards everything below
  std::vector<uint64_t> slots_;   // open addressing, linear probing, at most half full
  size_t entries_ = 0;
  std::vector<std::unique_ptr<char[]>> chunks_;  // of 4 KiB, then twice the last, up to kChunkBytes
  size_t chunk_size_ = 0;                        // of the last chunk
  size_t chunk_used_ = 0;                        // of the last chunk
};

}  // namespace kg::engine
