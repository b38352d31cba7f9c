// Plan: a planned query, ready to execute any number of times (one at a time). It owns the
// statement's AST, which its operators point into.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/types.hpp"
#include "query/ast/statement.hpp"
#include "query/executor/operator.hpp"

namespace kg::query {

struct Plan {
  std::string text;  // the statement as written (column names, aggregation checks)
  ast::Statement statement;
  std::vector<ast::ExprPtr> synthesized;  // expressions the planner made (filters, paths)
  std::vector<std::shared_ptr<ast::Pattern>> patterns;  // copies planned for pattern expressions
  OperatorPtr root;                                     // yields compact rows, one value per column
  std::vector<std::string> columns;
  bool writes = false;  // needs a write transaction
  std::shared_ptr<size_t> width = std::make_shared<size_t>(0);
  std::set<std::string> parameters;       // $names the statement uses
  std::vector<engine::IndexDef> indexes;  // the indexes the plan was made for
};

}  // namespace kg::query
