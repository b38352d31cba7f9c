// IdHashMap<V>: a hash map from 64-bit ids (node or relationship ids) to V, with open addressing
// and linear probing in two flat arrays. For the executor's per-statement bookkeeping over many
// ids (BFS visits, counts per node), where std::unordered_map's node per entry costs an allocation
// and a cache miss per lookup.
//
// Every id may be a key (the all-ones id too, kept aside). No erase. Pointers returned stay valid
// until the next insertion. V must be default-constructible and movable.
// Thread-safety: none; one map per operator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kg::query {

template <typename V>
class IdHashMap {
 public:
  explicit IdHashMap(size_t expected = 16) { rehash(capacity_for(expected)); }

  size_t size() const { return size_ + (has_max_ ? 1 : 0); }

  // The value of `id`, or nullptr.
  V* find(uint64_t id) {
    if (id == kEmpty) return has_max_ ? &max_value_ : nullptr;
    for (size_t i = slot_of(id);; i = (i + 1) & mask_) {
      if (keys_[i] == id) return &values_[i];
      if (keys_[i] == kEmpty) return nullptr;
    }
  }
  const V* find(uint64_t id) const { return const_cast<IdHashMap*>(this)->find(id); }

  // The value of `id`, default-constructed and inserted if absent; `second` says it was inserted.
  std::pair<V*, bool> try_emplace(uint64_t id) {
    if (id == kEmpty) {
      bool inserted = !has_max_;
      has_max_ = true;
      return {&max_value_, inserted};
    }
    if ((size_ + 1) * 4 > keys_.size() * 3) rehash(keys_.size() * 2);  // load ≤ 3/4
    size_t i = slot_of(id);
    for (; keys_[i] != kEmpty; i = (i + 1) & mask_) {
      if (keys_[i] == id) return {&values_[i], false};
    }
    keys_[i] = id;
    values_[i] = V();
    ++size_;
    return {&values_[i], true};
  }

  // Calls f(id, value) for every entry, in no particular order.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != kEmpty) f(keys_[i], values_[i]);
    if (has_max_) f(kEmpty, max_value_);
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};

  static size_t capacity_for(size_t expected) {
    size_t c = 16;
    while (c * 3 < expected * 4) c *= 2;
    return c;
  }

  // Fibonacci hashing: ids are often dense and sequential; the multiply spreads them.
  size_t slot_of(uint64_t id) const {
    return static_cast<size_t>((id * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void rehash(size_t capacity) {
    std::vector<uint64_t> old_keys(capacity, kEmpty);
    std::vector<V> old_values(capacity);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == kEmpty) continue;
      size_t i = slot_of(old_keys[j]);
      while (keys_[i] != kEmpty) i = (i + 1) & mask_;
      keys_[i] = old_keys[j];
      values_[i] = std::move(old_values[j]);
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  size_t size_ = 0;  // entries in keys_ (the all-ones id aside)
  size_t mask_ = 0;
  int shift_ = 64;
  bool has_max_ = false;
  V max_value_{};
};

}  // namespace kg::query
