// ScriptRunner: runs scripts for the kg command line (DESIGN.md §6). Statements run one at a time
// with the parameters set so far; `:param` sets one, `:params` prints them (`:params clear`
// forgets them); any other :command is an error. What statements return goes to the Printer.
// The first failure stops the run: it is reported with its position in the script, and nothing
// after it runs.
//
// Error positions: the engine reports line:column inside the statement it was given. Reports
// give them in the script (the file, stdin or the -c argument) instead, so that an editor can jump
// there: a statement that starts on line 5 with an error on its line 2 reports line 6. For a
// statement that starts at line 1, column 1 the two agree.
#pragma once

#include <istream>
#include <string_view>

#include "kg/value.hpp"
#include "shell/printer.hpp"
#include "shell/query_fn.hpp"
#include "shell/script_reader.hpp"

namespace kg::shell {

class ScriptRunner {
 public:
  // REQUIRES: `printer` outlives the runner.
  ScriptRunner(QueryFn query, Printer& printer) : query_(std::move(query)), printer_(printer) {}

  // Sets parameters from an assignment, as `--param '<assignment>'` gives it (params.hpp).
  // Returns false after reporting an error.
  bool set_param(std::string_view assignment);

  // Runs every statement and command of a script; `source` names it in error reports ("-c",
  // "<stdin>", a file name). Returns false after the first failure, which it has reported.
  bool run_text(std::string_view source, std::string_view text);
  // Like run_text(), but reads `in` line by line and runs each statement as soon as it is complete.
  bool run_stream(std::string_view source, std::istream& in);
  // Runs one item of a script.
  bool run_item(std::string_view source, const ScriptItem& item);

  // Reports `status`, a failure of `item`, whose position (when known) is in `item.text`, offset
  // on its first line by `prefix_bytes` bytes of it. Returns false.
  bool fail(std::string_view source, const ScriptItem& item, const Status& status,
            size_t prefix_bytes = 0);

  const Map& params() const { return params_; }

 private:
  bool run_statement(std::string_view source, const ScriptItem& item);
  bool run_command(std::string_view source, const ScriptItem& item);

  QueryFn query_;
  Printer& printer_;
  Map params_;
};

}  // namespace kg::shell
