#include "query/executor/adjacency_walker.hpp"

#include <algorithm>

namespace kg::query {

std::optional<std::vector<engine::TypeId>> resolve_types(const std::vector<std::string>& names,
                                                         ExecContext& ctx) {
  if (names.empty()) return std::nullopt;
  std::vector<engine::TypeId> ids;
  for (const auto& n : names) {
    auto id = ctx.type(n);
    if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  return ids;
}

AdjacencyWalker::AdjacencyWalker(const engine::Transaction& txn, NodeId node, Direction dir,
                                 const std::optional<std::vector<engine::TypeId>>& types)
    : txn_(txn), node_(node), dir_(dir), types_(types) {
  if (!types_) {
    cursor_.emplace(txn_.expand(node_, dir_));
    if (!cursor_->valid()) status_ = cursor_->status();
    return;
  }
  open_next_type();
}

void AdjacencyWalker::reset(NodeId node) {
  node_ = node;
  type_index_ = 0;
  status_ = Status();
  if (!types_) {
    if (cursor_) {
      cursor_->reset(node_, dir_, std::nullopt);
    } else {
      cursor_.emplace(txn_.expand(node_, dir_));
    }
    if (!cursor_->valid()) status_ = cursor_->status();
    return;
  }
  open_next_type();
}

void AdjacencyWalker::open_next_type() {
  while (type_index_ < types_->size()) {
    engine::TypeId type = (*types_)[type_index_++];
    if (cursor_) {
      cursor_->reset(node_, dir_, type);
    } else {
      cursor_.emplace(txn_.expand(node_, dir_, type));
    }
    if (cursor_->valid()) return;
    status_ = cursor_->status();
    if (!status_.ok()) return;
  }
  // Exhausted: the cursor (if any) stays, invalid, for reset() to reuse.
}

void AdjacencyWalker::next() {
  if (!cursor_) return;
  cursor_->next();
  if (cursor_->valid()) return;
  status_ = cursor_->status();
  if (!status_.ok() || !types_) return;
  open_next_type();
}

const std::string& AdjacencyWalker::type_name(engine::TypeId type) const {
  size_t i = engine::to_underlying(type);
  if (i >= type_names_.size()) type_names_.resize(i + 1);
  if (type_names_[i].empty()) type_names_[i] = txn_.type_name(type);
  return type_names_[i];
}

Value AdjacencyWalker::rel_ref() const {
  const engine::AdjEntry& e = entry();
  bool outgoing = e.direction == Direction::kOutgoing;
  // A reference like ExecContext::rel_ref, plus the type, which the adjacency key holds: it lets
  // type(r) skip reading the relationship's record (evaluator.cpp, call_function). Relationships
  // compare and hash by id only, so a reference with its type and one without are the same.
  Relationship r;
  r.id = e.rel;
  r.type = type_name(e.type);
  r.start = outgoing ? node_ : e.other;
  r.end = outgoing ? e.other : node_;
  return Value(std::move(r));
}

}  // namespace kg::query
