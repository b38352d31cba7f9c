#include "engine/txn/kv_transaction.hpp"

#include <rocksdb/db.h>
#include <rocksdb/perf_level.h>
#include <rocksdb/utilities/write_batch_with_index.h>
#include <rocksdb/write_batch.h>

#include "engine/storage/key_codec.hpp"
#include "engine/storage/rocksdb_status.hpp"
#include "engine/txn/read_view.hpp"

namespace kg::engine {

namespace {

// Batches with at least this many writes are committed in key order (see sorted_batch()).
constexpr uint32_t kSortedCommitMinWrites = 64;

}  // namespace

KvTransaction::KvTransaction(const Store& store, Mode mode, ReadViewPool* views)
    : store_(store),
      mode_(mode),
      views_(views),
      read_options_(std::make_unique<rocksdb::ReadOptions>()) {
  thread_local const bool perf_off = [] {
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
    return true;
  }();
  (void)perf_off;
  if (mode_ == Mode::kWrite) writable_ = store_.make_writable();
  if (mode_ == Mode::kRead && views_ != nullptr) {
    view_ = views_->acquire(store_);
    db_ = view_->db();
    snapshot_ = view_->snapshot();
  } else {
    db_ = store_.instance();
    snapshot_ = db_->db()->GetSnapshot();
  }
  read_options_->snapshot = snapshot_;
  // Use prefix Bloom filters whenever a scan's bounds stay inside one prefix, and total order
  // otherwise, so every scan is correct whatever its range.
  read_options_->auto_prefix_mode = true;
  if (mode_ == Mode::kWrite) {
    batch_ = std::make_unique<rocksdb::WriteBatchWithIndex>(rocksdb::BytewiseComparator(), 0,
                                                            /*overwrite_key=*/true);
  }
}

KvTransaction::~KvTransaction() { release(); }

VersionCache* KvTransaction::cache() const { return view_ != nullptr ? view_->cache() : nullptr; }

uint64_t KvTransaction::snapshot_sequence() const {
  return snapshot_ != nullptr ? snapshot_->GetSequenceNumber() : 0;
}

void KvTransaction::release() {
  open_ = false;
  for (auto& probe : probes_) probe.reset();  // before the snapshot and batch they read
  if (view_ != nullptr) {
    views_->release(store_, std::move(view_));  // the view owns the snapshot
    snapshot_ = nullptr;
  } else if (snapshot_ != nullptr) {
    db_->db()->ReleaseSnapshot(snapshot_);
    snapshot_ = nullptr;
  }
  batch_.reset();
}

Result<std::optional<std::string>> KvTransaction::get(Cf cf, std::string_view key) const {
  std::string value;
  rocksdb::Slice k(key.data(), key.size());
  rocksdb::Status s;
  if (batch_ != nullptr && cf_writes_[static_cast<size_t>(cf)] > 0) {
    s = batch_->GetFromBatchAndDB(db_->db(), *read_options_, db_->cf(cf), k, &value);
  } else {
    s = db_->db()->Get(*read_options_, db_->cf(cf), k, &value);
  }
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return from_rocksdb(s, "read");
  return std::optional<std::string>(std::move(value));
}

Status KvTransaction::multi_get(
    Cf cf, std::span<const std::string> keys,
    const std::function<Status(size_t i, std::string_view value)>& found) const {
  if (batch_ != nullptr && cf_writes_[static_cast<size_t>(cf)] > 0) {
    // Reads of this transaction's own writes go through its batch, one key at a time.
    for (size_t i = 0; i < keys.size(); ++i) {
      KG_ASSIGN_OR_RETURN(std::optional<std::string> value, get(cf, keys[i]));
      if (value) KG_TRY(found(i, *value));
    }
    return Status();
  }
  std::vector<rocksdb::Slice> slices;
  slices.reserve(keys.size());
  for (const std::string& k : keys) slices.emplace_back(k.data(), k.size());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db_->db()->MultiGet(*read_options_, db_->cf(cf), keys.size(), slices.data(), values.data(),
                      statuses.data(), /*sorted_input=*/true);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    if (!statuses[i].ok()) return from_rocksdb(statuses[i], "read");
    KG_TRY(found(i, std::string_view(values[i].data(), values[i].size())));
  }
  return Status();
}

Status KvTransaction::put(Cf cf, std::string_view key, std::string_view value) {
  if (batch_ == nullptr || !open_)
    return Status::internal("write outside an open write transaction");
  ++pending_writes_;
  ++cf_writes_[static_cast<size_t>(cf)];
  return from_rocksdb(batch_->Put(db_->cf(cf), rocksdb::Slice(key.data(), key.size()),
                                  rocksdb::Slice(value.data(), value.size())),
                      "write");
}

Status KvTransaction::del(Cf cf, std::string_view key) {
  if (batch_ == nullptr || !open_)
    return Status::internal("write outside an open write transaction");
  ++pending_writes_;
  ++cf_writes_[static_cast<size_t>(cf)];
  return from_rocksdb(batch_->Delete(db_->cf(cf), rocksdb::Slice(key.data(), key.size())), "write");
}

