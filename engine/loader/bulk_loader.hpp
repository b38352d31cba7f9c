// The bulk importer (DESIGN.md §7, docs/import.md): CSV in neo4j-admin's style, JSON Lines and
// N-Triples into a graph, empty or not, in one atomic step.
//
// How: holding the graph's writer lock (Graph::begin_bulk) and reading one snapshot, it reads the
// inputs in two phases — nodes (CSV node files, JSONL nodes, N-Triples), then relationships (CSV
// relationship files, JSONL relationships) — mapping external ids to new node ids in an IdMap,
// the only thing it keeps in memory besides the sort buffers. GraphWriter turns each row into
// the keys of every access path, sorted per column family and written as SST files in a
// temporary directory next to the graph; BulkWrite::ingest hands them all to RocksDB's
// IngestExternalFiles at once. Any error before that leaves the graph exactly as it was.
#pragma once

#include "engine/graph.hpp"
#include "kg/import_options.hpp"
#include "kg/status.hpp"

namespace kg::engine::loader {

// Errors: kInvalidArgument "file:line: reason" for bad input and bad options,
// kConstraintVerificationFailed "file:line: ..." for a unique constraint the import would break,
// kNotFound for a missing file, kBusy when a write transaction stays open, kIOError.
Result<ImportSummary> bulk_import(Graph& graph, const ImportOptions& options);

}  // namespace kg::engine::loader
