#include "shell/footer.hpp"

#include <algorithm>
#include <cstdio>

namespace kg::shell {

std::string format_duration(double ms) {
  char buf[32];
  if (ms < 1) {
    std::snprintf(buf, sizeof buf, "%.2f ms", ms);
  } else if (ms < 100) {
    std::snprintf(buf, sizeof buf, "%.1f ms", ms);
  } else if (ms < 1000) {
    std::snprintf(buf, sizeof buf, "%.0f ms", ms);
  } else if (ms < 10000) {
    std::snprintf(buf, sizeof buf, "%.2f s", ms / 1000);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000);
  }
  return buf;
}

std::string compact_counters(std::string_view counters) {
  std::string out;
  std::string_view last_verb;
  while (!counters.empty()) {
    size_t comma = counters.find(", ");
    std::string_view part = counters.substr(0, comma);
    counters = comma == std::string_view::npos ? std::string_view() : counters.substr(comma + 2);
    std::string_view verb = part.substr(0, part.find(' '));
    if (!out.empty()) out += ", ";
    out += verb == last_verb ? part.substr(std::min(part.size(), verb.size() + 1)) : part;
    last_verb = verb;
  }
  return out;
}

std::string result_footer(const QueryResult& result, const FooterStyle& style) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += style.separator;
    out += part;
  };
  if (!result.columns().empty()) {
    size_t n = result.rows().size();
    add(std::to_string(n) + (n == 1 ? " row" : " rows"));
  }
  if (result.counters().contains_updates()) {
    std::string counters = result.counters().to_string();
    add(style.compact_counters ? compact_counters(counters) : counters);
  }
  if (out.empty() && style.always) add("no changes");
  if (out.empty()) return out;
  if (style.time) add(format_duration(result.elapsed_ms()));
  out.push_back('\n');
  return out;
}

}  // namespace kg::shell
