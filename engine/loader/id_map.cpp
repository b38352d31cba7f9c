#include "engine/loader/id_map.hpp"

#include <cstring>

namespace kg::engine::loader {

namespace {

constexpr size_t kInitialSlots = 1024;  // a power of two
constexpr uint64_t kOffsetBits = 40;
constexpr uint64_t kOffsetMask = (uint64_t{1} << kOffsetBits) - 1;

uint64_t mix(uint64_t h) {  // splitmix64's finalizer
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

// The value of a canonical decimal integer id below 2^53, or -1.
int64_t canonical_integer(std::string_view id) {
  if (id.empty() || id.size() > 15 || (id[0] == '0' && id.size() > 1)) return -1;
  int64_t v = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Whether a dense space holding `count` ids may grow to hold index `v`.
bool dense_fits(int64_t v, size_t count) {
  return v >= 0 && static_cast<uint64_t>(v) < 4 * static_cast<uint64_t>(count) + (1u << 20);
}

uint64_t make_ref(uint64_t offset, uint32_t space, uint64_t h) {
  return (offset + 1) | (uint64_t{space} << kOffsetBits) | ((h >> 56) << 56);
}

}  // namespace

IdMap::IdMap() : slots_(kInitialSlots) {}

Result<uint32_t> IdMap::space(std::string_view name) {
  for (size_t i = 0; i < spaces_.size(); ++i)
    if (spaces_[i].name == name) return static_cast<uint32_t>(i);
  if (spaces_.size() >= 0xFFFF) return Status::invalid_argument("too many id spaces");
  spaces_.push_back(Space{std::string(name), true, {}, 0});
  return static_cast<uint32_t>(spaces_.size() - 1);
}

uint64_t IdMap::hash(uint32_t space, std::string_view id) {
  // FNV-1a over the bytes, 8 at a time, then mixed.
  uint64_t h = 0xcbf29ce484222325ull ^ space;
  const char* p = id.data();
  size_t n = id.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0x100000001b3ull;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  std::memcpy(&w, p, n);
  h = (h ^ w ^ (uint64_t{id.size()} << 56)) * 0x100000001b3ull;
  return mix(h);
}

bool IdMap::matches(const Slot& slot, uint32_t space, std::string_view id, uint64_t h) const {
  if ((slot.ref >> 56) != (h >> 56)) return false;
  if (((slot.ref >> kOffsetBits) & 0xFFFF) != space) return false;
  uint64_t offset = (slot.ref & kOffsetMask) - 1;
  uint32_t len;
  std::memcpy(&len, arena_.data() + offset, 4);
  return len == id.size() && std::memcmp(arena_.data() + offset + 4, id.data(), len) == 0;
}

std::optional<NodeId> IdMap::find(uint32_t space, std::string_view id) const {
  const Space& s = spaces_[space];
  if (s.dense) {
    int64_t v = canonical_integer(id);
    if (v < 0 || static_cast<uint64_t>(v) >= s.nodes.size() || s.nodes[v] == 0) return std::nullopt;
    return NodeId{s.nodes[v] - 1};
  }
  return hash_find(space, id);
}

std::optional<NodeId> IdMap::insert(uint32_t space, std::string_view id, NodeId node) {
  Space& s = spaces_[space];
  if (s.dense) {
    int64_t v = canonical_integer(id);
    if (dense_fits(v, s.count)) {
      size_t i = static_cast<size_t>(v);
      if (i >= s.nodes.size()) s.nodes.resize(std::max(i + 1, s.nodes.size() * 3 / 2), 0);
      if (s.nodes[i] != 0) return NodeId{s.nodes[i] - 1};
      s.nodes[i] = to_underlying(node) + 1;
      ++s.count;
      return std::nullopt;
    }
    make_sparse(s, space);
  }
  return hash_insert(space, id, node);
}

void IdMap::make_sparse(Space& s, uint32_t number) {
  s.dense = false;
  std::vector<uint64_t> nodes;
  nodes.swap(s.nodes);
  s.count = 0;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i] != 0) hash_insert(number, std::to_string(i), NodeId{nodes[i] - 1});
}

std::optional<NodeId> IdMap::hash_find(uint32_t space, std::string_view id) const {
  uint64_t h = hash(space, id);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.ref == 0) return std::nullopt;
    if (matches(s, space, id, h)) return NodeId{s.node};
  }
}

std::optional<NodeId> IdMap::hash_insert(uint32_t space, std::string_view id, NodeId node) {
  if ((count_ + 1) * 4 > slots_.size() * 3) grow();
  uint64_t h = hash(space, id);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.ref == 0) {
      uint64_t offset = arena_.size();
      uint32_t len = static_cast<uint32_t>(id.size());
      arena_.append(reinterpret_cast<const char*>(&len), 4);
      arena_.append(id);
      s.ref = make_ref(offset, space, h);
      s.node = to_underlying(node);
      ++count_;
      return std::nullopt;
    }
    if (matches(s, space, id, h)) return NodeId{s.node};
  }
}

void IdMap::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.ref == 0) continue;
    uint64_t offset = (s.ref & kOffsetMask) - 1;
    uint32_t len;
    std::memcpy(&len, arena_.data() + offset, 4);
    uint32_t space = static_cast<uint32_t>((s.ref >> kOffsetBits) & 0xFFFF);
    uint64_t h = hash(space, std::string_view(arena_.data() + offset + 4, len));
    size_t i = h & mask;
    while (slots_[i].ref != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

size_t IdMap::size() const {
  size_t n = count_;
  for (const Space& s : spaces_) n += s.count;
  return n;
}

size_t IdMap::memory_bytes() const {
  size_t bytes = slots_.size() * sizeof(Slot) + arena_.capacity();
  for (const Space& s : spaces_) bytes += s.nodes.capacity() * sizeof(uint64_t);
  return bytes;
}

}  // namespace kg::engine::loader
