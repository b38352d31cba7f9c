#include "shell/check_command.hpp"

#include <iostream>
#include <string>
#include <string_view>

#include "kg/check.hpp"
#include "shell/exit_codes.hpp"

namespace kg::shell {

namespace {

constexpr int kExitViolations = 1;
constexpr int kExitCannotCheck = 3;

constexpr const char* kCheckUsage = R"(usage: kg check DB_DIR

Verifies that the graph in DB_DIR is consistent: every relationship has both adjacency entries
and existing endpoints, the label and property indexes match the node records exactly, unique
constraints hold, statistics and id counters match the data, and catalog ids resolve and are
dense (docs/check.md lists each invariant). Reads one snapshot; the graph is not changed.
Prints each violation as `KIND: message` (KIND names the invariant in
docs/storage_format.md §8), or `ok: N nodes, M relationships, K index entries checked`.
Exit status: 0 consistent, 1 violations found, 2 bad command line, 3 could not check (missing,
locked by another process, not a kg graph, unreadable). In Cypher: CALL db.check().
)";

}  // namespace

int run_check_command(int argc, char** argv) {
  std::string path;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kCheckUsage;
      return 0;
    }
    if (arg.starts_with("-") || !path.empty()) {
      std::cerr << "kg check: unexpected argument '" << arg << "'\n" << kCheckUsage;
      return kExitUsage;
    }
    path = arg;
  }
  if (path.empty()) {
    std::cerr << "kg check: DB_DIR is missing\n" << kCheckUsage;
    return kExitUsage;
  }
  Result<CheckReport> report = check_graph(path);
  if (!report) {
    std::cerr << "kg check: " << report.error().to_string() << "\n";
    return kExitCannotCheck;
  }
  for (const CheckViolation& v : report->violations)
    std::cout << v.kind << ": " << v.message << "\n";
  if (!report->ok()) {
    if (report->violation_count > report->violations.size())
      std::cout << "... and " << report->violation_count - report->violations.size() << " more\n";
    std::cerr << "kg check: " << report->violation_count << " violation"
              << (report->violation_count == 1 ? "" : "s") << " in " << report->nodes << " nodes, "
              << report->relationships << " relationships, " << report->index_entries
              << " index entries\n";
    return kExitViolations;
  }
  std::cout << "ok: " << report->nodes << " nodes, " << report->relationships << " relationships, "
            << report->index_entries << " index entries checked\n";
  return 0;
}

}  // namespace kg::shell
