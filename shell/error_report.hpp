// How the command line reports a failure: as one JSON object (the last line of stdout in the json
// and jsonl formats, DESIGN.md §6) and as a message for people (on stderr):
//
//   {"error":"SemanticError","detail":"UndefinedVariable","message":"Variable `x` not
//   defined","line":3,"column":18}
//
//   kg: queries.cypher:3:18: SemanticError: Variable `x` not defined
//       3 | MATCH (c) RETURN x
//         |                  ^
#pragma once

#include <cstdint>
#include <string>

#include "kg/status.hpp"

namespace kg::shell {

struct ErrorReport {
  // The error type as users see it: "SyntaxError", "IOError", ... (status_code_name()).
  std::string kind;
  // openCypher's detail code ("UndefinedVariable") or "".
  std::string detail;
  std::string message;
  // What was being read: "queries.cypher", "<stdin>", "-c", "--param"; "" when no input is
  // involved (opening the graph).
  std::string source;
  // Where in `source` the error is; unknown when the engine gave no position.
  SourcePos pos;
  // When `pos` is unknown: the line where the failed statement starts, or 0.
  uint32_t statement_line = 0;
  // The source line at pos.line, shown with a caret under pos.column; "" to show none.
  std::string line_text;
};

// An ErrorReport of `status`, without a source.
ErrorReport error_report(const Status& status);

// The position in the source of `in_statement`, a position inside a statement that starts at
// `start` in the source: lines add up, and on the statement's first line so do columns. Unknown
// stays unknown.
SourcePos source_position(SourcePos in_statement, SourcePos start);

// One JSON object and a newline. "detail" is left out when empty, "line" and "column" when the
// position is unknown.
std::string error_json(const ErrorReport& e);

// "kg: <source>:<line>:<column>: <kind>: <message>" and, when line_text is known, that line with a
// caret under the column; each line ends in a newline. Without a position the line of the
// statement stands in for it; without a source, "kg: <kind>: <message>". `at_prompt` (the
// interactive shell) leaves out the "kg: ".
std::string error_text(const ErrorReport& e, bool at_prompt = false);

}  // namespace kg::shell
