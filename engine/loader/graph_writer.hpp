// GraphWriter: what one import adds to a graph, as the keys of every access path — exactly those
// a Transaction writes for "create node" and "create relationship" (docs/storage_format.md §9.2),
// made by the same codecs (key_codec, value_codec), but into SST files instead of a write batch:
//
//   nodes, rels          in id order, which is the order of creation: straight into SST files
//   label_nodes, adj,    sorted first (ExternalSorter), then written
//   prop_index           one entry per existing index (label, key) a new node has, checked
//                        against each unique constraint: the graph's snapshot and the import's
//                        own entries, which sort next to each other
//   catalog              the names the import created (BulkWrite::new_names)
//   meta                 next_node_id, next_rel_id and the statistics, as absolute values:
//                        the snapshot's plus the import's
//
// finish() returns the files per column family for BulkWrite::ingest. Nothing touches the graph
// before that; the files live in the import's temporary directory.
// Thread-safety: not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/loader/external_sorter.hpp"
#include "engine/loader/progress.hpp"
#include "engine/loader/sst_builder.hpp"
#include "engine/txn/bulk_write.hpp"
#include "engine/types.hpp"

namespace kg::engine::loader {

// Where a row came from, for error messages.
struct RowSource {
  uint32_t file = 0;  // GraphWriter::add_file
  uint64_t line = 0;
};

class GraphWriter {
 public:
  // `temp_dir` holds the SST and run files. `sort_memory_bytes` is shared by the sorters.
  GraphWriter(BulkWrite& bulk, std::string temp_dir, uint64_t sort_memory_bytes);
  ~GraphWriter();

  // Registers an input file name for RowSource::file.
  uint32_t add_file(std::string name);
  const std::string& file_name(uint32_t file) const { return files_[file]; }

  // The id of the next node or relationship; each call hands out a new one.
  NodeId allocate_node() { return NodeId{next_node_id_++}; }
  RelId allocate_relationship() { return RelId{next_rel_id_++}; }

  // Adds a node. REQUIRES: `id` from allocate_node() and above every id added before; labels
  // sorted and distinct; properties sorted by key, distinct, none null.
  Status add_node(NodeId id, const NodeRecord& record, RowSource source);
  // Adds a relationship. REQUIRES: `id` from allocate_relationship() and above every id added
  // before; both ends are nodes of this import; properties as for nodes.
  Status add_relationship(RelId id, const RelRecord& record);

  // Sorts and writes everything else, checking unique constraints (kConstraintVerificationFailed
  // "file:line: ..." naming the row), and returns the files to ingest per column family.
  // REQUIRES: called once, after the last add.
  Result<std::array<std::vector<std::string>, kNumCfs>> finish(ProgressReporter& progress);

  uint64_t nodes() const { return nodes_; }
  uint64_t relationships() const { return rels_; }
  uint64_t properties() const { return properties_; }
  uint64_t next_node_id() const { return next_node_id_; }
  uint64_t next_rel_id() const { return next_rel_id_; }

 private:
  Status write_sorted(ExternalSorter& sorter, SstBuilder& out, ProgressReporter& progress);
  // Writes the sorted adjacency ends as chunks (adjacency_chunk.hpp): each (node, dir) list in
  // chunks of kMaxEntries ends, the last one shorter.
  Status write_adjacency(SstBuilder& out, ProgressReporter& progress);
  Status write_index_entries(SstBuilder& out);
  Status write_catalog(SstBuilder& out);
  Status write_meta(SstBuilder& out);

  BulkWrite& bulk_;
  std::string dir_;
  std::vector<std::string> files_;
  uint64_t next_node_id_;
  uint64_t next_rel_id_;
  SstBuilder nodes_sst_;
  SstBuilder rels_sst_;
  ExternalSorter label_sorter_;
  ExternalSorter adj_sorter_;
  ExternalSorter index_sorter_;
  std::vector<IndexDef> indexes_;
  uint64_t nodes_ = 0;
  uint64_t rels_ = 0;
  uint64_t properties_ = 0;
  std::unordered_map<uint32_t, uint64_t> label_counts_;
  std::unordered_map<uint32_t, uint64_t> type_counts_;
  std::string scratch_;
};

}  // namespace kg::engine::loader
