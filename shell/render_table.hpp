// The table output format, for people at a terminal:
//
//   ┌──────┬─────────┐
//   │ name │ founded │
//   ├──────┼─────────┤
//   │ AWS  │    2006 │
//   └──────┴─────────┘
//   1 row
//
// Columns are as wide as their widest cell (in terminal columns); numbers are right-aligned (and
// so are nulls in a column of numbers), everything else left-aligned; values print as
// Value::to_string() does (strings bare, nodes and relationships as Cypher literals `(:Company
// {name: 'AWS'})`), with control characters escaped
// (\n, \t, \u001b) so that every row stays on one line. TableStyle adds what the interactive shell
// needs: a width limit, and null shown apart from the string 'null'.
#pragma once

#include <string>

#include "kg/query_result.hpp"

namespace kg::shell {

struct TableStyle {
  // The widest the table may be, in terminal columns; 0 for no limit. When it would be wider, the
  // widest columns are narrowed (to no fewer than kMinColumnWidth) and cells that no longer fit
  // end in '…'.
  size_t max_width = 0;
  // How null shows.
  std::string null_text = "null";
  // Whether null is dimmed with an ANSI escape (for a color terminal).
  bool color = false;
  // Whether the table ends with table_footer().
  bool footer = true;
};

inline constexpr size_t kMinColumnWidth = 3;

// The box and the footer. A statement without columns prints only its counters
// ("created 1 node"), or nothing when it changed nothing.
std::string render_table(const QueryResult& result, const TableStyle& style = {});

// "0 rows", "1 row", "3 rows", followed by "; " and the counters when the statement changed the
// graph ("1 row; created 1 node, set 1 property"); for a statement without columns, the counters
// alone or "". Ends in a newline unless empty. (footer.hpp has the shell's variant.)
std::string table_footer(const QueryResult& result);

}  // namespace kg::shell
