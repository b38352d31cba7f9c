// kg: the command line (DESIGN.md §6). This file holds the options and the wiring: with
// statements to run (-c, -f, stdin that is not a terminal) script_runner.hpp runs them; with a
// terminal on stdin and nothing to run, repl.hpp is the interactive shell. printer.hpp and its
// parts write the output.
#include <unistd.h>

// cxxopts splits the values of repeatable options at commas by default, which would cut
// `-c 'RETURN 1, 2'` in two; no argument can hold a NUL byte.
#define CXXOPTS_VECTOR_DELIMITER '\0'
#include <cxxopts.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/connection.hpp"
#include "kg/kg.hpp"
#include "shell/check_command.hpp"
#include "shell/exit_codes.hpp"
#include "shell/export_command.hpp"
#include "shell/import_command.hpp"
#include "shell/interrupt.hpp"
#include "shell/printer.hpp"
#include "shell/progress_line.hpp"
#include "shell/repl.hpp"
#include "shell/script_runner.hpp"
#include "shell/temp_graph.hpp"
#include "shell/text_file.hpp"

namespace {

using kg::shell::kExitFailure;
using kg::shell::kExitInterrupted;
using kg::shell::kExitUsage;

constexpr const char* kExamples = R"EXAMPLES(
DB_DIR is the graph's directory, created when missing. With a terminal on stdin and no -c or
-f, kg opens the interactive shell (:help there lists its commands; ~/.kgrc runs at start).

Examples:
  kg graph.db                           the interactive shell
  kg graph.db -c "CREATE (:Company {name: 'AWS'})-[:BUYS]->(:Product {name: 'Blackwell'})"
  kg graph.db -c "MATCH (c:Company)-[:BUYS]->(p) RETURN c.name, p.name" --format csv
  kg graph.db --param 'name => "AWS"' -c 'MATCH (c:Company {name: $name}) RETURN c'
  kg graph.db -f load.cypher            run a script; stop at the first error
  echo 'UNWIND range(1, 3) AS i RETURN i;' | kg --format json
  kg graph.db --format jsonl < queries.cypher > rows.jsonl
  kg export graph.db --format dot --out graph.dot   export the graph (kg export --help)
  kg import graph.db --nodes=Company=companies.csv --relationships=BUYS=buys.csv
                                        bulk-import files (kg import --help)
  kg check graph.db                     verify the graph's consistency (kg check --help)

Scripts (-f FILE, stdin, and each -c): statements end with ';' (the last may omit it);
// and /* */ are comments; a line starting with ':' is a command:
  :param name => <Cypher literal>    set $name for the statements after it, e.g.
                                     :param ids => [1, 2, 3]   :param cfg => {depth: 2}
  :params                            print the parameters (:params clear forgets them)

Output (--format): table on a terminal, jsonl otherwise. jsonl prints one JSON object per
row keyed by column name; json one array per statement; csv a header line, then the rows.
A node prints as {"_type":"node","_id":7,"_labels":["Company"],"properties":{...}};
relationships and paths likewise; line prints `column = value` lines, markdown a table to
paste. On an error, json and jsonl end stdout with one line
{"error":"SyntaxError","detail":...,"message":...,"line":L,"column":C} (the position in
the script); messages for people go to stderr.

Without DB_DIR, kg works on a temporary graph that is deleted at exit.
Exit status: 0 when every statement succeeded, 1 after the first failure (nothing after it
runs), 2 for a bad command line, 130 after Ctrl-C.
)EXAMPLES";

struct Source {
  std::string name;  // for error reports: "-c", "-c[2]", a file name, "<stdin>"
  std::string text;
  bool is_stdin = false;
};

// The -c and -f arguments, in the order given.
kg::Result<std::vector<Source>> sources_of(const cxxopts::ParseResult& args) {
  std::vector<Source> sources;
  size_t commands = args.count("command");
  size_t k = 0;
  for (const auto& kv : args.arguments()) {
    if (kv.key() == "command") {
      ++k;
      std::string name = commands == 1 ? "-c" : "-c[" + std::to_string(k) + "]";
      sources.push_back({std::move(name), kv.value(), false});
    } else if (kv.key() == "file" && kv.value() == "-") {
      sources.push_back({"<stdin>", "", true});
    } else if (kv.key() == "file") {
      kg::Result<std::string> text = kg::shell::read_text_file(kv.value());
      if (!text) return text.error();
      sources.push_back({kv.value(), std::move(text).value(), false});
    }
  }
  return sources;
}

