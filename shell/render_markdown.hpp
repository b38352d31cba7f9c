// The markdown output format (`:format markdown`): a GitHub-flavoured table, ready to paste into
// a note or an issue. Columns are padded to line up; a column whose values are all numbers (or
// null) is right-aligned (`---:`). Cells print as Value::to_string() does, with `|` escaped as
// `\|` and line breaks as `<br>`; null prints as `null_text`.
//
//   | name | founded |
//   | ---- | ------: |
//   | AWS  |    2006 |
#pragma once

#include <string>
#include <string_view>

#include "kg/query_result.hpp"

namespace kg::shell {

// "" for a statement without columns.
std::string render_markdown(const QueryResult& result, std::string_view null_text = "null");

}  // namespace kg::shell
