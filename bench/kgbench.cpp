// kgbench: kg's side of the peer comparison in ../shared/peers (issue 7). It runs the workloads of
// the peers' benches (bench_kuzu.js, bench_sqlite.js, ...) on kg through the public API only, as a
// user would: the bulk importer for the import, Cypher through kg::Connection, prepared statements
// with parameters for the repeated queries.
//
//   kgbench --data DATA_DIR --db DB_DIR
//
// DATA_DIR is a generated scale (../shared/peers/gen.js: nodes.csv, edges.csv, queries.json,
// meta.json); DB_DIR an empty directory the graph may be made in. The program prints, as its last
// stdout line, one JSON object: the kgbench/1 timing fields (import_ms, point_ms, hop1_ms,
// hop2_count_ms, path_ms, agg_ms, reopen_ms, db_bytes), peer_version, threads, notes, and `raw`:
// the per-query results in the shape ../shared/peers/common.js buildCounts takes, so that the
// harness (bench_kg.js, run as the peer `kg`) digests kg's answers exactly as every other peer's.
// Phase timings, wall and CPU, go to stderr as they happen (the harness keeps them in
// out/<scale>.kg.log). bench/run_peers.sh runs it beside the peers.
//
// The data model mirrors the peers' (README.md of the harness): every node gets the label Entity
// (the group label of the import) plus its own label from the `label` column, and the properties
// id, name and founded; every row of edges.csv is one relationship of its `type` with property
// since. Like Kùzu's PRIMARY KEY(name) and SQLite's `name UNIQUE`, the name is unique: the
// constraint is created on the empty graph and filled by the import, inside import_ms.
//
// The generator's CSV headers are plain (id,label,name,founded / src,dst,type,since). kg's importer
// reads neo4j-admin headers, and takes them from a header-only first file of a group: the program
// writes those two one-line files (into DB_DIR, timed) and passes the data files after them with
// auto_skip_subsequent_headers, exactly what `kg import` users do (docs/import.md,
// bench/import_vs_kuzu.sh). The data files are read as they are.
//
// Timings are wall-clock milliseconds (steady_clock), rounded to 0.01, measured in this process:
// each workload's loop over its queries, including reading every row of each result.

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/peer_workload.hpp"
#include "common/quoted_string.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import.hpp"
#include "kg/import_options.hpp"
#include "kg/prepared_statement.hpp"
#include "kg/query_result.hpp"
#include "kg/status.hpp"

#ifndef KG_BENCH_GIT_COMMIT
#define KG_BENCH_GIT_COMMIT "unknown"
#endif
#ifndef KG_BENCH_BUILD_TYPE
#define KG_BENCH_BUILD_TYPE "unknown"
#endif

namespace kg::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// --- errors: the program stops at the first one with exit status 1 (die, peer_workload.hpp)

void check(const Status& s, std::string_view what) {
  if (!s.ok()) die(what, s.to_string());
}

QueryResult checked(QueryResult r, std::string_view what) {
  if (!r.ok()) die(what, r.status().to_string());
  return r;
}

// --- JSON output
// --------------------------------------------------------------------------------------

std::string quote(std::string_view s) {
  std::string out;
  kg::append_json_string(out, s);
  return out;
}

std::string number(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", ms);
  return buf;
}

// --- helpers
// ------------------------------------------------------------------------------------------

// CPU time of the process (user + system), in ms: on a machine shared with other work it stays
// near what the workload costs while wall time grows with the load.
double cpu_ms() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return (static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-3);
}

// The start of a timed phase: wall clock and CPU time.
struct Mark {
  Clock::time_point wall = Clock::now();
  double cpu = cpu_ms();
};

// Wall milliseconds since `t0`, rounded to 0.01; logs the phase's wall and CPU time to stderr.
double ms_since(const Mark& t0, const char* label) {
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0.wall).count();
  ms = static_cast<double>(static_cast<int64_t>(ms * 100 + 0.5)) / 100;
  std::fprintf(stderr, "[kgbench] %s %.2f ms (cpu %.0f ms)\n", label, ms, cpu_ms() - t0.cpu);
  return ms;
}

uint64_t dir_bytes(const fs::path& dir) {
  uint64_t n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) n += it->file_size(ec);
  }
  return n;
}

void write_file(const fs::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) die(file.string(), "cannot write");
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

int64_t int_of(const Value& v, std::string_view what) {
  if (!v.is_int()) die(what, "expected an integer, got " + v.to_string());
  return v.as_int();
}

struct Args {
  fs::path data;
  fs::path db;
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string_view k = argv[i];
    if ((k == "--data" || k == "--db") && i + 1 < argc) {
      (k == "--data" ? a.data : a.db) = argv[++i];
    } else if (k == "--help" || k == "-h") {
      std::printf(
          "usage: kgbench --data DATA_DIR --db DB_DIR\n"
          "Runs ../shared/peers' workloads on kg and prints one kgbench/1 JSON line.\n");
      std::exit(0);
    } else {
      die("arguments", "unknown or incomplete argument " + std::string(k) +
                           " (usage: kgbench --data DATA_DIR --db DB_DIR)");
    }
  }
  if (a.data.empty() || a.db.empty())
    die("arguments", "usage: kgbench --data DATA_DIR --db DB_DIR");
  return a;
}

