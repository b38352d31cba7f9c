// AdjacencyWalker: the relationships of one node in one direction, over any of several types
// (one adjacency scan per type), as the executor's expansions need them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/txn/transaction.hpp"
#include "query/executor/exec_context.hpp"

namespace kg::query {

// Relationship types resolved once per execution: nullopt = any type; an empty vector = none of
// the names exists, so nothing matches.
std::optional<std::vector<engine::TypeId>> resolve_types(const std::vector<std::string>& names,
                                                         ExecContext& ctx);

class AdjacencyWalker {
 public:
  // REQUIRES: the transaction outlives the walker.
  AdjacencyWalker(const engine::Transaction& txn, NodeId node, Direction dir,
                  const std::optional<std::vector<engine::TypeId>>& types);
  // Walks another node's relationships (same direction and types), reusing the RocksDB iterator.
  void reset(NodeId node);
  bool valid() const { return cursor_ && cursor_->valid(); }
  void next();
  // REQUIRES: valid().
  const engine::AdjEntry& entry() const { return cursor_->entry(); }
  Status status() const { return status_; }
  // The relationship under the cursor as a reference value.
  Value rel_ref() const;

 private:
  void open_next_type();

  // The name of relationship type `type`, looked up in the catalog once per walker.
  const std::string& type_name(engine::TypeId type) const;

  const engine::Transaction& txn_;
  mutable std::vector<std::string> type_names_;  // by type id; "" = not looked up yet
  NodeId node_;
  Direction dir_;
  std::optional<std::vector<engine::TypeId>> types_;
  size_t type_index_ = 0;
  std::optional<engine::adjacency_index::AdjacencyCursor> cursor_;
  Status status_;
};

}  // namespace kg::query