KvCursor KvTransaction::scan(Cf cf, std::string lower, std::string upper,
                             bool seek_to_lower) const {
  // A read transaction's bounded scans reuse the iterators of earlier ones on the same view, and
  // leave theirs to later ones. (A scan without an upper bound cannot be rebound to one.)
  if (view_ != nullptr && !upper.empty()) {
    std::optional<KvCursor> spare = view_->take(cf);
    if (spare && spare->rebound(lower, upper, seek_to_lower)) {
      spare->set_home(view_, static_cast<uint32_t>(cf));
      return std::move(*spare);
    }
    KvCursor cursor = new_cursor(cf, std::move(lower), std::move(upper), seek_to_lower);
    cursor.set_home(view_, static_cast<uint32_t>(cf));
    return cursor;
  }
  return new_cursor(cf, std::move(lower), std::move(upper), seek_to_lower);
}

KvCursor KvTransaction::scan_uncached(Cf cf) const {
  return new_cursor(cf, "", "", /*seek_to_lower=*/true, /*fill_block_cache=*/false);
}

KvCursor KvTransaction::new_cursor(Cf cf, std::string lower, std::string upper, bool seek_to_lower,
                                   bool fill_block_cache) const {
  return KvCursor(
      std::move(lower), std::move(upper),
      [&](const rocksdb::Slice* upper_bound) {
        rocksdb::ReadOptions ro = *read_options_;
        ro.iterate_upper_bound = upper_bound;
        ro.fill_cache = fill_block_cache;
        rocksdb::Iterator* base = db_->db()->NewIterator(ro, db_->cf(cf));
        if (batch_ == nullptr || cf_writes_[static_cast<size_t>(cf)] == 0) return base;
        // The merged iterator gets no bounds (KvCursor checks them), so nothing points at `ro`.
        return batch_->NewIteratorWithBase(db_->cf(cf), base);
      },
      db_, seek_to_lower);
}

KvCursor& KvTransaction::probe(Cf cf) {
  std::unique_ptr<KvCursor>& probe = probes_[static_cast<size_t>(cf)];
  if (probe == nullptr) {
    // Always merged with the batch, even before this transaction writes `cf`: the cursor lives on
    // across the writes that follow.
    probe = std::make_unique<KvCursor>(
        std::string(), std::string(),
        [&](const rocksdb::Slice*) {
          rocksdb::Iterator* base = db_->db()->NewIterator(*read_options_, db_->cf(cf));
          if (batch_ == nullptr) return base;
          return batch_->NewIteratorWithBase(db_->cf(cf), base);
        },
        db_, /*seek_to_lower=*/false);
  }
  return *probe;
}

KvCursor KvTransaction::scan_prefix(Cf cf, std::string_view prefix) const {
  return scan(cf, std::string(prefix), keys::prefix_successor(prefix));
}

// The batch's writes in key order within each column family, taken from its index (which holds
// each key once, with its last write). RocksDB inserts keys into a memtable much faster in order,
// reusing the skiplist position of the previous key, than in the order kg happened to write them.
rocksdb::Status KvTransaction::sorted_batch(rocksdb::WriteBatch& out) const {
  for (size_t i = 0; i < kNumCfs; ++i) {
    if (cf_writes_[i] == 0) continue;
    rocksdb::ColumnFamilyHandle* cf = db_->cf(static_cast<Cf>(i));
    std::unique_ptr<rocksdb::WBWIIterator> it(batch_->NewIterator(cf));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      rocksdb::WriteEntry e = it->Entry();
      rocksdb::Status s;
      switch (e.type) {
        case rocksdb::kPutRecord:
          s = out.Put(cf, e.key, e.value);
          break;
        case rocksdb::kDeleteRecord:
          s = out.Delete(cf, e.key);
          break;
        default:  // kg writes only puts and deletes
          return rocksdb::Status::NotSupported("unexpected write batch entry type");
      }
      if (!s.ok()) return s;
    }
    if (!it->status().ok()) return it->status();
  }
  return rocksdb::Status::OK();
}

Status KvTransaction::commit() {
  if (!open_) return Status::internal("commit of a transaction that already ended");
  Status result = writable_;
  rocksdb::WriteBatch* batch = batch_ != nullptr ? batch_->GetWriteBatch() : nullptr;
  if (!result.ok()) {
    // Nothing is written: the graph could not be opened for writing.
  } else if (batch != nullptr && batch->Count() >= kSortedCommitMinWrites) {
    rocksdb::WriteBatch sorted(batch->GetDataSize());
    rocksdb::Status s = sorted_batch(sorted);
    if (s.ok()) s = db_->db()->Write(store_.write_options(), &sorted);
    result = from_rocksdb(s, "commit");
  } else if (batch != nullptr && batch->Count() > 0) {
    result = from_rocksdb(db_->db()->Write(store_.write_options(), batch), "commit");
  }
  // Views are checked against the sequence number when borrowed; dropping the idle ones now
  // also lets go of what they pin.
  if (views_ != nullptr && batch != nullptr && batch->Count() > 0) views_->invalidate();
  release();
  return result;
}

void KvTransaction::rollback() { release(); }

size_t KvTransaction::pending_bytes() const {
  return batch_ == nullptr ? 0 : batch_->GetWriteBatch()->GetDataSize();
}

}  // namespace kg::engine
