// DegreeCursor: the degree of every node in one direction, in node-id order, from one pass over
// the `adj` column family (adjacency_index.hpp has its layout). It counts the entries of each
// node's (node, dir) range with one iterator and seeks over the rest (the other direction's
// range, and types it does not count), so it reads each counted entry once and no node record.
// What getDegree does per node (Neo4j), for all nodes at once.
//
// It yields only nodes with at least one counted relationship: a node with none has no `adj`
// entry in that direction. Every node it yields exists, since a node's relationships are deleted
// with it. A self-loop counts once per direction. Seen through the transaction: its snapshot plus
// its own uncommitted writes.
// Thread-safety: not thread-safe; one cursor is used by one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/storage/adjacency_chunk.hpp"
#include "engine/txn/kv_cursor.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine::adjacency_index {

class DegreeCursor {
 public:
  // Counts the relationships of `types` (any type when nullopt; none when empty) in `dir`.
  // REQUIRES: `txn` is open and outlives the cursor. kBoth gives an invalid cursor whose status()
  // is kInternal.
  DegreeCursor(const KvTransaction& txn, Direction dir, std::optional<std::vector<TypeId>> types);

  bool valid() const { return valid_; }
  // Moves to the next node with a non-zero degree.
  void next();
  // REQUIRES: valid().
  NodeId node() const { return node_; }
  uint64_t degree() const { return degree_; }
  // Non-ok when the scan stopped on an I/O error or a malformed key.
  Status status() const { return status_; }

 private:
  // Moves from the cursor's position to the next node with a non-zero degree (or the end).
  void settle();
  Direction dir_;
  std::optional<std::vector<TypeId>> types_;  // sorted ascending
  KvCursor cursor_;
  std::vector<adjacency_chunk::End> ends_;  // the chunk being counted, with a type filter
  NodeId node_{};
  uint64_t degree_ = 0;
  bool valid_ = false;
  Status status_;
};

}  // namespace kg::engine::adjacency_index
