// Typed values from CSV fields, as neo4j-admin reads them (docs/import.md): integers and floats
// with surrounding spaces allowed, booleans `true` / `false` in any case, strings exactly as
// written (valid UTF-8 required), arrays split at the array delimiter.
#pragma once

#include <string>
#include <string_view>

#include "engine/loader/csv_header.hpp"
#include "engine/loader/csv_reader.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::engine::loader {

// The value of `field` as `type`: null (the property is absent) for an empty unquoted field, and
// for a quoted empty one of a non-string scalar type; "" for a quoted empty string; [] for a
// quoted empty array. Errors: kInvalidArgument with the reason only (the caller adds file:line),
// e.g. "'12x' is not an integer".
Result<Value> parse_field(const CsvField& field, FieldType type, char array_delimiter);

// One scalar, as parse_field. REQUIRES: !type.array.
Result<Value> parse_scalar(std::string_view text, FieldType type);

}  // namespace kg::engine::loader
