// Statement parameters as cypher-shell sets them: in a script, `:param <assignment>`; on the
// command line, `--param '<assignment>'`. An assignment is one of
//   name => <Cypher literal>        (cypher-shell's form; `x => [1, 2]`, `name => 'AWS'`)
//   name: <Cypher literal>          (the older form)
//   {name: <literal>, ...}          (several at once)
// where name is an identifier or a `quoted name`. The literal is any Cypher expression that needs
// no graph: it is evaluated by running `RETURN <literal> AS v`, so all of Cypher's literal syntax
// works, and the parameters set before it may be used ($x).
#pragma once

#include <string>
#include <string_view>

#include "kg/status.hpp"
#include "kg/value.hpp"
#include "shell/query_fn.hpp"

namespace kg::shell {

struct ParamAssignment {
  // The parameter's name; "" for the map form, which sets every key of the map.
  std::string name;
  // The Cypher expression text.
  std::string literal;
  // Where `literal` starts in the assignment text, in bytes.
  size_t literal_offset = 0;
};

// Parses an assignment. Errors are kInvalidArgument, with a position in `text` (line 1).
Result<ParamAssignment> parse_param_assignment(std::string_view text);

// Evaluates `literal` with `params` in scope. Errors are the engine's, with positions in
// `literal` (line 1, column 1 = its first character) when the engine gives one.
Result<Value> evaluate_literal(const QueryFn& query, std::string_view literal, const Map& params);

// Parses and evaluates `text`, then sets the parameter(s) in `params`. Errors have positions in
// `text` (line 1); on error `params` is unchanged.
Status assign_param(const QueryFn& query, std::string_view text, Map& params);

}  // namespace kg::shell
