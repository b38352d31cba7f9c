// Argument checks and error factories shared by the built-in functions (internal to
// query/functions/).
//
// Error conventions (openCypher TCK):
//  - An argument of the wrong kind at runtime is a kTypeError with detail "InvalidArgumentValue"
//    (TCK TypeConversion1-4, Graph3 [9], Graph4 [6]).
//  - A number outside a function's domain is a kArgumentError with detail "NumberOutOfRange"
//    (TCK List11 [4], Aggregation6 [3]-[5]).
// Statuses carry no position: the evaluator adds the position of the call.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::query::functions {

// kTypeError "InvalidArgumentValue": "toUpper(): expected STRING, got INTEGER 1".
Status invalid_argument(std::string_view fn, std::string_view expected, const Value& got);

// kArgumentError "NumberOutOfRange" with `fn + "(): " + message`.
Status number_out_of_range(std::string_view fn, std::string_view message);

// A short description of a value for error messages: its type and (cut) literal, "INTEGER 1".
std::string describe(const Value& v);

// True when any argument is null (most functions then return null).
bool any_null(std::span<const Value> args);

// The argument as an int64, or invalid_argument() when it is not an INTEGER.
Result<int64_t> integer_arg(std::string_view fn, const Value& v);

// The argument as a double (integers converted), or invalid_argument() when it is not a number.
Result<double> number_arg(std::string_view fn, const Value& v);

// A FLOAT-valued function of one number: null for null, `op` of the number otherwise, and
// invalid_argument() for anything else.
Result<Value> float_of_number(std::span<const Value> args, std::string_view fn,
                              double (*op)(double));

// The argument as a string, or invalid_argument() when it is not a STRING.
// The view lives as long as `v`.
Result<std::string_view> string_arg(std::string_view fn, const Value& v);

}  // namespace kg::query::functions