int run(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  for (const char* f : {"nodes.csv", "edges.csv", "queries.json", "meta.json"})
    if (!fs::exists(args.data / f)) die((args.data / f).string(), "missing: run node gen.js");
  const Value queries = read_json(args.data / "queries.json");
  const Value meta = read_json(args.data / "meta.json");
  const auto point_names = strings_of(field(queries, "point"));
  const auto hop1_names = strings_of(field(queries, "hop1"));
  const auto hop2_names = strings_of(field(queries, "hop2"));
  std::vector<std::pair<std::string, std::string>> path_pairs;
  for (const Value& p : field(queries, "path").as_list()) {
    const auto pair = strings_of(p);
    if (pair.size() != 2) die("queries.json", "a path pair is not two names: " + p.to_string());
    path_pairs.emplace_back(pair[0], pair[1]);
  }
  const int max_hops = static_cast<int>(int_of(field(queries, "path_max_hops"), "path_max_hops"));

  fs::create_directories(args.db);
  const fs::path graph_dir = args.db / "graph";
  std::string raw = "{";
  std::vector<std::string> notes;

  auto db = std::make_unique<Database>(graph_dir.string());
  check(db->status(), "open " + graph_dir.string());
  auto conn = std::make_unique<Connection>(*db);

  // ---- import: unique constraint on the empty graph, then one bulk import ----
  Mark t;
  checked(conn->query(kConstraint), "CREATE CONSTRAINT");
  const fs::path nodes_header = args.db / "nodes_header.csv";
  const fs::path edges_header = args.db / "edges_header.csv";
  write_file(nodes_header, "id:ID,:LABEL,name,founded:int\n");
  write_file(edges_header, ":START_ID,:END_ID,:TYPE,since:int\n");
  ImportOptions io;
  io.nodes.push_back({{"Entity"}, {nodes_header.string(), (args.data / "nodes.csv").string()}});
  io.relationships.push_back({"", {edges_header.string(), (args.data / "edges.csv").string()}});
  io.auto_skip_subsequent_headers = true;
  // When each phase of the import began (the callback runs at every change of phase), logged
  // after the import; the last phase runs to the import's end, the cache warming included.
  std::vector<std::pair<std::string, Clock::time_point>> phases;
  io.progress = [&phases](const ImportProgress& p) {
    if (phases.empty() || phases.back().first != p.phase)
      phases.emplace_back(p.phase, Clock::now());
  };
  Result<ImportSummary> summary = import_files(*db, io);
  if (!summary.has_value()) die("import", summary.error().to_string());
  const double import_ms = ms_since(t, "import");
  for (size_t i = 0; i < phases.size(); ++i) {
    const Clock::time_point end = i + 1 < phases.size() ? phases[i + 1].second : Clock::now();
    std::fprintf(stderr, "[kgbench] import phase %s %.0f ms\n", phases[i].first.c_str(),
                 std::chrono::duration<double, std::milli>(end - phases[i].second).count());
  }
  fs::remove(nodes_header);
  fs::remove(edges_header);
  const uint64_t db_bytes = dir_bytes(args.db);
  const auto want_nodes = static_cast<uint64_t>(int_of(field(meta, "nodes"), "meta.json nodes"));
  const auto want_edges = static_cast<uint64_t>(int_of(field(meta, "edges"), "meta.json edges"));
  if (summary.value().nodes != want_nodes || summary.value().relationships != want_edges)
    notes.push_back("imported " + std::to_string(summary.value().nodes) + " nodes and " +
                    std::to_string(summary.value().relationships) + " relationships, expected " +
                    std::to_string(want_nodes) + " and " + std::to_string(want_edges));

  // ---- point lookups ----
  // Prepared statements are reset before their connection closes.
  std::optional<PreparedStatement> ps = conn->prepare(kPoint);
  check(ps->status(), "prepare point");
  std::string out = "[";
  t = Mark();
  {
    std::vector<std::optional<int64_t>> founded;
    founded.reserve(point_names.size());
    for (const auto& name : point_names) {
      QueryResult r = checked(ps->execute({{"name", name}}), "point");
      if (r.empty())
        founded.emplace_back();
      else
        founded.emplace_back(int_of(r[0][2], "point founded"));
    }
    const double point_ms = ms_since(t, "point");
    for (size_t i = 0; i < founded.size(); ++i)
      out += (i ? "," : "") +
             (founded[i] ? "{\"founded\":" + std::to_string(*founded[i]) + "}" : "null");
    raw += "\"point\":" + out + "]";
    out = "\"point_ms\":" + number(point_ms);
  }
  std::string timings = "\"import_ms\":" + number(import_ms) + "," + out;

  // ---- 1-hop out-neighbours, one row per out-edge ----
  ps = conn->prepare(kHop1);
  check(ps->status(), "prepare hop1");
  {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(hop1_names.size());
    t = Mark();
    for (const auto& name : hop1_names) {
      QueryResult r = checked(ps->execute({{"name", name}}), "hop1");
      std::vector<std::string> names;
      names.reserve(r.size());
      for (const Row& row : r) names.push_back(row[0].as_string());
      rows.push_back(std::move(names));
    }
    timings += ",\"hop1_ms\":" + number(ms_since(t, "hop1"));
    raw += ",\"hop1\":[";
    for (size_t i = 0; i < rows.size(); ++i) {
      raw += i ? ",[" : "[";
      for (size_t j = 0; j < rows[i].size(); ++j) raw += (j ? "," : "") + quote(rows[i][j]);
      raw += "]";
    }
    raw += "]";
  }

  // ---- distinct nodes at the end of 2-edge outgoing walks ----
  ps = conn->prepare(kHop2);
  check(ps->status(), "prepare hop2");
  {
    std::vector<int64_t> counts;
    t = Mark();
    for (const auto& name : hop2_names) {
      QueryResult r = checked(ps->execute({{"name", name}}), "hop2");
      counts.push_back(r.empty() ? 0 : int_of(r[0][0], "hop2 count"));
    }
    timings += ",\"hop2_count_ms\":" + number(ms_since(t, "hop2_count"));
    raw += ",\"hop2\":[";
    for (size_t i = 0; i < counts.size(); ++i) raw += (i ? "," : "") + std::to_string(counts[i]);
    raw += "]";
  }

  // ---- unweighted shortest outgoing path, 1..max hops ----
  ps = conn->prepare(replace_all(std::string(kPath), "{max}", std::to_string(max_hops)));
  check(ps->status(), "prepare path");
  {
    std::vector<int64_t> lens;
    t = Mark();
    for (const auto& [a, b] : path_pairs) {
      QueryResult r = checked(ps->execute({{"a", a}, {"b", b}}), "path");
      lens.push_back(r.empty() ? -1 : int_of(r[0][0], "path length"));
    }
    timings += ",\"path_ms\":" + number(ms_since(t, "path"));
    raw += ",\"path\":[";
    for (size_t i = 0; i < lens.size(); ++i) raw += (i ? "," : "") + std::to_string(lens[i]);
    raw += "]";
  }

  // ---- aggregates: relationships per type, top 10 by in-degree ----
  {
    t = Mark();
    QueryResult types = checked(conn->query(kAggTypes), "agg types");
    ms_since(t, "agg (types)");
    Mark t_top;
    QueryResult top = checked(conn->query(kAggTop10), "agg top10");
    ms_since(t_top, "agg (top10)");
    timings += ",\"agg_ms\":" + number(ms_since(t, "agg"));
    raw += ",\"aggTypes\":{";
    for (size_t i = 0; i < types.size(); ++i)
      raw += (i ? "," : "") + quote(types[i][0].as_string()) + ":" +
             std::to_string(int_of(types[i][1], "agg count"));
    raw += "},\"top10\":[";
    for (size_t i = 0; i < top.size(); ++i)
      raw += std::string(i ? "," : "") + "[" + quote(top[i][0].as_string()) + "," +
             std::to_string(int_of(top[i][1], "indeg")) + "]";
    raw += "]";
  }

  // ---- close, reopen, one point lookup ----
  {
    ps.reset();
    conn.reset();
    db.reset();
    t = Mark();
    db = std::make_unique<Database>(graph_dir.string());
    check(db->status(), "reopen");
    const Clock::time_point opened = Clock::now();
    conn = std::make_unique<Connection>(*db);
    QueryResult r = checked(conn->query(kReopen, {{"name", point_names.at(0)}}), "reopen lookup");
    timings += ",\"reopen_ms\":" + number(ms_since(t, "reopen"));
    // Logged after the timed phase, so that logging it is not part of it.
    std::fprintf(stderr, "[kgbench] reopen: the open took %.3f ms of it\n",
                 std::chrono::duration<double, std::milli>(opened - t.wall).count());
    raw += ",\"reopenFound\":" + std::to_string(r.empty() ? 0 : 1);
  }
  conn.reset();
  db.reset();
  raw += "}";

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::string note;
  for (size_t i = 0; i < notes.size(); ++i) note += (i ? "; " : "") + notes[i];
  std::printf(
      "{\"schema\":\"kgbench/1\",\"peer\":\"kg\",\"peer_version\":%s,%s,\"db_bytes\":%llu,"
      "\"threads\":1,\"notes\":%s,\"peak_rss_kb\":%ld,\"raw\":%s}\n",
      quote(std::string("kg ") + KG_BENCH_GIT_COMMIT + " (" + KG_BENCH_BUILD_TYPE + ")").c_str(),
      timings.c_str(), static_cast<unsigned long long>(db_bytes),
      notes.empty() ? "null" : quote(note).c_str(), ru.ru_maxrss, raw.c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) { return kg::bench::run(argc, argv); }
