// Trigonometric functions: sin, cos, tan, cot, asin, acos, atan, atan2, degrees, radians,
// haversin. Angles are in radians; every result is a FLOAT. A null argument gives null; a
// non-number a kTypeError "InvalidArgumentValue". Out-of-domain arguments give NaN (asin(2)).
#include <cmath>
#include <numbers>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/function_args.hpp"

namespace kg::query::functions {

namespace {

Result<Value> sin(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "sin", [](double x) { return std::sin(x); });
}

Result<Value> cos(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "cos", [](double x) { return std::cos(x); });
}

Result<Value> tan(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "tan", [](double x) { return std::tan(x); });
}

// cot(x) = 1 / tan(x); cot(0) = Infinity.
Result<Value> cot(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "cot", [](double x) { return 1.0 / std::tan(x); });
}

Result<Value> asin(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "asin", [](double x) { return std::asin(x); });
}

Result<Value> acos(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "acos", [](double x) { return std::acos(x); });
}

Result<Value> atan(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "atan", [](double x) { return std::atan(x); });
}

// atan2(y, x): the angle of the point (x, y).
Result<Value> atan2(std::span<const Value> args, FunctionContext&) {
  if (any_null(args)) return Value();
  KG_ASSIGN_OR_RETURN(double y, number_arg("atan2", args[0]));
  KG_ASSIGN_OR_RETURN(double x, number_arg("atan2", args[1]));
  return Value(std::atan2(y, x));
}

Result<Value> degrees(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "degrees", [](double x) { return x * (180.0 / std::numbers::pi); });
}

Result<Value> radians(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "radians", [](double x) { return x * (std::numbers::pi / 180.0); });
}

// haversin(x) = (1 - cos(x)) / 2.
Result<Value> haversin(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "haversin", [](double x) { return (1.0 - std::cos(x)) / 2.0; });
}

constexpr ScalarFunction kTrigFunctions[] = {
    {"sin", 1, 1, &sin},         {"cos", 1, 1, &cos},           {"tan", 1, 1, &tan},
    {"cot", 1, 1, &cot},         {"asin", 1, 1, &asin},         {"acos", 1, 1, &acos},
    {"atan", 1, 1, &atan},       {"atan2", 2, 2, &atan2},       {"degrees", 1, 1, &degrees},
    {"radians", 1, 1, &radians}, {"haversin", 1, 1, &haversin},
};

}  // namespace

std::span<const ScalarFunction> trig_functions() { return kTrigFunctions; }

}  // namespace kg::query::functions
