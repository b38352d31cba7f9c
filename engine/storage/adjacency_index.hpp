// Adjacency index on the `adj` column family. Each relationship has two ends, (src, out, type,
// dst, rel) and (dst, in, type, src, rel); the ends of one node in one direction are packed in
// (type, other, rel) order into chunks of up to 128 (adjacency_chunk.hpp), each keyed by its
// first end:
//   node_id(u64) · dir(u8) · type_id(u32) · other_id(u64) · rel_id(u64), all big-endian,
// so one node's relationships in one direction (and of one type) are one contiguous key range,
// read a chunk at a time, and expanding a node never reads the relationship records.
// PERSISTENT FORMAT: a layout change needs a format-version bump (docs/storage_format.md).
// Stateless; cursors are not thread-safe.
//
// A read transaction with a record cache (KvTransaction::cache) reads a list from its
// `adjacency` cache when it is there, and adds each list it reads whole from RocksDB. A cached
// list is its chunks, each as its first end's key fields (type u32be, other u64be, rel u64be: the
// adjacency key after node and direction), varint(value size), value.
#pragma once

#include <optional>
#include <vector>

#include "engine/storage/adjacency_chunk.hpp"

#include "engine/txn/kv_transaction.hpp"
#include "engine/txn/record_cache.hpp"
#include "engine/types.hpp"

namespace kg::engine::adjacency_index {

// The id of the list (node, dir) in a RecordCache. REQUIRES: dir is kOutgoing or kIncoming.
inline uint64_t list_id(NodeId node, Direction dir) {
  return to_underlying(node) * 2 + (dir == Direction::kIncoming ? 1 : 0);
}

// Adds the adjacency lists of the transaction's snapshot to its adjacency cache, in key order,
// until the cache is full; does nothing without a cache. Reads the blocks it does not find in the
// block cache without adding them there. Read errors end it early and are returned.
Status fill_cache(const KvTransaction& txn);

// Writes (or removes) both ends of a relationship: (src, out, type, dst, rel) and
// (dst, in, type, src, rel). A self-loop gets both ends on the same node. Each end reads, changes
// and writes back the chunk it belongs in (a chunk past 128 ends splits in two halves); removing
// an end that is not there changes nothing.
Status add(KvTransaction& txn, RelId rel, const RelRecord& record);
Status remove(KvTransaction& txn, RelId rel, const RelRecord& record);

// The relationships of one node, ordered by (direction, type, other node, rel id).
// With Direction::kBoth it yields the outgoing ones, then the incoming ones, and a self-loop once
// (as outgoing).
class AdjacencyCursor {
 public:
  AdjacencyCursor(const KvTransaction& txn, NodeId node, Direction dir, std::optional<TypeId> type);
  bool valid() const { return valid_; }
  void next();
  // Restarts the cursor on another node (and direction and type), reusing its RocksDB iterator:
  // a search that expands many nodes one after another pays for one iterator, not one per node.
  void reset(NodeId node, Direction dir, std::optional<TypeId> type);
  // REQUIRES: valid().
  const AdjEntry& entry() const { return entry_; }
  Status status() const { return status_; }

 private:
  void open_scan(Direction dir);
  void settle();  // moves to the next end to yield, loading chunks and switching to the incoming
                  // scan as needed
  // Loads the next chunk of the current list into ends_ (from cached_ or cursor_); false at the
  // list's end or on error (then status_ says so).
  bool load_next_chunk();

  const KvTransaction& txn_;
  RecordCache* cache_;  // the transaction's adjacency cache, or null
  NodeId node_;
  Direction dir_;
  std::optional<TypeId> type_;
  std::optional<KvCursor> cursor_;
  Direction current_ = Direction::kOutgoing;
  // The chunk under cursor_ (when chunk_loaded_) and the position of the next end in it.
  std::vector<adjacency_chunk::End> ends_;
  size_t pos_ = 0;
  bool chunk_loaded_ = false;
  // The current list when it came from the cache: its chunks not yet loaded.
  bool from_cache_ = false;
  std::string_view cached_;
  // The current list's chunks read from RocksDB so far, in the cache's encoding, while the scan
  // may add it to the cache (a read transaction's untyped scan of a list not too large).
  bool collecting_ = false;
  std::string collected_;
  AdjEntry entry_;
  bool valid_ = false;
  Status status_;
};

// Whether `node` has any relationship end at all (in either direction).
Result<bool> has_any(const KvTransaction& txn, NodeId node);

}  // namespace kg::engine::adjacency_index
