// Repl: the interactive shell (DESIGN.md §6), what `kg [DB_DIR]` opens with a terminal on stdin.
//
//   kg 0.1.0 · graph sample.db · 6 labels, 12 relationship types
//   Statements end with ';' · :help for help · Tab completes · Ctrl+D quits
//   kg> MATCH (c:Company)-[b:BUYS]->(p)
//   ..> RETURN c.name, p.name;
//   ┌──────┬───────────┐ ...
//   3 rows · 1.2 ms
//
// Lines go through the same ScriptReader and ScriptRunner as scripts: a statement ends at ';' and
// may span lines (the continuation prompt shows until then); :param and :params work as in
// scripts; the shell adds its own :commands (commands.hpp, run in repl_commands.cpp). Statements
// run on the main thread; Ctrl+C interrupts the running one, which rolls back, or cancels the
// line being typed; a Progress line shows on stderr after a second. The history is ~/.kg_history;
// ~/.kgrc runs at start unless ReplOptions::read_rc is false.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "shell/completion.hpp"
#include "shell/interrupt.hpp"
#include "shell/line_editor.hpp"
#include "shell/printer.hpp"
#include "shell/script_reader.hpp"
#include "shell/script_runner.hpp"
#include "shell/vocabulary.hpp"

namespace kg::shell {

struct ReplOptions {
  // The graph's directory, as the banner shows it.
  std::string graph;
  // Whether the graph is a temporary one, deleted at exit (kg without DB_DIR).
  bool temporary = false;
  // Whether to run ~/.kgrc at start.
  bool read_rc = true;
  OutputFormat format = OutputFormat::kTable;
  // --param assignments, set before anything runs.
  std::vector<std::string> params;
};

class Repl {
 public:
  // REQUIRES: `db` and `conn`, a connection to it, outlive the shell.
  Repl(Database& db, Connection& conn, ReplOptions options);
  ~Repl();
  Repl(const Repl&) = delete;
  Repl& operator=(const Repl&) = delete;

  // Runs until :quit or Ctrl+D. Returns the exit status: 0, or 1 when the terminal cannot be
  // edited on.
  int run();

 private:
  // repl.cpp
  void print_banner();
  void read_and_run(const std::string& text);
  bool run_item(std::string_view source, const ScriptItem& item);
  QueryResult query(std::string_view statement, const Map& params);
  std::string prompt() const;
  Completion complete(std::string_view before_cursor);
  const Vocabulary& vocabulary();
  void update_style();
  void say(std::string_view text);

  // repl_commands.cpp
  bool run_command(std::string_view source, const ScriptItem& item);
  bool show_help(std::string_view source, const ScriptItem& item, std::string_view args);
  bool show_schema(std::string_view source, const ScriptItem& item);
  bool source_file(std::string_view source, const ScriptItem& item, std::string_view path);
  // Runs the statements and commands of the file at `path`, named `shown_as` in error reports;
  // stops at the first failure.
  bool run_script(const std::string& path, std::string_view shown_as);
  bool set_format(std::string_view source, const ScriptItem& item, std::string_view args);
  bool set_timer(std::string_view source, const ScriptItem& item, std::string_view args);
  bool run_transaction_command(std::string_view source, const ScriptItem& item,
                               std::string_view statement);
  bool export_graph(std::string_view args);
  bool import_files(std::string_view args);
  bool unknown_command(std::string_view source, const ScriptItem& item, std::string_view name);

  Database& db_;
  Connection& conn_;
  ReplOptions options_;
  std::string home_;  // $HOME, "" when unset
  InterruptHandler interrupt_;
  Printer printer_;
  ScriptRunner runner_;
  std::unique_ptr<LineEditor> editor_;
  // The statement being typed: its lines so far, read by reader_.
  ScriptReader reader_;
  std::string typed_;
  std::optional<Vocabulary> vocabulary_;
  bool color_ = false;
  bool progress_ = false;
  bool quiet_ = false;  // while ~/.kgrc runs: commands do not confirm what they set
  int source_depth_ = 0;
  bool quit_ = false;
};

}  // namespace kg::shell
