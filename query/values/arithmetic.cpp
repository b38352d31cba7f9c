#include "query/values/arithmetic.hpp"

#include <cmath>
#include <limits>

namespace kg::query {

using ast::Op;

namespace {

Status type_error(std::string_view what, const Value& a, const Value& b) {
  return Status(StatusCode::kTypeError,
                "cannot " + std::string(what) + " " + std::string(value_type_name(a.type())) +
                    " and " + std::string(value_type_name(b.type())),
                {}, "InvalidArgumentType");
}

Status overflow() {
  return Status(StatusCode::kArithmeticError, "integer overflow", {}, "IntegerOverflow");
}

Result<Value> int_op(Op op, int64_t x, int64_t y) {
  int64_t r = 0;
  switch (op) {
    case Op::kAdd:
      if (__builtin_add_overflow(x, y, &r)) return overflow();
      return Value(r);
    case Op::kSub:
      if (__builtin_sub_overflow(x, y, &r)) return overflow();
      return Value(r);
    case Op::kMul:
      if (__builtin_mul_overflow(x, y, &r)) return overflow();
      return Value(r);
    case Op::kDiv:
      if (y == 0) return Status(StatusCode::kArithmeticError, "/ by zero", {}, "DivisionByZero");
      if (x == std::numeric_limits<int64_t>::min() && y == -1) return overflow();
      return Value(x / y);
    case Op::kMod:
      if (y == 0) return Status(StatusCode::kArithmeticError, "% by zero", {}, "DivisionByZero");
      if (y == -1) return Value(int64_t{0});
      return Value(x % y);
    case Op::kPow:
      return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
    default:
      return Status::internal("not an arithmetic operator");
  }
}

Value float_op(Op op, double x, double y) {
  switch (op) {
    case Op::kAdd:
      return Value(x + y);
    case Op::kSub:
      return Value(x - y);
    case Op::kMul:
      return Value(x * y);
    case Op::kDiv:
      return Value(x / y);
    case Op::kMod:
      return Value(std::fmod(x, y));
    case Op::kPow:
      return Value(std::pow(x, y));
    default:
      return Value();
  }
}

// The text a value takes when concatenated to a string.
bool concat_text(const Value& v, std::string& out) {
  switch (v.type()) {
    case ValueType::kString:
      out += v.as_string();
      return true;
    case ValueType::kInt:
    case ValueType::kFloat:
    case ValueType::kBool:
      out += v.to_string();
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<Value> arithmetic(Op op, const Value& a, const Value& b) {
  if (op == Op::kAdd) {
    if (a.is_list() || b.is_list()) {
      List out;
      if (a.is_list()) {
        out = a.as_list();
      } else {
        out.push_back(a);
      }
      if (b.is_list()) {
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      } else {
        out.push_back(b);
      }
      return Value(std::move(out));
    }
  }
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return int_op(op, a.as_int(), b.as_int());
    return float_op(op, a.as_number(), b.as_number());
  }
  if (op == Op::kAdd && (a.is_string() || b.is_string())) {
    std::string out;
    if (concat_text(a, out) && concat_text(b, out)) return Value(std::move(out));
    return type_error("add", a, b);
  }
  switch (op) {
    case Op::kAdd:
      return type_error("add", a, b);
    case Op::kSub:
      return type_error("subtract", a, b);
    case Op::kMul:
      return type_error("multiply", a, b);
    case Op::kDiv:
      return type_error("divide", a, b);
    case Op::kMod:
      return type_error("take the remainder of", a, b);
    default:
      return type_error("raise to a power", a, b);
  }
}

Result<Value> negate(const Value& v) {
  if (v.is_null()) return Value();
  if (v.is_int()) {
    if (v.as_int() == std::numeric_limits<int64_t>::min()) return overflow();
    return Value(-v.as_int());
  }
  if (v.is_float()) return Value(-v.as_float());
  return Status(StatusCode::kTypeError, "cannot negate " + std::string(value_type_name(v.type())),
                {}, "InvalidArgumentType");
}

}  // namespace kg::query
