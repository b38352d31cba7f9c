// Consistency check of a graph (docs/check.md): verifies every invariant of
// docs/storage_format.md §8 — adjacency pairs, label index, property indexes, unique constraints,
// statistics, id counters, catalog — on one snapshot, and lists what is broken.
//
//   kg::Result<kg::CheckReport> r = kg::check_graph(db);
//   if (r && !r->ok()) for (const auto& v : r->violations) std::cerr << v.kind << ": " <<
//   v.message;
//
// Thread-safety: reads one snapshot; writers may go on meanwhile. The same check is
// `CALL db.check()` in Cypher and `kg check DB_DIR` on the command line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kg/database.hpp"
#include "kg/options.hpp"
#include "kg/status.hpp"

namespace kg {

struct CheckViolation {
  // The invariant broken, as named in docs/storage_format.md §8: "S1"…"S4", "C1"…"C4", "N1",
  // "R1", "R2", "P1"…"P3", "T1"…"T3".
  std::string kind;
  // What is wrong, naming the node, relationship, label, type and property-key ids involved.
  std::string message;
};

struct CheckReport {
  uint64_t nodes = 0;          // node records checked
  uint64_t relationships = 0;  // relationship records checked
  uint64_t index_entries = 0;  // label, adjacency and property-index entries checked
  uint64_t violation_count = 0;
  std::vector<CheckViolation> violations;  // the first 1000
  bool ok() const { return violation_count == 0; }
};

// Checks the latest commit of an open database. Errors: kInvalidArgument when `db` is not open,
// kIOError / kCorruption when the store cannot be read. Broken invariants are not errors.
Result<CheckReport> check_graph(Database& db);

// Opens the graph in `path` (which must exist; it takes the graph's lock, so kBusy while another
// process has it open) and checks it. Unlike opening a Database, this does not need a valid
// catalog, so a graph whose catalog is broken is checked rather than refused. Errors: those of
// opening (kNotFound, kBusy, kInvalidArgument for a directory that is not a kg graph), and of
// reading.
Result<CheckReport> check_graph(const std::string& path, const Options& options = {});

}  // namespace kg
