#include "engine/storage/foreign_data.hpp"

#include <rocksdb/db.h>

#include <memory>

#include "engine/storage/rocksdb_status.hpp"

namespace kg::engine {

Result<uint64_t> count_default_cf_keys(const Store& store, uint64_t limit) {
  rocksdb::ReadOptions options;
  options.total_order_seek = true;
  // One instance for both calls: the store may become writable (a new instance) in between.
  std::shared_ptr<const DbInstance> db = store.instance();
  std::unique_ptr<rocksdb::Iterator> it(
      db->db()->NewIterator(options, db->db()->DefaultColumnFamily()));
  uint64_t n = 0;
  for (it->SeekToFirst(); it->Valid() && n < limit; it->Next()) ++n;
  KG_TRY(from_rocksdb(it->status(), "scanning the default column family"));
  return n;
}

}  // namespace kg::engine
