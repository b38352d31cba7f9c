// Built-in procedures for CALL: db.labels(), db.relationshipTypes(), db.propertyKeys(),
// db.schema(), db.indexes(), db.check(), and the graph algorithms algo.*
// (query/procedures/algo_*.cpp).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.hpp"
#include "kg/value.hpp"
#include "query/executor/exec_context.hpp"

namespace kg::query {

struct Procedure {
  std::string_view name;
  std::vector<std::string_view> inputs;   // argument names, in order
  std::vector<std::string_view> outputs;  // output field names, in order
  // The output rows, one value per output field. REQUIRES: args.size() == inputs.size().
  // A missing optional argument is passed as null. A ProcedureError or InvalidArgument without a
  // position gets the CALL's.
  Result<std::vector<std::vector<Value>>> (*run)(std::span<const Value> args, ExecContext& ctx);
  // How many of the last inputs may be left out.
  size_t optional_inputs = 0;
  // The last input is an options map; when it is a literal map with a `write` key, the statement
  // needs a write transaction.
  bool options_last = false;
};

// The algo.* procedures (query/procedures/algo_procedures.cpp).
std::span<const Procedure> algo_procedures();

// Case-sensitive lookup of a procedure by its dotted name; nullptr when there is none.
const Procedure* find_procedure(std::string_view name);
std::span<const Procedure> all_procedures();

}  // namespace kg::query
