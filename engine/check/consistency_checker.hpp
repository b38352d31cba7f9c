// Consistency checker: verifies, by scanning one snapshot of a graph's column families, every
// invariant that docs/storage_format.md §8 says holds after each commit (S1–S5 shapes — S5 for
// RocksDB's default column family, not for unknown ones —, C1–C4
// catalog, N1 labels, R1–R2 relationships and adjacency, P1–P3 property indexes, T1–T3 statistics
// and id counters), and reports each violation with the ids involved (docs/check.md).
//
// It reads through a read KvTransaction, so it sees one committed state and may run while a
// writer commits. It needs only the Store, not the Catalog loaded by Graph::open, so that it can
// also check a graph whose catalog Graph::open refuses.
// Memory: O(nodes + relationships + index entries) of ids and expected keys.
// Thread-safety: stateless function; safe to call from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/storage/store.hpp"
#include "kg/status.hpp"

namespace kg::engine::check {

// One broken invariant. `kind` is the invariant's name in docs/storage_format.md §8 ("R2", "P1",
// ...); `message` says what is wrong, naming node, relationship, label, type and key ids.
struct Violation {
  std::string kind;
  std::string message;
};

struct CheckOptions {
  // Violations kept in CheckReport::violations; the rest are only counted.
  size_t max_violations = 1000;
};

struct CheckReport {
  uint64_t nodes = 0;          // node records scanned
  uint64_t relationships = 0;  // relationship records scanned
  uint64_t index_entries = 0;  // label_nodes, adj and prop_index entries scanned
  uint64_t violation_count = 0;
  std::vector<Violation> violations;  // the first CheckOptions::max_violations, in scan order
  bool ok() const { return violation_count == 0; }
};

// Checks the latest committed state of `store`. A broken invariant is a violation in the report,
// not an error; errors are only kIOError / kCorruption from RocksDB while scanning.
Result<CheckReport> check_consistency(const Store& store, const CheckOptions& options = {});

}  // namespace kg::engine::check
