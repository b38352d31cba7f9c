#include "query/functions/case_mapping.hpp"

#include "query/functions/utf8.hpp"

namespace kg::query {

namespace {

// A block where upper- and lowercase letters alternate, each uppercase letter right before its
// lowercase one.
struct AlternatingBlock {
  char32_t first;
  char32_t last;
};

// Blocks whose uppercase letters have even code points.
constexpr AlternatingBlock kEvenUpperBlocks[] = {
    {0x0100, 0x012F}, {0x0132, 0x0137}, {0x014A, 0x0177}, {0x03D8, 0x03EF}, {0x0460, 0x0481},
    {0x048A, 0x04BF}, {0x04D0, 0x052F}, {0x1E00, 0x1E95}, {0x1EA0, 0x1EFF},
};
// Blocks whose uppercase letters have odd code points.
constexpr AlternatingBlock kOddUpperBlocks[] = {
    {0x0139, 0x0148},
    {0x0179, 0x017E},
    {0x04C1, 0x04CE},
};

// A block of uppercase letters [first, last] whose lowercase letters are at + delta.
struct ShiftedBlock {
  char32_t first;
  char32_t last;
  char32_t delta;
};

// Latin-1's U+00D7 and U+00F7 (× and ÷) and Greek's unassigned U+03A2 lie inside these blocks
// but have no case; is_excluded() skips them.
constexpr ShiftedBlock kShiftedBlocks[] = {
    {'A', 'Z', 0x20},       {0x00C0, 0x00DE, 0x20}, {0x0391, 0x03AB, 0x20}, {0x0388, 0x038A, 0x25},
    {0x038E, 0x038F, 0x3F}, {0x0410, 0x042F, 0x20}, {0x0400, 0x040F, 0x50}, {0x0531, 0x0556, 0x30},
    {0x2160, 0x216F, 0x10}, {0x24B6, 0x24CF, 0x1A}, {0x2C00, 0x2C2F, 0x30}, {0xFF21, 0xFF3A, 0x20},
};

// One-to-one pairs that fit no block.
struct Pair {
  char32_t upper;
  char32_t lower;
};

constexpr Pair kPairs[] = {
    {0x0178, 0x00FF}, {0x0386, 0x03AC}, {0x038C, 0x03CC}, {0x04C0, 0x04CF}, {0x1E9E, 0x00DF},
};

// Code points inside a block that have no case mapping there (final sigma maps only upward).
bool is_excluded(char32_t cp) {
  return cp == 0x00D7 || cp == 0x00F7 || cp == 0x03A2 || cp == 0x03C2;
}

char32_t upper(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 0x20 : c;
  switch (c) {
    case 0x00B5:
      return 0x039C;  // micro sign → Greek capital mu
    case 0x0131:
      return 'I';  // dotless i
    case 0x017F:
      return 'S';  // long s
    case 0x03C2:
      return 0x03A3;  // final sigma
    default:
      break;
  }
  if (is_excluded(c)) return c;
  for (const ShiftedBlock& b : kShiftedBlocks)
    if (c >= b.first + b.delta && c <= b.last + b.delta) return c - b.delta;
  for (const AlternatingBlock& b : kEvenUpperBlocks)
    if (c >= b.first && c <= b.last && (c - b.first) % 2 == 1) return c - 1;
  for (const AlternatingBlock& b : kOddUpperBlocks)
    if (c >= b.first && c <= b.last && (c - b.first) % 2 == 1) return c - 1;
  for (const Pair& p : kPairs)
    if (c == p.lower && p.upper != 0x1E9E) return p.upper;
  return c;
}

char32_t lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
  if (is_excluded(c)) return c;
  for (const ShiftedBlock& b : kShiftedBlocks)
    if (c >= b.first && c <= b.last) return c + b.delta;
  for (const AlternatingBlock& b : kEvenUpperBlocks)
    if (c >= b.first && c <= b.last && (c - b.first) % 2 == 0) return c + 1;
  for (const AlternatingBlock& b : kOddUpperBlocks)
    if (c >= b.first && c <= b.last && (c - b.first) % 2 == 0) return c + 1;
  for (const Pair& p : kPairs)
    if (c == p.upper) return p.lower;
  return c;
}

// Maps each code point of `s` with `map`, copying unchanged (and invalid) bytes as they are.
template <typename Map>
std::string map_code_points(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    char32_t cp = utf8::next(s, pos);
    if (!map(out, cp)) out.append(s.substr(start, pos - start));
  }
  return out;
}

}  // namespace

std::string to_upper_case(std::string_view s) {
  return map_code_points(s, [](std::string& out, char32_t cp) {
    if (cp == 0x00DF) {
      out += "SS";
      return true;
    }
    char32_t u = upper(cp);
    if (u == cp) return false;
    utf8::append(out, u);
    return true;
  });
}

std::string to_lower_case(std::string_view s) {
  return map_code_points(s, [](std::string& out, char32_t cp) {
    if (cp == 0x0130) {
      out += "i\xCC\x87";  // i + combining dot above, as Java's toLowerCase() in a neutral locale
      return true;
    }
    char32_t l = lower(cp);
    if (l == cp) return false;
    utf8::append(out, l);
    return true;
  });
}

}  // namespace kg::query
