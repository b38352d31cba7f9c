// The table output format, for people at a terminal:
//
//   ┌──────┬─────────┐
//   │ name │ founded │
//   ├──────┼─────────┤
//   │ AWS  │    2006 │
//   └──────┴─────────┘
//   1 row
//
// Columns are as wide as their widest cell (in terminal columns); numbers are right-aligned,
// everything else left-aligned; values print as Value::to_string() does (strings bare, null as
// `null`), with control characters escaped (\n, \t, \u001b) so that every row stays on one line.
#pragma once

#include <string>

#include "kg/query_result.hpp"

namespace kg::shell {

// The box and the footer. A statement without columns prints only its counters
// ("created 1 node"), or nothing when it changed nothing.
std::string render_table(const QueryResult& result);

// "0 rows", "1 row", "3 rows", followed by "; " and the counters when the statement changed the
// graph ("1 row; created 1 node, set 1 property"); for a statement without columns, the counters
// alone or "". Ends in a newline unless empty.
std::string table_footer(const QueryResult& result);

}  // namespace kg::shell
