#include "engine/storage/node_store.hpp"

#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/value_codec.hpp"

namespace kg::engine::node_store {

Result<std::optional<NodeRecord>> get(const KvTransaction& txn, NodeId node) {
  KG_ASSIGN_OR_RETURN(auto bytes, txn.get(Cf::kNodes, keys::node_key(node)));
  if (!bytes) return std::optional<NodeRecord>();
  auto record = values::decode_node(*bytes);
  if (!record) return record.error().with_context("node " + std::to_string(to_underlying(node)));
  return std::optional<NodeRecord>(std::move(record).value());
}

Result<std::vector<std::optional<NodeRecord>>> get_many(const KvTransaction& txn,
                                                        std::span<const NodeId> nodes) {
  std::vector<std::string> keys;
  keys.reserve(nodes.size());
  for (NodeId n : nodes) keys.push_back(keys::node_key(n));  // big-endian: ascending
  std::vector<std::optional<NodeRecord>> out(nodes.size());
  KG_TRY(txn.multi_get(Cf::kNodes, keys, [&](size_t i, std::string_view value) -> Status {
    auto record = values::decode_node(value);
    if (!record)
      return record.error().with_context("node " + std::to_string(to_underlying(nodes[i])));
    out[i] = std::move(record).value();
    return Status();
  }));
  return out;
}

Status put(KvTransaction& txn, NodeId node, const NodeRecord& record) {
  return txn.put(Cf::kNodes, keys::node_key(node), values::encode_node(record));
}

Status erase(KvTransaction& txn, NodeId node) { return txn.del(Cf::kNodes, keys::node_key(node)); }

Status add_label_entry(KvTransaction& txn, LabelId label, NodeId node) {
  return txn.put(Cf::kLabelNodes, keys::label_node_key(label, node), "");
}

Status remove_label_entry(KvTransaction& txn, LabelId label, NodeId node) {
  return txn.del(Cf::kLabelNodes, keys::label_node_key(label, node));
}

NodeId NodeCursor::node() const {
  std::string_view k = cursor_.key();
  // Both key layouts end with the node id (u64be). RocksDB checksums keys, so a short key can only
  // come from a foreign writer; it maps to an id no node has.
  if (k.size() < 8) return NodeId{UINT64_MAX};
  return NodeId{coding::get_u64be(k.data() + k.size() - 8)};
}

NodeCursor scan_all(const KvTransaction& txn) { return NodeCursor(txn.scan(Cf::kNodes, "", "")); }

NodeCursor scan_label(const KvTransaction& txn, LabelId label) {
  return NodeCursor(txn.scan_prefix(Cf::kLabelNodes, keys::label_prefix(label)));
}

}  // namespace kg::engine::node_store
