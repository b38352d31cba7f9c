#include "engine/loader/bulk_loader.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include <rocksdb/cache.h>

#include "engine/loader/graph_writer.hpp"
#include "engine/loader/id_map.hpp"
#include "engine/loader/import_context.hpp"
#include "engine/loader/progress.hpp"
#include "engine/loader/scratch_dir.hpp"
#include "engine/loader/skip_log.hpp"
#include "engine/storage/cache_warmer.hpp"
#include "engine/txn/bulk_write.hpp"
#include "engine/txn/transaction.hpp"

namespace kg::engine::loader {

namespace {

std::string show_char(char c) {
  if (c == '\t') return "TAB";
  if (c == '\n') return "'\\n'";
  if (c == '\r') return "'\\r'";
  return std::string("'") + c + "'";
}

Status check_options(const ImportOptions& o) {
  if (o.nodes.empty() && o.relationships.empty() && o.jsonl.empty() && o.ntriples.empty())
    return Status::invalid_argument(
        "nothing to import: give node, relationship, JSON Lines or "
        "N-Triples files");
  for (char c : {o.delimiter, o.quote, o.array_delimiter}) {
    if (c == '\n' || c == '\r' || c == '\0')
      return Status::invalid_argument("the delimiters and the quote cannot be " + show_char(c));
  }
  if (o.delimiter == o.quote)
    return Status::invalid_argument("the delimiter and the quote are both " +
                                    show_char(o.delimiter));
  if (o.delimiter == o.array_delimiter)
    return Status::invalid_argument("the delimiter and the array delimiter are both " +
                                    show_char(o.delimiter));
  for (const NodeFiles& g : o.nodes)
    if (g.files.empty()) return Status::invalid_argument("a group of node files names no file");
  for (const RelationshipFiles& g : o.relationships)
    if (g.files.empty())
      return Status::invalid_argument("a group of relationship files names no file");
  return Status();
}

// The sum of the sizes of all inputs (JSON Lines count twice: they are read twice). Finds a
// missing file before anything else happens.
Result<uint64_t> total_bytes(const ImportOptions& o) {
  uint64_t total = 0;
  auto add = [&](const std::string& path, int times) -> Status {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      std::string msg = "cannot open '" + path + "': " + std::strerror(errno);
      return errno == ENOENT ? Status::not_found(msg) : Status::io_error(msg);
    }
    if (times > 1 && !S_ISREG(st.st_mode))
      return Status::invalid_argument("cannot read '" + path +
                                      "' twice: JSON Lines input is read once for its nodes and "
                                      "once for its relationships, so it must be a regular file, "
                                      "not a pipe");
    total += static_cast<uint64_t>(st.st_size) * static_cast<uint64_t>(times);
    return Status();
  };
  for (const NodeFiles& g : o.nodes)
    for (const auto& f : g.files) KG_TRY(add(f, 1));
  for (const RelationshipFiles& g : o.relationships)
    for (const auto& f : g.files) KG_TRY(add(f, 1));
  for (const auto& f : o.jsonl) KG_TRY(add(f, 2));
  for (const auto& f : o.ntriples) KG_TRY(add(f, 1));
  return total;
}

// Fills up to three quarters of the block cache with the imported graph's blocks that random
// lookups read, the first-read first: property indexes (finding nodes by value), node records,
// adjacency lists. The last quarter stays for the blocks the first queries read that were not
// warmed; past that the cache's LRU order evicts warmed blocks no query touched first. (Half
// of a 256 MiB cache held a third of scale l's adjacency lists; three quarters, two thirds:
// kgbench's 2-hop counts at l 16.5 -> 12.3 ms, shortest paths 84 -> 59 ms. Three quarters of
// the default 512 MiB hold all three column families at l, 250 MB uncompressed.) Not label
// scans, which read their blocks in order, nor relationship records, read only for properties:
// at scale m (100k nodes, 1M relationships) they would triple the warming's time (77 -> 281 ms),
// which is spent stepping through keys.
void warm_after_import(Graph& graph) {
  static constexpr Cf kOrder[] = {Cf::kPropIndex, Cf::kNodes, Cf::kAdj};
  const Store& store = graph.store();
  warm_block_cache(store, kOrder, store.block_cache()->GetCapacity() / 4 * 3);
  // Then the record cache, from the blocks just read. Errors are not reported, as above.
  if (auto txn = graph.begin_read(); txn.has_value()) (void)(*txn)->fill_record_cache();
}

}  // namespace

Result<ImportSummary> bulk_import(Graph& graph, const ImportOptions& options) {
  auto start = std::chrono::steady_clock::now();
  KG_TRY(check_options(options));
  KG_ASSIGN_OR_RETURN(uint64_t bytes_total, total_bytes(options));
  KG_ASSIGN_OR_RETURN(std::unique_ptr<BulkWrite> bulk, graph.begin_bulk());
  KG_ASSIGN_OR_RETURN(ScratchDir scratch,
                      ScratchDir::create(graph.store().path(), options.temp_dir));
  KG_ASSIGN_OR_RETURN(std::unique_ptr<SkipLog> skips, SkipLog::open(options.report_file));
  GraphWriter writer(*bulk, scratch.path(), options.sort_memory_bytes);
  IdMap ids;
  ProgressReporter progress(options.progress, options.cancelled, bytes_total);
  ImportContext ctx{options, *bulk, writer, ids, progress, *skips, scratch.path()};

  // Phase 1: nodes. Phase 2: relationships, whose ends are then all known.
  for (const NodeFiles& group : options.nodes) KG_TRY(import_csv_nodes(ctx, group));
  for (const std::string& file : options.jsonl) KG_TRY(import_jsonl_nodes(ctx, file));
  KG_TRY(import_ntriples(ctx, options.ntriples));
  for (const RelationshipFiles& group : options.relationships)
    KG_TRY(import_csv_relationships(ctx, group));
  for (const std::string& file : options.jsonl) KG_TRY(import_jsonl_relationships(ctx, file));
  KG_TRY(skips->close());

  KG_ASSIGN_OR_RETURN(auto files, writer.finish(progress));
  KG_TRY(progress.begin("ingesting"));
  KG_TRY(bulk->ingest(files, writer.next_node_id(), writer.next_rel_id()));
  bulk.reset();  // committed: let other writers in while the cache warms
  if (options.warm_cache) warm_after_import(graph);

  ImportSummary summary;
  summary.nodes = writer.nodes();
  summary.relationships = writer.relationships();
  summary.properties = writer.properties();
  summary.rows = progress.rows();
  summary.skipped_nodes = skips->nodes();
  summary.skipped_relationships = skips->relationships();
  summary.bytes_read = progress.bytes_read();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace kg::engine::loader
