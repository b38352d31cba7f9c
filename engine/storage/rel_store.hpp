// Relationship records in the `rels` column family (key: rel_id u64be; value: values::encode_rel)
// and their two adjacency entries in `adj` (see adjacency_index.hpp). Stateless.
#pragma once

#include <optional>

#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine::rel_store {

Result<std::optional<RelRecord>> get(const KvTransaction& txn, RelId rel);
// Writes the record only (creating or replacing it).
Status put(KvTransaction& txn, RelId rel, const RelRecord& record);
Status erase(KvTransaction& txn, RelId rel);

// Every relationship in id order.
class RelCursor {
 public:
  explicit RelCursor(KvCursor cursor) : cursor_(std::move(cursor)) {}
  bool valid() const { return cursor_.valid(); }
  void next() { cursor_.next(); }
  // REQUIRES: valid().
  RelId rel() const;
  // The record under the cursor. REQUIRES: valid().
  Result<RelRecord> record() const;
  Status status() const { return cursor_.status(); }

 private:
  KvCursor cursor_;
};

RelCursor scan_all(const KvTransaction& txn);

}  // namespace kg::engine::rel_store
