// Cypher's comparison semantics over kg::Value (openCypher 9, "Comparability and equality" and
// "Orderability"):
//  - equals(): `=` — three-valued (null when either side is null or a list/map holds a null that
//    decides it); numbers compare by value across int and float (1 = 1.0); NaN equals nothing.
//  - compare(): `<`, `<=`, `>`, `>=` — only values of one kind are comparable (numbers, strings,
//    booleans, lists); otherwise null. Any comparison with NaN is false.
//  - order(): the total order of ORDER BY: map < node < relationship < list < path < string <
//    boolean < number < null, NaN above every other number.
//  - equivalent() / hash(): the equivalence of DISTINCT, grouping keys and IN-lists' dedup:
//    like equals() but null is equivalent to null and NaN to NaN.
#pragma once

#include <cstddef>
#include <optional>

#include "kg/value.hpp"

namespace kg::query {

// A three-valued truth value. Null is SQL's unknown.
enum class Tri : uint8_t { kFalse = 0, kTrue = 1, kNull = 2 };

inline Tri to_tri(bool b) { return b ? Tri::kTrue : Tri::kFalse; }
Tri tri_not(Tri a);
Tri tri_and(Tri a, Tri b);
Tri tri_or(Tri a, Tri b);
Tri tri_xor(Tri a, Tri b);
Value tri_value(Tri t);  // null, false or true

Tri equals(const Value& a, const Value& b);

// The result of an ordering comparison: <0, 0, >0; kUnordered for comparisons that are false
// whatever the operator (NaN); nullopt when the values are not comparable (the result is null).
enum class Cmp : int8_t { kLess = -1, kEqual = 0, kGreater = 1, kUnordered = 2 };
std::optional<Cmp> compare(const Value& a, const Value& b);

// The total order of ORDER BY: negative, zero or positive.
int order(const Value& a, const Value& b);

bool equivalent(const Value& a, const Value& b);
size_t hash(const Value& v);

struct ValueHash {
  size_t operator()(const Value& v) const { return hash(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return equivalent(a, b); }
};
// Rows of values, hashed and compared element by element with equivalent().
struct RowHash {
  size_t operator()(const std::vector<Value>& row) const;
};
struct RowEquivalent {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

}  // namespace kg::query
