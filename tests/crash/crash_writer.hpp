// The writer process of the crash test (tests/crash/crash_test.cpp): runs random transactions on
// a graph until it is killed, and reports each one after its commit returned.
#pragma once

#include <cstdint>
#include <string>

namespace kg::crash {

// Opens the graph in `db_dir` and runs transactions numbered first, first+1, ... forever. Each is
// one Cypher statement through kg::Connection (a create, set, merge, remove, delete or detach
// delete) or one small JSON Lines import through kg::import_files, and each creates one marker
// node (:Txn {n: number}) in the same transaction. After a commit returned, appends "number\n" to
// `log_path` and fsyncs it. With KG_CRASH_LOG_EARLY set in the environment it logs each number
// before running the transaction instead: a planted fault the parent must detect. Returns (an exit
// status >= 3) only when something fails; the message goes to stderr.
int run_writer(const std::string& db_dir, const std::string& log_path, int64_t first,
               uint64_t seed);

}  // namespace kg::crash
