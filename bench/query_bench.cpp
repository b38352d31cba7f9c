// query_bench: Cypher queries through kg::Connection, as a user runs them, on a knowledge graph of
// 100k nodes and 1M relationships (the peers' scale m, ../shared/peers/gen.js). Answers the issue's
// question: is a prepared point lookup by an indexed property under 20 µs, and are one-hop
// neighbours of a typical node under 50 µs?
//
//   cmake -S . -B build-qbench -G Ninja -DKG_BUILD_BENCH=ON -DKG_BUILD_TESTS=OFF
//   ninja -C build-qbench query_bench && ./build-qbench/query_bench      # --help for the options
//
// Prints a header (what, data, degrees, machine, load, RocksDB version, kg commit, date), the load
// phases (µs per created element), and then one line per workload, as LevelDB's db_bench does:
//   mean / p50 / p99 / max  wall-clock latency of one query, in µs;
//   cpu                     CPU time of this thread per query, in µs: on a busy machine (see the
//                           Load line) it stays near the p50 while the mean and p99 grow;
//   rows/query              rows returned per query (for counts, the mean value follows).
// The api_* lines do the same reads through kg::Transaction, without Cypher: the floor that the
// query layer adds to.
//
// The graph is built through the embedding API (kg::Transaction), then each label gets an index on
// `name` through Cypher (CREATE INDEX), and the database is reopened with the default Options. By
// default the data then sits in RocksDB memtables (the reopen replays the log); --state flushed or
// compacted moves it to table files first. The timed region of one query is the execute()/query()
// call and the loop over its rows; building the parameter map is not timed. Names are drawn
// uniformly from the :Company nodes, so the hop1 p50 is a typical node and the mean is pulled up
// by the zipf-distributed hubs.
//
// Outside the public API this uses engine::Store (and RocksDB) only for --state and the version.

#include <rocksdb/db.h>
#include <rocksdb/version.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cxxopts.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/graph.hpp"
#include "engine/storage/store.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/options.hpp"
#include "kg/status.hpp"
#include "kg/transaction.hpp"

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

struct Config {
  std::string db;             // graph directory; empty: a fresh temp dir, removed afterwards
  bool use_existing = false;  // --db holds a graph made by this program with the same options
  uint64_t nodes = 100'000;
  uint64_t rels = 1'000'000;
  uint64_t batch = 10'000;    // creations per write transaction while loading
  uint64_t queries = 10'000;  // timed queries per workload
  uint64_t warmup = 1'000;    // untimed queries per workload, run first
  uint64_t seed = 301;
  std::string benchmarks;  // comma-separated workload names; empty: all
  bool explain = false;    // print the plan of each statement first
  // Where the data is when the queries run: "loaded" (as the load and a reopen leave it: RocksDB
  // replays its log into memtables), "flushed" (memtables written to level-0 tables) or
  // "compacted" (flushed, then every column family compacted into one sorted run).
  std::string state = "loaded";
};

// --- errors: the benchmark stops at the first one
// -------------------------------------------------

[[noreturn]] void die(const Status& s, std::string_view what) {
  std::fprintf(stderr, "query_bench: %.*s: %s\n", static_cast<int>(what.size()), what.data(),
               s.to_string().c_str());
  std::exit(1);
}

void check(const Status& s, std::string_view what) {
  if (!s.ok()) die(s, what);
}

template <typename T>
T check(Result<T> r, std::string_view what) {
  if (!r.has_value()) die(r.error(), what);
  return std::move(r).value();
}

// --- the data: ../shared/peers/gen.js with another PRNG
// --------------------------------------------
//
// Labels Company, Product, Person, Chip, Region (30/30/25/10/5), name '<Label>_<i>' (unique),
// founded 1900..2024. Types BUYS, SUPPLIES, LICENSES, EMPLOYS, PARTNERS_WITH (30/30/15/15/10),
// since 1990..2024. Out-degree zipf (exponent 0.8) over a permuted ranking, exact total; the end is
// drawn preferentially (rank ⌊N·u²⌋ over a second permutation); no self-loops, no duplicate
// (start, end, type).

