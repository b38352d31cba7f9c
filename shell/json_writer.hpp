// JSON text of kg values in the command line's typed notation (DESIGN.md §6), shared by the json
// and jsonl output formats and by error reports:
//   null, true, false; integers as JSON integers (7); floats always with a '.' or an exponent
//   (1.0, 1e+20) and NaN, Infinity, -Infinity bare, as Python's json module writes them;
//   strings JSON-escaped (control characters as \u00XX, valid UTF-8 kept as is, invalid bytes
//   replaced by U+FFFD); lists as arrays; maps as objects;
//   node          {"_type":"node","_id":7,"_labels":["Company"],"properties":{...}}
//   relationship  {"_type":"relationship","_id":3,"_rel_type":"BUYS","_start":7,"_end":9,
//                  "properties":{...}}
//   path          {"_type":"path","nodes":[node,...],"relationships":[relationship,...]}
// The output is compact (no spaces) and never contains a newline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/query_result.hpp"
#include "kg/value.hpp"

namespace kg::shell {

// Appends `s` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view s);

// Appends `v` as JSON in the notation above.
void append_json_value(std::string& out, const Value& v);

// Appends one row as a JSON object keyed by column name, in column order.
// REQUIRES: row.size() == columns.size().
void append_json_row(std::string& out, const std::vector<std::string>& columns, const Row& row);

}  // namespace kg::shell
