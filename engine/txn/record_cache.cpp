#include "engine/txn/record_cache.hpp"

#include <algorithm>

namespace kg::engine {

bool CacheBudget::take(uint64_t bytes) {
  uint64_t used = used_.load(std::memory_order_relaxed);
  do {
    if (used + bytes > limit_) {
      spent_.store(true, std::memory_order_relaxed);
      return false;
    }
  } while (!used_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
  return true;
}

RecordCache::~RecordCache() = default;

RecordCache::Table* RecordCache::new_table() {
  if (!budget_.take(sizeof(Table))) return nullptr;
  tables_.push_back(std::make_unique<Table>());  // value-initialized: all null
  return tables_.back().get();
}

std::atomic<void*>* RecordCache::leaf_for(uint64_t id) {
  Table* t = root_.load(std::memory_order_relaxed);
  if (t == nullptr) {
    t = new_table();
    if (t == nullptr) return nullptr;
    root_.store(t, std::memory_order_release);
  }
  for (unsigned level = kLevels - 1; level > 0; --level) {
    std::atomic<void*>& entry = (*t)[index_at(id, level)];
    auto* next = static_cast<Table*>(entry.load(std::memory_order_relaxed));
    if (next == nullptr) {
      next = new_table();
      if (next == nullptr) return nullptr;
      entry.store(next, std::memory_order_release);
    }
    t = next;
  }
  return &(*t)[index_at(id, 0)];
}

bool RecordCache::add(uint64_t id, std::string_view record) {
  if (id >= kMaxIds || record.size() > kMaxRecordBytes || full()) return false;
  std::lock_guard<std::mutex> lock(mu_);
  std::atomic<void*>* leaf = leaf_for(id);
  if (leaf == nullptr) return false;
  if (leaf->load(std::memory_order_relaxed) != nullptr) return true;
  const size_t need = sizeof(uint32_t) + record.size();
  if (chunks_.empty() || chunk_used_ + need > chunk_size_) {
    size_t size = chunks_.empty() ? kFirstChunkBytes : std::min(chunk_size_ * 2, kMaxChunkBytes);
    while (size < need) size *= 2;
    if (!budget_.take(size)) return false;
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    chunk_size_ = size;
    chunk_used_ = 0;
  }
  char* p = chunks_.back().get() + chunk_used_;
  const auto size = static_cast<uint32_t>(record.size());
  std::memcpy(p, &size, sizeof size);
  if (!record.empty()) std::memcpy(p + sizeof size, record.data(), record.size());
  chunk_used_ += need;
  ++records_;
  leaf->store(p, std::memory_order_release);
  return true;
}

uint64_t RecordCache::records() const {
  std::lock_guard<std::mutex> lock(mu_);
  return records_;
}

}  // namespace kg::engine
