// Cypher's arithmetic and string/list operators over kg::Value (openCypher 9):
//  - null in, null out;
//  - int op int stays int, with overflow an ArithmeticError ("IntegerOverflow"); int / 0 and
//    int % 0 are ArithmeticErrors ("DivisionByZero"); floats follow IEEE-754 (x / 0.0 = Infinity);
//  - int op float is float; ^ is always float;
//  - + also concatenates strings (with a number or boolean converted to text), and lists (a list
//    plus a value appends it, a value plus a list prepends it);
//  - any other combination is a TypeError ("InvalidArgumentType").
#pragma once

#include "kg/status.hpp"
#include "kg/value.hpp"
#include "query/ast/expression.hpp"

namespace kg::query {

// REQUIRES: op is kAdd, kSub, kMul, kDiv, kMod or kPow.
Result<Value> arithmetic(ast::Op op, const Value& a, const Value& b);
// Unary minus. REQUIRES: nothing; non-numbers are a TypeError.
Result<Value> negate(const Value& v);

}  // namespace kg::query
