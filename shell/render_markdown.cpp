#include "shell/render_markdown.hpp"

#include <algorithm>
#include <vector>

#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

std::string markdown_cell(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      continue;
    } else if (c == '\n' || c == '\r') {
      out += "<br>";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void append_row(std::string& out, const std::vector<std::string>& cells,
                const std::vector<size_t>& widths, const std::vector<bool>& right) {
  out += "|";
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string pad(widths[i] - display_width(cells[i]), ' ');
    out += " ";
    out += right[i] ? pad + cells[i] : cells[i] + pad;
    out += " |";
  }
  out += "\n";
}

}  // namespace

std::string render_markdown(const QueryResult& result, std::string_view null_text) {
  const auto& columns = result.columns();
  if (columns.empty()) return "";
  std::vector<std::string> header;
  std::vector<size_t> widths;
  std::vector<bool> right(columns.size(), true);
  for (const std::string& name : columns) {
    header.push_back(markdown_cell(name));
    widths.push_back(std::max<size_t>(3, display_width(header.back())));
  }
  std::vector<std::vector<std::string>> body;
  for (const Row& row : result.rows()) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < columns.size(); ++i) {
      const Value& v = i < row.size() ? row[i] : Value();
      if (!v.is_null() && !v.is_number()) right[i] = false;
      cells.push_back(markdown_cell(v.is_null() ? std::string(null_text) : v.to_string()));
      widths[i] = std::max(widths[i], display_width(cells.back()));
    }
    body.push_back(std::move(cells));
  }
  if (body.empty()) right.assign(columns.size(), false);

  std::string out;
  append_row(out, header, widths, std::vector<bool>(columns.size(), false));
  out += "|";
  for (size_t i = 0; i < columns.size(); ++i) {
    out += " ";
    out += std::string(right[i] ? widths[i] - 1 : widths[i], '-');
    if (right[i]) out += ":";
    out += " |";
  }
  out += "\n";
  for (const auto& cells : body) append_row(out, cells, widths, right);
  return out;
}

}  // namespace kg::shell
