// ImportContext: what the importers of each format (csv_import, jsonl_import, ntriples_import)
// share while one bulk import runs. Owned by bulk_loader.cpp.
#pragma once

#include "engine/loader/graph_writer.hpp"
#include "engine/loader/id_map.hpp"
#include "engine/loader/progress.hpp"
#include "engine/loader/skip_log.hpp"
#include "engine/txn/bulk_write.hpp"
#include "kg/import_options.hpp"

namespace kg::engine::loader {

struct ImportContext {
  const ImportOptions& options;
  BulkWrite& bulk;
  GraphWriter& writer;
  IdMap& ids;
  ProgressReporter& progress;
  SkipLog& skips;
  std::string temp_dir;
};

// Each importer. Errors: "file:line: reason" (kInvalidArgument, or kConstraintVerificationFailed),
// kNotFound / kIOError for files.
Status import_csv_nodes(ImportContext& ctx, const NodeFiles& group);
Status import_csv_relationships(ImportContext& ctx, const RelationshipFiles& group);
// JSON Lines are read twice: nodes first, then relationships (which may name nodes of any file).
Status import_jsonl_nodes(ImportContext& ctx, const std::string& file);
Status import_jsonl_relationships(ImportContext& ctx, const std::string& file);
// All N-Triples files in one go: their nodes and relationships.
Status import_ntriples(ImportContext& ctx, const std::vector<std::string>& files);

}  // namespace kg::engine::loader
