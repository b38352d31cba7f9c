#include "query/functions/number_parsing.hpp"

#include <charconv>
#include <limits>
#include <string>
#include <system_error>

namespace kg::query {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A decimal number split into its parts: [sign] int_digits [. frac_digits] [e exponent].
struct Decimal {
  bool negative = false;
  std::string_view int_digits;
  std::string_view frac_digits;
  int64_t exponent = 0;  // saturated far beyond any double or int64 range
  size_t end = 0;        // bytes consumed
};

// Reads a decimal number at the start of `s`; nullopt when there is none (no digit at all).
std::optional<Decimal> read_decimal(std::string_view s) {
  Decimal d;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) d.negative = s[i++] == '-';
  size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  d.int_digits = s.substr(start, i - start);
  if (i < s.size() && s[i] == '.') {
    start = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    d.frac_digits = s.substr(start, i - start);
  }
  if (d.int_digits.empty() && d.frac_digits.empty()) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    bool negative_exponent = false;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) negative_exponent = s[j++] == '-';
    if (j == s.size() || !is_digit(s[j])) return std::nullopt;
    constexpr int64_t kSaturation = int64_t{1} << 40;
    for (; j < s.size() && is_digit(s[j]); ++j)
      d.exponent = std::min(kSaturation, d.exponent * 10 + (s[j] - '0'));
    if (negative_exponent) d.exponent = -d.exponent;
    i = j;
  }
  d.end = i;
  return d;
}

}  // namespace

ParsedInteger parse_integer(std::string_view s) {
  std::optional<Decimal> d = read_decimal(s);
  if (!d || d->end != s.size()) return {};
  // The significant digits and the number of them before the decimal point.
  std::string digits;
  digits.append(d->int_digits);
  digits.append(d->frac_digits);
  int64_t point = static_cast<int64_t>(d->int_digits.size()) + d->exponent;
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return {ParseStatus::kOk, 0};
  point -= static_cast<int64_t>(first);
  digits.erase(0, first);
  if (point <= 0) return {ParseStatus::kOk, 0};  // |value| < 1 truncates to 0
  if (point > 19) return {ParseStatus::kOutOfRange, 0};
  digits.resize(static_cast<size_t>(point), '0');  // truncate the fraction or append zeros
  uint64_t magnitude = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  constexpr uint64_t kMaxPositive = std::numeric_limits<int64_t>::max();
  if (ec != std::errc() || magnitude > kMaxPositive + (d->negative ? 1 : 0))
    return {ParseStatus::kOutOfRange, 0};
  if (d->negative) return {ParseStatus::kOk, static_cast<int64_t>(uint64_t{0} - magnitude)};
  return {ParseStatus::kOk, static_cast<int64_t>(magnitude)};
}

std::optional<double> parse_float(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  bool negative = !s.empty() && s.front() == '-';
  std::string_view unsigned_part = s;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) unsigned_part.remove_prefix(1);
  if (unsigned_part == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (unsigned_part == "Infinity")
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  std::optional<Decimal> d = read_decimal(s);
  if (!d) return std::nullopt;
  size_t end = d->end;
  if (end + 1 == s.size() && std::string_view("fFdD").find(s[end]) != std::string_view::npos) {
    ++end;  // a Java type suffix
  } else if (end != s.size()) {
    return std::nullopt;
  }
  std::string_view number = unsigned_part.substr(0, d->end - (s.size() - unsigned_part.size()));
  double value = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Overflow or underflow: decide by the decimal magnitude of the first significant digit.
    size_t first_int = d->int_digits.find_first_not_of('0');
    int64_t magnitude;
    if (first_int != std::string_view::npos) {
      magnitude = static_cast<int64_t>(d->int_digits.size() - first_int) - 1;
    } else {
      size_t first_frac = d->frac_digits.find_first_not_of('0');
      if (first_frac == std::string_view::npos) return negative ? -0.0 : 0.0;
      magnitude = -static_cast<int64_t>(first_frac) - 1;
    }
    value = magnitude + d->exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (ec != std::errc() || ptr != number.data() + number.size()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

}  // namespace kg::query
