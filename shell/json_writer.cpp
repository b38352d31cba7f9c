#include "shell/json_writer.hpp"

#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

void append_json_map(std::string& out, const Map& m) {
  out.push_back('{');
  bool first = true;
  for (const auto& [key, value] : m) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, key);
    out.push_back(':');
    append_json_value(out, value);
  }
  out.push_back('}');
}

void append_json_node(std::string& out, const Node& n) {
  out += "{\"_type\":\"node\",\"_id\":";
  out += std::to_string(to_underlying(n.id));
  out += ",\"_labels\":[";
  for (size_t i = 0; i < n.labels.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_string(out, n.labels[i]);
  }
  out += "],\"properties\":";
  append_json_map(out, n.properties);
  out.push_back('}');
}

void append_json_relationship(std::string& out, const Relationship& r) {
  out += "{\"_type\":\"relationship\",\"_id\":";
  out += std::to_string(to_underlying(r.id));
  out += ",\"_rel_type\":";
  append_json_string(out, r.type);
  out += ",\"_start\":";
  out += std::to_string(to_underlying(r.start));
  out += ",\"_end\":";
  out += std::to_string(to_underlying(r.end));
  out += ",\"properties\":";
  append_json_map(out, r.properties);
  out.push_back('}');
}

void append_json_path(std::string& out, const Path& p) {
  out += "{\"_type\":\"path\",\"nodes\":[";
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_node(out, p.nodes[i]);
  }
  out += "],\"relationships\":[";
  for (size_t i = 0; i < p.relationships.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_relationship(out, p.relationships[i]);
  }
  out += "]}";
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    Decoded d = decode_utf8(s, i);
    if (!d.valid) {
      append_utf8(out, kReplacementChar);
    } else if (d.code_point == '"' || d.code_point == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(d.code_point));
    } else if (d.code_point < 0x20) {
      out += "\\u00";
      out.push_back(kHex[d.code_point >> 4]);
      out.push_back(kHex[d.code_point & 0xF]);
    } else {
      out.append(s.substr(i, d.length));
    }
    i += d.length;
  }
  out.push_back('"');
}

void append_json_value(std::string& out, const Value& v) {
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
        append_json_value(out, e);
      }
      out.push_back(']');
      return;
    }
    case ValueType::kMap:
      append_json_map(out, v.as_map());
      return;
    case ValueType::kNode:
      append_json_node(out, v.as_node());
      return;
    case ValueType::kRelationship:
      append_json_relationship(out, v.as_relationship());
      return;
    case ValueType::kPath:
      append_json_path(out, v.as_path());
      return;
  }
}

void append_json_row(std::string& out, const std::vector<std::string>& columns, const Row& row) {
  out.push_back('{');
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_string(out, columns[i]);
    out.push_back(':');
    append_json_value(out, i < row.size() ? row[i] : Value());
  }
  out.push_back('}');
}

}  // namespace kg::shell
