#include "api/export/names.hpp"

#include <cctype>
#include <cmath>

#include "common/quoted_string.hpp"

namespace kg::api {

std::string cypher_name(std::string_view name) {
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
  if (plain) return std::string(name);
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

namespace {

Status append_literal(std::string& out, const Value& v, bool in_list) {
  switch (v.type()) {
    case ValueType::kNull:
      out += "null";
      return Status();
    case ValueType::kBool:
      out += v.as_bool() ? "true" : "false";
      return Status();
    case ValueType::kInt:
      out += std::to_string(v.as_int());
      return Status();
    case ValueType::kFloat: {
      double d = v.as_float();
      if (std::isnan(d))
        out += "0.0/0.0";
      else if (std::isinf(d))
        out += d > 0 ? "1.0/0.0" : "-1.0/0.0";
      else
        out += format_float(d);
      return Status();
    }
    case ValueType::kString:
      append_quoted_string(out, v.as_string(), '\'');
      return Status();
    case ValueType::kList: {
      if (in_list) return Status::not_supported("a list inside a list");
      out.push_back('[');
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        KG_TRY(append_literal(out, e, true));
      }
      out.push_back(']');
      return Status();
    }
    case ValueType::kMap:
      return Status::not_supported("a map");
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      return Status::not_supported(std::string("a ") + std::string(value_type_name(v.type())));
  }
  return Status();
}

}  // namespace

Result<std::string> cypher_literal(const Value& v) {
  std::string out;
  KG_TRY(append_literal(out, v, false));
  return out;
}

std::string element_name(const Node& n) { return "node " + std::to_string(to_underlying(n.id)); }
std::string element_name(const Relationship& r) {
  return "relationship " + std::to_string(to_underlying(r.id));
}

}  // namespace kg::api
