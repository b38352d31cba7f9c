// Vocabulary: the names in the open graph that the shell completes — labels, relationship types,
// property keys — and the parameters set so far. Loaded with CALL db.labels(),
// db.relationshipTypes() and db.propertyKeys() (on the shell's connection, so that names created
// in an open transaction show up).
#pragma once

#include <string>
#include <vector>

#include "kg/status.hpp"
#include "kg/value.hpp"
#include "shell/query_fn.hpp"

namespace kg::shell {

struct Vocabulary {
  std::vector<std::string> labels;
  std::vector<std::string> relationship_types;
  std::vector<std::string> property_keys;
  std::vector<std::string> parameters;
};

// The graph's names; `params` gives the parameter names. A failed CALL leaves its list empty.
Vocabulary load_vocabulary(const QueryFn& query, const Map& params);

}  // namespace kg::shell
