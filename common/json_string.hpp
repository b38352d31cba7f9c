// JSON string literals: append_json_string writes `s` quoted, with '"', '\\' and the control
// characters escaped (\n, \r, \t, or \u00XX) and every other byte as it is, so UTF-8 passes
// through unchanged (and invalid UTF-8 too: callers that must emit valid JSON text check first).
// Used by the JSON Lines exporter and by bench/kgbench's output.
#pragma once

#include <string>
#include <string_view>

namespace kg {

void append_json_string(std::string& out, std::string_view s);

}  // namespace kg
