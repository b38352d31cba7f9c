// Numeric functions: abs, sign, round, floor, ceil, sqrt, exp, log, log10, e, pi, rand, isNaN.
// A null argument gives null; a non-number a kTypeError "InvalidArgumentValue". abs() keeps the
// argument's type; sign() returns an INTEGER; the others return a FLOAT, as in Neo4j
// (round(3) = 3.0, floor(1) = 1.0). Domain errors follow IEEE: sqrt(-1) is NaN, log(0) -Infinity.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/function_args.hpp"
#include "query/functions/rounding.hpp"

namespace kg::query::functions {

namespace {

Result<Value> abs(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_float()) return Value(std::fabs(v.as_float()));
  KG_ASSIGN_OR_RETURN(int64_t i, integer_arg("abs", v));
  if (i == std::numeric_limits<int64_t>::min()) {
    return Status(StatusCode::kArithmeticError,
                  "abs(): " + std::to_string(i) + " has no absolute value in the INTEGER range", {},
                  "IntegerOverflow");
  }
  return Value(i < 0 ? -i : i);
}

// sign(x): -1, 0 or 1 as an INTEGER (0 for NaN).
Result<Value> sign(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_int()) return Value(int64_t{(v.as_int() > 0) - (v.as_int() < 0)});
  KG_ASSIGN_OR_RETURN(double d, number_arg("sign", v));
  return Value(int64_t{(d > 0) - (d < 0)});
}

// round(x): the nearest integral FLOAT, ties toward positive infinity (round(-1.5) = -1.0).
// round(x, precision): to `precision` decimal places, ties away from zero (round(-1.55, 1) =
// -1.6), except that precision 0 rounds as round(x). round(x, precision, mode): with a Java
// RoundingMode name (UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN); another name is a
// kArgumentError "InvalidArgumentValue". A FLOAT precision is truncated toward zero.
Result<Value> round(std::span<const Value> args, FunctionContext&) {
  if (any_null(args)) return Value();
  const Value& x = args[0];
  if (!x.is_number()) return invalid_argument("round", "INTEGER or FLOAT", x);
  int64_t precision = 0;
  if (args.size() > 1) {
    KG_ASSIGN_OR_RETURN(double p, number_arg("round", args[1]));
    if (std::isnan(p)) return number_out_of_range("round", "the precision is NaN");
    precision =
        args[1].is_int() ? args[1].as_int() : static_cast<int64_t>(std::clamp(p, -1e9, 1e9));
  }
  RoundingMode mode = precision == 0 ? RoundingMode::kHalfCeiling : RoundingMode::kHalfUp;
  if (args.size() > 2) {
    KG_ASSIGN_OR_RETURN(std::string_view name, string_arg("round", args[2]));
    std::optional<RoundingMode> named = rounding_mode_from_name(name);
    if (!named) {
      return Status(StatusCode::kArgumentError,
                    "round(): unknown rounding mode '" + std::string(name) +
                        "'; expected UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN",
                    {}, "InvalidArgumentValue");
    }
    mode = *named;
  }
  if (x.is_int()) return Value(round_decimal(x.as_int(), precision, mode));
  return Value(round_decimal(x.as_float(), precision, mode));
}

Result<Value> floor(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "floor", [](double x) { return std::floor(x); });
}

Result<Value> ceil(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "ceil", [](double x) { return std::ceil(x); });
}

Result<Value> sqrt(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "sqrt", [](double x) { return std::sqrt(x); });
}

Result<Value> exp(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "exp", [](double x) { return std::exp(x); });
}

Result<Value> log(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "log", [](double x) { return std::log(x); });
}

Result<Value> log10(std::span<const Value> args, FunctionContext&) {
  return float_of_number(args, "log10", [](double x) { return std::log10(x); });
}

Result<Value> e(std::span<const Value>, FunctionContext&) { return Value(std::numbers::e); }

Result<Value> pi(std::span<const Value>, FunctionContext&) { return Value(std::numbers::pi); }

// rand(): a FLOAT in [0, 1) from FunctionContext::random().
Result<Value> rand(std::span<const Value>, FunctionContext& ctx) { return Value(ctx.random()); }

// isNaN(x): true only for a FLOAT NaN.
Result<Value> is_nan(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_number()) return invalid_argument("isNaN", "INTEGER or FLOAT", v);
  return Value(v.is_float() && std::isnan(v.as_float()));
}

constexpr ScalarFunction kMathFunctions[] = {
    {"abs", 1, 1, &abs},      {"sign", 1, 1, &sign}, {"round", 1, 3, &round},
    {"floor", 1, 1, &floor},  {"ceil", 1, 1, &ceil}, {"sqrt", 1, 1, &sqrt},
    {"exp", 1, 1, &exp},      {"log", 1, 1, &log},   {"log10", 1, 1, &log10},
    {"e", 0, 0, &e},          {"pi", 0, 0, &pi},     {"rand", 0, 0, &rand},
    {"isNaN", 1, 1, &is_nan},
};

}  // namespace

std::span<const ScalarFunction> math_functions() { return kMathFunctions; }

}  // namespace kg::query::functions
