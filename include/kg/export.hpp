// Export of a graph, or of a query's result as a subgraph, to files (DESIGN.md §7,
// docs/export.md):
//  - kCsv: a directory with one nodes file per label set and one relationships file per type, in
//    the importer's headers (`:ID`, `:LABEL`, `name:type`, `:START_ID`, `:END_ID`, `:TYPE`, arrays
//    split at ';'), so export → import (kg/import.hpp) gives the same graph;
//  - kJsonl: one object per node and relationship, in the importer's JSON Lines shape;
//  - kCypher: a script of CREATE statements that recreates the graph, indexes included;
//  - kDot: Graphviz DOT (labels and `name` as node text, the type as edge label).
//
//   kg::ExportOptions o;
//   o.format = kg::ExportFormat::kDot;
//   o.out = "deal.dot";
//   o.query = "MATCH p = (:Company {name: $name})-[:BUYS]->() RETURN p";
//   o.params = {{"name", "AWS"}};
//   kg::Result<kg::ExportSummary> s = kg::export_graph(db, o);
//
// Thread-safety: reads one snapshot (one statement); writers may go on meanwhile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/database.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg {

enum class ExportFormat { kCsv, kJsonl, kCypher, kDot };

// "csv", "jsonl", "cypher", "dot".
std::string_view export_format_name(ExportFormat format);
// The format of a name or file extension: csv; jsonl or json; cypher or cql; dot, gv or
// graphviz. nullopt for others.
std::optional<ExportFormat> export_format_named(std::string_view name);

struct ExportOptions {
  ExportFormat format = ExportFormat::kCsv;
  // A directory for kCsv (created when missing, refused when not empty), a file for the others
  // ("-" for stdout), replaced only once the new one is complete.
  std::string out;
  // When set, only the nodes, relationships and paths this Cypher query returns anywhere in its
  // rows (and, for relationships and paths, their end nodes) are exported.
  std::string query;
  // The query's parameters.
  Map params;
};

struct ExportSummary {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  // The files written (for kCsv, those inside the directory).
  std::vector<std::string> files;
};

// Exports `db` as `options` say. Errors: kInvalidArgument (no output, CSV to stdout or to a
// non-empty directory, a file format to a directory), kIOError (a path that cannot be written,
// naming it and why), kNotSupported (a value the format cannot hold, naming the element and key:
// CSV and Cypher hold no maps or nested lists), and the query's own errors. On error nothing is
// left half-written.
Result<ExportSummary> export_graph(Database& db, const ExportOptions& options);

}  // namespace kg
