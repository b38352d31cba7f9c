// `kg import` and the shell's `:import` (DESIGN.md §6–7, docs/import.md): bulk import of CSV files
// in neo4j-admin's style, JSON Lines and N-Triples through kg::import_files (kg/import.hpp).
//
//   kg import DB_DIR --nodes[=Label1:Label2]=FILE[,FILE...] --relationships[=TYPE]=FILE[,...]
//                    [--jsonl FILE] [--ntriples FILE] [--delimiter C] [--array-delimiter C]
//                    [--quote C] [--skip-bad-relationships] [--skip-duplicate-nodes]
//                    [--report-file FILE] ...
//   :import --nodes=Company=companies.csv --relationships=BUYS=buys.csv
//
// The import is one atomic step: on any error the graph is exactly as it was, and the error
// names the file and line. A progress bar (rows/s, ETA) is drawn on stderr when it is a terminal;
// a summary (nodes, relationships, properties, time, rows/s) goes to `out` at the end.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/database.hpp"
#include "kg/import_options.hpp"
#include "kg/status.hpp"

namespace kg::shell {

// What the words of a `kg import` / `:import` command line say.
struct ImportArgs {
  std::string db_dir;  // kg import only
  ImportOptions options;
  bool help = false;
  bool progress = true;  // draw a progress bar (if stderr is a terminal)
};

// Parses `words` (the arguments after "import"). With `want_db_dir`, the one positional word is
// DB_DIR; otherwise none is allowed. kInvalidArgument for an unknown option, a missing value, a
// bad delimiter or nothing to import.
Result<ImportArgs> parse_import_args(const std::vector<std::string>& words, bool want_db_dir);

// The help text of `kg import --help` (and `:import --help`).
std::string import_usage();

// `kg import ...`. argv[0] is the command's own name ("import") and is skipped, as in a main().
// Opens (or creates) DB_DIR, imports, prints the summary. Returns the exit status: 0, 1 when the
// import failed, 2 for a bad command line, 130 when Ctrl-C cancelled it (the graph is unchanged,
// and removed if the command created it; a second Ctrl-C ends the process at once).
int run_import_command(int argc, char** argv);

// `:import ARGS` in the shell, on its open database. `args` is the text after ":import", split
// as a POSIX shell splits words. `progress`: whether stderr may show a progress bar. `cancelled`
// (ImportOptions::cancelled): the shell's Ctrl-C. Same exit statuses.
int run_import(Database& db, std::string_view args, std::ostream& out, std::ostream& err,
               bool progress, std::function<bool()> cancelled = {});

// The one-line summary: "Imported 3 nodes, 2 relationships and 5 properties in 0.01 s
// (500 rows/s)", plus a line per kind of skipped row.
std::string import_summary_text(const ImportSummary& summary, const ImportOptions& options);

}  // namespace kg::shell
