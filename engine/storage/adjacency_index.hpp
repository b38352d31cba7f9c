// Adjacency index on the `adj` column family. Each relationship has two ends, (src, out, type,
// dst, rel) and (dst, in, type, src, rel); the ends of one node in one direction are packed in
// (type, other, rel) order into chunks of up to 128 (adjacency_chunk.hpp), each keyed by its
// first end:
//   node_id(u64) · dir(u8) · type_id(u32) · other_id(u64) · rel_id(u64), all big-endian,
// so one node's relationships in one direction (and of one type) are one contiguous key range,
// read a chunk at a time, and expanding a node never reads the relationship records.
// PERSISTENT FORMAT: a layout change needs a format-version bump (docs/storage_format.md).
// Stateless; cursors are not thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "engine/storage/adjacency_chunk.hpp"

#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine::adjacency_index {

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

  const KvTransaction& txn_;
  NodeId node_;
  Direction dir_;
  std::optional<TypeId> type_;
  std::optional<KvCursor> cursor_;
  Direction current_ = Direction::kOutgoing;
  // The chunk under cursor_ (when chunk_loaded_) and the position of the next end in it.
  std::vector<adjacency_chunk::End> ends_;
  size_t pos_ = 0;
  bool chunk_loaded_ = false;
  AdjEntry entry_;
  bool valid_ = false;
  Status status_;
};

// Whether `node` has any relationship end at all (in either direction).
Result<bool> has_any(const KvTransaction& txn, NodeId node);

}  // namespace kg::engine::adjacency_index