constexpr std::string_view kLabels[] = {"Company", "Product", "Person", "Chip", "Region"};
constexpr double kLabelWeights[] = {30, 30, 25, 10, 5};
constexpr std::string_view kTypes[] = {"BUYS", "SUPPLIES", "LICENSES", "EMPLOYS", "PARTNERS_WITH"};
constexpr double kTypeWeights[] = {30, 30, 15, 15, 10};
constexpr double kOutDegreeExponent = 0.8;

template <size_t N>
size_t pick_weighted(const double (&weights)[N], double u) {
  double total = 0;
  for (double w : weights) total += w;
  double cum = 0;
  for (size_t i = 0; i < N; ++i) {
    cum += weights[i] / total;
    if (u < cum) return i;
  }
  return N - 1;
}

class Dataset {
 public:
  Dataset(uint64_t nodes, uint64_t rels, uint64_t seed)
      : n_(nodes), e_(rels), rng_(seed), label_of_(nodes), founded_(nodes), degree_(nodes) {
    for (uint64_t i = 0; i < n_; ++i) {
      label_of_[i] = static_cast<uint8_t>(pick_weighted(kLabelWeights, uniform()));
      founded_[i] = 1900 + static_cast<int>(uniform() * 125);
    }
    // Exact total: node of rank r gets ⌊E·C(r)/S⌋ − ⌊E·C(r−1)/S⌋, C the partial zipf sums.
    double s = 0;
    for (uint64_t r = 0; r < n_; ++r)
      s += std::pow(static_cast<double>(r + 1), -kOutDegreeExponent);
    double cum = 0;
    uint64_t prev = 0;
    for (uint64_t r = 0; r < n_; ++r) {
      cum += std::pow(static_cast<double>(r + 1), -kOutDegreeExponent);
      uint64_t f = r + 1 == n_ ? e_
                               : std::min<uint64_t>(e_, static_cast<uint64_t>(std::floor(
                                                            static_cast<double>(e_) * cum / s)));
      degree_[src_of_rank(r)] = std::min<uint64_t>(f - prev, 5 * (n_ - 1));
      prev = f;
    }
  }

  uint64_t nodes() const { return n_; }
  uint64_t rels() const { return e_; }
  std::string_view label(uint64_t i) const { return kLabels[label_of_[i]]; }
  std::string name(uint64_t i) const { return std::string(label(i)) + "_" + std::to_string(i); }
  int founded(uint64_t i) const { return founded_[i]; }
  uint64_t out_degree(uint64_t i) const { return degree_[i]; }
  // Nodes with label kLabels[l], by index.
  std::vector<uint64_t> with_label(size_t l) const {
    std::vector<uint64_t> out;
    for (uint64_t i = 0; i < n_; ++i)
      if (label_of_[i] == l) out.push_back(i);
    return out;
  }

  // Calls edge(src, dst, type index, since) for every relationship, ordered by src.
  void for_each_edge(const std::function<void(uint64_t, uint64_t, size_t, int)>& edge) {
    std::unordered_set<uint64_t> seen;
    for (uint64_t src = 0; src < n_; ++src) {
      uint64_t d = degree_[src];
      seen.clear();
      for (uint64_t k = 0; k < d;) {
        double u = uniform();
        uint64_t rank = std::min<uint64_t>(
            n_ - 1, static_cast<uint64_t>(std::floor(static_cast<double>(n_) * u * u)));
        uint64_t dst = dst_of_rank(rank);
        size_t type = pick_weighted(kTypeWeights, uniform());
        int since = 1990 + static_cast<int>(uniform() * 35);
        if (dst == src || !seen.insert(dst * 8 + type).second) continue;
        edge(src, dst, type, since);
        ++k;
      }
    }
  }

 private:
  double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }
  // Affine permutations of 0..N-1 (A prime, coprime to N unless N is a multiple of it).
  uint64_t src_of_rank(uint64_t r) const { return (r * 7919 + 12345) % n_; }
  uint64_t dst_of_rank(uint64_t r) const { return (r * 104729 + 54321) % n_; }

  uint64_t n_;
  uint64_t e_;
  std::mt19937_64 rng_;
  std::vector<uint8_t> label_of_;
  std::vector<int> founded_;
  std::vector<uint64_t> degree_;
};

// --- the header
// -----------------------------------------------------------------------------------

