// The csv output format: a header line of column names, then one line per row. Strings are
// written bare, null as an empty field and the empty string as "" (so the two stay apart), every
// other value as a Cypher literal
// (Value::to_literal(): 1, 1.0, true, [1, 'a'], {k: 'v'}, (:Company {name: 'AWS'})). A field
// is quoted as RFC 4180 says, only when it holds a comma, a double quote, CR or LF, with inner
// quotes doubled. Lines end with "\n" (not RFC 4180's CRLF), as Unix tools expect.
#pragma once

#include <string>
#include <string_view>

#include "kg/query_result.hpp"

namespace kg::shell {

// Header and rows; "" for a statement without columns.
std::string render_csv(const QueryResult& result);

// Appends one field, quoted when it must be.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace kg::shell
