// Compact binary encoding of property values and of node and relationship records (the values of
// the `nodes` and `rels` column families). Not order-preserving: see key_codec for index keys.
// PERSISTENT FORMAT: docs/storage_format.md; a change needs a format-version bump.
#pragma once

#include <string>
#include <string_view>

#include "engine/types.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::engine::values {

// Value tags. PERSISTENT: DO NOT RENUMBER.
enum class ValueTag : uint8_t {
  kNull = 0,
  kFalse = 1,
  kTrue = 2,
  kInt = 3,     // zigzag varint
  kFloat = 4,   // 8 bytes, IEEE-754 bits big-endian (NaN payloads and -0.0 kept)
  kString = 5,  // varint length · bytes
  kList = 6,    // varint count · values
  kMap = 7,     // varint count · (varint key length · key bytes · value), keys ascending
};

// Appends the encoding of `value`.
// REQUIRES: value holds no node, relationship or path (Status-checked by callers that take input).
void append_value(std::string& out, const Value& value);
// Decodes one value from the front of `in`, advancing it. Corruption when malformed or nested
// deeper than kMaxDepth.
Result<Value> decode_value(std::string_view& in);

constexpr int kMaxDepth = 1000;

// Node record: varint label_count · varint label_id* · properties.
// Relationship record: varint type_id · u64be src · u64be dst · properties.
// Properties: varint count · (varint key_id · value)*, key ids ascending.
std::string encode_node(const NodeRecord& node);
Result<NodeRecord> decode_node(std::string_view in);
// The value of property `key` in an encoded node record, null when the record has none, without
// decoding the others (skipped; for a statement that reads one property of many nodes).
// Corruption when the record is malformed up to the property (the rest is not checked).
Result<Value> decode_node_property(std::string_view in, PropKeyId key);
// The labels of an encoded node record, without decoding its properties.
Result<std::vector<LabelId>> decode_node_labels(std::string_view in);
std::string encode_rel(const RelRecord& rel);
Result<RelRecord> decode_rel(std::string_view in);

// Whether `value` may be stored as a property: no nodes, relationships or paths at any depth.
bool is_storable(const Value& value);

}  // namespace kg::engine::values