struct CpuInfo {
  std::string model = "unknown";
  int cores = 0;
  std::string cache = "unknown";
};

CpuInfo read_cpu_info() {
  CpuInfo info;
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
    std::string value = line.substr(std::min(colon + 2, line.size()));
    if (key == "processor") {
      ++info.cores;
    } else if (key == "model name" && info.cores == 1) {
      info.model = value;
    } else if (key == "cache size" && info.cores == 1) {
      info.cache = value;
    }
  }
  return info;
}

std::string first_line_of(const char* file, std::string_view prefix = {}) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "unknown";
}

struct DegreeStats {
  double mean = 0;
  uint64_t p50 = 0, p99 = 0, max = 0, zero = 0;
};

DegreeStats degree_stats(const Dataset& data, const std::vector<uint64_t>& nodes) {
  DegreeStats s;
  if (nodes.empty()) return s;
  std::vector<uint64_t> d;
  d.reserve(nodes.size());
  for (uint64_t i : nodes) d.push_back(data.out_degree(i));
  std::sort(d.begin(), d.end());
  double sum = 0;
  for (uint64_t x : d) {
    sum += static_cast<double>(x);
    if (x == 0) ++s.zero;
  }
  s.mean = sum / static_cast<double>(d.size());
  s.p50 = d[d.size() / 2];
  s.p99 = d[std::min(d.size() - 1, d.size() * 99 / 100)];
  s.max = d.back();
  return s;
}

void print_header(const Config& cfg, const std::string& path, const Dataset& data,
                  const std::vector<uint64_t>& companies) {
  std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", std::localtime(&now));
  CpuInfo cpu = read_cpu_info();
  DegreeStats all_deg = degree_stats(data, [&] {
    std::vector<uint64_t> all(data.nodes());
    for (uint64_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
  }());
  DegreeStats co_deg = degree_stats(data, companies);
  std::printf("kg query_bench: Cypher through kg::Connection, point lookups and expansions\n");
  std::printf("Date:       %s\n", date);
  std::printf("CPU:        %d * %s\n", cpu.cores, cpu.model.c_str());
  std::printf("CPUCache:   %s\n", cpu.cache.c_str());
  std::printf("Memory:     %s\n", first_line_of("/proc/meminfo", "MemTotal:").c_str());
  std::printf("Load:       %s (/proc/loadavg at start)\n", first_line_of("/proc/loadavg").c_str());
  std::printf("RocksDB:    version %s\n", rocksdb::GetRocksVersionAsString().c_str());
  std::printf("kg:         commit %s, %s build\n", KG_BENCH_GIT_COMMIT, KG_BENCH_BUILD_TYPE);
  std::printf(
      "Nodes:      %llu, labels Company/Product/Person/Chip/Region 30/30/25/10/5, "
      "{name: '<Label>_<i>', founded: int}; %zu :Company\n",
      static_cast<unsigned long long>(data.nodes()), companies.size());
  std::printf(
      "Rels:       %llu, types BUYS/SUPPLIES/LICENSES/EMPLOYS/PARTNERS_WITH "
      "30/30/15/15/10, {since: int}\n",
      static_cast<unsigned long long>(data.rels()));
  std::printf(
      "Out-degree: zipf 0.8 (gen.js): all nodes mean %.2f p50 %llu p99 %llu max %llu; "
      ":Company mean %.2f p50 %llu p99 %llu max %llu, %llu with none\n",
      all_deg.mean, static_cast<unsigned long long>(all_deg.p50),
      static_cast<unsigned long long>(all_deg.p99), static_cast<unsigned long long>(all_deg.max),
      co_deg.mean, static_cast<unsigned long long>(co_deg.p50),
      static_cast<unsigned long long>(co_deg.p99), static_cast<unsigned long long>(co_deg.max),
      static_cast<unsigned long long>(co_deg.zero));
  std::printf("Indexes:    :<Label>(name) for each label (CREATE INDEX through Cypher)\n");
  std::printf(
      "Queries:    %llu timed after %llu warm-up per workload, :Company names drawn "
      "uniformly; one thread\n",
      static_cast<unsigned long long>(cfg.queries), static_cast<unsigned long long>(cfg.warmup));
  std::printf("Seed:       %llu\n", static_cast<unsigned long long>(cfg.seed));
  std::printf("Data state: %s\n", cfg.state.c_str());
  std::printf("DB path:    [%s]%s\n", path.c_str(), cfg.use_existing ? " (existing)" : "");
#ifndef NDEBUG
  std::printf("WARNING: assertions are enabled; benchmarks unnecessarily slow\n");
#endif
  std::printf("------------------------------------------------\n");
  std::fflush(stdout);
}

// --- loading
// --------------------------------------------------------------------------------------

// CPU time of the calling thread: unlike wall time, not inflated when other processes share the
// cores.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void print_load(const char* name, uint64_t ops, double seconds, const std::string& note) {
  std::printf("%-20s : %10.3f micros/op %9.0f ops/sec %8.3f seconds %8llu ops %s\n", name,
              ops ? seconds * 1e6 / static_cast<double>(ops) : 0.0,
              seconds > 0 ? static_cast<double>(ops) / seconds : 0.0, seconds,
              static_cast<unsigned long long>(ops), note.c_str());
  std::fflush(stdout);
}

