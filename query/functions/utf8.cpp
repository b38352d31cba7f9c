#include "query/functions/utf8.hpp"

namespace kg::query::utf8 {

char32_t next(std::string_view s, size_t& pos) {
  kg::utf8::Decoded d = kg::utf8::decode(s, pos);
  pos += d.valid ? d.length : 1;  // an invalid sequence: one byte, one U+FFFD
  return d.code_point;
}

void append(std::string& out, char32_t cp) { kg::utf8::append(out, cp); }

size_t length(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) next(s, pos);
  return n;
}

size_t offset_of(std::string_view s, size_t n) {
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < s.size(); ++i) next(s, pos);
  return pos;
}

bool is_whitespace(char32_t cp) {
  if (cp <= 0x20) return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  switch (cp) {
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A && cp != 0x2007;
  }
}

std::string_view trim(std::string_view s, bool leading, bool trailing) {
  size_t begin = s.size();  // start of the first non-whitespace code point
  size_t end = 0;           // end of the last one
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    if (!is_whitespace(next(s, pos))) {
      if (begin == s.size()) begin = start;
      end = pos;
    }
  }
  if (end == 0) return leading || trailing ? std::string_view() : s;  // only whitespace
  size_t from = leading ? begin : 0;
  size_t to = trailing ? end : s.size();
  return s.substr(from, to - from);
}

}  // namespace kg::query::utf8
