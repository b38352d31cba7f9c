// CALL kg.import({...}) (docs/cypher.md, docs/import.md): the bulk importer from Cypher.
// The importer is its own atomic step (engine/loader) and holds the writer lock itself, so it
// cannot run inside a transaction or as one operator of a plan: Session recognizes it before
// planning, as a statement of its own (its plan is "none"), and runs it with run_import.
#pragma once

#include <atomic>

#include "engine/graph.hpp"
#include "kg/query_result.hpp"
#include "kg/value.hpp"
#include "query/ast/statement.hpp"

namespace kg::query {

// The CALL of `statement` when the statement is only `CALL kg.import(...)` (with an optional
// YIELD), else null.
const ast::Call* import_call(const ast::Statement& statement);

// Runs the import that `call` describes: its argument is a map of literals and parameters
// (engine/loader/options_map.hpp). Returns one row (nodes, relationships, properties,
// skipped_nodes, skipped_relationships, seconds, or the YIELDed ones) and counters, or the
// importer's error ("file:line: reason"); the graph is then unchanged.
// REQUIRES: no transaction of the caller's session is open.
// `interrupt`: the session's flag (Session::interrupt); when it is set the import stops with
// kInterrupted and the graph is unchanged. May be null.
QueryResult run_import(engine::Graph& graph, const ast::Call& call, const Map& params,
                       const std::atomic<bool>* interrupt = nullptr);

}  // namespace kg::query
