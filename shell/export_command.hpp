// `kg export` and the shell's `:export` (DESIGN.md §6–7): the graph, or the subgraph a query
// returns, to CSV (a directory in the importer's format), JSON Lines, a Cypher script or
// Graphviz DOT, through kg::export_graph (kg/export.hpp).
//
//   kg export DB_DIR --format csv|jsonl|cypher|dot --out PATH [--query Q] [--param 'k => v']...
//   :export [--format F] [--query Q] [--param 'k => v']... PATH
//
// Without --format the format follows PATH's extension: .jsonl/.json, .cypher/.cql, .dot/.gv;
// a PATH without one is a CSV directory. PATH "-" is stdout (not for CSV).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/database.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::shell {

// `kg export ...`. argv[0] is the command's own name ("export") and is skipped, as in a main();
// argv[1] is DB_DIR unless it is an option. Opens DB_DIR (which must exist), exports, and says
// what it wrote on stdout (stderr when the export goes to stdout). Returns the exit status: 0, 1
// when the export failed, 2 for a bad command line.
int run_export_command(int argc, char** argv);

// `:export ARGS` in the shell, on its open database, with its parameters (--param adds to them
// for this export only). `args` is the text after ":export", split as a POSIX shell splits words
// ('single' and "double" quotes, backslash escapes). Same exit statuses.
int run_export(Database& db, std::string_view args, const Map& params, std::ostream& out,
               std::ostream& err);

// The words of `text` as a POSIX shell splits them (no expansions). kInvalidArgument for an
// unclosed quote.
Result<std::vector<std::string>> split_words(std::string_view text);

}  // namespace kg::shell