// `repl_format`: the output format of the interactive shell.
int run(const cxxopts::ParseResult& args, kg::shell::Printer& printer,
        kg::shell::OutputFormat repl_format) {
  auto fail = [&](const kg::Status& s) {
    printer.print_error(kg::shell::error_report(s));
    return kExitFailure;
  };
  kg::Result<std::vector<Source>> sources = sources_of(args);
  if (!sources) return fail(sources.error());
  bool interactive = sources->empty() && isatty(STDIN_FILENO);
  if (sources->empty() && !interactive) sources->push_back({"<stdin>", "", true});

  std::optional<kg::shell::TempGraphDir> temp;
  std::string path;
  if (args.count("db")) {
    path = args["db"].as<std::string>();
  } else {
    auto dir = kg::shell::TempGraphDir::create();
    if (!dir) return fail(dir.error());
    temp.emplace(std::move(dir).value());
    path = temp->path();
    if (!interactive)
      printer.note("no DB_DIR given: using a temporary graph in " + path + " (deleted at exit)");
  }

  kg::Options options;
  options.sync_writes = !args.count("no-sync");
  int status = 0;
  {
    kg::Database db(path, options);
    if (!db.ok()) return fail(db.status().with_context("cannot open the graph in " + path));
    kg::Connection conn(db);
    if (interactive) {
      kg::shell::ReplOptions repl;
      repl.graph = path;
      repl.temporary = temp.has_value();
      repl.read_rc = !args.count("no-rc");
      repl.format = repl_format;
      for (const auto& kv : args.arguments())
        if (kv.key() == "param") repl.params.push_back(kv.value());
      return kg::shell::Repl(db, conn, std::move(repl)).run();
    }
    kg::shell::InterruptHandler interrupt(conn);
    kg::shell::ProgressLine progress(std::cerr, isatty(STDERR_FILENO) != 0);
    conn.set_progress([&](std::string_view task, uint64_t done, uint64_t total) {
      progress.update(task, done, total);
    });
    auto query = [&](std::string_view statement, const kg::Map& params) {
      if (interrupt.interrupted())
        return kg::QueryResult(kg::Status(kg::StatusCode::kInterrupted, "interrupted"));
      kg::QueryResult r = conn.query(statement, params);
      progress.clear();
      return r;
    };
    kg::shell::ScriptRunner runner(query, printer);
    bool ok = true;
    for (const auto& kv : args.arguments()) {
      if (ok && kv.key() == "param") ok = runner.set_param(kv.value());
    }
    for (const Source& s : *sources) {
      if (!ok) break;
      ok = s.is_stdin ? runner.run_stream(s.name, std::cin) : runner.run_text(s.name, s.text);
    }
    status = ok ? 0 : interrupt.interrupted() ? kExitInterrupted : kExitFailure;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // `kg export DB_DIR ...`: a subcommand with its own options (shell/export_command.hpp).
  if (argc > 1 && std::string_view(argv[1]) == "export")
    return kg::shell::run_export_command(argc - 1, argv + 1);
  // `kg check DB_DIR`: the consistency checker (shell/check_command.hpp).
  if (argc > 1 && std::string_view(argv[1]) == "check")
    return kg::shell::run_check_command(argc - 1, argv + 1);
  // `kg import DB_DIR ...`: the bulk importer (shell/import_command.hpp).
  if (argc > 1 && std::string_view(argv[1]) == "import")
    return kg::shell::run_import_command(argc - 1, argv + 1);
  cxxopts::Options cli("kg", "kg: an embedded knowledge-graph database that speaks Cypher");
  cli.positional_help("[DB_DIR]").show_positional_help();
  cli.custom_help("[options]");
  cli.set_width(100);
  cli.add_options()  //
      ("c,command", "run STATEMENT(s) (repeatable)", cxxopts::value<std::vector<std::string>>(),
       "STATEMENT")  //
      ("f,file", "run the script FILE ('-' for stdin; repeatable)",
       cxxopts::value<std::vector<std::string>>(), "FILE")  //
      ("format",
       "output: table, csv, json, jsonl, line or markdown (default: table on a terminal, else "
       "jsonl)",
       cxxopts::value<std::string>(), "FORMAT")  //
      ("param", "set a parameter: 'name => <Cypher literal>' (repeatable)",
       cxxopts::value<std::vector<std::string>>(), "ASSIGNMENT")  //
      ("no-sync",
       "do not sync the write-ahead log on commit (faster; a machine crash may lose the last "
       "commits)")                                                       //
      ("no-rc", "do not run ~/.kgrc when the interactive shell starts")  //
      ("h,help", "show this help and examples")                          //
      ("version", "print the version");
  cli.add_options("positional")("db", "graph directory", cxxopts::value<std::string>());
  cli.parse_positional({"db"});

  cxxopts::ParseResult args;
  try {
    args = cli.parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kg: " << e.what() << "\n(kg --help shows the options)\n";
    return kExitUsage;
  }
  if (args.count("help")) {
    std::cout << cli.help({""}) << kExamples << "\n";
    return 0;
  }
  if (args.count("version")) {
    std::cout << "kg " << kg::version() << "\n";
    return 0;
  }
  if (!args.unmatched().empty()) {
    std::cerr << "kg: unexpected argument '" << args.unmatched().front()
              << "' (one DB_DIR at most; kg --help shows the options)\n";
    return kExitUsage;
  }

  kg::shell::OutputFormat format =
      isatty(STDOUT_FILENO) ? kg::shell::OutputFormat::kTable : kg::shell::OutputFormat::kJsonl;
  kg::shell::OutputFormat repl_format = kg::shell::OutputFormat::kTable;
  if (args.count("format")) {
    auto f = kg::shell::parse_output_format(args["format"].as<std::string>());
    if (!f) {
      std::cerr << "kg: unknown --format '" << args["format"].as<std::string>()
                << "' (table, csv, json, jsonl, line or markdown)\n";
      return kExitUsage;
    }
    format = repl_format = *f;
  }
  kg::shell::Printer printer(format, std::cout, std::cerr);
  return run(args, printer, repl_format);
}
