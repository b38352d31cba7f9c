// The functions Cypher statements can call: scalar functions (one value per row) and aggregate
// functions (one value per group). Names are case-insensitive.
//
// Argument and result conventions (openCypher 9):
//  - Most functions return null when an argument is null (each function's comment says when not).
//  - A wrong argument type is a kTypeError with detail "InvalidArgumentType"; a value out of range
//    a kArgumentError ("NumberOutOfRange") — Status without a position: the evaluator adds the
//    position of the call.
//  - Nodes, relationships and paths arrive fully materialized (labels, type, properties, ids).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::query {

// What a function may use beyond its arguments.
class FunctionContext {
 public:
  virtual ~FunctionContext() = default;
  // The node with this id as the statement currently sees it; kEntityNotFound when deleted.
  virtual Result<Value> node(NodeId id) = 0;
  // The labels of that node, as node(id) has them. Overridden where reading the labels alone is
  // cheaper than making the whole node (its properties).
  virtual Result<List> node_labels(NodeId id) {
    KG_ASSIGN_OR_RETURN(Value v, node(id));
    if (!v.is_node()) return Status::internal("FunctionContext::node() did not return a node");
    return List(v.as_node().labels.begin(), v.as_node().labels.end());
  }
  // A pseudo-random double in [0, 1) (for rand()).
  virtual double random() = 0;
};

using ScalarFn = Result<Value> (*)(std::span<const Value> args, FunctionContext& ctx);

struct ScalarFunction {
  std::string_view name;  // canonical spelling, e.g. "toUpper"
  uint8_t min_args;
  uint8_t max_args;
  ScalarFn fn;
};

// nullptr when there is no such function.
const ScalarFunction* find_scalar_function(std::string_view name);

// Accumulates one group's values of an aggregate call. DISTINCT is applied by the caller (it only
// passes each distinct first argument once).
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // One row's arguments (args.size() within the function's arity).
  virtual Status add(std::span<const Value> args) = 0;
  // The aggregate of everything added (for an empty group: count → 0, collect → [], sum → 0,
  // others → null).
  virtual Result<Value> result() = 0;
};

struct AggregateFunction {
  std::string_view name;
  uint8_t min_args;
  uint8_t max_args;
  std::unique_ptr<Aggregator> (*make)();
};

// nullptr when there is no such aggregate. count(*) is not here: the executor counts rows.
const AggregateFunction* find_aggregate_function(std::string_view name);

// Every function name (scalar and aggregate), for completion in the shell and db.functions().
std::span<const std::string_view> all_function_names();

}  // namespace kg::query
