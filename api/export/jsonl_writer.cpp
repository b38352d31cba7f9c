// JSON Lines export in APOC's shape (apoc.export.json), which the importer reads back:
//   {"type":"node","id":"7","labels":["Company"],"properties":{"name":"AWS"}}
//   {"type":"relationship","id":"3","label":"BUYS","properties":{},
//    "start":{"id":"7","labels":["Company"]},"end":{"id":"9","labels":["Product"]}}
// Ids are the stored ids, as strings. Floats always have a '.' or an exponent, so 1 and 1.0 stay
// apart; NaN and infinities are written as Python's json module writes them.
#include <cstdio>
#include <string>
#include <unordered_map>

#include "api/export/subgraph.hpp"
#include "common/quoted_string.hpp"

namespace kg::api {

namespace {

void append_json(std::string& out, const Value& v);

void append_json_map(std::string& out, const Map& m) {
  out.push_back('{');
  bool first = true;
  for (const auto& [k, e] : m) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, k);
    out.push_back(':');
    append_json(out, e);
  }
  out.push_back('}');
}

void append_json_labels(std::string& out, const std::vector<std::string>& labels) {
  out.push_back('[');
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_string(out, labels[i]);
  }
  out.push_back(']');
}

void append_json(std::string& out, const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      out += "null";
      return;
    case ValueType::kBool:
      out += v.as_bool() ? "true" : "false";
      return;
    case ValueType::kInt:
      out += std::to_string(v.as_int());
      return;
    case ValueType::kFloat:
      out += format_float(v.as_float());
      return;
    case ValueType::kString:
      append_json_string(out, v.as_string());
      return;
    case ValueType::kList: {
      out.push_back('[');
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) out.push_back(',');
        first = false;
        append_json(out, e);
      }
      out.push_back(']');
      return;
    }
    case ValueType::kMap:
      append_json_map(out, v.as_map());
      return;
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      // Not property values; a subgraph's properties never hold them.
      out += "null";
      return;
  }
}

void append_end(std::string& out, const char* key, NodeId id,
                const std::unordered_map<uint64_t, const Node*>& nodes) {
  out += ",\"";
  out += key;
  out += "\":{\"id\":\"" + std::to_string(to_underlying(id)) + "\",\"labels\":";
  auto it = nodes.find(to_underlying(id));
  append_json_labels(out, it != nodes.end() ? it->second->labels : std::vector<std::string>{});
  out.push_back('}');
}

}  // namespace

Status write_jsonl(const Subgraph& graph, std::ostream& out) {
  std::unordered_map<uint64_t, const Node*> by_id;
  std::string line;
  for (const Node& n : graph.nodes) {
    by_id.emplace(to_underlying(n.id), &n);
    line = "{\"type\":\"node\",\"id\":\"" + std::to_string(to_underlying(n.id)) + "\",\"labels\":";
    append_json_labels(line, n.labels);
    line += ",\"properties\":";
    append_json_map(line, n.properties);
    line += "}\n";
    out << line;
  }
  for (const Relationship& r : graph.relationships) {
    line = "{\"type\":\"relationship\",\"id\":\"" + std::to_string(to_underlying(r.id)) +
           "\",\"label\":";
    append_json_string(line, r.type);
    line += ",\"properties\":";
    append_json_map(line, r.properties);
    append_end(line, "start", r.start, by_id);
    append_end(line, "end", r.end, by_id);
    line += "}\n";
    out << line;
  }
  return Status();
}

}  // namespace kg::api
