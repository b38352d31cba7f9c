// Name lookup over the built-in function tables (builtin_functions.hpp). Names match
// case-insensitively (ASCII); the tables are small, so lookup is a linear scan (the binder looks a
// name up once per call site).
#include "query/functions/function_registry.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "query/functions/builtin_functions.hpp"

namespace kg::query {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

bool less_ignoring_case(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return lower_ascii(x) < lower_ascii(y);
  });
}

constexpr std::span<const ScalarFunction> (*kScalarTables[])() = {
    &functions::entity_functions, &functions::list_functions, &functions::string_functions,
    &functions::math_functions,   &functions::trig_functions, &functions::conversion_functions,
};

constexpr std::span<const AggregateFunction> (*kAggregateTables[])() = {
    &functions::basic_aggregates,
    &functions::statistical_aggregates,
};

}  // namespace

const ScalarFunction* find_scalar_function(std::string_view name) {
  for (auto table : kScalarTables)
    for (const ScalarFunction& f : table())
      if (equals_ignoring_case(f.name, name)) return &f;
  return nullptr;
}

const AggregateFunction* find_aggregate_function(std::string_view name) {
  for (auto table : kAggregateTables)
    for (const AggregateFunction& f : table())
      if (equals_ignoring_case(f.name, name)) return &f;
  return nullptr;
}

std::span<const std::string_view> all_function_names() {
  // Built once, then constant; sorted case-insensitively.
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (auto table : kScalarTables)
      for (const ScalarFunction& f : table()) out.push_back(f.name);
    for (auto table : kAggregateTables)
      for (const AggregateFunction& f : table()) out.push_back(f.name);
    std::sort(out.begin(), out.end(), less_ignoring_case);
    return out;
  }();
  return names;
}

}  // namespace kg::query
