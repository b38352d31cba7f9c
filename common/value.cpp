#include "kg/value.hpp"

#include <bit>
#include <charconv>
#include <cmath>

namespace kg {

std::string_view value_type_name(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "NULL";
    case ValueType::kBool:
      return "BOOLEAN";
    case ValueType::kInt:
      return "INTEGER";
    case ValueType::kFloat:
      return "FLOAT";
    case ValueType::kString:
      return "STRING";
    case ValueType::kList:
      return "LIST";
    case ValueType::kMap:
      return "MAP";
    case ValueType::kNode:
      return "NODE";
    case ValueType::kRelationship:
      return "RELATIONSHIP";
    case ValueType::kPath:
      return "PATH";
  }
  return "UNKNOWN";
}

std::string format_float(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d);
  std::string s(buf, end);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

namespace {

void append_quoted(std::string& out, std::string_view s) {
  out.push_back('\'');
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

// Property keys print bare when they are plain identifiers, in backticks otherwise.
void append_key(std::string& out, std::string_view key) {
  bool plain = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0]));
  for (char c : key)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
  if (plain) {
    out.append(key);
  } else {
    out.push_back('`');
    for (char c : key) {
      if (c == '`') out.push_back('`');
      out.push_back(c);
    }
    out.push_back('`');
  }
}

void append_value(std::string& out, const Value& v, bool quote_strings);

void append_map(std::string& out, const Map& m) {
  out.push_back('{');
  bool first = true;
  for (const auto& [k, e] : m) {
    if (!first) out += ", ";
    first = false;
    append_key(out, k);
    out += ": ";
    append_value(out, e, true);
  }
  out.push_back('}');
}

void append_node(std::string& out, const Node& n) {
  out.push_back('(');
  for (const auto& l : n.labels) {
    out.push_back(':');
    append_key(out, l);
  }
  if (!n.properties.empty()) {
    if (!n.labels.empty()) out.push_back(' ');
    append_map(out, n.properties);
  }
  out.push_back(')');
}

void append_rel(std::string& out, const Relationship& r) {
  out += "[:";
  append_key(out, r.type);
  if (!r.properties.empty()) {
    out.push_back(' ');
    append_map(out, r.properties);
  }
  out.push_back(']');
}

void append_path(std::string& out, const Path& p) {
  out.push_back('<');
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    append_node(out, p.nodes[i]);
    if (i < p.relationships.size()) {
      const Relationship& r = p.relationships[i];
      bool forward = r.start == p.nodes[i].id;
      out += forward ? "-" : "<-";
      append_rel(out, r);
      out += forward ? "->" : "-";
    }
  }
  out.push_back('>');
}

void append_value(std::string& out, const Value& v, bool quote_strings) {
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
      if (quote_strings)
        append_quoted(out, v.as_string());
      else
        out += v.as_string();
      return;
    case ValueType::kList: {
      out.push_back('[');
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        append_value(out, e, true);
      }
      out.push_back(']');
      return;
    }
    case ValueType::kMap:
      append_map(out, v.as_map());
      return;
    case ValueType::kNode:
      append_node(out, v.as_node());
      return;
    case ValueType::kRelationship:
      append_rel(out, v.as_relationship());
      return;
    case ValueType::kPath:
      append_path(out, v.as_path());
      return;
  }
}

}  // namespace

std::string Value::to_string() const {
  std::string out;
  append_value(out, *this, false);
  return out;
}

std::string Value::to_literal() const {
  std::string out;
  append_value(out, *this, true);
  return out;
}

bool operator==(const Node& a, const Node& b) {
  return a.id == b.id && a.labels == b.labels && a.properties == b.properties;
}

bool operator==(const Relationship& a, const Relationship& b) {
  return a.id == b.id && a.type == b.type && a.start == b.start && a.end == b.end &&
         a.properties == b.properties;
}

bool operator==(const Path& a, const Path& b) {
  return a.nodes == b.nodes && a.relationships == b.relationships;
}

bool operator==(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  if (a.is_float()) {
    return std::bit_cast<uint64_t>(a.as_float()) == std::bit_cast<uint64_t>(b.as_float()) ||
           (std::isnan(a.as_float()) && std::isnan(b.as_float()));
  }
  return a.v_ == b.v_;
}

}  // namespace kg
