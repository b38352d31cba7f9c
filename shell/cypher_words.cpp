#include "shell/cypher_words.hpp"

#include <cctype>

namespace kg::shell {

namespace {

constexpr std::string_view kKeywords[] = {
    "ALL",     "AND",    "AS",      "ASC",        "ASCENDING",  "ASSERT",      "BEGIN",
    "BY",      "CALL",   "CASE",    "COMMIT",     "CONSTRAINT", "CONSTRAINTS", "CONTAINS",
    "CREATE",  "DELETE", "DESC",    "DESCENDING", "DETACH",     "DISTINCT",    "DROP",
    "ELSE",    "END",    "ENDS",    "EXISTS",     "EXPLAIN",    "FALSE",       "FOR",
    "IF",      "IN",     "INDEX",   "INDEXES",    "IS",         "LIMIT",       "MATCH",
    "MERGE",   "NOT",    "NULL",    "ON",         "OPTIONAL",   "OR",          "ORDER",
    "PROFILE", "REMOVE", "REQUIRE", "RETURN",     "ROLLBACK",   "SET",         "SHOW",
    "SKIP",    "STARTS", "THEN",    "TRUE",       "UNION",      "UNIQUE",      "UNWIND",
    "WHEN",    "WHERE",  "WITH",    "XOR",        "YIELD",
};

// From query/functions/ (see the header), and the parser's special forms.
constexpr std::string_view kFunctions[] = {
    "abs",
    "acos",
    "all",
    "allShortestPaths",
    "any",
    "asin",
    "atan",
    "atan2",
    "avg",
    "ceil",
    "char_length",
    "character_length",
    "coalesce",
    "collect",
    "cos",
    "cot",
    "count",
    "degrees",
    "e",
    "endNode",
    "exists",
    "exp",
    "floor",
    "haversin",
    "head",
    "id",
    "isEmpty",
    "isNaN",
    "keys",
    "labels",
    "last",
    "left",
    "length",
    "log",
    "log10",
    "lower",
    "ltrim",
    "max",
    "min",
    "nodes",
    "none",
    "nullIf",
    "percentileCont",
    "percentileDisc",
    "pi",
    "properties",
    "radians",
    "rand",
    "range",
    "reduce",
    "relationships",
    "replace",
    "reverse",
    "right",
    "round",
    "rtrim",
    "shortestPath",
    "sign",
    "sin",
    "single",
    "size",
    "split",
    "sqrt",
    "startNode",
    "stDev",
    "stDevP",
    "substring",
    "sum",
    "tail",
    "tan",
    "toBoolean",
    "toBooleanOrNull",
    "toFloat",
    "toFloatOrNull",
    "toInteger",
    "toIntegerOrNull",
    "toLower",
    "toString",
    "toStringOrNull",
    "toUpper",
    "trim",
    "type",
    "upper",
};

// From query/procedures/procedures.cpp, and kg.import (query/procedures/import_call.cpp).
constexpr std::string_view kProcedures[] = {
    "db.check",  "db.indexes", "db.labels", "db.propertyKeys", "db.relationshipTypes",
    "db.schema", "kg.import",
};

}  // namespace

std::span<const std::string_view> cypher_keywords() { return kKeywords; }
std::span<const std::string_view> cypher_functions() { return kFunctions; }
std::span<const std::string_view> cypher_procedures() { return kProcedures; }
bool procedure_takes_arguments(std::string_view name) { return name == "kg.import"; }

std::string cypher_name(std::string_view name) {
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
  if (plain) return std::string(name);
  std::string quoted = "`";
  for (char c : name) {
    if (c == '`') quoted.push_back('`');
    quoted.push_back(c);
  }
  return quoted + "`";
}

}  // namespace kg::shell
