// Quoted string literals for the text formats kg writes: JSON ("...") and Cypher ('...').
// append_quoted_string writes `s` between two `quote` characters, escaping `quote`, '\\' and the
// control characters (\n, \r, \t, or \u00XX, which JSON and Cypher both read) and copying every
// other byte as it is, so UTF-8 passes through unchanged (and invalid UTF-8 too: callers that must
// emit valid text check first). Used by the exporters (JSON Lines, Cypher) and bench/kgbench.
#pragma once

#include <string>
#include <string_view>

namespace kg {

void append_quoted_string(std::string& out, std::string_view s, char quote);

// A JSON string: append_quoted_string with '"'.
inline void append_json_string(std::string& out, std::string_view s) {
  append_quoted_string(out, s, '"');
}

}  // namespace kg
