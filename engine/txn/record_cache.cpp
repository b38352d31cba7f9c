#include "engine/txn/record_cache.hpp"

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

RecordCache::RecordCache(CacheBudget& budget)
    : budget_(budget), chunks_(budget.limit() / kChunkBytes + 1) {}

RecordCache::~RecordCache() = default;

std::atomic<uint64_t>* RecordCache::slot_for(uint64_t id) {
  std::atomic<Dir*>& dir_ref = dirs_[id >> (kDirBits + kPageBits)];
  Dir* dir = dir_ref.load(std::memory_order_relaxed);
  if (dir == nullptr) {
    if (!budget_.take(sizeof(Dir))) return nullptr;
    owned_dirs_.push_back(std::make_unique<Dir>());  // value-initialized: all null
    dir = owned_dirs_.back().get();
    dir_ref.store(dir, std::memory_order_release);
  }
  std::atomic<Page*>& page_ref = (*dir)[(id >> kPageBits) & kDirMask];
  Page* page = page_ref.load(std::memory_order_relaxed);
  if (page == nullptr) {
    if (!budget_.take(sizeof(Page))) return nullptr;
    owned_pages_.push_back(std::make_unique<Page>());  // value-initialized: all 0
    page = owned_pages_.back().get();
    page_ref.store(page, std::memory_order_release);
  }
  return &(*page)[id & kPageMask];
}

bool RecordCache::add(uint64_t id, std::string_view record) {
  if (id >= kMaxIds || record.size() > kMaxRecordBytes || full()) return false;
  std::lock_guard<std::mutex> lock(mu_);
  std::atomic<uint64_t>* slot = slot_for(id);
  if (slot == nullptr) return false;
  if (slot->load(std::memory_order_relaxed) != 0) return true;
  const size_t need = sizeof(uint32_t) + record.size();
  if (chunk_used_ + need > kChunkBytes) {
    if (chunk_count_ == chunks_.size() || !budget_.take(kChunkBytes)) return false;
    chunks_[chunk_count_++] = std::make_unique_for_overwrite<char[]>(kChunkBytes);
    chunk_used_ = 0;
  }
  const size_t chunk = chunk_count_ - 1;
  char* p = chunks_[chunk].get() + chunk_used_;
  const auto size = static_cast<uint32_t>(record.size());
  std::memcpy(p, &size, sizeof size);
  if (!record.empty()) std::memcpy(p + sizeof size, record.data(), record.size());
  const uint64_t place = (uint64_t{chunk} << kChunkBits) | chunk_used_;
  chunk_used_ += need;
  ++records_;
  slot->store(place + 1, std::memory_order_release);
  return true;
}

uint64_t RecordCache::records() const {
  std::lock_guard<std::mutex> lock(mu_);
  return records_;
}

}  // namespace kg::engine
