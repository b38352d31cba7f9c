#include "shell/vocabulary.hpp"

namespace kg::shell {

namespace {

std::vector<std::string> first_column(const QueryFn& query, std::string_view statement) {
  std::vector<std::string> out;
  QueryResult r = query(statement, {});
  if (!r.ok()) return out;
  for (const Row& row : r.rows())
    if (!row.empty() && row[0].is_string()) out.push_back(row[0].as_string());
  return out;
}

}  // namespace

Vocabulary load_vocabulary(const QueryFn& query, const Map& params) {
  Vocabulary v;
  v.labels = first_column(query, "CALL db.labels()");
  v.relationship_types = first_column(query, "CALL db.relationshipTypes()");
  v.property_keys = first_column(query, "CALL db.propertyKeys()");
  for (const auto& [name, value] : params) v.parameters.push_back(name);
  return v;
}

}  // namespace kg::shell
