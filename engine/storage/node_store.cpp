#include "engine/storage/node_store.hpp"

#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/value_codec.hpp"
#include "engine/txn/version_cache.hpp"

namespace kg::engine::node_store {

namespace {

RecordCache* node_cache(const KvTransaction& txn) {
  return txn.cache() != nullptr ? &txn.cache()->nodes : nullptr;
}

Result<NodeRecord> decode(std::string_view bytes, NodeId node) {
  auto record = values::decode_node(bytes);
  if (!record) return record.error().with_context("node " + std::to_string(to_underlying(node)));
  return record;
}

}  // namespace

Result<NodeRecord> decode_stored(std::string_view record, NodeId node) {
  return decode(record, node);
}

Result<std::vector<LabelId>> stored_labels(std::string_view record, NodeId node) {
  auto labels = values::decode_node_labels(record);
  if (!labels) return labels.error().with_context("node " + std::to_string(to_underlying(node)));
  return labels;
}

Result<Value> stored_property(std::string_view record, NodeId node, PropKeyId key) {
  auto value = values::decode_node_property(record, key);
  if (!value) return value.error().with_context("node " + std::to_string(to_underlying(node)));
  return value;
}

Result<std::optional<NodeRecord>> get(const KvTransaction& txn, NodeId node) {
  RecordCache* cache = node_cache(txn);
  if (cache != nullptr) {
    if (auto cached = cache->find(to_underlying(node))) {
      KG_ASSIGN_OR_RETURN(NodeRecord record, decode(*cached, node));
      return std::optional<NodeRecord>(std::move(record));
    }
  }
  KG_ASSIGN_OR_RETURN(auto bytes, txn.get(Cf::kNodes, keys::node_key(node)));
  if (!bytes) return std::optional<NodeRecord>();
  KG_ASSIGN_OR_RETURN(NodeRecord record, decode(*bytes, node));
  if (cache != nullptr) cache->add(to_underlying(node), *bytes);
  return std::optional<NodeRecord>(std::move(record));
}

Result<std::vector<std::optional<NodeRecord>>> get_many(const KvTransaction& txn,
                                                        std::span<const NodeId> nodes) {
  std::vector<std::optional<NodeRecord>> out(nodes.size());
  RecordCache* cache = node_cache(txn);
  std::vector<size_t> missing;  // indexes into `nodes` of those to read from RocksDB
  if (cache != nullptr) {
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (auto cached = cache->find(to_underlying(nodes[i]))) {
        KG_ASSIGN_OR_RETURN(out[i], decode(*cached, nodes[i]));
      } else {
        missing.push_back(i);
      }
    }
    if (missing.empty()) return out;
  } else {
    missing.resize(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) missing[i] = i;
  }
  std::vector<std::string> keys;
  keys.reserve(missing.size());
  for (size_t i : missing) keys.push_back(keys::node_key(nodes[i]));  // big-endian: ascending
  KG_TRY(txn.multi_get(Cf::kNodes, keys, [&](size_t k, std::string_view value) -> Status {
    const size_t i = missing[k];
    KG_ASSIGN_OR_RETURN(out[i], decode(value, nodes[i]));
    if (cache != nullptr) cache->add(to_underlying(nodes[i]), value);
    return Status();
  }));
  return out;
}

Status fill_cache(const KvTransaction& txn) {
  RecordCache* cache = node_cache(txn);
  if (cache == nullptr) return Status();
  NodeCursor c(txn.scan_uncached(Cf::kNodes));
  for (; c.valid() && !cache->full(); c.next()) cache->add(to_underlying(c.node()), c.value());
  return c.status();
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