void load(Database& db, Dataset& data, uint64_t batch) {
  batch = std::max<uint64_t>(batch, 1);
  std::vector<NodeId> ids(data.nodes());
  auto start = Clock::now();
  for (uint64_t done = 0; done < data.nodes();) {
    auto txn = check(db.begin_write(), "begin_write");
    for (uint64_t end = std::min(data.nodes(), done + batch); done < end; ++done) {
      ids[done] =
          check(txn.create_node({std::string(data.label(done))},
                                {{"name", data.name(done)}, {"founded", data.founded(done)}}),
                "create_node");
    }
    check(txn.commit(), "commit nodes");
  }
  print_load("load_nodes", data.nodes(), seconds_since(start),
             "(kg::Transaction::create_node, " + std::to_string(batch) + " per txn)");

  start = Clock::now();
  std::optional<Transaction> txn;
  uint64_t in_txn = 0, total = 0;
  data.for_each_edge([&](uint64_t src, uint64_t dst, size_t type, int since) {
    if (!txn) txn.emplace(check(db.begin_write(), "begin_write"));
    check(txn->create_relationship(ids[src], kTypes[type], ids[dst], {{"since", since}}),
          "create_relationship");
    ++total;
    if (++in_txn == batch) {
      check(txn->commit(), "commit relationships");
      txn.reset();
      in_txn = 0;
    }
  });
  if (txn) check(txn->commit(), "commit relationships");
  print_load("load_rels", total, seconds_since(start),
             "(kg::Transaction::create_relationship, " + std::to_string(batch) + " per txn)");
}

void create_indexes(Database& db) {
  Connection conn(db);
  auto start = Clock::now();
  for (std::string_view label : kLabels) {
    auto r =
        conn.query("CREATE INDEX IF NOT EXISTS FOR (n:" + std::string(label) + ") ON (n.name)");
    check(r.status(), "CREATE INDEX");
  }
  auto txn = check(db.begin_read(), "begin_read");
  uint64_t nodes = check(txn.count_nodes(), "count nodes");
  print_load("create_index", nodes, seconds_since(start),
             "(CREATE INDEX FOR (n:<Label>) ON (n.name), 5 labels; ops are nodes indexed)");
}

// Brings the data into cfg.state. Uses the engine's Store (and RocksDB) directly: the public API
// has no flush or compaction.
void settle(Database& db, const std::string& state) {
  if (state == "loaded") return;
  auto start = Clock::now();
  engine::Store& store = db.graph()->store();
  check(store.flush(), "flush");
  if (state == "compacted") {
    rocksdb::CompactRangeOptions options;
    options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    for (size_t i = 0; i < engine::kNumCfs; ++i) {
      auto s =
          store.db()->CompactRange(options, store.cf(static_cast<engine::Cf>(i)), nullptr, nullptr);
      if (!s.ok()) die(Status::internal(s.ToString()), "compact");
    }
  }
  print_load(state == "compacted" ? "flush+compact" : "flush", 1, seconds_since(start),
             "(--state " + state + ")");
}

// --- the workloads
// --------------------------------------------------------------------------------

// One query run on one name: returns the rows it gave (and, in `value_sum`, the sum of the first
// column's integers, as a check for counts). Dies on an error.
using QueryFn = std::function<size_t(const std::string& name, int64_t& value_sum)>;

