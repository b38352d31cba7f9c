#include "shell/render_line.hpp"

#include <algorithm>

#include "shell/utf8.hpp"

namespace kg::shell {

std::string render_line(const QueryResult& result, std::string_view null_text) {
  const auto& columns = result.columns();
  size_t name_width = 0;
  for (const std::string& name : columns) name_width = std::max(name_width, display_width(name));
  std::string out;
  for (const Row& row : result.rows()) {
    if (!out.empty()) out.push_back('\n');
    for (size_t i = 0; i < columns.size(); ++i) {
      const Value& v = i < row.size() ? row[i] : Value();
      out.append(name_width - display_width(columns[i]), ' ');
      out += columns[i];
      out += " = ";
      out += v.is_null() ? std::string(null_text) : v.to_string();
      out.push_back('\n');
    }
  }
  return out;
}

}  // namespace kg::shell
