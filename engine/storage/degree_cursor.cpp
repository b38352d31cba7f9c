#include "engine/storage/degree_cursor.hpp"

#include <algorithm>
#include <string>

#include "engine/storage/adjacency_chunk.hpp"
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
    // In the node's range: add up its chunks' sizes, or with a type filter count the ends of the
    // counted types (a chunk can hold several types).
    const std::string range(key.substr(0, keys::kAdjPrefixSize));
    uint64_t degree = 0;
    while (cursor_.valid() && cursor_.key().starts_with(range)) {
      if (types_) {
        auto first = keys::decode_adj_key(cursor_.key());
        ends_.clear();
        if (!first || !adjacency_chunk::decode({first->type, first->other, first->rel},
                                               cursor_.value(), ends_)) {
          status_ = Status::corruption("malformed adjacency chunk");
          return;
        }
        for (const adjacency_chunk::End& e : ends_)
          if (std::binary_search(types_->begin(), types_->end(), e.type)) ++degree;
      } else {
        std::optional<uint64_t> ends = adjacency_chunk::size(cursor_.value());
        if (!ends) {
          status_ = Status::corruption("malformed adjacency chunk");
          return;
        }
        degree += *ends;
      }
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
