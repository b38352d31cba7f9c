// Printer: where and how the command line writes what statements return (DESIGN.md §6).
//
// | format   | rows (stdout)         | footer, counters | EXPLAIN/PROFILE plan | errors | | table
// | render_table.hpp      | stdout           | stdout               | stderr, with a caret  | | csv
// | render_csv.hpp        | —                | stderr               | stderr, with a caret  | |
// json     | one array / statement | —                | stderr               | JSON as the last
// line | | jsonl    | one object per row    | —                | stderr               | of stdout,
// and stderr | | line     | render_line.hpp       | —                | stdout               |
// stderr, with a caret  | | markdown | render_markdown.hpp   | —                | stdout | stderr,
// with a caret  |
//
// The interactive shell sets a PrintStyle: tables as wide as the terminal, null shown apart from
// the string 'null', and after every result a footer (footer.hpp; on stdout, or on stderr for
// csv, json and jsonl, whose stdout stays machine-readable) with the time unless the timer is off.
//
// stdout is flushed after every statement, so a reader sees each result as it comes.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "kg/query_result.hpp"
#include "shell/error_report.hpp"

namespace kg::shell {

enum class OutputFormat { kTable, kCsv, kJson, kJsonl, kLine, kMarkdown };

// "table", "csv", "json", "jsonl", "line", "markdown"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);
// The name parse_output_format() takes.
std::string_view output_format_name(OutputFormat format);

struct PrintStyle {
  // Tables: the widest they may be, in terminal columns (0: no limit).
  size_t max_width = 0;
  // How null shows in table, line and markdown output.
  std::string null_text = "null";
  // Whether to use ANSI colors (dim null and footers).
  bool color = false;
  // The shell's footer after every result (rather than the command line's table footer).
  bool footer_always = false;
  // Whether that footer ends with the statement's time.
  bool timer = true;
  // Errors without "kg: " in front: the shell's prompt shows where they come from.
  bool at_prompt = false;
};

class Printer {
 public:
  // REQUIRES: `out` and `err` outlive the printer.
  Printer(OutputFormat format, std::ostream& out, std::ostream& err)
      : format_(format), out_(out), err_(err) {}

  OutputFormat format() const { return format_; }
  void set_format(OutputFormat format) { format_ = format; }
  const PrintStyle& style() const { return style_; }
  void set_style(PrintStyle style) { style_ = std::move(style); }

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
  bool machine_readable() const {
    return format_ == OutputFormat::kCsv || format_ == OutputFormat::kJson ||
           format_ == OutputFormat::kJsonl;
  }

  OutputFormat format_;
  PrintStyle style_;
  std::ostream& out_;
  std::ostream& err_;
};

}  // namespace kg::shell
