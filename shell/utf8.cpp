#include "shell/utf8.hpp"

namespace kg::shell {

size_t code_point_count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += decode_utf8(s, i).length) ++n;
  return n;
}

int display_width(char32_t cp) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kZero[] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
                                    {0x0610, 0x061A}, {0x064B, 0x065F}, {0x200B, 0x200F},
                                    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}};
  static constexpr Range kWide[] = {{0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
                                    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                                    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
                                    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
                                    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
  for (const Range& r : kZero)
    if (cp >= r.first && cp <= r.last) return 0;
  for (const Range& r : kWide)
    if (cp >= r.first && cp <= r.last) return 2;
  return 1;
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    Decoded d = decode_utf8(s, i);
    w += display_width(d.code_point);
    i += d.length;
  }
  return w;
}

std::string fit_to_width(std::string_view s, size_t width) {
  if (display_width(s) <= width) return std::string(s);
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    Decoded d = decode_utf8(s, i);
    size_t cw = static_cast<size_t>(display_width(d.code_point));
    if (w + cw + 1 > width) break;
    out.append(s.substr(i, d.length));
    w += cw;
    i += d.length;
  }
  return out + "…";
}

}  // namespace kg::shell
