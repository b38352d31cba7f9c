// `kg check DB_DIR` (docs/check.md): verifies every invariant of docs/storage_format.md §8 through
// kg::check_graph (kg/check.hpp) and prints each violation as `KIND: message` on stdout, or one
// line "ok: N nodes, M relationships, K index entries checked" when there is none.
#pragma once

namespace kg::shell {

// `kg check ...`. argv[0] is the command's own name ("check") and is skipped, as in a main().
// Returns the exit status: 0 when the graph is consistent, 1 when a violation was found, 2 for a
// bad command line, 3 when the graph could not be checked (missing, locked by another process,
// not a kg graph, unreadable).
int run_check_command(int argc, char** argv);

}  // namespace kg::shell
