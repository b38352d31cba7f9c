// The JSON output formats of the command line (DESIGN.md §6); values as json_writer.hpp writes
// them, each row an object keyed by column name in RETURN order.
#pragma once

#include <string>

#include "kg/query_result.hpp"

namespace kg::shell {

// jsonl: one row object per line, no header; an empty result (or one without columns) gives "".
std::string render_jsonl(const QueryResult& result);

// json: one JSON array of row objects for the statement, one row per line, ending in a newline;
// "[]\n" when there are no rows (also for a statement without columns, so every statement prints
// exactly one array).
std::string render_json(const QueryResult& result);

}  // namespace kg::shell
