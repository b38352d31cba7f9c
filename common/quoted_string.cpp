#include "common/quoted_string.hpp"

#include <cstdio>

namespace kg {

void append_quoted_string(std::string& out, std::string_view s, char quote) {
  out.push_back(quote);
  for (char c : s) {
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
      continue;
    }
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back(quote);
}

}  // namespace kg
