#include "shell/render_table.hpp"

#include <algorithm>
#include <vector>

#include "shell/footer.hpp"
#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

struct Cell {
  std::string text;
  size_t width = 0;
  bool right_aligned = false;
  bool dim = false;
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

Cell make_cell(std::string text, bool right_aligned, bool dim = false) {
  Cell c;
  c.text = one_line(text);
  c.width = display_width(c.text);
  c.right_aligned = right_aligned;
  c.dim = dim;
  return c;
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// Narrows `widths` so that the table (each column plus 3 for its borders and padding, plus 1)
// fits in `max_width`: every column wider than a cap C is cut to C, for the largest C that fits,
// and the columns at the cap share what is left over. Columns never get narrower than
// kMinColumnWidth, so a table with very many columns may still be too wide.
void fit_widths(std::vector<size_t>& widths, size_t max_width) {
  size_t overhead = 3 * widths.size() + 1;
  auto total = [&](size_t cap) {
    size_t sum = overhead;
    for (size_t w : widths) sum += std::min(w, cap);
    return sum;
  };
  size_t widest = *std::max_element(widths.begin(), widths.end());
  if (max_width == 0 || total(widest) <= max_width || widest <= kMinColumnWidth) return;
  size_t lo = kMinColumnWidth, hi = widest;  // total(lo) may not fit; total(hi) does not
  while (lo + 1 < hi) {
    size_t mid = lo + (hi - lo) / 2;
    (total(mid) <= max_width ? lo : hi) = mid;
  }
  size_t cap = lo;
  size_t slack = total(cap) <= max_width ? max_width - total(cap) : 0;
  for (size_t& w : widths) {
    if (w <= cap) continue;
    w = cap;
    if (slack > 0) {
      ++w;
      --slack;
    }
  }
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
                  const std::vector<size_t>& widths, bool color) {
  out += "│";
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = cells[i];
    std::string text = c.width > widths[i] ? fit_to_width(c.text, widths[i]) : c.text;
    std::string pad(widths[i] - display_width(text), ' ');
    out.push_back(' ');
    if (c.right_aligned) out += pad;
    if (c.dim && color) {
      out += kDim;
      out += text;
      out += kReset;
    } else {
      out += text;
    }
    if (!c.right_aligned) out += pad;
    out += " │";
  }
  out.push_back('\n');
}

}  // namespace

std::string table_footer(const QueryResult& result) { return result_footer(result, {}); }

std::string render_table(const QueryResult& result, const TableStyle& style) {
  const auto& columns = result.columns();
  if (columns.empty()) return style.footer ? table_footer(result) : "";

  std::vector<Cell> header;
  std::vector<size_t> widths;
  for (const std::string& name : columns) {
    header.push_back(make_cell(name, false));
    widths.push_back(header.back().width);
  }
  std::vector<std::vector<Cell>> body;
  body.reserve(result.rows().size());
  // A column of numbers (and nulls) aligns its nulls to the right too.
  std::vector<bool> numbers(columns.size(), false), others(columns.size(), false);
  for (const Row& row : result.rows()) {
    std::vector<Cell> cells;
    for (size_t i = 0; i < columns.size(); ++i) {
      const Value& v = i < row.size() ? row[i] : Value();
      cells.push_back(v.is_null() ? make_cell(style.null_text, false, true)
                                  : make_cell(v.to_string(), v.is_number()));
      if (v.is_number()) {
        numbers[i] = true;
      } else if (!v.is_null()) {
        others[i] = true;
      }
      widths[i] = std::max(widths[i], cells.back().width);
    }
    body.push_back(std::move(cells));
  }
  for (auto& cells : body) {
    for (size_t i = 0; i < cells.size(); ++i)
      if (cells[i].dim && numbers[i] && !others[i]) cells[i].right_aligned = true;
  }
  fit_widths(widths, style.max_width);

  std::string out;
  append_rule(out, widths, "┌", "┬", "┐");
  append_cells(out, header, widths, style.color);
  if (!body.empty()) append_rule(out, widths, "├", "┼", "┤");
  for (const auto& cells : body) append_cells(out, cells, widths, style.color);
  append_rule(out, widths, "└", "┴", "┘");
  if (style.footer) out += table_footer(result);
  return out;
}

}  // namespace kg::shell
