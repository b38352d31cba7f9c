// Bulk import of graphs from files (DESIGN.md §7): CSV in neo4j-admin's style, JSON Lines, and
// N-Triples. Rows are converted, sorted per column family and written as SST files that RocksDB
// ingests in one atomic step, so an import is all or nothing: on any error the graph is exactly
// as it was before.
//
//   kg::ImportOptions o;
//   o.nodes.push_back({{"Company"}, {"companies.csv"}});
//   o.relationships.push_back({"BUYS", {"buys.csv"}});
//   kg::Result<kg::ImportSummary> s = kg::import_files(db, o);
//
// Thread-safety: an import holds the graph's write lock (like a write transaction) for its whole
// run; readers keep reading the state before it until it commits.
#pragma once

#include "kg/database.hpp"
#include "kg/import_options.hpp"
#include "kg/status.hpp"

namespace kg {

// Imports every file of `options` into `db` in one atomic step.
// Errors: kInvalidArgument "file:line: reason" for malformed input (a bad line, an unknown
// header type, a value that does not parse as its declared type, a dangling :START_ID, a
// duplicate :ID, a unique-constraint violation), kNotFound for a missing file, kBusy when a
// write transaction is open, kIOError.
Result<ImportSummary> import_files(Database& db, const ImportOptions& options);

}  // namespace kg
