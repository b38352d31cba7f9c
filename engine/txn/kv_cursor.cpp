#include "engine/txn/kv_cursor.hpp"

#include <rocksdb/iterator.h>
#include <rocksdb/slice.h>

#include "engine/storage/rocksdb_status.hpp"

namespace kg::engine {

struct KvCursor::Bounds {
  std::string lower;
  std::string upper;  // exclusive; empty means unbounded
  rocksdb::Slice upper_slice;
};

KvCursor::KvCursor(std::string lower, std::string upper, const IteratorFactory& make_iterator,
                   std::shared_ptr<const void> keep_alive, bool seek_to_lower)
    : keep_alive_(std::move(keep_alive)), bounds_(std::make_unique<Bounds>()) {
  bounds_->lower = std::move(lower);
  bounds_->upper = std::move(upper);
  bounds_->upper_slice = rocksdb::Slice(bounds_->upper);
  it_.reset(make_iterator(bounds_->upper.empty() ? nullptr : &bounds_->upper_slice));
  if (!seek_to_lower) return;
  it_->Seek(bounds_->lower);
  update_valid();
}

KvCursor::KvCursor(KvCursor&&) noexcept = default;
KvCursor& KvCursor::operator=(KvCursor&&) noexcept = default;
KvCursor::~KvCursor() {
  if (home_ == nullptr || it_ == nullptr || !it_->status().ok()) return;
  std::shared_ptr<Home> home = std::move(home_);
  home->park(home_tag_, std::move(*this));  // leaves this cursor empty, to be destroyed as such
}

void KvCursor::update_valid() {
  // Bounds are checked here as well as by RocksDB, because a write transaction's own writes are
  // merged in by an iterator that does not know iterate_upper_bound.
  valid_ = it_->Valid() && (bounds_->upper.empty() || it_->key().compare(bounds_->upper_slice) < 0);
}

void KvCursor::next() {
  if (!valid_) return;
  it_->Next();
  update_valid();
}

void KvCursor::seek(std::string_view target) {
  if (target < std::string_view(bounds_->lower)) target = bounds_->lower;
  it_->Seek(rocksdb::Slice(target.data(), target.size()));
  update_valid();
}

void KvCursor::seek_for_prev(std::string_view target) {
  it_->SeekForPrev(rocksdb::Slice(target.data(), target.size()));
  update_valid();
  if (valid_ && it_->key().compare(rocksdb::Slice(bounds_->lower)) < 0) valid_ = false;
}

bool KvCursor::rebound(std::string_view lower, std::string_view upper, bool seek_to_lower) {
  if (bounds_->upper.empty() || upper.empty()) return false;
  // The iterator holds a pointer to upper_slice and reads it at every Seek and Next (RocksDB's
  // iterate_upper_bound, also what auto_prefix_mode compares the seek key with), so changing the
  // slice and then seeking moves the bound.
  bounds_->lower.assign(lower);
  bounds_->upper.assign(upper);
  bounds_->upper_slice = rocksdb::Slice(bounds_->upper);
  if (seek_to_lower) {
    it_->Seek(bounds_->lower);
    update_valid();
  } else {
    valid_ = false;
  }
  return true;
}

std::string_view KvCursor::key() const {
  auto k = it_->key();
  return {k.data(), k.size()};
}

std::string_view KvCursor::value() const {
  auto v = it_->value();
  return {v.data(), v.size()};
}

Status KvCursor::status() const { return from_rocksdb(it_->status(), "scan"); }

}  // namespace kg::engine
