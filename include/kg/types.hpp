// Identifier and small enum types shared by every layer of kg.
#pragma once

#include <cstdint>
#include <functional>

namespace kg {

// Stored identifiers of nodes and relationships. They are allocated from monotonic counters; the id
// of a deleted element is never given to another, and ids stay stable across reopenings (what
// Cypher's id() returns).
enum class NodeId : uint64_t {};
enum class RelId : uint64_t {};

constexpr uint64_t to_underlying(NodeId id) { return static_cast<uint64_t>(id); }
constexpr uint64_t to_underlying(RelId id) { return static_cast<uint64_t>(id); }

// Which relationships of a node: those that start at it, end at it, or both.
enum class Direction : uint8_t { kOutgoing = 0, kIncoming = 1, kBoth = 2 };

}  // namespace kg

template <>
struct std::hash<kg::NodeId> {
  size_t operator()(kg::NodeId id) const noexcept {
    return std::hash<uint64_t>()(static_cast<uint64_t>(id));
  }
};
template <>
struct std::hash<kg::RelId> {
  size_t operator()(kg::RelId id) const noexcept {
    return std::hash<uint64_t>()(static_cast<uint64_t>(id));
  }
};
