// Parsing of numbers out of strings for toInteger() and toFloat(), with the grammars Neo4j uses
// (Java's Long.parseLong, BigDecimal and Double.parseDouble).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kg::query {

enum class ParseStatus : uint8_t { kOk, kInvalid, kOutOfRange };

struct ParsedInteger {
  ParseStatus status = ParseStatus::kInvalid;
  int64_t value = 0;  // when kOk
};

// An integer, or a decimal number truncated toward zero: '42', '-7', '+3', '1.9' (1), '-1.9' (-1),
// '1e3' (1000), '.5' (0). kInvalid for anything else, including surrounding whitespace, 'NaN' and
// '0x1F'; kOutOfRange when the truncated value does not fit in int64.
ParsedInteger parse_integer(std::string_view s);

// A decimal floating-point number as Java's Double.parseDouble reads it: surrounding whitespace
// (bytes up to ' ') ignored, an optional sign, digits with an optional '.' and exponent, an
// optional f/F/d/D suffix, or 'NaN' / 'Infinity'. Magnitudes beyond the double range become
// ±Infinity or ±0.0. nullopt for anything else (hexadecimal floats included).
std::optional<double> parse_float(std::string_view s);

}  // namespace kg::query
