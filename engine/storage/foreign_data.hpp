// Data kg never writes: keys in RocksDB's `default` column family (docs/storage_format.md §8,
// invariant S5). For the consistency checker, which must not see RocksDB types itself.
#pragma once

#include <cstdint>

#include "engine/storage/store.hpp"
#include "kg/status.hpp"

namespace kg::engine {

// The number of keys in `store`'s `default` column family, counting at most `limit`.
// Errors: kIOError / kCorruption from RocksDB.
Result<uint64_t> count_default_cf_keys(const Store& store, uint64_t limit);

}  // namespace kg::engine
