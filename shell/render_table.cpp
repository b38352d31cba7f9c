#include "shell/render_table.hpp"

#include <algorithm>
#include <vector>

#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

struct Cell {
  std::string text;
  size_t width = 0;
  bool right_aligned = false;
};

// `s` with invalid UTF-8 replaced and control characters escaped, so that it takes one line.
std::string one_line(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < s.size();) {
    Decoded d = decode_utf8(s, i);
    if (!d.valid) {
      append_utf8(out, kReplacementChar);
    } else if (d.code_point == '\n') {
      out += "\\n";
    } else if (d.code_point == '\r') {
      out += "\\r";
    } else if (d.code_point == '\t') {
      out += "\\t";
    } else if (d.code_point < 0x20 || d.code_point == 0x7F) {
      out += "\\u00";
      out.push_back(kHex[d.code_point >> 4]);
      out.push_back(kHex[d.code_point & 0xF]);
    } else {
      out.append(s.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

Cell make_cell(std::string text, bool right_aligned) {
  Cell c;
  c.text = one_line(text);
  c.width = display_width(c.text);
  c.right_aligned = right_aligned;
  return c;
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// A horizontal rule such as ├──────┼─────┤.
void append_rule(std::string& out, const std::vector<size_t>& widths, std::string_view left,
                 std::string_view middle, std::string_view right) {
  out.append(left);
  for (size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) out.append(middle);
    out += repeat("─", widths[i] + 2);
  }
  out.append(right);
  out.push_back('\n');
}

void append_cells(std::string& out, const std::vector<Cell>& cells,
                  const std::vector<size_t>& widths) {
  out += "│";
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = cells[i];
    std::string pad(widths[i] - c.width, ' ');
    out.push_back(' ');
    if (c.right_aligned) out += pad;
    out += c.text;
    if (!c.right_aligned) out += pad;
    out += " │";
  }
  out.push_back('\n');
}

}  // namespace

std::string table_footer(const QueryResult& result) {
  std::string changes =
      result.counters().contains_updates() ? result.counters().to_string() : std::string();
  if (result.columns().empty()) return changes.empty() ? "" : changes + "\n";
  size_t n = result.rows().size();
  std::string out = std::to_string(n) + (n == 1 ? " row" : " rows");
  if (!changes.empty()) out += "; " + changes;
  out.push_back('\n');
  return out;
}

std::string render_table(const QueryResult& result) {
  const auto& columns = result.columns();
  if (columns.empty()) return table_footer(result);

  std::vector<Cell> header;
  std::vector<size_t> widths;
  for (const std::string& name : columns) {
    header.push_back(make_cell(name, false));
    widths.push_back(header.back().width);
  }
  std::vector<std::vector<Cell>> body;
  body.reserve(result.rows().size());
  for (const Row& row : result.rows()) {
    std::vector<Cell> cells;
    for (size_t i = 0; i < columns.size(); ++i) {
      const Value& v = i < row.size() ? row[i] : Value();
      cells.push_back(make_cell(v.to_string(), v.is_number()));
      widths[i] = std::max(widths[i], cells.back().width);
    }
    body.push_back(std::move(cells));
  }

  std::string out;
  append_rule(out, widths, "┌", "┬", "┐");
  append_cells(out, header, widths);
  if (!body.empty()) append_rule(out, widths, "├", "┼", "┤");
  for (const auto& cells : body) append_cells(out, cells, widths);
  append_rule(out, widths, "└", "┴", "┘");
  out += table_footer(result);
  return out;
}

}  // namespace kg::shell
