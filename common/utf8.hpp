// UTF-8, shared by every layer: the importer validates what it stores, the Cypher lexer and string
// functions decode and encode code points, and the shell measures and escapes what it prints.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg::utf8 {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// The code point that starts at s[i] and the number of bytes it takes. An invalid or truncated
// sequence decodes as U+FFFD, valid false, covering its maximal subpart (Unicode §3.9, "U+FFFD
// substitution of maximal subparts"): E2 82 41 is U+FFFD (2 bytes) then 'A'.
// REQUIRES: i < s.size().
struct Decoded {
  char32_t code_point;
  size_t length;
  bool valid;
};
Decoded decode(std::string_view s, size_t i);

// Appends the UTF-8 encoding of `cp`; a surrogate or a value above U+10FFFF appends U+FFFD.
void append(std::string& out, char32_t cp);

// Whether `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid(std::string_view s);

}  // namespace kg::utf8
