#include "kg/query_result.hpp"

namespace kg {

bool QueryCounters::contains_updates() const {
  return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
         properties_set || labels_added || labels_removed || indexes_added || indexes_removed ||
         constraints_added || constraints_removed;
}

std::string QueryCounters::to_string() const {
  std::string out;
  auto add = [&](uint64_t n, const char* verb, const char* one, const char* many) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += std::string(verb) + " " + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  add(nodes_created, "created", "node", "nodes");
  add(relationships_created, "created", "relationship", "relationships");
  add(properties_set, "set", "property", "properties");
  add(labels_added, "added", "label", "labels");
  add(labels_removed, "removed", "label", "labels");
  add(nodes_deleted, "deleted", "node", "nodes");
  add(relationships_deleted, "deleted", "relationship", "relationships");
  add(indexes_added, "added", "index", "indexes");
  add(indexes_removed, "removed", "index", "indexes");
  add(constraints_added, "added", "constraint", "constraints");
  add(constraints_removed, "removed", "constraint", "constraints");
  return out;
}

QueryCounters& QueryCounters::operator+=(const QueryCounters& o) {
  nodes_created += o.nodes_created;
  nodes_deleted += o.nodes_deleted;
  relationships_created += o.relationships_created;
  relationships_deleted += o.relationships_deleted;
  properties_set += o.properties_set;
  labels_added += o.labels_added;
  labels_removed += o.labels_removed;
  indexes_added += o.indexes_added;
  indexes_removed += o.indexes_removed;
  constraints_added += o.constraints_added;
  constraints_removed += o.constraints_removed;
  return *this;
}

}  // namespace kg
