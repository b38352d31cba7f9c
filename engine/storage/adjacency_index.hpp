// Adjacency index on the `adj` column family. One key per relationship end:
//   node_id(u64) · dir(u8) · type_id(u32) · other_id(u64) · rel_id(u64), all big-endian, empty
//   value,
// so one node's relationships in one direction (and of one type) are one contiguous key range,
// and expanding a node never reads the relationship records.
// PERSISTENT FORMAT: a layout change needs a format-version bump (docs/storage_format.md).
// Stateless; cursors are not thread-safe.
#pragma once

#include <optional>

#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine::adjacency_index {

// Writes (or removes) both entries of a relationship: (src, out, type, dst, rel) and
// (dst, in, type, src, rel). A self-loop gets both entries on the same node.
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
  void settle();  // moves to the next entry to yield, switching to the incoming scan as needed

  const KvTransaction& txn_;
  NodeId node_;
  Direction dir_;
  std::optional<TypeId> type_;
  std::optional<KvCursor> cursor_;
  Direction current_ = Direction::kOutgoing;
  AdjEntry entry_;
  bool valid_ = false;
  Status status_;
};

// Whether `node` has any relationship end at all (in either direction).
Result<bool> has_any(const KvTransaction& txn, NodeId node);

}  // namespace kg::engine::adjacency_index
