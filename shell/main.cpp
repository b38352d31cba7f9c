// kg: the command line (DESIGN.md §6). This file holds the options and the wiring; the work is
// done by script_runner.hpp (running scripts), printer.hpp (output) and their parts.
#include <unistd.h>

// cxxopts splits the values of repeatable options at commas by default, which would cut
// `-c 'RETURN 1, 2'` in two; no argument can hold a NUL byte.
#define CXXOPTS_VECTOR_DELIMITER '\0'
#include <cxxopts.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "kg/connection.hpp"
#include "kg/kg.hpp"
#include "shell/interrupt.hpp"
#include "shell/printer.hpp"
#include "shell/progress_line.hpp"
#include "shell/script_runner.hpp"
#include "shell/temp_graph.hpp"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

constexpr const char* kExamples = R"EXAMPLES(
DB_DIR is the graph's directory, created when missing.

Examples:
  kg graph.db -c "CREATE (:Company {name: 'AWS'})-[:BUYS]->(:Product {name: 'Blackwell'})"
  kg graph.db -c "MATCH (c:Company)-[:BUYS]->(p) RETURN c.name, p.name" --format csv
  kg graph.db --param 'name => "AWS"' -c 'MATCH (c:Company {name: $name}) RETURN c'
  kg graph.db -f load.cypher            run a script; stop at the first error
  echo 'UNWIND range(1, 3) AS i RETURN i;' | kg --format json
  kg graph.db --format jsonl < queries.cypher > rows.jsonl

Scripts (-f FILE, stdin, and each -c): statements end with ';' (the last may omit it);
// and /* */ are comments; a line starting with ':' is a command:
  :param name => <Cypher literal>    set $name for the statements after it, e.g.
                                     :param ids => [1, 2, 3]   :param cfg => {depth: 2}
  :params                            print the parameters (:params clear forgets them)

Output (--format): table on a terminal, jsonl otherwise. jsonl prints one JSON object per
row keyed by column name; json one array per statement; csv a header line, then the rows.
A node prints as {"_type":"node","_id":7,"_labels":["Company"],"properties":{...}};
relationships and paths likewise. On an error, json and jsonl end stdout with one line
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

kg::Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return kg::Status::io_error("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return kg::Status::io_error("cannot read " + path + ": " + std::strerror(errno));
  return text.str();
}

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
      kg::Result<std::string> text = read_file(kv.value());
      if (!text) return text.error();
      sources.push_back({kv.value(), std::move(text).value(), false});
    }
  }
  return sources;
}

int run(const cxxopts::ParseResult& args, kg::shell::Printer& printer) {
  auto fail = [&](const kg::Status& s) {
    printer.print_error(kg::shell::error_report(s));
    return kExitFailure;
  };
  kg::Result<std::vector<Source>> sources = sources_of(args);
  if (!sources) return fail(sources.error());
  if (sources->empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "kg: the interactive shell is not here yet; run statements with -c STATEMENT, "
                   "-f FILE or on stdin (kg --help)\n";
      return 0;
    }
    sources->push_back({"<stdin>", "", true});
  }

  std::optional<kg::shell::TempGraphDir> temp;
  std::string path;
  if (args.count("db")) {
    path = args["db"].as<std::string>();
  } else {
    auto dir = kg::shell::TempGraphDir::create();
    if (!dir) return fail(dir.error());
    temp.emplace(std::move(dir).value());
    path = temp->path();
    printer.note("no DB_DIR given: using a temporary graph in " + path + " (deleted at exit)");
  }

  kg::Options options;
  options.sync_writes = !args.count("no-sync");
  int status = 0;
  {
    kg::Database db(path, options);
    if (!db.ok()) return fail(db.status().with_context("cannot open the graph in " + path));
    kg::Connection conn(db);
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
  cxxopts::Options cli("kg", "kg: an embedded knowledge-graph database that speaks Cypher");
  cli.positional_help("[DB_DIR]").show_positional_help();
  cli.custom_help("[options]");
  cli.set_width(100);
  cli.add_options()  //
      ("c,command", "run STATEMENT(s) (repeatable)", cxxopts::value<std::vector<std::string>>(),
       "STATEMENT")  //
      ("f,file", "run the script FILE ('-' for stdin; repeatable)",
       cxxopts::value<std::vector<std::string>>(), "FILE")  //
      ("format", "output: table, csv, json or jsonl (default: table on a terminal, else jsonl)",
       cxxopts::value<std::string>(), "FORMAT")  //
      ("param", "set a parameter: 'name => <Cypher literal>' (repeatable)",
       cxxopts::value<std::vector<std::string>>(), "ASSIGNMENT")  //
      ("no-sync",
       "do not sync the write-ahead log on commit (faster; a machine crash may lose the last "
       "commits)")                               //
      ("h,help", "show this help and examples")  //
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
  if (args.count("format")) {
    auto f = kg::shell::parse_output_format(args["format"].as<std::string>());
    if (!f) {
      std::cerr << "kg: unknown --format '" << args["format"].as<std::string>()
                << "' (table, csv, json or jsonl)\n";
      return kExitUsage;
    }
    format = *f;
  }
  kg::shell::Printer printer(format, std::cout, std::cerr);
  return run(args, printer);
}
