#include "common/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace kg::utf8 {

Decoded decode(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return {c, 1, true};
  // Lead byte: sequence length, its payload bits, and the range allowed for the second byte
  // (which excludes overlong forms, surrogates and code points above U+10FFFF).
  size_t len = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return {kReplacementChar, 1, false};
  }
  for (size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) return {kReplacementChar, k, false};
    unsigned char n = b(i + k);
    bool ok = k == 1 ? (n >= lo && n <= hi) : (n & 0xC0) == 0x80;
    if (!ok) return {kReplacementChar, k, false};
    cp = (cp << 6) | (n & 0x3F);
  }
  return {cp, len, true};
}

void append(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_valid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = p + s.size();
  while (p != e) {
    // Eight ASCII bytes at a time: imports validate every string they store.
    if (e - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        p += 8;
        continue;
      }
    }
    if (*p < 0x80) {
      ++p;
      continue;
    }
    size_t i = static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(s.data()));
    Decoded d = decode(s, i);
    if (!d.valid) return false;
    p += d.length;
  }
  return true;
}

}  // namespace kg::utf8
