// kg::QueryResult: what one Cypher statement returned — its columns, its rows of typed values,
// counters of what it changed, and the error when it failed.
//
//   kg::QueryResult r = conn.query("MATCH (c:Company) RETURN c.name AS name");
//   if (!r.ok()) { std::cerr << r.status().to_string() << "\n"; return; }
//   for (const auto& row : r) std::cout << row[0].to_string() << "\n";
//
// Thread-safety: a plain value; const access from several threads is safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg {

// What a statement changed. All zero for a read-only statement.
struct QueryCounters {
  uint64_t nodes_created = 0;
  uint64_t nodes_deleted = 0;
  uint64_t relationships_created = 0;
  uint64_t relationships_deleted = 0;
  uint64_t properties_set = 0;
  uint64_t labels_added = 0;
  uint64_t labels_removed = 0;
  uint64_t indexes_added = 0;
  uint64_t indexes_removed = 0;
  uint64_t constraints_added = 0;
  uint64_t constraints_removed = 0;

  bool contains_updates() const;
  // "created 2 nodes, 1 relationship, set 3 properties", or "" when nothing changed.
  std::string to_string() const;
  QueryCounters& operator+=(const QueryCounters& other);
};

using Row = std::vector<Value>;

class QueryResult {
 public:
  QueryResult() = default;
  explicit QueryResult(Status error) : status_(std::move(error)) {}
  QueryResult(std::vector<std::string> columns, std::vector<Row> rows, QueryCounters counters)
      : columns_(std::move(columns)), rows_(std::move(rows)), counters_(counters) {}

  bool ok() const { return status_.ok(); }
  // The error of a failed statement (with its line:column); the graph is then as it was before.
  const Status& status() const { return status_; }

  // Column names in RETURN order: the alias, or the expression as written ("n.name").
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<Row>& rows() const { return rows_; }
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const Row& operator[](size_t i) const { return rows_[i]; }
  std::vector<Row>::const_iterator begin() const { return rows_.begin(); }
  std::vector<Row>::const_iterator end() const { return rows_.end(); }

  const QueryCounters& counters() const { return counters_; }
  // For EXPLAIN and PROFILE: the plan as text, one operator per line (PROFILE adds rows and time
  // per operator). Empty otherwise.
  const std::string& plan() const { return plan_; }
  void set_plan(std::string plan) { plan_ = std::move(plan); }
  // Wall time of the statement, in milliseconds.
  double elapsed_ms() const { return elapsed_ms_; }
  void set_elapsed_ms(double ms) { elapsed_ms_ = ms; }

 private:
  Status status_;
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
  QueryCounters counters_;
  std::string plan_;
  double elapsed_ms_ = 0;
};

}  // namespace kg
