// The clauses of a Cypher query.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "query/ast/expression.hpp"
#include "query/ast/pattern.hpp"

namespace kg::query::ast {

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: the AS alias, or the expression text as written
  bool has_alias = false;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

// The body of WITH and RETURN.
struct Projection {
  SourcePos pos;
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *: every variable in scope, then `items`
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
};

struct Match {
  SourcePos pos;
  bool optional = false;
  Pattern pattern;
  ExprPtr where;
};

struct Create {
  SourcePos pos;
  Pattern pattern;
};

struct SetItem {
  enum class Kind : uint8_t {
    kProperty,  // target.key = value (target: any expression yielding a node/relationship)
    kReplace,   // variable = map
    kMerge,     // variable += map
    kLabels,    // variable:L:M
  };
  SourcePos pos;
  Kind kind = Kind::kProperty;
  ExprPtr target;        // kProperty: the entity expression
  std::string key;       // kProperty
  std::string variable;  // kReplace, kMerge, kLabels
  ExprPtr value;         // kProperty, kReplace, kMerge
  std::vector<std::string> labels;
};

struct Set {
  SourcePos pos;
  std::vector<SetItem> items;
};

struct Merge {
  SourcePos pos;
  PatternPart pattern;
  std::vector<SetItem> on_create;
  std::vector<SetItem> on_match;
};

struct RemoveItem {
  enum class Kind : uint8_t { kProperty, kLabels };
  SourcePos pos;
  Kind kind = Kind::kProperty;
  ExprPtr target;  // kProperty
  std::string key;
  std::string variable;  // kLabels
  std::vector<std::string> labels;
};

struct Remove {
  SourcePos pos;
  std::vector<RemoveItem> items;
};

struct Delete {
  SourcePos pos;
  bool detach = false;
  std::vector<ExprPtr> targets;
};

struct With {
  SourcePos pos;
  Projection projection;
  ExprPtr where;
};

struct Return {
  SourcePos pos;
  Projection projection;
};

struct Unwind {
  SourcePos pos;
  ExprPtr list;
  std::string variable;
};

struct Call {
  SourcePos pos;
  std::string procedure;  // dotted name, e.g. "db.labels"
  std::vector<ExprPtr> args;
  bool has_args = false;  // CALL p() vs CALL p (implicit arguments)
  struct YieldItem {
    SourcePos pos;
    std::string field;
    std::string alias;
  };
  bool yield_star = false;
  std::vector<YieldItem> yields;
  ExprPtr where;
};

using Clause = std::variant<Match, Create, Merge, Set, Remove, Delete, With, Return, Unwind, Call>;

SourcePos clause_pos(const Clause& clause);
// "MATCH", "OPTIONAL MATCH", "CREATE", ...
std::string clause_name(const Clause& clause);

}  // namespace kg::query::ast