struct Workload {
  std::string name;
  std::string what;  // the statement, or the API calls
  QueryFn run;
  uint64_t divisor = 1;  // runs queries / divisor times (for slow workloads)
};

class QueryBench {
 public:
  QueryBench(const Config& cfg, const Dataset& data, std::vector<uint64_t> companies)
      : cfg_(cfg), data_(data), companies_(std::move(companies)), rng_(cfg.seed * 7 + 1) {}

  bool selected(const std::string& name) const {
    if (cfg_.benchmarks.empty()) return true;
    std::string list = "," + cfg_.benchmarks + ",";
    return list.find("," + name + ",") != std::string::npos;
  }

  void run(const Workload& w) {
    if (!selected(w.name)) return;
    uint64_t count = std::max<uint64_t>(1, cfg_.queries / w.divisor);
    uint64_t warm = cfg_.warmup / w.divisor;
    int64_t sum = 0;
    for (uint64_t i = 0; i < warm; ++i) w.run(random_company(), sum);
    std::vector<std::string> names(count);
    for (auto& n : names) n = random_company();
    std::vector<double> us(count);
    uint64_t rows = 0;
    sum = 0;
    double cpu_start = thread_cpu_seconds();
    for (uint64_t i = 0; i < count; ++i) {
      auto start = Clock::now();
      rows += w.run(names[i], sum);
      us[i] = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    }
    double cpu_us = (thread_cpu_seconds() - cpu_start) * 1e6 / static_cast<double>(count);
    double total = 0;
    for (double x : us) total += x;
    std::vector<double> sorted = us;
    std::sort(sorted.begin(), sorted.end());
    auto pct = [&](double p) {
      return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
    };
    std::printf(
        "%-20s : mean %8.2f  p50 %8.2f  p99 %8.2f  max %9.2f  cpu %8.2f micros/query  "
        "%7.2f rows/query  %6llu queries",
        w.name.c_str(), total / count, pct(0.50), pct(0.99), sorted.back(), cpu_us,
        static_cast<double>(rows) / count, static_cast<unsigned long long>(count));
    if (sum != 0) std::printf("  (mean value %.2f)", static_cast<double>(sum) / count);
    std::printf("  %s\n", w.what.c_str());
    std::fflush(stdout);
  }

 private:
  std::string random_company() {
    return data_.name(
        companies_[std::uniform_int_distribution<size_t>(0, companies_.size() - 1)(rng_)]);
  }

  const Config& cfg_;
  const Dataset& data_;
  std::vector<uint64_t> companies_;
  std::mt19937_64 rng_;
};

// The rows of `r`, dying on an error; checks that no value is null in the first column when
// `non_null`, and adds the first column's integers to `sum`.
size_t rows_of(const QueryResult& r, std::string_view what, int64_t& sum, bool non_null = true) {
  check(r.status(), what);
  size_t n = 0;
  for (const Row& row : r) {
    if (row.empty() || (non_null && row[0].is_null()))
      die(Status::internal("a null or missing value"), what);
    if (row[0].is_int()) sum += row[0].as_int();
    ++n;
  }
  return n;
}

constexpr const char* kPointNode = "MATCH (n:Company {name: $name}) RETURN n";
constexpr const char* kPointProps = "MATCH (n:Company {name: $name}) RETURN n.name, n.founded";
constexpr const char* kHop1 = "MATCH (n:Company {name: $name})-[r]->(m) RETURN m.name";
constexpr const char* kHop1Typed = "MATCH (n:Company {name: $name})-[r:BUYS]->(m) RETURN m.name";
constexpr const char* kHop2Count =
    "MATCH (n:Company {name: $name})-->()-->(c) RETURN count(DISTINCT c)";

std::string literal(const std::string& name) { return "'" + name + "'"; }

