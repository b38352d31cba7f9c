// An adjacency chunk: up to kMaxEntries consecutive ends of one node's relationships in one
// direction, in (type, other node, relationship) order, stored as one `adj` record. The key is the
// adjacency key of the chunk's first end (key_codec.hpp: node · dir · type · other · rel); the
// value packs the ends after it:
//
//   varint(n)                          the number of ends after the first, n >= 1
//   n × ( flagged(zigzag(rel - previous rel), type changed),
//         when the type is the previous end's:  varint(other - previous other)
//         when it is not:                       varint(type - previous type), varint(other) )
//
// Ends are in order, so neither delta in varint() is negative. flagged(x, f) is a varint of the
// 65-bit number 2x + f: its first byte holds f, six bits of x and the continuation bit, and the
// bytes after it are the varint of x >> 6. Most ends take two or three bytes.
//
// or is empty for a chunk of one end (n = 0). So format version 1's adjacency entries, one key
// per end with an empty value, are chunks of one end, and a version-1 graph reads as it is.
//
// A chunk never holds an end of another node or direction, and every end of a chunk sorts before
// the next chunk's key: a node's list in one direction is its chunks' ends read in key order.
// PERSISTENT FORMAT: a layout change needs a format-version bump (docs/storage_format.md).
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/types.hpp"

namespace kg::engine::adjacency_chunk {

// The most ends a chunk holds. Bulk imports fill chunks to this size; a write that would pass it
// splits the chunk in two halves. A chunk is read, changed and written whole, so this bounds the
// cost of adding or removing one relationship at a node of any degree.
inline constexpr size_t kMaxEntries = 128;

// One end of a relationship, as seen from the node whose list holds it.
struct End {
  TypeId type{};
  NodeId other{};
  RelId rel{};
  friend bool operator==(const End&, const End&) = default;
  friend auto operator<=>(const End& a, const End& b) {
    if (auto c = to_underlying(a.type) <=> to_underlying(b.type); c != 0) return c;
    if (auto c = to_underlying(a.other) <=> to_underlying(b.other); c != 0) return c;
    return to_underlying(a.rel) <=> to_underlying(b.rel);
  }
};

// The value of a chunk whose ends are `ends` (REQUIRES: non-empty, strictly increasing); ends[0]
// goes in the key, not here.
std::string encode(std::span<const End> ends);

// Appends the ends of a chunk to `out`: `first` (from its key), then those in `value`. Returns
// false, leaving `out` with what was decoded, when `value` is malformed: truncated, with bytes
// after the last end, or with ends not strictly increasing.
bool decode(End first, std::string_view value, std::vector<End>& out);

// The number of ends in a chunk (its first one included), read from the value's count alone.
// nullopt when the count is malformed.
std::optional<uint64_t> size(std::string_view value);

}  // namespace kg::engine::adjacency_chunk
