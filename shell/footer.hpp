// The line after a result that says what a statement did: "3 rows", "1 row; created 1 node" (the
// command line's table format), or at the shell's prompt "3 rows · 12.3 ms" and
// "created 2 nodes, 1 relationship · 4.1 ms".
#pragma once

#include <string>
#include <string_view>

#include "kg/query_result.hpp"

namespace kg::shell {

struct FooterStyle {
  // Between the parts: the row count, the update counters, the time.
  std::string_view separator = "; ";
  // Whether to end with the statement's time (QueryResult::elapsed_ms()).
  bool time = false;
  // For a statement without columns that changed nothing: "no changes" instead of "".
  bool always = false;
  // Counters without a repeated verb: "created 2 nodes, 1 relationship" rather than
  // QueryCounters::to_string()'s "created 2 nodes, created 1 relationship".
  bool compact_counters = false;
};

// The footer of `result`, ending in a newline unless empty. The row count is left out for a
// statement without columns (CREATE without RETURN), the counters when nothing changed.
std::string result_footer(const QueryResult& result, const FooterStyle& style);

// QueryCounters::to_string() with each verb said once: "created 2 nodes, 1 relationship, set 2
// properties".
std::string compact_counters(std::string_view counters);

// "0.04 ms", "12.3 ms", "123 ms", "2.41 s", "83.2 s".
std::string format_duration(double ms);

}  // namespace kg::shell
