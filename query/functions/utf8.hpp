// UTF-8 helpers for the string functions. Cypher strings are UTF-8, and the string functions
// count Unicode code points, not bytes: size('héllo') = 5, left('héllo', 2) = 'hé'.
//
// Invalid input never reads out of bounds: a byte that does not start a well-formed sequence
// counts as one code point and decodes to U+FFFD. Functions that copy code points copy such a byte
// unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/utf8.hpp"

namespace kg::query::utf8 {

constexpr char32_t kReplacementCharacter = kg::utf8::kReplacementChar;

// Decodes the code point that starts at byte `pos` and advances `pos` past it.
// REQUIRES: pos < s.size().
char32_t next(std::string_view s, size_t& pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for a surrogate or a value above U+10FFFF).
void append(std::string& out, char32_t cp);

// The number of code points in `s`.
size_t length(std::string_view s);

// The byte offset at which code point number `n` (0-based) starts, or s.size() when `s` has at
// most `n` code points.
size_t offset_of(std::string_view s, size_t n);

// Java's Character.isWhitespace(), which Neo4j's trim(), ltrim() and rtrim() use: the Unicode
// space separators except the no-break spaces (U+00A0, U+2007, U+202F), the line and paragraph
// separators, and U+0009-U+000D, U+001C-U+001F.
bool is_whitespace(char32_t cp);

// `s` without its leading and/or trailing is_whitespace() code points.
std::string_view trim(std::string_view s, bool leading = true, bool trailing = true);

}  // namespace kg::query::utf8
