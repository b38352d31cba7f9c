#include "query/functions/rounding.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <system_error>

namespace kg::query {

namespace {

// Beyond ±400 decimal places every double rounds the same way as at ±400: a precision of 400
// keeps all its digits, one of -400 none.
constexpr int64_t kPrecisionLimit = 400;

// A decimal number: ±0.d1d2d3... × 10^(exponent + 1), i.e. `digits[0]` has weight 10^exponent.
struct DecimalDigits {
  bool negative = false;
  std::string digits;
  int64_t exponent = 0;
};

// "99" → "100"; "" → "1".
void increment(std::string& digits) {
  for (size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return;
    }
    digits[i] = '0';
  }
  digits.insert(digits.begin(), '1');
}

bool round_away(const DecimalDigits& d, size_t kept, bool beyond_first_digit, RoundingMode mode) {
  // Compare the discarded part with half a unit of the last kept digit.
  int versus_half;  // <0, 0, >0
  bool discarded_nonzero;
  if (beyond_first_digit) {
    versus_half = -1;  // even the first digit is discarded below the unit's tenth
    discarded_nonzero = true;
  } else {
    char first = d.digits[kept];
    bool rest_nonzero = d.digits.find_first_not_of('0', kept + 1) != std::string::npos;
    discarded_nonzero = first != '0' || rest_nonzero;
    versus_half = first != '5' ? first - '5' : (rest_nonzero ? 1 : 0);
  }
  bool last_odd = kept > 0 && (d.digits[kept - 1] - '0') % 2 == 1;
  switch (mode) {
    case RoundingMode::kUp:
      return discarded_nonzero;
    case RoundingMode::kDown:
      return false;
    case RoundingMode::kCeiling:
      return discarded_nonzero && !d.negative;
    case RoundingMode::kFloor:
      return discarded_nonzero && d.negative;
    case RoundingMode::kHalfUp:
      return versus_half >= 0;
    case RoundingMode::kHalfDown:
      return versus_half > 0;
    case RoundingMode::kHalfEven:
      return versus_half > 0 || (versus_half == 0 && last_odd);
    case RoundingMode::kHalfCeiling:
      return versus_half > 0 || (versus_half == 0 && !d.negative);
  }
  return false;
}

// Rounds `d` (not zero) to `precision` places; nullopt when no digit is discarded.
std::optional<double> round_digits(DecimalDigits d, int64_t precision, RoundingMode mode) {
  precision = std::clamp(precision, -kPrecisionLimit, kPrecisionLimit);
  int64_t kept = d.exponent + precision + 1;  // digits with weight >= 10^-precision
  if (kept >= static_cast<int64_t>(d.digits.size())) return std::nullopt;
  size_t keep = kept > 0 ? static_cast<size_t>(kept) : 0;
  bool up = round_away(d, keep, kept < 0, mode);
  std::string result = d.digits.substr(0, keep);
  if (up) increment(result);
  if (result.find_first_not_of('0') == std::string::npos) return 0.0;
  result += 'e';
  result += std::to_string(-precision);
  double value = 0;
  auto [ptr, ec] = std::from_chars(result.data(), result.data() + result.size(), value);
  if (ec == std::errc::result_out_of_range) {
    value = -precision > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return d.negative ? -value : value;
}

}  // namespace

std::optional<RoundingMode> rounding_mode_from_name(std::string_view name) {
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (upper == "UP") return RoundingMode::kUp;
  if (upper == "DOWN") return RoundingMode::kDown;
  if (upper == "CEILING") return RoundingMode::kCeiling;
  if (upper == "FLOOR") return RoundingMode::kFloor;
  if (upper == "HALF_UP") return RoundingMode::kHalfUp;
  if (upper == "HALF_DOWN") return RoundingMode::kHalfDown;
  if (upper == "HALF_EVEN") return RoundingMode::kHalfEven;
  return std::nullopt;
}

double round_decimal(double x, int64_t precision, RoundingMode mode) {
  if (!std::isfinite(x) || x == 0) return x;
  // The shortest round-trip representation, "d.ddde±XX".
  char buf[64];
  auto [end, ec] =
      std::to_chars(buf, buf + sizeof(buf), std::fabs(x), std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(end - buf));
  size_t e = text.find('e');
  DecimalDigits d;
  d.negative = x < 0;
  for (char c : text.substr(0, e))
    if (c != '.') d.digits.push_back(c);
  std::string_view exponent = text.substr(e + 1);
  if (!exponent.empty() && exponent.front() == '+') exponent.remove_prefix(1);
  std::from_chars(exponent.data(), exponent.data() + exponent.size(), d.exponent);
  return round_digits(std::move(d), precision, mode).value_or(x);
}

double round_decimal(int64_t x, int64_t precision, RoundingMode mode) {
  if (x == 0) return 0.0;
  DecimalDigits d;
  d.negative = x < 0;
  uint64_t magnitude =
      d.negative ? uint64_t{0} - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  d.digits = std::to_string(magnitude);
  d.exponent = static_cast<int64_t>(d.digits.size()) - 1;
  return round_digits(std::move(d), precision, mode).value_or(static_cast<double>(x));
}

}  // namespace kg::query
