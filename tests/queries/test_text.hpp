// Text helpers of the query-test runner: splitting and comparing the lines of a .test file, and
// rendering result rows the way .test files write them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/kg.hpp"

namespace kg::testing {

// `s` without leading and trailing white space.
std::string_view trim(std::string_view s);
// The words of `s`, split at white space.
std::vector<std::string> split_words(std::string_view s);
std::string join(const std::vector<std::string>& lines, std::string_view sep);
// Each line indented by two spaces and ended by '\n'; "  (none)\n" for no lines.
std::string indent(const std::vector<std::string>& lines);
std::string indent(std::string_view text);

// A decimal number without sign, or nullopt.
std::optional<uint64_t> parse_uint(std::string_view s);
// "3:14" as {line 3, column 14}, or nullopt.
std::optional<SourcePos> parse_pos(std::string_view s);
// "3:14", or "(no position)".
std::string pos_string(SourcePos pos);

// Whether `v` fits the type letter of a `query` directive: I F S B L M N R P, or ? for any.
// A null fits every letter.
bool type_matches(char letter, const Value& v);
// Whether `types` holds only type letters.
bool valid_type_letters(std::string_view types);
// The values of `row` by Value::to_string(), joined by '|'.
std::string render_row(const Row& row);
// The lines of `a` not matched by a line of `b`: multiset difference, sorted.
std::vector<std::string> multiset_minus(std::vector<std::string> a, std::vector<std::string> b);

// The statements of a Cypher script, split at ';' outside string literals, quoted names and
// comments (`//`, `/* */`, which are dropped), each with the 1-based script line it starts on.
std::vector<std::pair<std::string, size_t>> split_script(std::string_view text);

}  // namespace kg::testing
