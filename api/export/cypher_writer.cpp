// Cypher export: a script that recreates the graph (`kg NEW_DB -f script.cypher`).
//
// Nodes are created one statement a line, each with a temporary label `_KgExport` and an indexed
// property `_kg_export_id` (its id in the exported graph), by which the relationships' MATCH finds
// their ends; the script's last statements remove both. The whole load is one transaction
// (BEGIN ... COMMIT), so it is all or nothing and pays for one sync. The graph's indexes and
// unique constraints come first.
#include "api/export/names.hpp"
#include "api/export/subgraph.hpp"

namespace kg::api {

namespace {

constexpr const char* kTempLabel = "`_KgExport`";
constexpr const char* kTempKey = "`_kg_export_id`";

// " {k: v, ...}" or "" for no properties; kNotSupported names the element and key.
template <typename Element>
Result<std::string> property_map(const Element& e, const std::string& first = "") {
  std::string out;
  bool any = !first.empty();
  out = first;
  for (const auto& [k, v] : e.properties) {
    auto lit = cypher_literal(v);
    if (!lit)
      return Status::not_supported("Cypher cannot hold property `" + k + "` of " + element_name(e) +
                                   " (" + lit.error().message() + "); export as jsonl instead");
    if (!out.empty()) out += ", ";
    out += cypher_name(k) + ": " + *lit;
    any = true;
  }
  if (!any) return std::string();
  return " {" + out + "}";
}

std::string temp_key_entry(NodeId id) {
  return std::string(kTempKey) + ": " + std::to_string(to_underlying(id));
}

}  // namespace

Status write_cypher(const Subgraph& graph, std::ostream& out) {
  out << "// kg export: " << graph.nodes.size() << " nodes, " << graph.relationships.size()
      << " relationships. Run it on a graph: kg GRAPH_DIR -f THIS_FILE\n"
      << "// While it runs, each node carries the label " << kTempLabel << " and the property "
      << kTempKey
      << ",\n// by which relationships find their ends; the last statements remove "
         "them.\n";
  for (const IndexDef& ix : graph.indexes) {
    if (ix.unique)
      out << "CREATE CONSTRAINT " << cypher_name(ix.name)
          << " IF NOT EXISTS FOR (n:" << cypher_name(ix.label) << ") REQUIRE n."
          << cypher_name(ix.property) << " IS UNIQUE;\n";
    else
      out << "CREATE INDEX " << cypher_name(ix.name)
          << " IF NOT EXISTS FOR (n:" << cypher_name(ix.label) << ") ON (n."
          << cypher_name(ix.property) << ");\n";
  }
  out << "CREATE INDEX kg_export_id IF NOT EXISTS FOR (n:" << kTempLabel << ") ON (n." << kTempKey
      << ");\n";
  out << "BEGIN;\n";
  for (const Node& n : graph.nodes) {
    std::string labels = std::string(":") + kTempLabel;
    for (const std::string& l : n.labels) {
      labels.push_back(':');
      labels += cypher_name(l);
    }
    KG_ASSIGN_OR_RETURN(std::string props, property_map(n, temp_key_entry(n.id)));
    out << "CREATE (" << labels << props << ");\n";
  }
  for (const Relationship& r : graph.relationships) {
    KG_ASSIGN_OR_RETURN(std::string props, property_map(r));
    out << "MATCH (a:" << kTempLabel << " {" << temp_key_entry(r.start) << "}), (b:" << kTempLabel
        << " {" << temp_key_entry(r.end) << "}) CREATE (a)-[:" << cypher_name(r.type) << props
        << "]->(b);\n";
  }
  out << "MATCH (n:" << kTempLabel << ") REMOVE n:" << kTempLabel << ", n." << kTempKey << ";\n";
  out << "COMMIT;\n";
  out << "DROP INDEX kg_export_id;\n";
  return Status();
}

}  // namespace kg::api
