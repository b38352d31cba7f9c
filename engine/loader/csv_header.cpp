#include "engine/loader/csv_header.hpp"

#include <algorithm>
#include <unordered_set>

#include "common/utf8.hpp"
#include "engine/loader/import_error.hpp"

namespace kg::engine::loader {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Splits "name:TYPE(space)" into name and type at the last ':' outside the parentheses.
void split_field(std::string_view field, std::string_view* name, std::string_view* type) {
  size_t paren = field.find('(');
  std::string_view head = paren == std::string_view::npos ? field : field.substr(0, paren);
  size_t colon = head.rfind(':');
  if (colon == std::string_view::npos) {
    *name = field;
    *type = {};
    return;
  }
  *name = field.substr(0, colon);
  *type = field.substr(colon + 1);
}

}  // namespace

std::optional<FieldType> parse_field_type(std::string_view name) {
  FieldType t;
  std::string n = lower(name);
  if (n.size() > 2 && n.ends_with("[]")) {
    t.array = true;
    n.resize(n.size() - 2);
  }
  if (n == "string" || n == "char") {
    t.kind = ScalarKind::kString;
  } else if (n == "long") {
    t.kind = ScalarKind::kInt;
    t.int_bits = 64;
  } else if (n == "int") {
    t.kind = ScalarKind::kInt;
    t.int_bits = 32;
  } else if (n == "short") {
    t.kind = ScalarKind::kInt;
    t.int_bits = 16;
  } else if (n == "byte") {
    t.kind = ScalarKind::kInt;
    t.int_bits = 8;
  } else if (n == "float" || n == "double") {
    t.kind = ScalarKind::kFloat;
  } else if (n == "boolean") {
    t.kind = ScalarKind::kBool;
  } else {
    return std::nullopt;
  }
  return t;
}

Result<std::vector<Column>> parse_header(std::span<const CsvField> fields, FileKind kind,
                                         std::string_view file, uint64_t line) {
  std::vector<Column> columns;
  std::unordered_set<std::string> names;
  bool has_id = false, has_start = false, has_end = false, has_type = false;
  const bool nodes = kind == FileKind::kNodes;
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string_view text = fields[i].text;
    if (!kg::utf8::is_valid(text))
      return import_error(
          file, line, "header field " + std::to_string(i + 1) + ": the text is not valid UTF-8");
    std::string where = "header field " + std::to_string(i + 1) + " '" + std::string(text) + "'";
    if (text.empty()) return import_error(file, line, where + " is empty");
    std::string_view name, type;
    split_field(text, &name, &type);
    Column col;
    std::string upper_type;
    std::string space;
    bool has_space = false;
    if (!type.empty()) {
      size_t paren = type.find('(');
      std::string_view base = type.substr(0, paren);
      if (paren != std::string_view::npos) {
        if (!type.ends_with(")"))
          return import_error(file, line, where + ": missing ')' after the id space");
        space = std::string(type.substr(paren + 1, type.size() - paren - 2));
        has_space = true;
      }
      for (char c : base)
        upper_type.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    }
    if (upper_type == "ID") {
      if (!nodes) return import_error(file, line, where + ": :ID belongs in a nodes file");
      if (has_id) return import_error(file, line, where + ": a nodes file has one :ID column");
      has_id = true;
      col.role = ColumnRole::kId;
      col.id_space = space;
    } else if (upper_type == "START_ID" || upper_type == "END_ID") {
      if (nodes)
        return import_error(file, line,
                            where + ": :" + upper_type + " belongs in a relationships file");
      bool start = upper_type == "START_ID";
      if (start ? has_start : has_end)
        return import_error(file, line, where + ": a second :" + upper_type + " column");
      (start ? has_start : has_end) = true;
      col.role = start ? ColumnRole::kStartId : ColumnRole::kEndId;
      col.id_space = space;
      name = {};
    } else if (upper_type == "LABEL" || upper_type == "TYPE" || upper_type == "IGNORE") {
      if (has_space) return import_error(file, line, where + ": only ids have an id space");
      if (upper_type == "LABEL") {
        if (!nodes) return import_error(file, line, where + ": :LABEL belongs in a nodes file");
        col.role = ColumnRole::kLabel;
      } else if (upper_type == "TYPE") {
        if (nodes)
          return import_error(file, line, where + ": :TYPE belongs in a relationships file");
        if (has_type) return import_error(file, line, where + ": a second :TYPE column");
        has_type = true;
        col.role = ColumnRole::kType;
      } else {
        col.role = ColumnRole::kIgnore;
      }
      name = {};
    } else {
      if (has_space) return import_error(file, line, where + ": only ids have an id space");
      if (name.empty()) return import_error(file, line, where + ": a property column needs a name");
      if (!type.empty()) {
        auto t = parse_field_type(type);
        if (!t)
          return import_error(file, line,
                              where + ": unknown type '" + std::string(type) +
                                  "' (int, long, short, byte, float, double, boolean, string, "
                                  "char, or one of them followed by [])");
        col.type = *t;
      }
      col.role = ColumnRole::kProperty;
    }
    if (!name.empty()) {
      col.name = std::string(name);
      if (!names.insert(col.name).second)
        return import_error(file, line, where + ": property '" + col.name + "' named twice");
    }
    columns.push_back(std::move(col));
  }
  if (!nodes && (!has_start || !has_end))
    return import_error(file, line,
                        "a relationships header needs a :START_ID and an :END_ID column");
  return columns;
}

}  // namespace kg::engine::loader
