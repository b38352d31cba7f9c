// kg::Transaction: create and read entities and relations without Cypher (DESIGN.md §5).
//
// Reads see a snapshot taken when the transaction began, plus, in a write transaction, its own
// writes. commit() makes every write visible at once and durable (synced to the write-ahead log
// unless Options::sync_writes is off). A transaction destroyed without commit() rolls back, so an
// error path that returns early leaves the graph as it was.
//
// Names (labels, relationship types, property keys) are plain strings; lookups of a name the graph
// has never seen find nothing. Every call returns a Status or Result; none throws.
// Thread-safety: not thread-safe; use one transaction from one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.hpp"
#include "kg/types.hpp"
#include "kg/value.hpp"

namespace kg {

namespace engine {
class Transaction;
}

// One end of a range in find_nodes_in_range.
struct RangeBound {
  Value value;
  bool inclusive = true;
};

class Transaction {
 public:
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) noexcept;
  ~Transaction();

  bool is_write() const;
  // False after commit() or rollback().
  bool is_open() const;

  // --- writes (REQUIRE a write transaction) -----------------------------------------------------
  // Null property values are not stored. Values may be any kg::Value except nodes, relationships
  // and paths (kTypeError).
  Result<NodeId> create_node(const std::vector<std::string>& labels = {},
                             const Map& properties = {});
  // kEntityNotFound unless both nodes exist.
  Result<RelId> create_relationship(NodeId start, std::string_view type, NodeId end,
                                    const Map& properties = {});
  // A null value removes the property. kEntityNotFound when the element does not exist.
  Status set_property(NodeId node, std::string_view key, const Value& value);
  Status set_property(RelId rel, std::string_view key, const Value& value);
  Status add_label(NodeId node, std::string_view label);
  Status remove_label(NodeId node, std::string_view label);
  // Without `detach`, a node that still has relationships is refused
  // (kConstraintVerificationFailed); with it, they are deleted too. Deleting what does not exist
  // is not an error.
  Status delete_node(NodeId node, bool detach = false);
  Status delete_relationship(RelId rel);

  // A property index on (label, key); unique ones also enforce uniqueness
  // (kConstraintVerificationFailed on a violation, now or at any later write).
  Status create_index(std::string_view label, std::string_view key);
  Status create_unique_constraint(std::string_view label, std::string_view key);
  // kNotFound when there is no such index or constraint.
  Status drop_index(std::string_view label, std::string_view key);

  // --- reads ------------------------------------------------------------------------------------
  Result<std::optional<Node>> get_node(NodeId node) const;
  Result<std::optional<Relationship>> get_relationship(RelId rel) const;
  // Nodes with a label, by id.
  Result<std::vector<Node>> nodes_with_label(std::string_view label) const;
  // The relationships of a node in a direction (kBoth: outgoing, then incoming; a self-loop once),
  // optionally of one type.
  Result<std::vector<Relationship>> relationships(NodeId node, Direction direction,
                                                  std::optional<std::string_view> type = {}) const;
  // Nodes with `label` whose `key` equals `value` (1 finds 1.0, as in Cypher). Uses the index on
  // (label, key) when there is one, and scans the label otherwise.
  Result<std::vector<Node>> find_nodes(std::string_view label, std::string_view key,
                                       const Value& value) const;
  // Nodes with `label` whose `key` lies in a range, in value order. Values of another kind than the
  // bounds' (strings in a numeric range) are not included. REQUIRES: an index on (label, key)
  // (kNotFound otherwise) and at least one bound.
  Result<std::vector<Node>> find_nodes_in_range(std::string_view label, std::string_view key,
                                                const std::optional<RangeBound>& lower,
                                                const std::optional<RangeBound>& upper) const;
  // Labels and relationship types that some element carries, sorted by name.
  Result<std::vector<std::string>> labels() const;
  Result<std::vector<std::string>> relationship_types() const;
  // Counts from the statistics, exact for this transaction's view.
  Result<uint64_t> count_nodes(std::optional<std::string_view> label = {}) const;
  Result<uint64_t> count_relationships(std::optional<std::string_view> type = {}) const;

  // --- end --------------------------------------------------------------------------------------
  // On failure nothing was written, and the transaction has ended.
  Status commit();
  void rollback();

  // The engine transaction, for kg's own layers.
  engine::Transaction& engine_transaction() const { return *txn_; }
  explicit Transaction(std::unique_ptr<engine::Transaction> txn);

 private:
  std::unique_ptr<engine::Transaction> txn_;
};

}  // namespace kg
