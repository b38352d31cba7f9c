// A small strict JSON parser (RFC 8259) for JSON Lines imports: one text → one kg::Value.
// Objects become maps, arrays lists; numbers without a fraction or exponent stay 64-bit integers
// (out of range is an error), all others are doubles. Not accepted: NaN and Infinity, comments,
// trailing commas, duplicate keys in one object, invalid UTF-8, lone surrogates in \u escapes,
// control characters in strings, anything after the value but whitespace, nesting deeper than
// 1000.
#pragma once

#include <string_view>

#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::engine::loader {

// Errors: kInvalidArgument "column N: reason" (N is the 1-based byte offset).
Result<Value> parse_json(std::string_view text);

}  // namespace kg::engine::loader
