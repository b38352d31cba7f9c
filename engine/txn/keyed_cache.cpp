#include "engine/txn/keyed_cache.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <mutex>

namespace kg::engine {

namespace {

uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>()(key); }
uint64_t tag_of(uint64_t hash) { return hash >> 48 << 48; }

}  // namespace

std::string_view KeyedCache::key_at(uint64_t slot) const {
  const uint64_t place = (slot & kPlaceMask) - 1;
  const char* p = chunks_[place >> kChunkBits].get() + (place & (kChunkBytes - 1));
  uint32_t size;
  std::memcpy(&size, p, sizeof size);
  return std::string_view(p + sizeof size, size);
}

std::string_view KeyedCache::value_at(uint64_t slot) const {
  const std::string_view key = key_at(slot);
  const char* p = key.data() + key.size();
  uint32_t size;
  std::memcpy(&size, p, sizeof size);
  return std::string_view(p + sizeof size, size);
}

size_t KeyedCache::probe(std::string_view key, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = tag_of(hash);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0 || (tag_of(slot) == tag && key_at(slot) == key)) return i;
  }
}

std::optional<std::string_view> KeyedCache::find(std::string_view key) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  if (slots_.empty()) return std::nullopt;
  const uint64_t slot = slots_[probe(key, hash_of(key))];
  if (slot == 0) return std::nullopt;
  return value_at(slot);
}

bool KeyedCache::grow() {
  const size_t size = slots_.empty() ? 64 : slots_.size() * 2;
  if (!budget_.take((size - slots_.size()) * sizeof(uint64_t))) return false;
  std::vector<uint64_t> old(size, 0);
  old.swap(slots_);
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    slots_[probe(key_at(slot), hash_of(key_at(slot)))] = slot;
  }
  return true;
}

bool KeyedCache::add(std::string_view key, std::string_view value) {
  const size_t need = 2 * sizeof(uint32_t) + key.size() + value.size();
  if (need > kMaxEntryBytes || full()) return false;
  const uint64_t hash = hash_of(key);
  std::unique_lock<std::shared_mutex> lock(mu_);
  if ((entries_ + 1) * 2 > slots_.size() && !grow()) return false;
  const size_t i = probe(key, hash);
  if (slots_[i] != 0) return true;  // cached already
  if (chunks_.empty() || chunk_used_ + need > chunk_size_) {
    // Chunks grow from 4 KiB, so that a version that caches a few lookups stays small.
    const size_t size = chunks_.empty() ? 4096 : std::min(chunk_size_ * 2, kChunkBytes);
    if (!budget_.take(size)) return false;
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    chunk_size_ = size;
    chunk_used_ = 0;
  }
  const size_t chunk = chunks_.size() - 1;
  char* p = chunks_[chunk].get() + chunk_used_;
  const auto key_size = static_cast<uint32_t>(key.size());
  const auto value_size = static_cast<uint32_t>(value.size());
  std::memcpy(p, &key_size, sizeof key_size);
  p += sizeof key_size;
  if (!key.empty()) std::memcpy(p, key.data(), key.size());
  p += key.size();
  std::memcpy(p, &value_size, sizeof value_size);
  p += sizeof value_size;
  if (!value.empty()) std::memcpy(p, value.data(), value.size());
  const uint64_t place = (uint64_t{chunk} << kChunkBits) | chunk_used_;
  chunk_used_ += need;
  slots_[i] = tag_of(hash) | (place + 1);
  ++entries_;
  return true;
}

uint64_t KeyedCache::entries() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return entries_;
}

}  // namespace kg::engine
