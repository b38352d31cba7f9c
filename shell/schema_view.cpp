#include "shell/schema_view.hpp"

#include <algorithm>

namespace kg::shell {

namespace {

std::vector<std::string> strings_of(const Value& v) {
  std::vector<std::string> out;
  if (!v.is_list()) return out;
  for (const Value& e : v.as_list())
    if (e.is_string()) out.push_back(e.as_string());
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void append_table(std::string& out, std::string_view title, std::vector<std::string> columns,
                  std::vector<Row> rows, const TableStyle& style) {
  TableStyle no_footer = style;
  no_footer.footer = false;
  out += title;
  out += "\n";
  out += render_table(QueryResult(std::move(columns), std::move(rows), {}), no_footer);
}

}  // namespace

Result<SchemaView> load_schema(const QueryFn& query) {
  SchemaView view;
  QueryResult schema = query("CALL db.schema()", {});
  if (!schema.ok()) return schema.status();
  for (const Row& row : schema.rows()) {
    if (row.size() < 4 || !row[0].is_string() || !row[1].is_string()) continue;
    SchemaView::Element e{row[1].as_string(), row[2].is_int() ? row[2].as_int() : 0,
                          strings_of(row[3])};
    (row[0].as_string() == "label" ? view.labels : view.relationship_types).push_back(e);
  }
  auto by_count = [](const SchemaView::Element& a, const SchemaView::Element& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  };
  std::sort(view.labels.begin(), view.labels.end(), by_count);
  std::sort(view.relationship_types.begin(), view.relationship_types.end(), by_count);

  QueryResult indexes = query("CALL db.indexes()", {});
  if (!indexes.ok()) return indexes.status();
  for (const Row& row : indexes.rows()) {
    if (row.size() < 5 || !row[0].is_string() || !row[2].is_string()) continue;
    view.indexes.push_back({row[0].as_string(), row[4].is_bool() && row[4].as_bool(),
                            row[2].as_string(), strings_of(row[3])});
  }
  return view;
}

std::string render_schema(const SchemaView& schema, const TableStyle& style) {
  if (schema.empty()) return "The graph is empty: no labels, relationship types or indexes yet.\n";
  std::string out;
  if (!schema.labels.empty()) {
    std::vector<Row> rows;
    for (const auto& e : schema.labels)
      rows.push_back({Value(e.name), Value(e.count), Value(joined(e.property_keys))});
    append_table(out, "Node labels", {"label", "nodes", "property keys"}, std::move(rows), style);
  }
  if (!schema.relationship_types.empty()) {
    std::vector<Row> rows;
    for (const auto& e : schema.relationship_types)
      rows.push_back({Value(e.name), Value(e.count), Value(joined(e.property_keys))});
    append_table(out, "Relationship types", {"type", "relationships", "property keys"},
                 std::move(rows), style);
  }
  if (schema.indexes.empty()) {
    out += "No indexes or constraints.\n";
  } else {
    std::vector<Row> rows;
    for (const auto& i : schema.indexes) {
      rows.push_back({Value(i.name), Value(i.unique ? "unique constraint" : "index"),
                      Value(":" + i.label + "(" + joined(i.properties) + ")")});
    }
    append_table(out, "Indexes and constraints", {"name", "kind", "on"}, std::move(rows), style);
  }
  return out;
}

}  // namespace kg::shell
