// The graph the Cypher targets run against: a few companies and products with properties of every
// storable type, relationships with properties, a self-loop, an index and a unique constraint —
// so that statements reach index seeks, expansions and constraint checks. Built once per process
// under scratch_dir(); never changed afterwards (run_query rolls every statement back).
#pragma once

#include "kg/database.hpp"

namespace kg::fuzz {

// Fails (aborts) when the graph cannot be built.
Database& small_graph();

}  // namespace kg::fuzz
