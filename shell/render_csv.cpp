#include "shell/render_csv.hpp"

namespace kg::shell {

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string render_csv(const QueryResult& result) {
  std::string out;
  const auto& columns = result.columns();
  if (columns.empty()) return out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_csv_field(out, columns[i]);
  }
  out.push_back('\n');
  for (const Row& row : result.rows()) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(',');
      const Value& v = row[i];
      if (v.is_string() && v.as_string().empty()) {
        out += "\"\"";
      } else if (v.is_string()) {
        append_csv_field(out, v.as_string());
      } else if (!v.is_null()) {
        append_csv_field(out, v.to_literal());
      }
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace kg::shell
