#include "engine/storage/degree_cursor.hpp"

#include <algorithm>
#include <string>

#include "engine/storage/key_codec.hpp"

namespace kg::engine::adjacency_index {

DegreeCursor::DegreeCursor(const KvTransaction& txn, Direction dir,
                           std::optional<std::vector<TypeId>> types)
    : dir_(dir), types_(std::move(types)), cursor_(txn.scan(Cf::kAdj, "", "")) {
  if (dir != Direction::kOutgoing && dir != Direction::kIncoming) {
    status_ = Status::internal("a degree is counted in one direction");
    return;
  }
  if (types_ && types_->empty()) return;  // no type counted: no node
  if (types_) std::sort(types_->begin(), types_->end());
  settle();
}

void DegreeCursor::next() {
  if (!valid_) return;
  settle();
}

bool DegreeCursor::counts(NodeId node, TypeId type) {
  if (!types_) return true;
  auto it = std::lower_bound(types_->begin(), types_->end(), type);
  if (it != types_->end() && *it == type) return true;
  // Past the last counted type, the successor of node · dir (never empty: dir is 0 or 1).
  cursor_.seek(it != types_->end() ? keys::adj_prefix(node, dir_, *it)
                                   : keys::prefix_successor(keys::adj_prefix(node, dir_)));
  return false;
}

void DegreeCursor::settle() {
  valid_ = false;
  const auto want = static_cast<uint8_t>(dir_);
  while (cursor_.valid()) {
    std::string_view key = cursor_.key();
    std::optional<AdjEntry> entry = keys::decode_adj_key(key);
    std::optional<NodeId> node = keys::decode_adj_node(key);
    if (!entry || !node) {
      status_ = Status::corruption("malformed adjacency key");
      return;
    }
    auto dir = static_cast<uint8_t>(entry->direction);
    if (dir != want) {
      // Before the range (outgoing ends when counting incoming ones): seek to it. After it:
      // seek to the next node, when there is one.
      if (dir < want) {
        cursor_.seek(keys::adj_prefix(*node, dir_));
        continue;
      }
      std::string next_node = keys::prefix_successor(key.substr(0, 8));
      if (next_node.empty()) break;
      cursor_.seek(next_node);
      continue;
    }
    // In the node's range: count it, skipping types not counted.
    const std::string range(key.substr(0, keys::kAdjPrefixSize));
    uint64_t degree = 0;
    while (cursor_.valid() && cursor_.key().starts_with(range)) {
      if (types_) {
        auto e = keys::decode_adj_key(cursor_.key());
        if (!e) {
          status_ = Status::corruption("malformed adjacency key");
          return;
        }
        if (!counts(*node, e->type)) continue;
      }
      ++degree;
      cursor_.next();
    }
    if (degree > 0) {
      node_ = *node;
      degree_ = degree;
      valid_ = true;
      return;
    }
  }
  status_ = cursor_.status();
}

}  // namespace kg::engine::adjacency_index