void run_queries(const Config& cfg, Database& db, const Dataset& data,
                 const std::vector<uint64_t>& companies) {
  Connection conn(db);
  QueryBench bench(cfg, data, companies);
  Map params{{"name", Value("")}};
  Value& param = params.find("name")->second;

  if (cfg.explain) {
    for (const char* text : {kPointNode, kPointProps, kHop1, kHop1Typed, kHop2Count}) {
      auto r = conn.query(std::string("EXPLAIN ") + text, params);
      check(r.status(), text);
      std::printf("EXPLAIN %s\n%s", text, r.plan().c_str());
    }
    std::printf("------------------------------------------------\n");
  }

  auto prepared = [&](const char* text) {
    auto stmt = std::make_shared<PreparedStatement>(conn.prepare(text));
    check(stmt->status(), text);
    return [stmt, text, &params, &param](const std::string& name, int64_t& sum) {
      param = Value(name);
      return rows_of(stmt->execute(params), text, sum);
    };
  };
  auto cached = [&](const char* text) {
    return [&conn, text, &params, &param](const std::string& name, int64_t& sum) {
      param = Value(name);
      return rows_of(conn.query(text, params), text, sum);
    };
  };

  // (a) prepared point lookups. Every name exists, so each returns exactly one row.
  bench.run({"point_prepared", std::string(kPointNode) + " (prepared)", prepared(kPointNode)});
  bench.run(
      {"point_prepared_props", std::string(kPointProps) + " (prepared)", prepared(kPointProps)});
  // (b) prepared one-hop neighbours of a :Company.
  bench.run({"hop1_prepared", std::string(kHop1) + " (prepared)", prepared(kHop1)});
  bench.run({"hop1_typed_prepared", std::string(kHop1Typed) + " (prepared)", prepared(kHop1Typed)});
  // (c) conn.query() with parameters: parse and plan come from the session's plan cache.
  bench.run(
      {"point_query", std::string(kPointNode) + " (conn.query, plan cache)", cached(kPointNode)});
  bench.run({"point_query_props", std::string(kPointProps) + " (conn.query, plan cache)",
             cached(kPointProps)});
  bench.run({"hop1_query", std::string(kHop1) + " (conn.query, plan cache)", cached(kHop1)});
  // The name as a literal: a new text each time, so each query is parsed and planned.
  bench.run({"point_literal",
             "MATCH (n:Company {name: '<name>'}) RETURN n.name, n.founded (conn.query, new text: "
             "parse + plan each time)",
             [&](const std::string& name, int64_t& sum) {
               std::string text =
                   "MATCH (n:Company {name: " + literal(name) + "}) RETURN n.name, n.founded";
               return rows_of(conn.query(text), "point_literal", sum);
             }});
  // (d) two hops: distinct nodes at the end of 2-edge outgoing walks (the peers' hop2_count).
  bench.run(
      {"hop2_count_prepared", std::string(kHop2Count) + " (prepared)", prepared(kHop2Count), 10});

  // The floor: the same reads through the embedding API, without Cypher.
  bench.run({"api_point",
             "db.begin_read() + txn.find_nodes(\"Company\", \"name\", name) (no Cypher)",
             [&](const std::string& name, int64_t&) {
               auto txn = check(db.begin_read(), "begin_read");
               auto nodes = check(txn.find_nodes("Company", "name", Value(name)), "find_nodes");
               if (nodes.size() != 1) die(Status::internal("not found"), name);
               return nodes.size();
             }});
  bench.run({"api_hop1",
             "begin_read + find_nodes + relationships(kOutgoing) + get_node(end) per rel "
             "(no Cypher)",
             [&](const std::string& name, int64_t&) {
               auto txn = check(db.begin_read(), "begin_read");
               auto nodes = check(txn.find_nodes("Company", "name", Value(name)), "find_nodes");
               size_t n = 0;
               for (const Node& node : nodes) {
                 auto rels =
                     check(txn.relationships(node.id, Direction::kOutgoing), "relationships");
                 for (const Relationship& rel : rels) {
                   auto end = check(txn.get_node(rel.end), "get_node");
                   if (!end || end->properties.count("name") == 0)
                     die(Status::internal("no name"), name);
                   ++n;
                 }
               }
               return n;
             }});
}

// --- main
// -----------------------------------------------------------------------------------------

