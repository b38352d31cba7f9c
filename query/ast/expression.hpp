// Cypher expressions as the parser builds them: one node type with a kind, so that visitors are
// plain switches. Every node keeps its source position and byte range (the range gives column
// names such as "n.name" or "count(*)", as written).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::query {
struct ScalarFunction;
struct SubPlan;
}  // namespace kg::query

namespace kg::query::ast {

struct PatternPart;
struct SingleQuery;
struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : uint8_t {
  kLiteral,               // value
  kParameter,             // name
  kVariable,              // name
  kProperty,              // children[0].name
  kSubscript,             // children[0][children[1]]
  kSlice,                 // children[0][children[1]..children[2]] (either bound may be null)
  kList,                  // [children...]
  kMap,                   // {keys[i]: children[i]}
  kCall,                  // name(children...), distinct
  kCountStar,             // count(*)
  kUnary,                 // op children[0]: kNot, kNeg, kPos
  kBinary,                // children[0] op children[1]
  kIsNull,                // children[0] IS NULL
  kIsNotNull,             // children[0] IS NOT NULL
  kLabelCheck,            // children[0]:keys[0]:keys[1]... (all labels)
  kCase,                  // see CaseExpr layout below
  kListComprehension,     // [name IN children[0] WHERE children[1] | children[2]] (1, 2 nullable)
  kQuantifier,            // name of quantifier in `function` (all|any|none|single):
                          //   function(name IN children[0] WHERE children[1])
  kReduce,                // reduce(keys[0] = children[0], name IN children[1] | children[2])
  kPatternComprehension,  // [path_var = pattern WHERE children[0] | children[1]] (0 nullable)
  kPatternPredicate,      // a relationship pattern used as an expression (a list of paths)
  kExists,                // exists(children[0]) or EXISTS { pattern }
  kMapProjection,         // name{.a, b: expr, .*}: keys[i] with children[i] (null child = .key,
                          //   key "*" = all properties)
  kExistsSubquery,        // EXISTS { MATCH ... [RETURN ...] } or EXISTS { pattern [WHERE ...] }
  kBuildPath,             // made by the planner for p = (...): children alternate node and
                          //   relationship (or relationship list) references, in pattern order
};

// Case layout: `has_test` → children[0] is the tested expression; then (when, then) pairs; then the
// else expression when `has_else`.

enum class Op : uint8_t {
  kOr,
  kXor,
  kAnd,
  kNot,
  kEq,
  kNe,
  kLt,
  kGt,
  kLe,
  kGe,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,
  kNeg,
  kPos,
  kIn,
  kStartsWith,
  kEndsWith,
  kContains,
  kRegex,
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  SourcePos pos;
  uint32_t begin = 0;  // byte range in the statement text
  uint32_t end = 0;
  Value value;           // kLiteral
  std::string name;      // variable, parameter, property key, function name
  std::string function;  // kQuantifier: all|any|none|single
  Op op = Op::kAnd;
  bool distinct = false;  // kCall with DISTINCT
  bool has_test = false;  // kCase
  bool has_else = false;  // kCase
  std::vector<ExprPtr> children;
  std::vector<std::string> keys;          // kMap keys, kLabelCheck labels, kReduce accumulator
  std::shared_ptr<PatternPart> pattern;   // kPatternComprehension, kPatternPredicate, kExists
  std::shared_ptr<SingleQuery> subquery;  // kExistsSubquery

  // Filled in by the planner (never by the parser):
  int slot = -1;   // kVariable: its row slot. kListComprehension, kQuantifier, kReduce: the slot of
                   // the local variable. An aggregate kCall / kCountStar: the slot of its result.
  int slot2 = -1;  // kReduce: the accumulator's slot
  const ScalarFunction* scalar = nullptr;  // kCall of a scalar function
  std::shared_ptr<SubPlan> subplan;        // kPatternPredicate, kPatternComprehension

  ExprPtr clone() const;
};

ExprPtr make_expr(ExprKind kind, SourcePos pos, uint32_t begin, uint32_t end);

}  // namespace kg::query::ast
