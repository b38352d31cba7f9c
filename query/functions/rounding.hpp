// Decimal rounding for round(value[, precision[, mode]]), with Neo4j's semantics.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kg::query {

// Java's RoundingMode names (UNNECESSARY excluded), plus kHalfCeiling: to the nearest, ties toward
// positive infinity, which is what round(x) and round(x, 0) do (as Java's Math.round).
enum class RoundingMode : uint8_t {
  kUp,
  kDown,
  kCeiling,
  kFloor,
  kHalfUp,
  kHalfDown,
  kHalfEven,
  kHalfCeiling,
};

// The mode named "UP", "DOWN", "CEILING", "FLOOR", "HALF_UP", "HALF_DOWN" or "HALF_EVEN" (in any
// letter case); nullopt for any other name.
std::optional<RoundingMode> rounding_mode_from_name(std::string_view name);

// `x` rounded to `precision` decimal places (a negative precision rounds to tens, hundreds, ...).
// Rounding works on the shortest decimal representation of `x`, as Java's BigDecimal.valueOf()
// does, so 2.15 is a tie at precision 1. NaN and infinities come back unchanged; a result beyond
// the double range is ±infinity. round_decimal(-0.4, 0, kHalfUp) is 0.0, not -0.0.
double round_decimal(double x, int64_t precision, RoundingMode mode);

// The same for an integer (exact for every int64, then converted to double).
double round_decimal(int64_t x, int64_t precision, RoundingMode mode);

}  // namespace kg::query
