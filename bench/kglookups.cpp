// kglookups: one of kgbench's repeated statements, run in passes over queries.json's names on a
// graph that kgbench left, printing each pass's wall time. kgbench times one pass right after its
// import; the later passes here show the warm cost, and the first pass after an open the cold one.
// For profiles (`perf record ./kglookups ...`) and for A/B runs of two builds or two graphs,
// alternated (bench/README.md).
//
//   kglookups --graph GRAPH_DIR --data DATA_DIR --kind point|hop1|hop2 [--passes N] [--fill]
//
// With --fill, the record cache is first filled as an import fills it (ImportOptions::warm_cache),
// and what it then holds is printed: the state kgbench's single pass starts from. Without, the
// cache starts empty and the first pass fills it.
//
// GRAPH_DIR is `DB_DIR/graph` of a `kgbench --data DATA_DIR --db DB_DIR` run; DATA_DIR is the
// generated scale whose queries.json names the lookups. The graph is opened with default Options,
// as kgbench opens it.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/peer_workload.hpp"
#include "engine/graph.hpp"
#include "engine/txn/transaction.hpp"
#include "engine/txn/version_cache.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/options.hpp"
#include "kg/prepared_statement.hpp"
#include "kg/query_result.hpp"

namespace kg::bench {
namespace {

struct Args {
  std::string graph;
  std::filesystem::path data;
  std::string kind;
  int passes = 10;
  bool fill = false;
};

constexpr const char* kUsage =
    "usage: kglookups --graph GRAPH_DIR --data DATA_DIR --kind point|hop1|hop2 [--passes N] "
    "[--fill]";

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string_view k = argv[i];
    if (k == "--help" || k == "-h") {
      std::printf(
          "%s\nRuns one of kgbench's statements over DATA_DIR/queries.json's names, N passes "
          "(default 10),\non the graph a kgbench run left in GRAPH_DIR, and prints each pass's "
          "wall time.\n",
          kUsage);
      std::exit(0);
    }
    if (k == "--fill") {
      a.fill = true;
      continue;
    }
    if (i + 1 >= argc) die("arguments", std::string("missing value after ") + argv[i]);
    std::string_view v = argv[++i];
    if (k == "--graph") {
      a.graph = v;
    } else if (k == "--data") {
      a.data = v;
    } else if (k == "--kind") {
      a.kind = v;
    } else if (k == "--passes") {
      a.passes = std::atoi(argv[i]);
    } else {
      die("arguments", "unknown argument " + std::string(k) + " (" + kUsage + ")");
    }
  }
  if (a.graph.empty() || a.data.empty() || a.kind.empty()) die("arguments", kUsage);
  if (a.passes < 1) die("arguments", "--passes must be at least 1");
  return a;
}

// Fills the record cache of the graph's current version as an import does, and prints what it
// holds.
void fill_record_cache(Database& db) {
  auto start = std::chrono::steady_clock::now();
  auto txn = db.graph()->begin_read();
  if (!txn.has_value()) die("fill", txn.error().to_string());
  Status s = (*txn)->fill_record_cache();
  if (!s.ok()) die("fill", s.to_string());
  const engine::VersionCache* cache = (*txn)->record_cache();
  if (cache == nullptr) die("fill", "no record cache (Options::record_cache_bytes is 0)");
  std::printf(
      "fill: %.0f ms; %llu index lookups, %llu node records, %llu adjacency lists; %.1f of %.0f "
      "MiB%s\n",
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
      static_cast<unsigned long long>(cache->index.entries()),
      static_cast<unsigned long long>(cache->nodes.records()),
      static_cast<unsigned long long>(cache->adjacency.records()),
      static_cast<double>(cache->budget.used()) / (1 << 20),
      static_cast<double>(cache->budget.limit()) / (1 << 20),
      cache->budget.spent() ? ", full" : "");
}

std::string_view statement_of(const std::string& kind) {
  if (kind == "point") return kPoint;
  if (kind == "hop1") return kHop1;
  if (kind == "hop2") return kHop2;
  die("--kind", "expected point, hop1 or hop2, got " + kind);
}

int run(int argc, char** argv) {
  const Args args = parse_args(argc, argv);
  const std::string_view statement = statement_of(args.kind);
  const std::vector<std::string> names =
      strings_of(field(read_json(args.data / "queries.json"), args.kind));

  Options options;
  options.create_if_missing = false;
  Database db(args.graph, options);
  if (!db.status().ok()) die("open " + args.graph, db.status().to_string());
  if (args.fill) fill_record_cache(db);
  Connection conn(db);
  std::optional<PreparedStatement> ps = conn.prepare(statement);
  if (!ps->status().ok()) die("prepare", ps->status().to_string());

  std::printf("kglookups: %s, %zu statements a pass, graph %s\n", args.kind.c_str(), names.size(),
              args.graph.c_str());
  std::vector<double> times;
  for (int pass = 1; pass <= args.passes; ++pass) {
    size_t rows = 0;
    auto start = std::chrono::steady_clock::now();
    for (const std::string& name : names) {
      QueryResult r = ps->execute({{"name", name}});
      if (!r.ok()) die(args.kind, r.status().to_string());
      rows += r.size();
    }
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    times.push_back(ms);
    std::printf("pass %d: %.2f ms, %zu rows\n", pass, ms, rows);
  }
  if (times.size() > 1)
    std::printf("warm (min of passes 2-%d): %.2f ms\n", args.passes,
                *std::min_element(times.begin() + 1, times.end()));
  ps.reset();  // prepared statements go before their connection
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) { return kg::bench::run(argc, argv); }
