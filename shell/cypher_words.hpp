// The words the shell completes in a statement: Cypher keywords, function names and procedure
// names.
//
// The shell sees only the public API (include/kg), which has no list of functions, so the
// function and procedure names are copied here from query/functions/ (the *_functions.cpp and
// aggregate tables, plus the parser's all/any/none/single/reduce/exists/shortestPath) and
// query/procedures/procedures.cpp. When those change, change this list; a `dbms.functions()` /
// `dbms.procedures()` procedure in the query layer would let the shell ask instead.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace kg::shell {

// Keywords, in upper case.
std::span<const std::string_view> cypher_keywords();
// Function names as Cypher spells them (toUpper, percentileCont), sorted case-insensitively.
std::span<const std::string_view> cypher_functions();
// Procedure names for CALL (db.labels, ...).
std::span<const std::string_view> cypher_procedures();
// Whether the procedure `name` takes arguments (kg.import takes a map; the db.* ones nothing).
bool procedure_takes_arguments(std::string_view name);

// A label, type, key or parameter name as Cypher writes it: bare when it is an identifier
// (ASCII letters, digits and '_', not starting with a digit), else in backticks, inner ones
// doubled: `full name`.
std::string cypher_name(std::string_view name);

}  // namespace kg::shell
