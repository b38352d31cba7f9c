// Property indexes on the `prop_index` column family. One key per (indexed label, key, node):
//   label_id(u32) · key_id(u32) · ordered(value) · node_id(u64), empty value,
// where ordered() is the order-preserving encoding of key_codec, so an equality lookup is one
// prefix scan and a range is one key range. Which (label, key) pairs are indexed is in the catalog.
// PERSISTENT FORMAT: a layout change needs a format-version bump (docs/storage_format.md).
// Stateless; cursors are not thread-safe.
//
// A read transaction with a record cache (KvTransaction::cache) answers seek() from its `index`
// cache when it holds the value's prefix, and adds each seek's answer once read whole.
#pragma once

#include <optional>

#include "engine/txn/keyed_cache.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine::property_index {

// REQUIRES: value is not null.
Status add(KvTransaction& txn, LabelId label, PropKeyId key, const Value& value, NodeId node);
Status remove(KvTransaction& txn, LabelId label, PropKeyId key, const Value& value, NodeId node);

// Another node than `self` whose value for (label, key) has the same encoding as `value` (equal
// in Cypher's sense, except that NaN matches NaN), if any.
Result<std::optional<NodeId>> find_other(const KvTransaction& txn, LabelId label, PropKeyId key,
                                         const Value& value, NodeId self);

// One end of a range. Inclusive or exclusive.
struct Bound {
  Value value;
  bool inclusive = true;
};

// Nodes whose indexed value lies in a range, in value order (then node id).
class IndexCursor {
 public:
  explicit IndexCursor(KvCursor cursor) : cursor_(std::move(cursor)) {}
  // A seek that, once it has read its entries to the end, adds their node ids to `cache` under
  // `prefix` (the value's index prefix). REQUIRES: `cache` outlives the cursor.
  IndexCursor(KvCursor cursor, KeyedCache* cache, std::string prefix);
  // The nodes of a cached seek: `ids` as KeyedCache holds them (u64, native order).
  static IndexCursor from_cache(std::string_view ids);

  bool valid() const { return cursor_ ? cursor_->valid() : pos_ < cached_.size(); }
  void next();
  // REQUIRES: valid().
  NodeId node() const;
  Status status() const { return cursor_ ? cursor_->status() : Status(); }

 private:
  IndexCursor() = default;
  // Adds the ids read to the cache once the cursor has ended without error.
  void add_when_done();

  std::optional<KvCursor> cursor_;  // absent for a cached seek
  std::string_view cached_;         // a cached seek's ids
  size_t pos_ = 0;
  KeyedCache* cache_ = nullptr;  // while the ids read go to the cache
  std::string prefix_;
  std::string ids_;
};

// Adds the equality lookups of every index in the transaction's snapshot (each value's prefix
// and its nodes) to its index cache, in key order, until the cache is full; does nothing without
// a cache. Reads the blocks it does not find in the block cache without adding them there.
Status fill_cache(const KvTransaction& txn);

// Nodes whose value equals `value` (in Cypher's sense: 1 finds 1.0). REQUIRES: value not null.
IndexCursor seek(const KvTransaction& txn, LabelId label, PropKeyId key, const Value& value);

// Nodes whose value is within [lower, upper] (either end may be open or missing). Values of other
// kinds than the bounds' are excluded: a range over numbers yields only numbers, as Cypher's
// comparisons do. REQUIRES: a given bound is not null; both bounds, when given, are of one kind.
IndexCursor range(const KvTransaction& txn, LabelId label, PropKeyId key,
                  const std::optional<Bound>& lower, const std::optional<Bound>& upper);

// Every entry of the index, in value order.
IndexCursor scan_all(const KvTransaction& txn, LabelId label, PropKeyId key);

}  // namespace kg::engine::property_index
