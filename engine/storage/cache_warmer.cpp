#include "engine/storage/cache_warmer.hpp"

#include <memory>

#include <rocksdb/cache.h>
#include <rocksdb/db.h>

namespace kg::engine {

void warm_block_cache(const Store& store, std::span<const Cf> cfs, uint64_t budget_bytes) {
  const std::shared_ptr<rocksdb::Cache>& cache = store.block_cache();
  std::shared_ptr<const DbInstance> db = store.instance();
  rocksdb::ReadOptions scan;
  scan.readahead_size = 2u << 20;  // the files are read front to back
  scan.total_order_seek = true;    // every key, whatever the prefix extractor
  // Checking the cache's usage takes every shard's lock: check every so many keys (an adjacency
  // chunk or a node record is tens to hundreds of bytes, a block 8 KiB).
  constexpr uint32_t kKeysBetweenChecks = 256;
  for (Cf cf : cfs) {
    if (cache->GetUsage() >= budget_bytes) break;
    // The table's index and filter blocks were cached when ingestion opened it (RocksDB's
    // prefetch_index_and_filter_in_cache); the scan reads the data blocks.
    std::unique_ptr<rocksdb::Iterator> it(db->db()->NewIterator(scan, db->cf(cf)));
    uint32_t keys = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next())
      if (++keys % kKeysBetweenChecks == 0 && cache->GetUsage() >= budget_bytes) return;
    if (!it->status().ok()) break;
  }
}

}  // namespace kg::engine