int main_impl(int argc, char** argv) {
  cxxopts::Options options("query_bench",
                           "Cypher queries through kg::Connection on a generated knowledge graph "
                           "(see the comment atop bench/query_bench.cpp)");
  Config cfg;
  // clang-format off
  options.add_options()
    ("db", "graph directory (missing or empty; kept). Default: a temp dir, removed",
     cxxopts::value<std::string>())
    ("use_existing", "--db holds a graph this program made with the same --nodes/--rels/--seed: "
     "skip loading", cxxopts::value<bool>()->default_value("false"))
    ("nodes", "nodes", cxxopts::value<uint64_t>()->default_value("100000"))
    ("rels", "relationships", cxxopts::value<uint64_t>()->default_value("1000000"))
    ("batch", "creations per write transaction while loading",
     cxxopts::value<uint64_t>()->default_value("10000"))
    ("queries", "timed queries per workload (hop2: a tenth)",
     cxxopts::value<uint64_t>()->default_value("10000"))
    ("warmup", "untimed queries per workload, run first",
     cxxopts::value<uint64_t>()->default_value("1000"))
    ("seed", "seed of the data and the query names", cxxopts::value<uint64_t>()->default_value("301"))
    ("benchmarks", "comma-separated workloads to run (default: all)",
     cxxopts::value<std::string>()->default_value(""))
    ("state", "where the data is when queries run: loaded (memtables, as a reopen after the "
     "load leaves it), flushed (level-0 tables) or compacted (one sorted run)",
     cxxopts::value<std::string>()->default_value("loaded"))
    ("explain", "print the plan of each statement first",
     cxxopts::value<bool>()->default_value("false"))
    ("h,help", "this help");
  // clang-format on
  auto args = options.parse(argc, argv);
  if (args.count("help")) {
    std::printf("%s\n", options.help().c_str());
    return 0;
  }
  if (args.count("db")) cfg.db = args["db"].as<std::string>();
  cfg.use_existing = args["use_existing"].as<bool>();
  cfg.nodes = args["nodes"].as<uint64_t>();
  cfg.rels = args["rels"].as<uint64_t>();
  cfg.batch = args["batch"].as<uint64_t>();
  cfg.queries = args["queries"].as<uint64_t>();
  cfg.warmup = args["warmup"].as<uint64_t>();
  cfg.seed = args["seed"].as<uint64_t>();
  cfg.benchmarks = args["benchmarks"].as<std::string>();
  cfg.explain = args["explain"].as<bool>();
  cfg.state = args["state"].as<std::string>();
  if (cfg.state != "loaded" && cfg.state != "flushed" && cfg.state != "compacted")
    die(Status::invalid_argument("--state must be loaded, flushed or compacted"), "options");
  if (cfg.nodes < 2) die(Status::invalid_argument("--nodes must be at least 2"), "options");
  if (cfg.use_existing && cfg.db.empty())
    die(Status::invalid_argument("--use_existing needs --db"), "options");

  bool temp = cfg.db.empty();
  std::string path = cfg.db;
  std::error_code ec;
  if (temp) {
    path =
        (fs::temp_directory_path(ec) / ("kg-query-bench-" + std::to_string(::getpid()))).string();
    fs::remove_all(path, ec);
  } else if (!cfg.use_existing && fs::exists(path, ec) && !fs::is_empty(path, ec)) {
    die(Status::invalid_argument(path + " is not empty (pass --use_existing to reuse it)"),
        "options");
  }

  Dataset data(cfg.nodes, cfg.rels, cfg.seed);
  std::vector<uint64_t> companies = data.with_label(0);
  if (companies.empty()) die(Status::invalid_argument("no :Company node"), "options");
  print_header(cfg, path, data, companies);

  if (!cfg.use_existing) {
    Options load_options;
    load_options.sync_writes = false;
    Database db(path, load_options);
    check(db.status(), "open " + path);
    load(db, data, cfg.batch);
    create_indexes(db);
  }
  {
    auto start = Clock::now();
    Database db(path);
    check(db.status(), "open " + path);
    if (!cfg.use_existing) print_load("reopen", 1, seconds_since(start), "(default Options)");
    settle(db, cfg.state);
    run_queries(cfg, db, data, companies);
  }
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(path, ec))
    if (entry.is_regular_file(ec)) bytes += entry.file_size(ec);
  std::printf("%-20s : %.1f MB\n", "db size", static_cast<double>(bytes) / 1e6);
  if (temp) fs::remove_all(path, ec);
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) { return kg::bench::main_impl(argc, argv); }
