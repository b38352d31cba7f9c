// A whole statement: a query (single queries joined by UNION), a schema command, or a transaction
// command, possibly under EXPLAIN or PROFILE.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "query/ast/clause.hpp"

namespace kg::query::ast {

struct SingleQuery {
  std::vector<Clause> clauses;
};

struct Query {
  std::vector<SingleQuery> parts;
  std::vector<bool> union_all;  // union_all[i] joins parts[i] and parts[i + 1]
  std::vector<SourcePos> union_pos;
};

struct SchemaCommand {
  enum class Kind : uint8_t {
    kCreateIndex,
    kDropIndex,
    kCreateConstraint,
    kDropConstraint,
    kShowIndexes,
    kShowConstraints,
  };
  SourcePos pos;
  Kind kind = Kind::kCreateIndex;
  std::string name;  // optional index or constraint name
  std::string label;
  std::string property;
  bool if_not_exists = false;
  bool if_exists = false;
};

struct TransactionCommand {
  enum class Kind : uint8_t { kBegin, kCommit, kRollback };
  SourcePos pos;
  Kind kind = Kind::kBegin;
};

struct Statement {
  enum class Mode : uint8_t { kRun, kExplain, kProfile };
  Mode mode = Mode::kRun;
  std::variant<Query, SchemaCommand, TransactionCommand> body;
};

}  // namespace kg::query::ast
