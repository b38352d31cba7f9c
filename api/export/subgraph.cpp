// Reading what an export writes, through the public API only (kg::Connection, kg::Transaction).
#include "api/export/subgraph.hpp"

#include <algorithm>
#include <map>

#include "kg/connection.hpp"

namespace kg::api {

namespace {

// Collects nodes and relationships by id; the maps keep them sorted.
struct Collector {
  std::map<uint64_t, Node> nodes;
  std::map<uint64_t, Relationship> relationships;

  void add(const Value& v) {
    switch (v.type()) {
      case ValueType::kNode:
        add(v.as_node());
        return;
      case ValueType::kRelationship:
        add(v.as_relationship());
        return;
      case ValueType::kPath:
        for (const Node& n : v.as_path().nodes) add(n);
        for (const Relationship& r : v.as_path().relationships) add(r);
        return;
      case ValueType::kList:
        for (const Value& e : v.as_list()) add(e);
        return;
      case ValueType::kMap:
        for (const auto& [k, e] : v.as_map()) add(e);
        return;
      default:
        return;
    }
  }
  void add(const Node& n) { nodes.try_emplace(to_underlying(n.id), n); }
  void add(const Relationship& r) { relationships.try_emplace(to_underlying(r.id), r); }

  Subgraph take() {
    Subgraph g;
    g.nodes.reserve(nodes.size());
    for (auto& [id, n] : nodes) g.nodes.push_back(std::move(n));
    g.relationships.reserve(relationships.size());
    for (auto& [id, r] : relationships) g.relationships.push_back(std::move(r));
    return g;
  }
};

Result<std::vector<IndexDef>> read_indexes(Connection& conn) {
  QueryResult r = conn.query("SHOW INDEXES");
  if (!r.ok()) return r.status().with_context("reading the indexes");
  const auto& cols = r.columns();
  auto col = [&](std::string_view name) -> std::optional<size_t> {
    auto it = std::find(cols.begin(), cols.end(), name);
    return it == cols.end() ? std::nullopt : std::optional<size_t>(it - cols.begin());
  };
  auto name = col("name"), label = col("label"), property = col("property"), unique = col("unique");
  std::vector<IndexDef> out;
  if (!name || !label || !property || !unique) return out;
  for (const Row& row : r) {
    if (!row[*name].is_string() || !row[*label].is_string() || !row[*property].is_string())
      continue;
    out.push_back({row[*name].as_string(), row[*label].as_string(), row[*property].as_string(),
                   row[*unique].is_bool() && row[*unique].as_bool()});
  }
  return out;
}

}  // namespace

Result<Subgraph> read_graph(Database& db) {
  Connection conn(db);
  // One statement, so one snapshot, even while writers go on.
  QueryResult r = conn.query("MATCH (n) RETURN n AS e UNION ALL MATCH ()-[r]->() RETURN r AS e");
  if (!r.ok()) return r.status().with_context("reading the graph");
  Collector c;
  for (const Row& row : r) c.add(row[0]);
  Subgraph g = c.take();
  KG_ASSIGN_OR_RETURN(g.indexes, read_indexes(conn));
  return g;
}

Result<Subgraph> read_query_subgraph(Database& db, const std::string& query, const Map& params) {
  Connection conn(db);
  QueryResult r = conn.query(query, params);
  if (!r.ok()) return r.status();
  Collector c;
  for (const Row& row : r)
    for (const Value& v : row) c.add(v);
  // The end nodes that the query did not return. A node deleted since the query ran takes its
  // relationships out of the export.
  std::vector<uint64_t> missing;
  for (const auto& [id, rel] : c.relationships)
    for (NodeId end : {rel.start, rel.end})
      if (!c.nodes.contains(to_underlying(end))) missing.push_back(to_underlying(end));
  if (!missing.empty()) {
    KG_ASSIGN_OR_RETURN(Transaction txn, db.begin_read());
    for (uint64_t id : missing) {
      if (c.nodes.contains(id)) continue;
      KG_ASSIGN_OR_RETURN(std::optional<Node> node, txn.get_node(NodeId{id}));
      if (node) c.add(*node);
    }
    std::erase_if(c.relationships, [&](const auto& kv) {
      return !c.nodes.contains(to_underlying(kv.second.start)) ||
             !c.nodes.contains(to_underlying(kv.second.end));
    });
  }
  return c.take();
}

}  // namespace kg::api
