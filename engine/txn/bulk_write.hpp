// BulkWrite: a bulk import's hold on a graph (engine/loader, DESIGN.md §7). It owns the graph's
// single-writer lock for its whole life, reads one snapshot, hands out ids for new catalog names
// (kept in memory), and at the end ingests the import's SST files — every column family in one
// atomic DB::IngestExternalFiles call — and then publishes what the import changed: the new
// names, the id counters and the commit sequence. Until ingest() succeeds nothing is visible and
// nothing on disk has changed; destroying a BulkWrite without it leaves the graph as it was.
//
// Unlike a Transaction, a BulkWrite writes no key itself: the loader builds every SST file (the
// catalog entries of new names and the meta records included) with the codecs of engine/storage.
// Thread-safety: not thread-safe; one thread at a time.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/storage/store.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine {

class Graph;

class BulkWrite {
 public:
  ~BulkWrite();
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;

  // The snapshot taken at begin, for reads of existing data (index entries, statistics).
  const KvTransaction& snapshot() const { return kv_; }
  const Store& store() const;
  // The id counters at begin: the first ids an import may give.
  uint64_t first_node_id() const { return first_node_id_; }
  uint64_t first_rel_id() const { return first_rel_id_; }
  // The index definitions at begin (they cannot change while the writer lock is held).
  const std::vector<IndexDef>& indexes() const { return indexes_; }

  // The id of `name`: the committed one, or a new one (the next of its kind) that exists only in
  // memory until ingest() publishes it.
  uint32_t intern(NameKind kind, std::string_view name);
  // The name of an id, committed or new ("" for an id no name has).
  std::string name_of(NameKind kind, uint32_t id) const;
  // The names intern() created, in the order of creation (so ids ascend per kind).
  const std::vector<CatalogDelta::NewName>& new_names() const { return delta_.names; }

  // Ingests `files` (per column family, each list sorted and non-overlapping) in one atomic
  // IngestExternalFiles call, moving them into the graph, then publishes the new names and sets
  // the id counters to `next_node_id` and `next_rel_id`. The files must hold the catalog entries
  // of new_names() and the meta records (counters and statistics) of the new state.
  // On error the graph is unchanged (RocksDB ingests all or nothing) and nothing is published.
  // Either way the BulkWrite ends: the writer lock is released and later calls fail.
  // REQUIRES: next ids >= the first ids.
  Status ingest(const std::array<std::vector<std::string>, kNumCfs>& files, uint64_t next_node_id,
                uint64_t next_rel_id);

  bool is_open() const { return lock_.owns_lock(); }

 private:
  friend class Graph;
  BulkWrite(Graph& graph, std::unique_lock<std::timed_mutex> writer_lock);

  Graph& graph_;
  std::unique_lock<std::timed_mutex> lock_;
  KvTransaction kv_;
  std::vector<IndexDef> indexes_;
  uint64_t first_node_id_ = 0;
  uint64_t first_rel_id_ = 0;
  CatalogDelta delta_;
  // Names already resolved, committed or new, per kind (index kind - 1).
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, NameHash, std::equal_to<>> names_[3];
  uint32_t next_name_id_[3] = {0, 0, 0};
};

}  // namespace kg::engine
