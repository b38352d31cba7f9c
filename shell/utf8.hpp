// UTF-8 decoding for the shell's output: JSON escaping, column widths of tables, and the caret
// under an error position.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/utf8.hpp"

namespace kg::shell {

using kg::utf8::Decoded;
using kg::utf8::kReplacementChar;

// kg::utf8::decode: maximal subparts of an invalid sequence decode as one U+FFFD each.
inline Decoded decode_utf8(std::string_view s, size_t i) { return kg::utf8::decode(s, i); }
inline void append_utf8(std::string& out, char32_t cp) { kg::utf8::append(out, cp); }

// How many code points `s` holds (invalid sequences count as one each).
size_t code_point_count(std::string_view s);

// Terminal columns a code point takes: 0 for combining marks, 2 for East Asian wide and
// fullwidth characters and emoji, 1 otherwise. An approximation of wcwidth() that needs no locale.
int display_width(char32_t cp);

// Terminal columns of `s`, by display_width().
size_t display_width(std::string_view s);

// `s` when it fits in `width` terminal columns; otherwise its longest prefix of whole code points
// that fits in `width - 1` columns, followed by an ellipsis (…). REQUIRES: width >= 1.
std::string fit_to_width(std::string_view s, size_t width);

}  // namespace kg::shell
