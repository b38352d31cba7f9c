// The header of a neo4j-admin style CSV file: one field per column, "name:type" (DESIGN.md §7,
// docs/import.md). Node files: `name:ID(space)`, `:LABEL`, properties, `:IGNORE`.
// Relationship files: `:START_ID(space)`, `:END_ID(space)`, `:TYPE`, properties, `:IGNORE`.
// Property types: int, long, short, byte, float, double, boolean, string, char, and their arrays
// (`int[]`); names of types in any case; no type means string.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/loader/csv_reader.hpp"
#include "kg/status.hpp"

namespace kg::engine::loader {

enum class ScalarKind : uint8_t { kString, kInt, kFloat, kBool };

struct FieldType {
  ScalarKind kind = ScalarKind::kString;
  uint8_t int_bits = 64;  // kInt: 8 (byte), 16 (short), 32 (int) or 64 (long)
  bool array = false;     // values split at the array delimiter
  friend bool operator==(const FieldType&, const FieldType&) = default;
};

// "int" → kInt/32, "LONG" → kInt/64, "double[]" → array of kFloat, ...; nullopt when unknown.
std::optional<FieldType> parse_field_type(std::string_view name);

enum class ColumnRole : uint8_t { kProperty, kId, kLabel, kStartId, kEndId, kType, kIgnore };

struct Column {
  ColumnRole role = ColumnRole::kProperty;
  // The property it sets: kProperty, and kId when named (`name:ID` stores `name` as a string).
  std::string name;
  std::string id_space;  // kId, kStartId, kEndId: "" is the default space
  FieldType type;        // kProperty
};

enum class FileKind : uint8_t { kNodes, kRelationships };

// The columns of a header. Errors ("file:line: reason"): an unknown type, a column that does not
// belong in this kind of file, a missing :START_ID or :END_ID, two :ID columns, a property named
// twice, an empty field.
Result<std::vector<Column>> parse_header(std::span<const CsvField> fields, FileKind kind,
                                         std::string_view file, uint64_t line);

}  // namespace kg::engine::loader
