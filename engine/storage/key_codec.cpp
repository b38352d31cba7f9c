#include "engine/storage/key_codec.hpp"

#include <bit>
#include <cmath>
#include <limits>

#include "engine/storage/coding.hpp"

namespace kg::engine::keys {

using coding::get_u32be;
using coding::get_u64be;
using coding::put_u32be;
using coding::put_u64be;
using coding::put_u8;

std::string node_key(NodeId node) {
  std::string k;
  put_u64be(k, to_underlying(node));
  return k;
}

std::optional<NodeId> decode_node_key(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return NodeId{get_u64be(key.data())};
}

std::string rel_key(RelId rel) {
  std::string k;
  put_u64be(k, to_underlying(rel));
  return k;
}

std::optional<RelId> decode_rel_key(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return RelId{get_u64be(key.data())};
}

std::string label_node_key(LabelId label, NodeId node) {
  std::string k;
  k.reserve(kLabelNodesKeySize);
  put_u32be(k, to_underlying(label));
  put_u64be(k, to_underlying(node));
  return k;
}

std::string label_prefix(LabelId label) {
  std::string k;
  put_u32be(k, to_underlying(label));
  return k;
}

std::optional<NodeId> decode_label_node_key(std::string_view key) {
  if (key.size() != kLabelNodesKeySize) return std::nullopt;
  return NodeId{get_u64be(key.data() + 4)};
}

std::string adj_key(NodeId node, Direction dir, TypeId type, NodeId other, RelId rel) {
  std::string k;
  k.reserve(kAdjKeySize);
  put_u64be(k, to_underlying(node));
  put_u8(k, static_cast<uint8_t>(dir));
  put_u32be(k, to_underlying(type));
  put_u64be(k, to_underlying(other));
  put_u64be(k, to_underlying(rel));
  return k;
}

std::string adj_prefix(NodeId node, Direction dir) {
  std::string k;
  k.reserve(kAdjPrefixSize);
  put_u64be(k, to_underlying(node));
  put_u8(k, static_cast<uint8_t>(dir));
  return k;
}

std::string adj_prefix(NodeId node, Direction dir, TypeId type) {
  std::string k = adj_prefix(node, dir);
  put_u32be(k, to_underlying(type));
  return k;
}

std::optional<AdjEntry> decode_adj_key(std::string_view key) {
  if (key.size() != kAdjKeySize) return std::nullopt;
  uint8_t dir = static_cast<uint8_t>(key[8]);
  if (dir > 1) return std::nullopt;
  AdjEntry e;
  e.direction = static_cast<Direction>(dir);
  e.type = TypeId{get_u32be(key.data() + 9)};
  e.other = NodeId{get_u64be(key.data() + 13)};
  e.rel = RelId{get_u64be(key.data() + 21)};
  return e;
}

std::optional<NodeId> decode_adj_node(std::string_view key) {
  if (key.size() != kAdjKeySize) return std::nullopt;
  return NodeId{get_u64be(key.data())};
}

std::string index_prefix(LabelId label, PropKeyId key) {
  std::string k;
  put_u32be(k, to_underlying(label));
  put_u32be(k, to_underlying(key));
  return k;
}

std::string index_value_prefix(LabelId label, PropKeyId key, const Value& value) {
  std::string k = index_prefix(label, key);
  append_ordered_value(k, value);
  return k;
}

std::string index_key(LabelId label, PropKeyId key, const Value& value, NodeId node) {
  std::string k = index_prefix(label, key);
  append_ordered_value(k, value);
  put_u64be(k, to_underlying(node));
  return k;
}

std::optional<NodeId> decode_index_key_node(std::string_view key) {
  if (key.size() < kPropIndexPrefixSize + 1 + 8) return std::nullopt;
  return NodeId{get_u64be(key.data() + key.size() - 8)};
}

namespace {

// Strings: bytes with 0x00 escaped as 0x00 0xff, then the terminator 0x00 0x01. A shorter string
// sorts before every longer string it is a prefix of, because 0x01 is below any escaped byte.
void append_ordered_string(std::string& out, std::string_view s) {
  for (char c : s) {
    out.push_back(c);
    if (c == '\0') out.push_back('\xff');
  }
  out.push_back('\0');
  out.push_back('\x01');
}

// A double as 8 bytes whose unsigned order is the numeric order: flip all bits of negatives, and
// only the sign bit of positives. -0.0 is folded into 0.0 and every NaN into one NaN above +inf.
uint64_t ordered_double_bits(double d) {
  if (std::isnan(d)) return std::numeric_limits<uint64_t>::max();
  if (d == 0) d = 0.0;
  uint64_t bits = std::bit_cast<uint64_t>(d);
  return (bits & (1ull << 63)) ? ~bits : bits | (1ull << 63);
}

// Numbers: ordered(double(v)) · u16 (remainder + 0x8000). For an int whose double rounds
// (|v| > 2^53), the remainder v - double(v) (|r| <= 512) orders ints that share a double, and ints
// against floats of the same double value, so the order is exact over all int64. Numerically
// equal values (1 and 1.0) encode identically.
void append_ordered_number(std::string& out, const Value& v) {
  double d = v.as_number();
  int32_t remainder = 0;
  if (v.is_int()) {
    // d is an integer-valued double within [-2^63, 2^63]; the difference fits in a small int.
    __int128 exact = v.as_int();
    __int128 rounded = static_cast<__int128>(d);
    remainder = static_cast<int32_t>(exact - rounded);
  }
  put_u64be(out, ordered_double_bits(d));
  coding::put_u16be(out, static_cast<uint16_t>(remainder + 0x8000));
}

void append_ordered(std::string& out, const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      put_u8(out, static_cast<uint8_t>(OrderedTag::kNull));
      return;
    case ValueType::kBool:
      put_u8(out, static_cast<uint8_t>(OrderedTag::kBool));
      put_u8(out, v.as_bool() ? 1 : 0);
      return;
    case ValueType::kInt:
    case ValueType::kFloat:
      put_u8(out, static_cast<uint8_t>(OrderedTag::kNumber));
      append_ordered_number(out, v);
      return;
    case ValueType::kString:
      put_u8(out, static_cast<uint8_t>(OrderedTag::kString));
      append_ordered_string(out, v.as_string());
      return;
    case ValueType::kList:
      put_u8(out, static_cast<uint8_t>(OrderedTag::kList));
      for (const Value& e : v.as_list()) append_ordered(out, e);
      put_u8(out, static_cast<uint8_t>(OrderedTag::kEnd));
      return;
    case ValueType::kMap:
      put_u8(out, static_cast<uint8_t>(OrderedTag::kMap));
      for (const auto& [key, e] : v.as_map()) {
        // Tagged like a string value, so kEnd (0x01) sorts below every entry: {} < {k: v}.
        put_u8(out, static_cast<uint8_t>(OrderedTag::kString));
        append_ordered_string(out, key);
        append_ordered(out, e);
      }
      put_u8(out, static_cast<uint8_t>(OrderedTag::kEnd));
      return;
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      // Not storable as a property; callers reject these before encoding.
      put_u8(out, static_cast<uint8_t>(OrderedTag::kNull));
      return;
  }
}

}  // namespace

void append_ordered_value(std::string& out, const Value& value) { append_ordered(out, value); }

std::string catalog_name_key(NameKind kind, std::string_view name) {
  std::string k;
  put_u8(k, static_cast<uint8_t>(kind));
  k.push_back('N');
  k.append(name);
  return k;
}

std::string catalog_id_key(NameKind kind, uint32_t id) {
  std::string k;
  put_u8(k, static_cast<uint8_t>(kind));
  k.push_back('I');
  put_u32be(k, id);
  return k;
}

std::string catalog_index_key(LabelId label, PropKeyId key) {
  std::string k;
  put_u8(k, kCatalogIndexTag);
  put_u32be(k, to_underlying(label));
  put_u32be(k, to_underlying(key));
  return k;
}

std::string meta_label_count_key(LabelId label) {
  std::string k = "stat/label/";
  put_u32be(k, to_underlying(label));
  return k;
}

std::string meta_type_count_key(TypeId type) {
  std::string k = "stat/type/";
  put_u32be(k, to_underlying(type));
  return k;
}

std::string prefix_successor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(s.back());
    if (last != 0xff) {
      ++last;
      return s;
    }
    s.pop_back();
  }
  return s;
}

}  // namespace kg::engine::keys
