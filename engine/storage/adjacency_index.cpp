#include "engine/storage/adjacency_index.hpp"

#include "engine/storage/key_codec.hpp"

namespace kg::engine::adjacency_index {

Status add(KvTransaction& txn, RelId rel, const RelRecord& r) {
  KG_TRY(txn.put(Cf::kAdj, keys::adj_key(r.src, Direction::kOutgoing, r.type, r.dst, rel), ""));
  return txn.put(Cf::kAdj, keys::adj_key(r.dst, Direction::kIncoming, r.type, r.src, rel), "");
}

Status remove(KvTransaction& txn, RelId rel, const RelRecord& r) {
  KG_TRY(txn.del(Cf::kAdj, keys::adj_key(r.src, Direction::kOutgoing, r.type, r.dst, rel)));
  return txn.del(Cf::kAdj, keys::adj_key(r.dst, Direction::kIncoming, r.type, r.src, rel));
}

AdjacencyCursor::AdjacencyCursor(const KvTransaction& txn, NodeId node, Direction dir,
                                 std::optional<TypeId> type)
    : txn_(txn), node_(node), dir_(dir), type_(type) {
  open_scan(dir == Direction::kIncoming ? Direction::kIncoming : Direction::kOutgoing);
  settle();
}

void AdjacencyCursor::reset(NodeId node, Direction dir, std::optional<TypeId> type) {
  node_ = node;
  dir_ = dir;
  type_ = type;
  status_ = Status();
  open_scan(dir == Direction::kIncoming ? Direction::kIncoming : Direction::kOutgoing);
  settle();
}

void AdjacencyCursor::open_scan(Direction dir) {
  current_ = dir;
  std::string prefix = type_ ? keys::adj_prefix(node_, dir, *type_) : keys::adj_prefix(node_, dir);
  if (cursor_ && cursor_->rebound(prefix, keys::prefix_successor(prefix))) return;
  cursor_.emplace(txn_.scan_prefix(Cf::kAdj, prefix));
}

void AdjacencyCursor::settle() {
  for (;;) {
    if (!cursor_->valid()) {
      status_ = cursor_->status();
      if (status_.ok() && dir_ == Direction::kBoth && current_ == Direction::kOutgoing) {
        open_scan(Direction::kIncoming);
        continue;
      }
      valid_ = false;
      return;
    }
    auto e = keys::decode_adj_key(cursor_->key());
    if (!e) {
      status_ = Status::corruption("malformed adjacency key");
      valid_ = false;
      return;
    }
    // In a kBoth scan a self-loop was already yielded by the outgoing half.
    if (dir_ == Direction::kBoth && current_ == Direction::kIncoming && e->other == node_) {
      cursor_->next();
      continue;
    }
    entry_ = *e;
    valid_ = true;
    return;
  }
}

void AdjacencyCursor::next() {
  if (!valid_) return;
  cursor_->next();
  settle();
}

Result<bool> has_any(const KvTransaction& txn, NodeId node) {
  AdjacencyCursor c(txn, node, Direction::kBoth, std::nullopt);
  KG_TRY(c.status());
  return c.valid();
}

}  // namespace kg::engine::adjacency_index
