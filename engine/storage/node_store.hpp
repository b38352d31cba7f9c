// Node records in the `nodes` column family (key: node_id u64be; value: values::encode_node) and
// their label entries in `label_nodes` (key: label_id · node_id, empty value).
// Stateless; every call works inside the given transaction. Reads go through the transaction's
// record cache for nodes when it has one (KvTransaction::cache), and add the records they read
// to it.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine::node_store {

// The stored record of `node`, nullopt when there is none. Corruption when it does not decode.
Result<std::optional<NodeRecord>> get(const KvTransaction& txn, NodeId node);
// The records of `nodes`, in their order, in one batched lookup. REQUIRES: `nodes` ascending.
Result<std::vector<std::optional<NodeRecord>>> get_many(const KvTransaction& txn,
                                                        std::span<const NodeId> nodes);
// A stored node record (as a record cache holds it) decoded; Corruption naming `node` when it
// does not decode.
Result<NodeRecord> decode_stored(std::string_view record, NodeId node);
// Property `key` of a stored node record, null when absent, without decoding the rest.
Result<Value> stored_property(std::string_view record, NodeId node, PropKeyId key);
// The labels of a stored node record, without decoding its properties.
Result<std::vector<LabelId>> stored_labels(std::string_view record, NodeId node);

// Adds every node record of the transaction's snapshot to its node cache, in id order, until the
// cache is full; does nothing without a cache. Reads the blocks it does not find in the block
// cache without adding them there. Read errors end it early and are returned.
Status fill_cache(const KvTransaction& txn);
// Writes the record (creating or replacing it). Label entries are not touched.
Status put(KvTransaction& txn, NodeId node, const NodeRecord& record);
Status erase(KvTransaction& txn, NodeId node);

Status add_label_entry(KvTransaction& txn, LabelId label, NodeId node);
Status remove_label_entry(KvTransaction& txn, LabelId label, NodeId node);

// Nodes in id order: every node, or those carrying one label.
class NodeCursor {
 public:
  explicit NodeCursor(KvCursor cursor) : cursor_(std::move(cursor)) {}
  bool valid() const { return cursor_.valid(); }
  void next() { cursor_.next(); }
  // REQUIRES: valid().
  NodeId node() const;
  // The stored value: a node record for scan_all(), empty for scan_label(). REQUIRES: valid().
  std::string_view value() const { return cursor_.value(); }
  Status status() const { return cursor_.status(); }

 private:
  KvCursor cursor_;
};

NodeCursor scan_all(const KvTransaction& txn);
NodeCursor scan_label(const KvTransaction& txn, LabelId label);

}  // namespace kg::engine::node_store
