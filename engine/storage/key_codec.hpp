// The keys of every column family, in one place (docs/storage_format.md describes them byte by
// byte). All integers in keys are fixed-width big-endian, so byte order equals numeric order and
// every access path is one contiguous key range.
// PERSISTENT FORMAT: changing any layout here needs a format-version bump (kFormatVersion).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/types.hpp"
#include "kg/value.hpp"

namespace kg::engine::keys {

// --- nodes: node_id(u64) -----------------------------------------------------------------------
std::string node_key(NodeId node);
std::optional<NodeId> decode_node_key(std::string_view key);

// --- rels: rel_id(u64) ---------------------------------------------------------------------------
std::string rel_key(RelId rel);
std::optional<RelId> decode_rel_key(std::string_view key);

// --- label_nodes: label_id(u32) · node_id(u64) ---------------------------------------------------
constexpr size_t kLabelNodesKeySize = 12;
constexpr size_t kLabelNodesPrefixSize = 4;
std::string label_node_key(LabelId label, NodeId node);
std::string label_prefix(LabelId label);
std::optional<NodeId> decode_label_node_key(std::string_view key);

// --- adj: node_id(u64) · dir(u8) · type_id(u32) · other_id(u64) · rel_id(u64) --------------------
// dir is 0 for the outgoing end (node is the source) and 1 for the incoming end. The key of a
// relationship end; in the column family, the key of a chunk, which is its first end's
// (adjacency_chunk.hpp has the value).
constexpr size_t kAdjKeySize = 29;
constexpr size_t kAdjPrefixSize = 9;  // node_id · dir: the prefix-extractor length
// REQUIRES: dir is kOutgoing or kIncoming (not kBoth).
std::string adj_key(NodeId node, Direction dir, TypeId type, NodeId other, RelId rel);
std::string adj_prefix(NodeId node, Direction dir);
std::string adj_prefix(NodeId node, Direction dir, TypeId type);
// Decodes an adjacency key into the end it describes (node is the scanned node).
std::optional<AdjEntry> decode_adj_key(std::string_view key);
// The node whose end an adjacency key is (its first field); nullopt for a malformed key.
std::optional<NodeId> decode_adj_node(std::string_view key);

// --- prop_index: label_id(u32) · key_id(u32) · ordered(value) · node_id(u64) ---------------------
constexpr size_t kPropIndexPrefixSize = 8;  // label_id · key_id
std::string index_prefix(LabelId label, PropKeyId key);
// The prefix of all entries whose value equals `value` in Cypher's sense (so 1 finds 1.0).
// REQUIRES: value is not null.
std::string index_value_prefix(LabelId label, PropKeyId key, const Value& value);
std::string index_key(LabelId label, PropKeyId key, const Value& value, NodeId node);
// The node id at the end of an index key.
std::optional<NodeId> decode_index_key_node(std::string_view key);

// --- ordered value encoding ----------------------------------------------------------------------
// Appends an order-preserving encoding of a property value: for two values a and b of the same
// kind (numbers, strings, booleans, lists, maps), a < b in Cypher's order iff enc(a) < enc(b)
// bytewise. Across kinds, encodings sort in Cypher's orderability order: map < list < string <
// boolean < number. Ints and floats are one kind, ordered by numeric value, and numerically equal
// numbers encode identically (1 and 1.0, 0.0 and -0.0), so an equality seek finds both. NaN sorts
// above +Infinity. The encoding is self-delimiting (no encoding is a proper prefix of another's),
// so keys can continue after it. It is not decoded: the index maps values to node ids only.
// REQUIRES: value is not null at the top level (lists and maps may contain nulls) and holds no
// node, relationship or path.
void append_ordered_value(std::string& out, const Value& value);

// Tags that start each ordered encoding (and bound ranges of one kind).
enum class OrderedTag : uint8_t {
  kEnd = 0x01,  // end of a list or map
  kMap = 0x10,
  kList = 0x20,
  kString = 0x30,
  kBool = 0x40,
  kNumber = 0x50,
  kNull = 0x60,  // only inside lists and maps; null sorts last, as in Cypher
};

// --- catalog ------------------------------------------------------------------------------------
// Name → id:  kind(u8) · 'N' · name bytes      → id(u32)
// Id → name:  kind(u8) · 'I' · id(u32)         → name bytes
// Index:      0x10 · label_id(u32) · key_id(u32) → flags(u8) · name bytes; flags bit 0 = unique
std::string catalog_name_key(NameKind kind, std::string_view name);
std::string catalog_id_key(NameKind kind, uint32_t id);
std::string catalog_index_key(LabelId label, PropKeyId key);
constexpr uint8_t kCatalogIndexTag = 0x10;

// --- meta ---------------------------------------------------------------------------------------
inline constexpr std::string_view kMetaHeader = "header";
inline constexpr std::string_view kMetaNextNodeId = "next_node_id";
inline constexpr std::string_view kMetaNextRelId = "next_rel_id";
inline constexpr std::string_view kMetaNodeCount = "stat/nodes";
inline constexpr std::string_view kMetaRelCount = "stat/rels";
std::string meta_label_count_key(LabelId label);
std::string meta_type_count_key(TypeId type);

// --- helpers ------------------------------------------------------------------------------------
// The smallest key greater than every key that starts with `prefix`, or "" when there is none
// (prefix is all 0xff).
std::string prefix_successor(std::string_view prefix);

}  // namespace kg::engine::keys
