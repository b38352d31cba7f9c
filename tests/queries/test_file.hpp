// One query-test file (.test) run against a fresh graph. The format is described in
// tests/queries/README.md; in short, a file is a sequence of directives separated by blank lines:
//
//   # comment
//   load <path>                    run a .cypher script (path relative to the repo root)
//   reopen                         close the database and open it again from disk
//   skip <reason>                  skip the rest of the file (reported as a warning)
//   param <name> <Cypher literal>  set $name for the statements that follow
//
//   statement ok                   the statement must succeed; after an optional `----` line,
//   <statement>                    the expected QueryCounters::to_string()
//
//   statement error <Kind>[/<Detail>] [<line>:<col>]
//   <statement>                    the statement must fail with that kind, detail and position;
//   ----                           each line after `----` must occur in the message
//
//   query [<types>] [ordered]      the statement's rows, one line per row: values by
//   <statement>                    Value::to_string() joined by '|', compared as a multiset
//   ---- [<row count>]             unless `ordered`; <types> has one letter per column
//   <rows>                         (I F S B L M N R P, ? = any; a null fits every letter)
//
//   plan                           each line after `----` must occur in QueryResult::plan(), in
//   <EXPLAIN or PROFILE statement> that order; a line `!text` says `text` must occur nowhere
//   ----
//   <plan fragments>
//
// A statement runs to the next blank line (or `----`) and may span lines; error positions count
// from its first line.
#pragma once

#include <string>

namespace kg::testing {

// Runs the .test file at `full_path` in a fresh temporary directory (removed afterwards) and
// reports one Catch assertion per directive, located at `display_path`:<line of the directive>.
// `load` paths are relative to `source_dir`.
// REQUIRES: called inside a running Catch test case; `display_path` outlives the Catch session
// (reporters keep a pointer to it until the run ends).
void run_test_file(const char* display_path, const std::string& full_path,
                   const std::string& source_dir);

}  // namespace kg::testing
