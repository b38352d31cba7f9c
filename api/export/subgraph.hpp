// What an export writes (kg/export.hpp): a set of nodes and relationships read through the public
// API, and the writers of each format. Internal to api/.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kg/database.hpp"
#include "kg/export.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::api {

// An index or a unique constraint, as SHOW INDEXES lists it.
struct IndexDef {
  std::string name;
  std::string label;
  std::string property;
  bool unique = false;
};

// Nodes and relationships sorted by id, each once; every relationship's end nodes are among the
// nodes.
struct Subgraph {
  std::vector<Node> nodes;
  std::vector<Relationship> relationships;
  // Only for a whole graph.
  std::vector<IndexDef> indexes;
};

// Every node and relationship of `db`, read in one statement (one snapshot), and its indexes.
Result<Subgraph> read_graph(Database& db);

// The nodes, relationships and paths that `query` returns anywhere in its rows (inside lists and
// maps too), with the end nodes of its relationships (read after the query when it did not
// return them).
Result<Subgraph> read_query_subgraph(Database& db, const std::string& query, const Map& params);

// The writers. Each reports kNotSupported for a value its format cannot hold (CSV and Cypher:
// maps; CSV: lists that mix types); the stream's failures are the caller's to check.
Status write_jsonl(const Subgraph& graph, std::ostream& out);
Status write_cypher(const Subgraph& graph, std::ostream& out);
Status write_dot(const Subgraph& graph, std::ostream& out);
// Writes the CSV files into directory `dir` (which exists) and appends their paths to `files`.
Status write_csv(const Subgraph& graph, const std::string& dir, std::vector<std::string>& files);

}  // namespace kg::api
