// N-Triples (W3C RDF 1.1 N-Triples): one triple per line, `subject predicate object .`, with IRIs
// `<...>`, blank nodes `_:b0` and literals `"..."` (escapes \t \b \n \r \f \" \' \\ \uXXXX
// \UXXXXXXXX) with an optional `^^<datatype>` or `@lang`. Blank lines and `#` comments are
// skipped. How triples become nodes and relationships is the bulk loader's business
// (docs/import.md); this file parses and types literals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::engine::loader {

enum class TermKind : uint8_t { kIri, kBlank, kLiteral };

struct Term {
  TermKind kind = TermKind::kIri;
  std::string value;     // the IRI, the blank node's label (after "_:"), the literal's text
  std::string datatype;  // literals: the datatype IRI, "" when none
  std::string language;  // literals: the language tag, "" when none
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;
};

// Parses one line into `out` (whose strings are reused). Returns false for a blank or comment
// line. Errors: kInvalidArgument "column N: reason".
Result<bool> parse_ntriples_line(std::string_view line, Triple& out);

// The value of a literal: XSD integer types → integer, xsd:double / float / decimal → float,
// xsd:boolean → boolean; strings, language-tagged strings and any other datatype → the text.
// Errors: kInvalidArgument when the text is not of its datatype ("'x' is not an xsd:integer").
Result<Value> literal_value(const Term& literal);

// The last segment of an IRI: what follows its last '#', '/' or ':' (the whole IRI when that is
// empty). `http://schema.org/name` → `name`.
std::string_view local_name(std::string_view iri);

inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

}  // namespace kg::engine::loader
