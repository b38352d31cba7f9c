// Graphviz DOT export, for pictures (`dot -Tsvg graph.dot > graph.svg`): a node's text is its
// `name` (or its id when it has none) over its labels; an edge's label is its type.
#include "api/export/subgraph.hpp"

namespace kg::api {

namespace {

// A DOT double-quoted string; "\n" inside is DOT's centered line break.
std::string dot_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out.push_back('\\');
    else if (c == '\n') {
      out += "\\n";
      continue;
    } else if (c == '\r')
      continue;
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string node_text(const Node& n) {
  auto name = n.properties.find("name");
  std::string text;
  if (name != n.properties.end()) {
    text = name->second.to_string();
  } else {
    text = "#";
    text += std::to_string(to_underlying(n.id));
  }
  std::string labels;
  for (const std::string& l : n.labels) labels += ":" + l;
  return labels.empty() ? text : text + "\n" + labels;
}

}  // namespace

Status write_dot(const Subgraph& graph, std::ostream& out) {
  out << "digraph kg {\n"
      << "  graph [rankdir=LR];\n"
      << "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const Node& n : graph.nodes)
    out << "  n" << to_underlying(n.id) << " [label=" << dot_string(node_text(n)) << "];\n";
  for (const Relationship& r : graph.relationships) {
    out << "  n" << to_underlying(r.start) << " -> n" << to_underlying(r.end)
        << " [label=" << dot_string(r.type) << "];\n";
  }
  out << "}\n";
  return Status();
}

}  // namespace kg::api
