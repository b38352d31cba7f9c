#include "engine/storage/rel_store.hpp"

#include "engine/storage/key_codec.hpp"
#include "engine/storage/value_codec.hpp"

namespace kg::engine::rel_store {

Result<std::optional<RelRecord>> get(const KvTransaction& txn, RelId rel) {
  KG_ASSIGN_OR_RETURN(auto bytes, txn.get(Cf::kRels, keys::rel_key(rel)));
  if (!bytes) return std::optional<RelRecord>();
  auto record = values::decode_rel(*bytes);
  if (!record)
    return record.error().with_context("relationship " + std::to_string(to_underlying(rel)));
  return std::optional<RelRecord>(std::move(record).value());
}

Status put(KvTransaction& txn, RelId rel, const RelRecord& record) {
  return txn.put(Cf::kRels, keys::rel_key(rel), values::encode_rel(record));
}

Status erase(KvTransaction& txn, RelId rel) { return txn.del(Cf::kRels, keys::rel_key(rel)); }

RelId RelCursor::rel() const {
  auto id = keys::decode_rel_key(cursor_.key());
  return id ? *id : RelId{UINT64_MAX};
}

Result<RelRecord> RelCursor::record() const { return values::decode_rel(cursor_.value()); }

RelCursor scan_all(const KvTransaction& txn) { return RelCursor(txn.scan(Cf::kRels, "", "")); }

}  // namespace kg::engine::rel_store
