#include "shell/params.hpp"

#include <algorithm>
#include <cctype>

#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

constexpr std::string_view kReturn = "RETURN ";

bool is_param_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) {
  return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c));
}

SourcePos pos_at(std::string_view text, size_t byte) {
  return {1,
          static_cast<uint32_t>(code_point_count(text.substr(0, std::min(byte, text.size()))) + 1)};
}

Status bad_assignment(std::string_view text, size_t byte, std::string_view what) {
  return Status(StatusCode::kInvalidArgument,
                std::string(what) + "; write `name => <Cypher literal>`, e.g. `x => [1, 2]`",
                pos_at(text, byte));
}

}  // namespace

Result<ParamAssignment> parse_param_assignment(std::string_view text) {
  size_t i = 0;
  auto skip_blanks = [&] {
    while (i < text.size() && is_param_blank(text[i])) ++i;
  };
  skip_blanks();
  ParamAssignment a;
  if (i < text.size() && text[i] == '{') {
    a.literal_offset = i;
  } else {
    if (i < text.size() && text[i] == '`') {
      size_t close = text.find('`', i + 1);
      if (close == std::string_view::npos) return bad_assignment(text, i, "unterminated `name`");
      a.name = std::string(text.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (i < text.size() && (is_name_start(text[i]) || is_name_char(text[i]))) {
      // Cypher parameter names may also be digits: $0, $1.
      size_t start = i;
      while (i < text.size() && is_name_char(text[i])) ++i;
      a.name = std::string(text.substr(start, i - start));
    }
    if (a.name.empty()) return bad_assignment(text, i, "expected a parameter name");
    skip_blanks();
    if (text.substr(i, 2) == "=>") {
      i += 2;
    } else if (text.substr(i, 1) == ":") {
      i += 1;
    } else {
      return bad_assignment(text, i, "expected '=>' after the parameter name");
    }
    skip_blanks();
    a.literal_offset = i;
  }
  std::string_view literal = text.substr(a.literal_offset);
  while (!literal.empty() && (is_param_blank(literal.back()) || literal.back() == ';'))
    literal.remove_suffix(1);
  if (literal.empty()) return bad_assignment(text, a.literal_offset, "expected a value");
  a.literal = std::string(literal);
  return a;
}

Result<Value> evaluate_literal(const QueryFn& query, std::string_view literal, const Map& params) {
  std::string statement = std::string(kReturn) + std::string(literal) + " AS v";
  QueryResult r = query(statement, params);
  if (!r.ok()) {
    const Status& s = r.status();
    SourcePos pos;
    if (s.pos().known()) {
      // Back from the statement to the literal: past "RETURN " and within the literal.
      int64_t col = static_cast<int64_t>(s.pos().column) - static_cast<int64_t>(kReturn.size());
      int64_t last = static_cast<int64_t>(code_point_count(literal)) + 1;
      pos = {1, static_cast<uint32_t>(std::clamp<int64_t>(col, 1, last))};
    }
    return Status(s.code(), s.message(), pos, s.detail());
  }
  if (r.columns().size() != 1 || r.rows().size() != 1 || r.rows()[0].size() != 1) {
    return Status(StatusCode::kInvalidArgument,
                  "a parameter value must be one value, e.g. 1, 'text', [1, 2] or {k: 'v'}",
                  SourcePos{1, 1});
  }
  return r.rows()[0][0];
}

Status assign_param(const QueryFn& query, std::string_view text, Map& params) {
  Result<ParamAssignment> a = parse_param_assignment(text);
  if (!a) return a.error();
  Result<Value> v = evaluate_literal(query, a->literal, params);
  if (!v) {
    const Status& s = v.error();
    SourcePos start = pos_at(text, a->literal_offset);
    SourcePos pos = s.pos().known() ? SourcePos{1, start.column + s.pos().column - 1} : SourcePos{};
    return Status(s.code(), s.message(), pos, s.detail());
  }
  if (a->name.empty()) {
    if (!v->is_map()) {
      return Status(StatusCode::kInvalidArgument,
                    "expected `name => <literal>` or a map {name: <literal>, ...}",
                    pos_at(text, a->literal_offset));
    }
    for (const auto& [k, e] : v->as_map()) params.insert_or_assign(k, e);
    return Status();
  }
  params.insert_or_assign(a->name, std::move(v).value());
  return Status();
}

}  // namespace kg::shell
