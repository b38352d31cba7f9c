// The tables of built-in functions, one per source file; function_registry.cpp looks names up in
// them (internal to query/functions/). Each table has static storage and lists canonical names.
#pragma once

#include <span>

#include "query/functions/function_registry.hpp"

namespace kg::query::functions {

// id, labels, type, keys, properties, startNode, endNode, nodes, relationships, length.
std::span<const ScalarFunction> entity_functions();
// size, head, last, tail, range, reverse, isEmpty.
std::span<const ScalarFunction> list_functions();
// toUpper, toLower, trim, ltrim, rtrim, substring, replace, split, left, right, char_length...
std::span<const ScalarFunction> string_functions();
// abs, sign, round, floor, ceil, sqrt, exp, log, log10, e, pi, rand, isNaN.
std::span<const ScalarFunction> math_functions();
// sin, cos, tan, cot, asin, acos, atan, atan2, degrees, radians, haversin.
std::span<const ScalarFunction> trig_functions();
// toString, toInteger, toFloat, toBoolean, their *OrNull forms, coalesce.
std::span<const ScalarFunction> conversion_functions();

// count, sum, avg, min, max, collect.
std::span<const AggregateFunction> basic_aggregates();
// stDev, stDevP, percentileCont, percentileDisc.
std::span<const AggregateFunction> statistical_aggregates();

}  // namespace kg::query::functions
