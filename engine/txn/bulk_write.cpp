#include "engine/txn/bulk_write.hpp"

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include "engine/graph.hpp"
#include "engine/storage/ingest_guard_fs.hpp"
#include "engine/storage/rocksdb_status.hpp"
#include "engine/txn/read_view.hpp"

namespace kg::engine {

BulkWrite::BulkWrite(Graph& graph, std::unique_lock<std::timed_mutex> writer_lock)
    : graph_(graph),
      lock_(std::move(writer_lock)),
      kv_(*graph.store_, KvTransaction::Mode::kRead),
      indexes_(graph.catalog_->indexes()),
      first_node_id_(graph.next_node_id_),
      first_rel_id_(graph.next_rel_id_) {
  for (NameKind kind : {NameKind::kLabel, NameKind::kType, NameKind::kPropKey})
    next_name_id_[static_cast<size_t>(kind) - 1] = graph.catalog_->next_id(kind);
}

BulkWrite::~BulkWrite() = default;

const Store& BulkWrite::store() const { return *graph_.store_; }

uint32_t BulkWrite::intern(NameKind kind, std::string_view name) {
  auto& cache = names_[static_cast<size_t>(kind) - 1];
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  uint32_t id;
  if (auto committed = graph_.catalog_->find(kind, name)) {
    id = *committed;
  } else {
    id = next_name_id_[static_cast<size_t>(kind) - 1]++;
    delta_.names.push_back({kind, id, std::string(name)});
  }
  cache.emplace(std::string(name), id);
  return id;
}

std::string BulkWrite::name_of(NameKind kind, uint32_t id) const {
  if (auto name = graph_.catalog_->name(kind, id)) return *name;
  for (const auto& n : delta_.names)
    if (n.kind == kind && n.id == id) return n.name;
  return "";
}

Status BulkWrite::ingest(const std::array<std::vector<std::string>, kNumCfs>& files,
                         uint64_t next_node_id, uint64_t next_rel_id) {
  if (!lock_.owns_lock()) return Status::internal("ingest on a bulk write that has ended");
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (size_t i = 0; i < kNumCfs; ++i) {
    if (files[i].empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = graph_.store_->cf(static_cast<Cf>(i));
    arg.external_files = files[i];
    arg.options.move_files = true;            // hard links: no copy of the data
    arg.options.allow_global_seqno = true;    // keys may overlap existing ones (meta, indexes)
    arg.options.allow_blocking_flush = true;  // ... and the memtables
    arg.options.snapshot_consistency = true;  // open snapshots keep not seeing the import
    arg.options.write_global_seqno = false;   // never rewrite a file after writing it
    args.push_back(std::move(arg));
  }
  // Release this import's read snapshot first: with snapshot_consistency, RocksDB gives the files
  // of an ingest that runs while any snapshot is open a global sequence number, and later rewrites
  // every such file that reached the last level just to zero it (a compaction of the whole
  // import, rerun from the start by every session that ends before it finishes). The writer lock
  // is held, so nothing this import read can change meanwhile; other transactions' snapshots still
  // get their due.
  kv_.rollback();
  Status s;
  if (!args.empty()) {
    IngestGuardFs& guard = graph_.store_->ingest_guard();
    std::vector<std::string> external_files;
    for (const auto& arg : args)
      external_files.insert(external_files.end(), arg.external_files.begin(),
                            arg.external_files.end());
    // An ingest advances the sequence number only for files that need one (those overlapping
    // existing keys); files at sequence 0 change the graph without it. So the views are told
    // before and after (ReadViewPool::begin_ingest).
    graph_.read_views_->begin_ingest();
    guard.begin_ingest(external_files);
    s = from_rocksdb(graph_.store_->db()->IngestExternalFiles(args), "ingest");
    guard.end_ingest(s.ok());
    graph_.read_views_->end_ingest();
  }
  if (s.ok()) {
    graph_.catalog_->publish(delta_);
    graph_.next_node_id_ = next_node_id;
    graph_.next_rel_id_ = next_rel_id;
    if (!args.empty()) graph_.commit_sequence_.fetch_add(1, std::memory_order_acq_rel);
    // The import is in; merging its small column families' files only makes later opens cheaper,
    // so a failure here (the data is unchanged) does not fail it.
    if (!args.empty()) (void)graph_.store_->merge_small_column_families();
  }
  lock_.unlock();
  return s;
}

}  // namespace kg::engine
