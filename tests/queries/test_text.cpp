#include "tests/queries/test_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>
#include <sstream>

namespace kg::testing {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

std::string join(const std::vector<std::string>& lines, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += sep;
    out += lines[i];
  }
  return out;
}

// The lines, each indented by two spaces, or "  (none)".
std::string indent(const std::vector<std::string>& lines) {
  if (lines.empty()) return "  (none)\n";
  std::string out;
  for (const std::string& l : lines) out += "  " + l + "\n";
  return out;
}

std::string indent(std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in{std::string(text)};
  while (std::getline(in, line)) lines.push_back(line);
  return indent(lines);
}

std::optional<uint64_t> parse_uint(std::string_view s) {
  uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// "3:14" → {3, 14}.
std::optional<SourcePos> parse_pos(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto line = parse_uint(s.substr(0, colon));
  auto column = parse_uint(s.substr(colon + 1));
  if (!line || !column) return std::nullopt;
  return SourcePos{static_cast<uint32_t>(*line), static_cast<uint32_t>(*column)};
}

std::string pos_string(SourcePos pos) {
  if (!pos.known()) return "(no position)";
  return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

// ---------------------------------------------------------------------------------------------
// Rows as text.

bool type_matches(char letter, const Value& v) {
  using T = ValueType;
  if (letter == '?' || v.is_null()) return true;
  switch (letter) {
    case 'I':
      return v.type() == T::kInt;
    case 'F':
      return v.type() == T::kFloat;
    case 'S':
      return v.type() == T::kString;
    case 'B':
      return v.type() == T::kBool;
    case 'L':
      return v.type() == T::kList;
    case 'M':
      return v.type() == T::kMap;
    case 'N':
      return v.type() == T::kNode;
    case 'R':
      return v.type() == T::kRelationship;
    case 'P':
      return v.type() == T::kPath;
    default:
      return false;
  }
}

bool valid_type_letters(std::string_view types) {
  return std::all_of(types.begin(), types.end(), [](char c) {
    return std::string_view("IFSBLMNRP?").find(c) != std::string_view::npos;
  });
}

std::string render_row(const Row& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += '|';
    out += row[i].to_string();
  }
  return out;
}

// The lines of `a` not matched by a line of `b` (multiset difference).
std::vector<std::string> multiset_minus(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Splits a Cypher script into statements at ';' outside string literals, quoted names and
// comments. Each statement comes with the 1-based script line it starts on.
std::vector<std::pair<std::string, size_t>> split_script(std::string_view text) {
  std::vector<std::pair<std::string, size_t>> out;
  std::string current;
  size_t line = 1;
  size_t start_line = 0;
  auto flush = [&] {
    if (!trim(current).empty()) out.emplace_back(std::string(trim(current)), start_line);
    current.clear();
    start_line = 0;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      if (i < text.size()) {
        current += '\n';
        ++line;
      }
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      i += 2;
      while (i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/')) {
        if (text[i] == '\n') {
          current += '\n';
          ++line;
        }
        ++i;
      }
      ++i;
      continue;
    }
    if (c == ';') {
      flush();
      continue;
    }
    if (start_line == 0 && !std::isspace(static_cast<unsigned char>(c))) start_line = line;
    current += c;
    if (c == '\n') ++line;
    if (c == '\'' || c == '"' || c == '`') {
      for (++i; i < text.size(); ++i) {
        current += text[i];
        if (text[i] == '\n') ++line;
        if (text[i] == '\\' && c != '`' && i + 1 < text.size()) {
          current += text[++i];
          continue;
        }
        if (text[i] == c) break;
      }
    }
  }
  flush();
  return out;
}

}  // namespace kg::testing
