// The line output format (the shell's `:format line`), for rows too wide for a table: each row as
// one `column = value` line per column, names right-aligned, rows separated by a blank line.
//
//      name = AWS
//   founded = 2006
//
// Values print whole, as Value::to_string() does; null prints as `null_text`.
#pragma once

#include <string>
#include <string_view>

#include "kg/query_result.hpp"

namespace kg::shell {

// "" for a statement without columns or rows.
std::string render_line(const QueryResult& result, std::string_view null_text = "null");

}  // namespace kg::shell
