// Spelling names and values for the export formats. Internal to api/export/.
#pragma once

#include <string>
#include <string_view>

#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::api {

// A label, type or key as Cypher reads it: bare when it is a plain identifier, else in backticks.
std::string cypher_name(std::string_view name);

// A property value as a Cypher literal: kNotSupported for maps and lists inside lists, which
// Cypher cannot store. NaN and the infinities become 0.0/0.0, 1.0/0.0, -1.0/0.0.
Result<std::string> cypher_literal(const Value& v);

// What an element is called in error messages: "node 7", "relationship 3".
std::string element_name(const Node& n);
std::string element_name(const Relationship& r);

}  // namespace kg::api
