// Vocabulary of the storage engine: interned ids, records and index definitions.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "kg/types.hpp"
#include "kg/value.hpp"

namespace kg::engine {

// Interned names (see Catalog). Ids are dense per kind and never reused.
enum class LabelId : uint32_t {};
enum class TypeId : uint32_t {};
enum class PropKeyId : uint32_t {};

constexpr uint32_t to_underlying(LabelId id) { return static_cast<uint32_t>(id); }
constexpr uint32_t to_underlying(TypeId id) { return static_cast<uint32_t>(id); }
constexpr uint32_t to_underlying(PropKeyId id) { return static_cast<uint32_t>(id); }

// The three kinds of interned names. PERSISTENT: the values appear in catalog keys.
enum class NameKind : uint8_t { kLabel = 1, kType = 2, kPropKey = 3 };

// Properties of one element, sorted by key id, keys unique, no null values (a property set to null
// is absent).
using PropertyMap = std::vector<std::pair<PropKeyId, Value>>;

// Returns the value of `key` in `props`, or nullptr.
const Value* find_property(const PropertyMap& props, PropKeyId key);
// Sets (or, for a null value, removes) `key`, keeping the map sorted. Returns whether it changed.
bool put_property(PropertyMap& props, PropKeyId key, Value value);

// What the `nodes` column family stores for a node.
struct NodeRecord {
  std::vector<LabelId> labels;  // sorted, unique
  PropertyMap properties;
  bool has_label(LabelId label) const;
};

// What the `rels` column family stores for a relationship.
struct RelRecord {
  TypeId type{};
  NodeId src{};
  NodeId dst{};
  PropertyMap properties;
};

// One entry of a node's adjacency: the relationship, its type and the node at the other end.
struct AdjEntry {
  TypeId type{};
  NodeId other{};
  RelId rel{};
  Direction direction = Direction::kOutgoing;  // kOutgoing: the scanned node is the source
};

// A property index on (label, key); unique ones back a uniqueness constraint.
struct IndexDef {
  LabelId label{};
  PropKeyId key{};
  bool unique = false;
  std::string name;  // unique among a graph's indexes
  friend bool operator==(const IndexDef&, const IndexDef&) = default;
};

}  // namespace kg::engine

template <>
struct std::hash<kg::engine::LabelId> {
  size_t operator()(kg::engine::LabelId id) const noexcept {
    return std::hash<uint32_t>()(static_cast<uint32_t>(id));
  }
};
template <>
struct std::hash<kg::engine::TypeId> {
  size_t operator()(kg::engine::TypeId id) const noexcept {
    return std::hash<uint32_t>()(static_cast<uint32_t>(id));
  }
};
template <>
struct std::hash<kg::engine::PropKeyId> {
  size_t operator()(kg::engine::PropKeyId id) const noexcept {
    return std::hash<uint32_t>()(static_cast<uint32_t>(id));
  }
};
