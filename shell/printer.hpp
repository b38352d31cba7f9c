// Printer: where and how the command line writes what statements return (DESIGN.md §6).
//
// | format | rows (stdout)                  | footer, counters | EXPLAIN/PROFILE plan | errors | |
// table  | render_table.hpp               | stdout           | stdout               | stderr, with
// a caret   | | csv    | render_csv.hpp                 | —                | stderr               |
// stderr, with a caret   | | json   | one array per statement        | —                | stderr |
// JSON as the last line  | | jsonl  | one object per row             | —                | stderr |
// of stdout, and stderr  |
//
// stdout is flushed after every statement, so a reader sees each result as it comes.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "kg/query_result.hpp"
#include "shell/error_report.hpp"

namespace kg::shell {

enum class OutputFormat { kTable, kCsv, kJson, kJsonl };

// "table", "csv", "json", "jsonl"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);

class Printer {
 public:
  // REQUIRES: `out` and `err` outlive the printer.
  Printer(OutputFormat format, std::ostream& out, std::ostream& err)
      : format_(format), out_(out), err_(err) {}

  // What a successful statement returned.
  void print_result(const QueryResult& result);
  // A failure.
  void print_error(const ErrorReport& error);
  // The parameters (the :params command): `:param name => <literal>` lines, or in json and
  // jsonl one JSON object.
  void print_params(const Map& params);
  // A note for people, on stderr: "kg: <message>".
  void note(std::string_view message);

 private:
  OutputFormat format_;
  std::ostream& out_;
  std::ostream& err_;
};

}  // namespace kg::shell
