// kg::Connection: runs Cypher statements on a Database (DESIGN.md §4–5).
//
//   kg::Database db("mygraph.db");
//   kg::Connection conn(db);
//   auto r = conn.query("MATCH (c:Company {name: $name})-[:BUYS]->(p) RETURN p.name",
//                       {{"name", "AWS"}});
//
// Each statement runs in its own transaction unless BEGIN opened one on this connection; then
// statements run in it until COMMIT or ROLLBACK (closing the connection rolls it back). A failed
// statement changes nothing: in autocommit mode its transaction rolls back; inside BEGIN, the
// whole transaction rolls back at once (as Neo4j does) and the error says so.
// Statements are parsed and planned once per text and cached (parameters are not part of the
// text), so a repeated statement with new parameters skips straight to execution.
// Thread-safety: a Connection is used by one thread at a time; open one per thread. Connections
// of one Database may run concurrently (many readers, one writer at a time).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kg/database.hpp"
#include "kg/prepared_statement.hpp"
#include "kg/query_result.hpp"
#include "kg/value.hpp"

namespace kg {

namespace query {
class Session;
}

class Connection {
 public:
  // REQUIRES: `db` outlives the connection.
  explicit Connection(Database& db);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement (a trailing ';' is allowed) with `params` for its $parameters.
  QueryResult query(std::string_view statement, const Map& params = {});

  // Parses and plans a statement for repeated execution with different parameters. Errors in the
  // statement are reported by the returned statement's status() and by every execute().
  PreparedStatement prepare(std::string_view statement);

  // Whether BEGIN opened a transaction that is still open.
  bool in_transaction() const;

  // Asks the statement running on this connection (from another thread or a signal handler) to
  // stop; it fails with kInterrupted and rolls back. Async-signal-safe.
  void interrupt();

  // Reports progress of long-running work in a statement (the graph algorithms, CALL algo.*):
  // a task name ("pagerank", "betweenness", "projection"), work done, and the total (0 when
  // unknown). Called on the thread running the statement, between units of work; keep it cheap.
  // An empty function turns reporting off (the default).
  using Progress = std::function<void(std::string_view task, uint64_t done, uint64_t total)>;
  void set_progress(Progress progress);

 private:
  friend class PreparedStatement;
  std::unique_ptr<query::Session> session_;  // null when the database failed to open
  Status open_error_;
};

}  // namespace kg
