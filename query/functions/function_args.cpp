#include "query/functions/function_args.hpp"

namespace kg::query::functions {

namespace {

constexpr size_t kMaxLiteralInMessage = 40;

}  // namespace

std::string describe(const Value& v) {
  std::string out(value_type_name(v.type()));
  if (v.is_null()) return out;
  std::string literal = v.to_literal();
  if (literal.size() > kMaxLiteralInMessage) {
    literal.resize(kMaxLiteralInMessage);
    literal += "...";
  }
  out += ' ';
  out += literal;
  return out;
}

Status invalid_argument(std::string_view fn, std::string_view expected, const Value& got) {
  std::string message(fn);
  message += "(): expected ";
  message += expected;
  message += ", got ";
  message += describe(got);
  return Status(StatusCode::kTypeError, std::move(message), {}, "InvalidArgumentValue");
}

Status number_out_of_range(std::string_view fn, std::string_view message) {
  std::string text(fn);
  text += "(): ";
  text += message;
  return Status(StatusCode::kArgumentError, std::move(text), {}, "NumberOutOfRange");
}

bool any_null(std::span<const Value> args) {
  for (const Value& v : args)
    if (v.is_null()) return true;
  return false;
}

Result<int64_t> integer_arg(std::string_view fn, const Value& v) {
  if (!v.is_int()) return invalid_argument(fn, "INTEGER", v);
  return v.as_int();
}

Result<double> number_arg(std::string_view fn, const Value& v) {
  if (!v.is_number()) return invalid_argument(fn, "INTEGER or FLOAT", v);
  return v.as_number();
}

Result<Value> float_of_number(std::span<const Value> args, std::string_view fn,
                              double (*op)(double)) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(double x, number_arg(fn, args[0]));
  return Value(op(x));
}

Result<std::string_view> string_arg(std::string_view fn, const Value& v) {
  if (!v.is_string()) return invalid_argument(fn, "STRING", v);
  return std::string_view(v.as_string());
}

}  // namespace kg::query::functions
