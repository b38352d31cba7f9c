// Loading a graph's table blocks into its block cache ahead of the reads that will want them.
#pragma once

#include <cstdint>
#include <span>

#include "engine/storage/store.hpp"

namespace kg::engine {

// Reads the column families `cfs`, in that order, through the block cache of `store`, until the
// cache holds `budget_bytes` (counting what it held before) or every one has been read. Blocks
// already cached are not read again. Read errors end the warming early and are not reported: the
// data is unchanged, and a later read that needs the block meets the same error.
//
// For after a bulk import (engine/loader): its files are written outside RocksDB, so, unlike
// blocks a flush wrote, none of them is cached, and the first lookups would each read and
// decompress a block of the file.
void warm_block_cache(const Store& store, std::span<const Cf> cfs, uint64_t budget_bytes);

}  // namespace kg::engine
