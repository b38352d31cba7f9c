// How the loader reports bad input: "file:line: reason" (DESIGN.md §7), as kInvalidArgument.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/status.hpp"

namespace kg::engine::loader {

// "file:line: reason", or "file: reason" for line 0.
inline std::string at_line(std::string_view file, uint64_t line, std::string_view reason) {
  std::string s;
  s.reserve(file.size() + reason.size() + 24);
  s.append(file);
  if (line > 0) {
    s.push_back(':');
    s.append(std::to_string(line));
  }
  s.append(": ");
  s.append(reason);
  return s;
}

inline Status import_error(std::string_view file, uint64_t line, std::string_view reason) {
  return Status::invalid_argument(at_line(file, line, reason));
}

}  // namespace kg::engine::loader
