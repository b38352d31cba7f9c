// KvTransaction: key-value access to a graph's column families inside one transaction
// (DESIGN.md §3). Reads see a RocksDB snapshot taken at begin, so a reader never sees half of a
// write. A write transaction buffers its writes in a WriteBatchWithIndex, reads its own writes,
// and commits them in one atomic, WAL-logged (synced unless Options::sync_writes is off) write.
// Destroying an uncommitted write transaction rolls it back.
//
// Thread-safety: not thread-safe; a transaction is used by one thread at a time. Many read
// transactions and one write transaction may be open on one Store at once (the single-writer rule
// is enforced by Graph::begin_write, not here).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/store.hpp"
#include "engine/txn/kv_cursor.hpp"
#include "kg/status.hpp"

namespace rocksdb {
class Snapshot;
class Status;
class WriteBatch;
class WriteBatchWithIndex;
struct ReadOptions;
}  // namespace rocksdb

namespace kg::engine {

struct VersionCache;
class ReadView;
class ReadViewPool;

class KvTransaction {
 public:
  enum class Mode { kRead, kWrite };

  // REQUIRES: `store` outlives the transaction. A write transaction makes the store writable
  // (Store::make_writable); when that fails, reads still work and commit() returns its error.
  // With `views`, a read transaction borrows its snapshot and bounded scans' iterators from it
  // (engine/txn/read_view.hpp), and a write transaction's commit invalidates it. REQUIRES:
  // `views` outlives the transaction and is only used with `store`.
  KvTransaction(const Store& store, Mode mode, ReadViewPool* views = nullptr);
  ~KvTransaction();
  KvTransaction(const KvTransaction&) = delete;
  KvTransaction& operator=(const KvTransaction&) = delete;

  bool is_write() const { return mode_ == Mode::kWrite; }
  // False once commit() or rollback() has run.
  bool is_open() const { return open_; }

  // The value of `key`, nullopt when absent. kIOError / kCorruption from RocksDB.
  Result<std::optional<std::string>> get(Cf cf, std::string_view key) const;
  // Looks `keys` up in one batch, which costs less per key than get() does, and calls
  // `found(i, value)` for each key present, in order, with a view of its value valid during the
  // call (not copied out of the block cache). Stops at the first error `found` returns, or
  // kIOError / kCorruption from RocksDB. REQUIRES: `keys` ascending in byte order.
  Status multi_get(Cf cf, std::span<const std::string> keys,
                   const std::function<Status(size_t i, std::string_view value)>& found) const;

  // Buffer a write. REQUIRES: is_write() && is_open().
  Status put(Cf cf, std::string_view key, std::string_view value);
  Status del(Cf cf, std::string_view key);

  // Keys in [lower, upper) in byte order; an empty `upper` means no upper bound. With
  // `seek_to_lower` false the cursor starts unpositioned (see KvCursor).
  KvCursor scan(Cf cf, std::string lower, std::string upper, bool seek_to_lower = true) const;
  // Keys that start with `prefix`.
  KvCursor scan_prefix(Cf cf, std::string_view prefix) const;
  // Every key of `cf`, read without adding the blocks read to the block cache: for one pass over
  // a column family that should not push out what the lookups keep there.
  KvCursor scan_uncached(Cf cf) const;
  // A cursor over all of `cf` that sees this transaction's writes, made at the first call and
  // kept until the transaction ends, for lookups that need a seek (a point read by prefix or the
  // last key before a target) without paying for a new RocksDB iterator each time. It starts
  // unpositioned, and must be positioned again (seek / seek_for_prev) at every use: it stays
  // usable across the transaction's writes, but its position and views do not.
  // REQUIRES: a write transaction, open.
  KvCursor& probe(Cf cf);

  // Writes every buffered write atomically. On error nothing was written and the transaction is
  // rolled back. A read transaction just ends. REQUIRES: is_open().
  Status commit();
  // Drops buffered writes and ends the transaction. Idempotent.
  void rollback();

  // Number of buffered writes (puts and deletes) and their size in bytes.
  size_t pending_writes() const { return pending_writes_; }
  size_t pending_bytes() const;

  const Store& store() const { return store_; }

  // The record caches of this transaction's version of the graph: a read transaction's view's
  // (ReadViewPool), null for a write transaction or when the view has none. Only records read on
  // this transaction's snapshot may be added to them.
  VersionCache* cache() const;

  // The RocksDB sequence number of the snapshot this transaction reads: two transactions with
  // the same number see the same committed data.
  uint64_t snapshot_sequence() const;

 private:
  void release();
  // A cursor with a new RocksDB iterator (see scan()).
  KvCursor new_cursor(Cf cf, std::string lower, std::string upper, bool seek_to_lower,
                      bool fill_block_cache = true) const;
  rocksdb::Status sorted_batch(rocksdb::WriteBatch& out) const;

  const Store& store_;
  Mode mode_;
  ReadViewPool* views_;
  std::shared_ptr<ReadView> view_;        // a read transaction's, borrowed from views_
  Status writable_;                       // a write transaction's Store::make_writable()
  std::shared_ptr<const DbInstance> db_;  // the open of the database this transaction reads
  bool open_ = true;
  const rocksdb::Snapshot* snapshot_ = nullptr;
  std::unique_ptr<rocksdb::ReadOptions> read_options_;
  std::unique_ptr<rocksdb::WriteBatchWithIndex> batch_;
  size_t pending_writes_ = 0;
  // Buffered writes per column family: a family this transaction has not written is read from
  // the snapshot directly, without a lookup in the batch's index.
  std::array<uint32_t, kNumCfs> cf_writes_{};
  // probe()'s cursors; declared after what they read, so destroyed before it.
  std::array<std::unique_ptr<KvCursor>, kNumCfs> probes_;
};

}  // namespace kg::engine
