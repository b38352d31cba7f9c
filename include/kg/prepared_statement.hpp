// kg::PreparedStatement: a statement parsed and planned once, executed many times with
// different parameters.
//
//   auto lookup = conn.prepare("MATCH (c:Company {name: $name}) RETURN c");
//   for (auto name : names) auto r = lookup.execute({{"name", name}});
//
// Thread-safety: like its Connection, used by one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "kg/query_result.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg {

class Connection;
namespace query {
struct CachedPlan;
}

class PreparedStatement {
 public:
  PreparedStatement(PreparedStatement&&) noexcept;
  PreparedStatement& operator=(PreparedStatement&&) noexcept;
  ~PreparedStatement();

  // Whether the statement parsed and planned; the error otherwise.
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // Runs the statement. REQUIRES: the Connection that prepared it is alive.
  QueryResult execute(const Map& params = {});

 private:
  friend class Connection;
  PreparedStatement(Connection* conn, std::shared_ptr<query::CachedPlan> plan, Status status);
  Connection* conn_;
  std::shared_ptr<query::CachedPlan> plan_;
  Status status_;
};

}  // namespace kg
