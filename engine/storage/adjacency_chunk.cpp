#include "engine/storage/adjacency_chunk.hpp"

#include <cstdint>

#include "engine/storage/coding.hpp"

namespace kg::engine::adjacency_chunk {

namespace {

// flagged(x, f): the varint of 2x + f, computed without overflowing 64 bits.
void put_flagged(std::string& out, uint64_t x, bool flag) {
  const uint8_t low = static_cast<uint8_t>(((x & 0x3f) << 1) | (flag ? 1 : 0));
  if (x < 0x40) {
    out.push_back(static_cast<char>(low));
    return;
  }
  out.push_back(static_cast<char>(low | 0x80));
  coding::put_varint(out, x >> 6);
}

bool read_flagged(coding::Reader& r, uint64_t& x, bool& flag) {
  auto first = r.u8();
  if (!first) return false;
  flag = (*first & 1) != 0;
  x = (*first >> 1) & 0x3f;
  if ((*first & 0x80) == 0) return true;
  auto rest = r.varint();
  if (!rest || *rest >= (uint64_t{1} << 58)) return false;  // x would pass 64 bits
  x |= *rest << 6;
  return true;
}

}  // namespace

std::string encode(std::span<const End> ends) {
  std::string out;
  if (ends.size() == 1) return out;
  out.reserve(1 + (ends.size() - 1) * 4);
  coding::put_varint(out, ends.size() - 1);
  for (size_t i = 1; i < ends.size(); ++i) {
    const End& e = ends[i];
    const End& prev = ends[i - 1];
    const bool type_changed = e.type != prev.type;
    put_flagged(
        out, coding::zigzag(static_cast<int64_t>(to_underlying(e.rel) - to_underlying(prev.rel))),
        type_changed);
    if (type_changed) {
      coding::put_varint(out, to_underlying(e.type) - to_underlying(prev.type));
      coding::put_varint(out, to_underlying(e.other));
    } else {
      coding::put_varint(out, to_underlying(e.other) - to_underlying(prev.other));
    }
  }
  return out;
}

bool decode(End first, std::string_view value, std::vector<End>& out) {
  if (value.empty()) {
    out.push_back(first);
    return true;
  }
  coding::Reader r(value);
  auto n = r.varint();
  // Each end takes at least two bytes: a count beyond that is malformed (and never allocated).
  // A chunk of one end has an empty value, never a count of 0.
  if (!n || *n == 0 || *n > r.remaining() / 2) return false;
  out.reserve(out.size() + *n + 1);
  out.push_back(first);
  End previous = first;
  for (uint64_t i = 0; i < *n; ++i) {
    uint64_t rel_delta = 0;
    bool type_changed = false;
    if (!read_flagged(r, rel_delta, type_changed)) return false;
    End e = previous;
    e.rel = RelId{to_underlying(previous.rel) + static_cast<uint64_t>(coding::unzigzag(rel_delta))};
    if (type_changed) {
      auto type_delta = r.varint();
      auto other = r.varint();
      if (!type_delta || !other || *type_delta == 0) return false;
      const uint64_t type = uint64_t{to_underlying(previous.type)} + *type_delta;
      if (*type_delta > UINT32_MAX || type > UINT32_MAX) return false;
      e.type = TypeId{static_cast<uint32_t>(type)};
      e.other = NodeId{*other};
    } else {
      auto other_delta = r.varint();
      if (!other_delta) return false;
      e.other = NodeId{to_underlying(previous.other) + *other_delta};
      if (to_underlying(e.other) < to_underlying(previous.other)) return false;  // wrapped
    }
    if (!(previous < e)) return false;
    out.push_back(e);
    previous = e;
  }
  return r.empty();
}

std::optional<uint64_t> size(std::string_view value) {
  if (value.empty()) return 1;
  coding::Reader r(value);
  auto n = r.varint();
  if (!n || *n == 0) return std::nullopt;
  return *n + 1;
}

}  // namespace kg::engine::adjacency_chunk
