#include "engine/txn/read_view.hpp"

#include <rocksdb/db.h>

namespace kg::engine {

ReadView::ReadView(std::shared_ptr<const DbInstance> db, uint64_t epoch)
    : db_(std::move(db)),
      snapshot_(db_->db()->GetSnapshot()),
      sequence_(snapshot_->GetSequenceNumber()),
      epoch_(epoch) {}

ReadView::~ReadView() {
  for (auto& cursors : spare_) cursors.clear();  // the iterators go before the snapshot
  db_->db()->ReleaseSnapshot(snapshot_);
}

std::optional<KvCursor> ReadView::take(Cf cf) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<KvCursor>& cursors = spare_[static_cast<size_t>(cf)];
  if (cursors.empty()) return std::nullopt;
  std::optional<KvCursor> cursor(std::move(cursors.back()));
  cursors.pop_back();
  return cursor;
}

void ReadView::park(uint32_t tag, KvCursor&& cursor) {
  std::lock_guard<std::mutex> lock(mu_);
  if (tag >= kNumCfs || spare_[tag].size() >= kMaxSparePerCf) return;  // freed by the caller
  spare_[tag].push_back(std::move(cursor));
}

bool ReadViewPool::current(const ReadView& view, const DbInstance& db) const {
  return view.db().get() == &db && view.epoch() == epoch_.load(std::memory_order_acquire) &&
         view.sequence() == db.db()->GetLatestSequenceNumber() &&
         std::chrono::steady_clock::now() - view.created() < kMaxAge;
}

std::shared_ptr<ReadView> ReadViewPool::acquire(const Store& store) {
  std::shared_ptr<const DbInstance> db = store.instance();
  // Read before the snapshot is taken: an ingest that ends in between leaves the view tagged
  // with the older epoch, so it is dropped, never reused as newer than it is.
  const uint64_t epoch = epoch_.load(std::memory_order_acquire);
  std::vector<std::shared_ptr<ReadView>> stale;  // destroyed outside the lock
  {
    std::lock_guard<std::mutex> lock(mu_);
    while (!idle_.empty()) {
      std::shared_ptr<ReadView> view = std::move(idle_.back());
      idle_.pop_back();
      if (current(*view, *db)) return view;
      stale.push_back(std::move(view));
    }
  }
  auto view = std::make_shared<ReadView>(std::move(db), epoch);
  if (cache_bytes_ > 0 && epoch % 2 == 0 && epoch_.load(std::memory_order_acquire) == epoch)
    view->set_cache(cache_for(epoch, view->sequence()));
  return view;
}

std::shared_ptr<VersionCache> ReadViewPool::cache_for(uint64_t epoch, uint64_t sequence) {
  std::lock_guard<std::mutex> lock(mu_);
  const bool same = epoch == cache_epoch_ && sequence == cache_sequence_;
  if (same && cache_ != nullptr) return cache_;
  if (epoch < cache_epoch_ || (epoch == cache_epoch_ && sequence < cache_sequence_))
    return nullptr;  // an older version than the cache's: reads go to RocksDB
  cache_ = std::make_shared<VersionCache>(cache_bytes_);
  cache_epoch_ = epoch;
  cache_sequence_ = sequence;
  return cache_;
}

void ReadViewPool::release(const Store& store, std::shared_ptr<ReadView> view) {
  std::shared_ptr<const DbInstance> db = store.instance();
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdle && current(*view, *db)) idle_.push_back(std::move(view));
  // else `view` is destroyed on return, after the lock is released (declared before it)
}

void ReadViewPool::invalidate() { advance_epoch(2); }
void ReadViewPool::begin_ingest() { advance_epoch(1); }
void ReadViewPool::end_ingest() { advance_epoch(1); }

void ReadViewPool::advance_epoch(uint64_t step) {
  epoch_.fetch_add(step, std::memory_order_acq_rel);
  std::vector<std::shared_ptr<ReadView>> idle;  // destroyed outside the lock
  std::shared_ptr<VersionCache> cache;
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle.swap(idle_);
    cache.swap(cache_);
  }
}

}  // namespace kg::engine
