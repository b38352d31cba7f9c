// KvCursor: forward iteration over the keys of one column family in [lower, upper), as seen by one
// transaction (its snapshot, plus its own uncommitted writes when it is a write transaction).
//
// key() and value() are views that stay valid until the next call to next() or seek(), or until
// the transaction writes (then call seek() again before reading).
// Thread-safety: not thread-safe; one cursor is used by one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kg/status.hpp"

namespace rocksdb {
class Iterator;
class Slice;
}  // namespace rocksdb

namespace kg::engine {

class KvCursor {
 public:
  // Makes the iterator with `make_iterator(upper_bound)` (upper_bound is nullptr when `upper` is
  // empty, and lives as long as the cursor), then seeks to `lower`.
  using IteratorFactory = std::function<rocksdb::Iterator*(const rocksdb::Slice* upper_bound)>;
  // `keep_alive` (the database the iterator reads) is held until the iterator is gone. With
  // `seek_to_lower` false the cursor starts unpositioned (not valid) until seek() or
  // seek_for_prev().
  KvCursor(std::string lower, std::string upper, const IteratorFactory& make_iterator,
           std::shared_ptr<const void> keep_alive = nullptr, bool seek_to_lower = true);
  KvCursor(KvCursor&&) noexcept;
  KvCursor& operator=(KvCursor&&) noexcept;
  ~KvCursor();

  // Whether the cursor is on a key in range. False at the end and on error (see status()).
  bool valid() const { return valid_; }
  void next();
  // Positions on the first key >= max(target, lower).
  void seek(std::string_view target);
  // Positions on the last key <= target, when it is in range (>= lower); otherwise the cursor is
  // not valid. REQUIRES: target < upper (when upper is set). next() then moves forward from it.
  void seek_for_prev(std::string_view target);
  // Moves the cursor to the range [lower, upper) and seeks to `lower` (or, with `seek_to_lower`
  // false, leaves it unpositioned for a seek_for_prev()), reusing the RocksDB iterator (cheaper
  // than a new cursor: no new iterator tree). Returns false, changing nothing, when the cursor was
  // made with an empty `upper` or `upper` is empty (the RocksDB iterator's bound cannot be added
  // or dropped); then make a new cursor.
  bool rebound(std::string_view lower, std::string_view upper, bool seek_to_lower = true);
  std::string_view key() const;
  std::string_view value() const;
  // Non-ok when iteration stopped on an I/O error or corruption.
  Status status() const;

  // Where a cursor goes when it is destroyed, instead of freeing its RocksDB iterator, for reuse
  // by a later read on the same snapshot (engine/txn/read_view.hpp).
  class Home {
   public:
    virtual ~Home() = default;
    // Takes `cursor`, or lets it go (freeing its iterator). `tag` is set_home()'s.
    virtual void park(uint32_t tag, KvCursor&& cursor) = 0;
  };
  // At destruction, hands this cursor (without its home) to `home` with `tag`, unless its
  // iteration failed.
  void set_home(std::shared_ptr<Home> home, uint32_t tag) {
    home_ = std::move(home);
    home_tag_ = tag;
  }

 private:
  void update_valid();

  struct Bounds;
  std::shared_ptr<const void> keep_alive_;  // destroyed after it_
  std::unique_ptr<Bounds> bounds_;          // heap-allocated: the iterator points into it
  std::unique_ptr<rocksdb::Iterator> it_;
  bool valid_ = false;
  std::shared_ptr<Home> home_;
  uint32_t home_tag_ = 0;
};

}  // namespace kg::engine
