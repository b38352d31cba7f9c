// Built-in procedures for CALL: db.labels(), db.relationshipTypes(), db.propertyKeys(),
// db.schema(), db.indexes(). (The algo.* procedures of the analytics issue register here too.)
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
  Result<std::vector<std::vector<Value>>> (*run)(std::span<const Value> args, ExecContext& ctx);
};

// Case-sensitive lookup of a procedure by its dotted name; nullptr when there is none.
const Procedure* find_procedure(std::string_view name);
std::span<const Procedure> all_procedures();

}  // namespace kg::query
