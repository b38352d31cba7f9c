// UTF-8 for the loader's readers: every string an import stores must be valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace kg::engine::loader {

// Whether `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Appends the UTF-8 encoding of `cp`. REQUIRES: cp <= 0x10FFFF and not a surrogate.
void append_utf8(std::string& out, char32_t cp);

}  // namespace kg::engine::loader
