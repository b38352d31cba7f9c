// VersionCache: what the read transactions of one version of the graph keep in memory for the
// next ones (ReadViewPool gives one to every view of a version; engine/txn/read_view.hpp): node
// records, adjacency lists and property-index lookups, under one memory budget
// (Options::record_cache_bytes). docs/storage_format.md §9.1 says when a version begins and ends.
#pragma once

#include <cstdint>

#include "engine/txn/keyed_cache.hpp"
#include "engine/txn/record_cache.hpp"

namespace kg::engine {

struct VersionCache {
  explicit VersionCache(uint64_t budget_bytes)
      : budget(budget_bytes), nodes(budget), adjacency(budget), index(budget) {}
  CacheBudget budget;
  // Node records (values::encode_node) by node id.
  RecordCache nodes;
  // Adjacency lists by adjacency_index::list_id(node, direction), in adjacency_index's encoding.
  RecordCache adjacency;
  // Property-index equality lookups: keys::index_value_prefix(label, key, value) to the ids of
  // the nodes under it (u64, native order, ascending), empty for none (property_index::seek).
  KeyedCache index;
};

}  // namespace kg::engine
