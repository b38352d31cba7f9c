// Type conversions and null handling: toString, toInteger, toFloat, toBoolean, their *OrNull
// forms, coalesce, nullIf.
//
// A conversion returns null for null and for a string it cannot parse. A value of a kind it does
// not convert is a kTypeError "InvalidArgumentValue" (TCK TypeConversion1-4), and a number outside
// the INTEGER range a kArgumentError "NumberOutOfRange"; the *OrNull forms return null instead of
// either error.
#include <cmath>
#include <cstdint>
#include <string>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/function_args.hpp"
#include "query/functions/number_parsing.hpp"
#include "query/functions/utf8.hpp"
#include "query/values/comparison.hpp"

namespace kg::query::functions {

namespace {

// toString: INTEGER, FLOAT (as Value::to_string() renders it: 1.0, 1e+20, NaN), BOOLEAN, STRING.
Result<Value> convert_to_string(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kString:
      return v;
    case ValueType::kInt:
    case ValueType::kFloat:
    case ValueType::kBool:
      return Value(v.to_string());
    default:
      return invalid_argument("toString", "INTEGER, FLOAT, BOOLEAN or STRING", v);
  }
}

// toInteger: FLOAT truncated toward zero (82.9 → 82), BOOLEAN as 1 / 0, STRING parsed with
// parse_integer() ('1.9' → 1).
Result<Value> convert_to_integer(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kInt:
      return v;
    case ValueType::kBool:
      return Value(int64_t{v.as_bool() ? 1 : 0});
    case ValueType::kFloat: {
      double d = std::trunc(v.as_float());
      // 2^63 is the first double past int64's range; NaN fails both comparisons.
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return number_out_of_range("toInteger", describe(v) + " does not fit in an INTEGER");
      return Value(static_cast<int64_t>(d));
    }
    case ValueType::kString: {
      ParsedInteger parsed = parse_integer(v.as_string());
      if (parsed.status == ParseStatus::kInvalid) return Value();
      if (parsed.status == ParseStatus::kOutOfRange)
        return number_out_of_range("toInteger", describe(v) + " does not fit in an INTEGER");
      return Value(parsed.value);
    }
    default:
      return invalid_argument("toInteger", "INTEGER, FLOAT, BOOLEAN or STRING", v);
  }
}

// toFloat: INTEGER converted, STRING parsed with parse_float(). BOOLEAN is an error (TCK
// TypeConversion3 [6]).
Result<Value> convert_to_float(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kFloat:
      return v;
    case ValueType::kInt:
      return Value(static_cast<double>(v.as_int()));
    case ValueType::kString: {
      std::optional<double> parsed = parse_float(v.as_string());
      return parsed ? Value(*parsed) : Value();
    }
    default:
      return invalid_argument("toFloat", "INTEGER, FLOAT or STRING", v);
  }
}

bool equals_ascii_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// toBoolean: STRING 'true' / 'false' in any case, surrounding whitespace ignored (others null),
// INTEGER 0 → false and others → true. FLOAT is an error (TCK TypeConversion1 [5]).
Result<Value> convert_to_boolean(const Value& v) {
  switch (v.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kBool:
      return v;
    case ValueType::kInt:
      return Value(v.as_int() != 0);
    case ValueType::kString: {
      std::string_view s = utf8::trim(v.as_string());
      if (equals_ascii_ignoring_case(s, "true")) return Value(true);
      if (equals_ascii_ignoring_case(s, "false")) return Value(false);
      return Value();
    }
    default:
      return invalid_argument("toBoolean", "BOOLEAN, INTEGER or STRING", v);
  }
}

template <Result<Value> (*Convert)(const Value&)>
Result<Value> convert(std::span<const Value> args, FunctionContext&) {
  return Convert(args[0]);
}

template <Result<Value> (*Convert)(const Value&)>
Result<Value> convert_or_null(std::span<const Value> args, FunctionContext&) {
  Result<Value> r = Convert(args[0]);
  return r.has_value() ? std::move(r) : Result<Value>(Value());
}

// coalesce(a, ...): the first argument that is not null, or null.
Result<Value> coalesce(std::span<const Value> args, FunctionContext&) {
  for (const Value& v : args)
    if (!v.is_null()) return v;
  return Value();
}

// nullIf(a, b): null when a and b are equivalent (1 and 1.0 are), a otherwise.
Result<Value> null_if(std::span<const Value> args, FunctionContext&) {
  if (equivalent(args[0], args[1])) return Value();
  return args[0];
}

constexpr ScalarFunction kConversionFunctions[] = {
    {"toString", 1, 1, &convert<&convert_to_string>},
    {"toStringOrNull", 1, 1, &convert_or_null<&convert_to_string>},
    {"toInteger", 1, 1, &convert<&convert_to_integer>},
    {"toIntegerOrNull", 1, 1, &convert_or_null<&convert_to_integer>},
    {"toFloat", 1, 1, &convert<&convert_to_float>},
    {"toFloatOrNull", 1, 1, &convert_or_null<&convert_to_float>},
    {"toBoolean", 1, 1, &convert<&convert_to_boolean>},
    {"toBooleanOrNull", 1, 1, &convert_or_null<&convert_to_boolean>},
    {"coalesce", 1, 255, &coalesce},
    {"nullIf", 2, 2, &null_if},
};

}  // namespace

std::span<const ScalarFunction> conversion_functions() { return kConversionFunctions; }

}  // namespace kg::query::functions
