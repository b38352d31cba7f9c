#include "engine/txn/node_record_cache.hpp"

namespace kg::engine {

NodeRecordCache::NodeRecordCache(uint64_t budget_bytes)
    : budget_bytes_(budget_bytes), chunks_(budget_bytes / kChunkBytes + 1) {}

NodeRecordCache::~NodeRecordCache() = default;

bool NodeRecordCache::charge(uint64_t bytes) {
  if (bytes_used_ + bytes > budget_bytes_) {
    full_.store(true, std::memory_order_relaxed);
    return false;
  }
  bytes_used_ += bytes;
  return true;
}

std::atomic<uint64_t>* NodeRecordCache::slot_for(uint64_t id) {
  std::atomic<Dir*>& dir_ref = dirs_[id >> (kDirBits + kPageBits)];
  Dir* dir = dir_ref.load(std::memory_order_relaxed);
  if (dir == nullptr) {
    if (!charge(sizeof(Dir))) return nullptr;
    owned_dirs_.push_back(std::make_unique<Dir>());  // value-initialized: all null
    dir = owned_dirs_.back().get();
    dir_ref.store(dir, std::memory_order_release);
  }
  std::atomic<Page*>& page_ref = (*dir)[(id >> kPageBits) & kDirMask];
  Page* page = page_ref.load(std::memory_order_relaxed);
  if (page == nullptr) {
    if (!charge(sizeof(Page))) return nullptr;
    owned_pages_.push_back(std::make_unique<Page>());  // value-initialized: all 0
    page = owned_pages_.back().get();
    page_ref.store(page, std::memory_order_release);
  }
  return &(*page)[id & kPageMask];
}

bool NodeRecordCache::add(NodeId node, std::string_view encoded) {
  const uint64_t id = to_underlying(node);
  if (id >= kMaxIds || encoded.size() > kMaxRecordBytes || full()) return false;
  std::lock_guard<std::mutex> lock(mu_);
  std::atomic<uint64_t>* slot = slot_for(id);
  if (slot == nullptr) return false;
  if (slot->load(std::memory_order_relaxed) != 0) return true;
  const size_t need = sizeof(uint32_t) + encoded.size();
  if (chunk_used_ + need > kChunkBytes) {
    if (chunk_count_ == chunks_.size() || !charge(kChunkBytes)) {
      full_.store(true, std::memory_order_relaxed);
      return false;
    }
    chunks_[chunk_count_++] = std::make_unique_for_overwrite<char[]>(kChunkBytes);
    chunk_used_ = 0;
  }
  const size_t chunk = chunk_count_ - 1;
  char* p = chunks_[chunk].get() + chunk_used_;
  const auto size = static_cast<uint32_t>(encoded.size());
  std::memcpy(p, &size, sizeof size);
  std::memcpy(p + sizeof size, encoded.data(), encoded.size());
  const uint64_t place = (uint64_t{chunk} << kChunkBits) | chunk_used_;
  chunk_used_ += need;
  ++records_;
  slot->store(place + 1, std::memory_order_release);
  return true;
}

uint64_t NodeRecordCache::bytes_used() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_used_;
}

uint64_t NodeRecordCache::records() const {
  std::lock_guard<std::mutex> lock(mu_);
  return records_;
}

}  // namespace kg::engine
