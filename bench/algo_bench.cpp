// algo_bench: the analytics of engine/analytics (DESIGN.md §8) on a generated knowledge graph of
// 100k nodes and 1M relationships (the peers' scale m, ../shared/peers/gen.js; the generator is
// query_bench's). Prints a header (what, data, machine, kg commit, date), then one line per step:
// projection build time and memory (unweighted and weighted), a cache hit, and pagerank (20
// iterations), wcc, scc, betweenness (100 sampled sources), degree, kcore, triangles, label
// propagation and Louvain on the projection; then pagerank through Cypher end to end (CALL … RETURN
// count(*)). The graph is loaded through engine::Transaction first (not timed as a figure of this
// bench).

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cxxopts.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/analytics/betweenness.hpp"
#include "engine/analytics/community.hpp"
#include "engine/analytics/components.hpp"
#include "engine/analytics/degree.hpp"
#include "engine/analytics/kcore.hpp"
#include "engine/analytics/louvain.hpp"
#include "engine/analytics/pagerank.hpp"
#include "engine/analytics/projection_cache.hpp"
#include "engine/analytics/triangles.hpp"
#include "engine/graph.hpp"
#include "engine/txn/transaction.hpp"
#include "query/session.hpp"

namespace kg::bench {
namespace {

namespace fs = std::filesystem;
namespace an = engine::analytics;
using Clock = std::chrono::steady_clock;

[[noreturn]] void die(const Status& s, std::string_view what) {
  std::fprintf(stderr, "algo_bench: %.*s: %s\n", static_cast<int>(what.size()), what.data(),
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
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// --- the data: gen.js's shape (as bench/query_bench.cpp) -----------------------------------------
// Labels Company, Product, Person, Chip, Region (30/30/25/10/5); types BUYS, SUPPLIES, LICENSES,
// EMPLOYS, PARTNERS_WITH (30/30/15/15/10) with `since` 1990..2024. Out-degree zipf (0.8) over a
// permuted ranking, exact total; ends drawn preferentially; no self-loops or duplicates.
constexpr const char* kLabels[] = {"Company", "Product", "Person", "Chip", "Region"};
constexpr double kLabelWeights[] = {30, 30, 25, 10, 5};
constexpr const char* kTypes[] = {"BUYS", "SUPPLIES", "LICENSES", "EMPLOYS", "PARTNERS_WITH"};
constexpr double kTypeWeights[] = {30, 30, 15, 15, 10};

template <size_t N>
size_t pick_weighted(const double (&weights)[N], double u) {
  double total = 0, cum = 0;
  for (double w : weights) total += w;
  for (size_t i = 0; i < N; ++i) {
    cum += weights[i] / total;
    if (u < cum) return i;
  }
  return N - 1;
}

struct Config {
  std::string db;
  uint64_t nodes = 100'000;
  uint64_t rels = 1'000'000;
  uint64_t batch = 20'000;
  uint32_t samples = 100;
  uint64_t seed = 301;
};

void load(engine::Graph& graph, const Config& cfg) {
  std::mt19937_64 rng(cfg.seed);
  auto uniform = [&] { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); };
  const uint64_t n = cfg.nodes, e = cfg.rels;
  std::vector<uint8_t> label_of(n);
  for (auto& l : label_of) l = static_cast<uint8_t>(pick_weighted(kLabelWeights, uniform()));
  std::vector<uint64_t> degree(n);
  double s = 0;
  for (uint64_t r = 0; r < n; ++r) s += std::pow(static_cast<double>(r + 1), -0.8);
  double cum = 0;
  uint64_t prev = 0;
  for (uint64_t r = 0; r < n; ++r) {
    cum += std::pow(static_cast<double>(r + 1), -0.8);
    uint64_t f = r + 1 == n
                     ? e
                     : std::min<uint64_t>(
                           e, static_cast<uint64_t>(std::floor(static_cast<double>(e) * cum / s)));
    degree[(r * 7919 + 12345) % n] = std::min<uint64_t>(f - prev, 5 * (n - 1));
    prev = f;
  }
  std::vector<NodeId> ids(n);
  auto start = Clock::now();
  {
    auto txn = check(graph.begin_write(), "begin_write");
    std::vector<engine::LabelId> labels;
    for (const char* l : kLabels) labels.push_back(check(txn->intern_label(l), "intern"));
    engine::PropKeyId name = check(txn->intern_prop_key("name"), "intern");
    for (uint64_t i = 0; i < n; ++i) {
      engine::LabelId l = labels[label_of[i]];
      ids[i] =
          check(txn->create_node(std::span(&l, 1), {{name, Value(std::string(kLabels[label_of[i]]) +
                                                                 "_" + std::to_string(i))}}),
                "create_node");
      if ((i + 1) % cfg.batch == 0) {
        check(txn->commit(), "commit");
        txn = check(graph.begin_write(), "begin_write");
      }
    }
    check(txn->commit(), "commit");
  }
  uint64_t total = 0;
  {
    auto txn = check(graph.begin_write(), "begin_write");
    std::vector<engine::TypeId> types;
    for (const char* t : kTypes) types.push_back(check(txn->intern_type(t), "intern"));
    engine::PropKeyId since = check(txn->intern_prop_key("since"), "intern");
    std::unordered_set<uint64_t> seen;
    for (uint64_t src = 0; src < n; ++src) {
      seen.clear();
      for (uint64_t k = 0; k < degree[src];) {
        double u = uniform();
        uint64_t rank = std::min<uint64_t>(
            n - 1, static_cast<uint64_t>(std::floor(static_cast<double>(n) * u * u)));
        uint64_t dst = (rank * 104729 + 54321) % n;
        size_t type = pick_weighted(kTypeWeights, uniform());
        int64_t year = 1990 + static_cast<int64_t>(uniform() * 35);
        if (dst == src || !seen.insert(dst * 8 + type).second) continue;
        check(txn->create_relationship(ids[src], types[type], ids[dst], {{since, Value(year)}}),
              "create_relationship");
        ++k;
        if (++total % cfg.batch == 0) {
          check(txn->commit(), "commit");
          txn = check(graph.begin_write(), "begin_write");
        }
      }
    }
    check(txn->commit(), "commit");
  }
  std::printf(
      "load                 : %8.3f seconds (%llu nodes, %llu relationships, "
      "engine::Transaction, %llu per txn; not a figure of this bench)\n",
      seconds_since(start), static_cast<unsigned long long>(n),
      static_cast<unsigned long long>(total), static_cast<unsigned long long>(cfg.batch));
}

std::string first_line_of(const char* file, std::string_view prefix = {}) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "unknown";
}

void print_header(const Config& cfg) {
  std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", std::localtime(&now));
  int cores = 0;
  std::string model = "unknown";
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("processor", 0) == 0) ++cores;
    if (line.rfind("model name", 0) == 0 && cores == 1) model = line.substr(line.find(':') + 2);
  }
  std::printf("kg algo_bench: analytics on a Boost.Graph CSR projection (engine/analytics)\n");
  std::printf("Date:       %s\n", date);
  std::printf("CPU:        %d * %s\n", cores, model.c_str());
  std::printf("Memory:     %s\n", first_line_of("/proc/meminfo", "MemTotal:").c_str());
  std::printf("Load:       %s (/proc/loadavg at start)\n", first_line_of("/proc/loadavg").c_str());
  std::printf("kg:         commit %s, %s build\n", KG_BENCH_GIT_COMMIT, KG_BENCH_BUILD_TYPE);
  std::printf(
      "Data:       %llu nodes, %llu relationships, gen.js shape (zipf 0.8 out-degree), "
      "seed %llu\n",
      static_cast<unsigned long long>(cfg.nodes), static_cast<unsigned long long>(cfg.rels),
      static_cast<unsigned long long>(cfg.seed));
  std::printf("------------------------------------------------\n");
  std::fflush(stdout);
}

void line(const char* name, double seconds, const std::string& note) {
  std::printf("%-20s : %8.3f seconds %s\n", name, seconds, note.c_str());
  std::fflush(stdout);
}

long peak_rss_kb() {
  std::string s = first_line_of("/proc/self/status", "VmHWM:");
  return std::strtol(s.c_str(), nullptr, 10);
}

int run(const Config& cfg) {
  std::string path = cfg.db;
  bool temp = path.empty();
  if (temp)
    path = (fs::temp_directory_path() / ("algo_bench." + std::to_string(getpid()))).string();
  print_header(cfg);
  Options opts;
  opts.sync_writes = false;
  auto graph = check(engine::Graph::open(path, opts), "open");
  if (check(check(graph->begin_read(), "begin_read")->node_count(), "count") == 0)
    load(*graph, cfg);
  const an::RunControl control;
  auto txn = check(graph->begin_read(), "begin_read");

  long rss_before = peak_rss_kb();
  auto start = Clock::now();
  auto p = check(graph->projections().get(*txn, {}, control), "projection");
  double t = seconds_since(start);
  char note[256];
  std::snprintf(note, sizeof note,
                "(%zu nodes, %zu edges, %.1f MB by memoryBytes; peak RSS +%.1f MB)",
                p->node_count(), p->relationship_count(), p->memory_bytes() / 1e6,
                (peak_rss_kb() - rss_before) / 1e3);
  line("projection", t, note);
  start = Clock::now();
  auto again = check(graph->projections().get(*txn, {}, control), "projection");
  line("projection_cached", seconds_since(start), again == p ? "(same projection)" : "(MISS)");
  an::ProjectionSpec weighted;
  weighted.weight = "since";
  start = Clock::now();
  auto pw = check(graph->projections().get(*txn, weighted, control), "projection");
  std::snprintf(note, sizeof note, "(weight: 'since'; %.1f MB)", pw->memory_bytes() / 1e6);
  line("projection_weighted", seconds_since(start), note);

  start = Clock::now();
  auto pr = check(an::pagerank(*p, {}, control), "pagerank");
  double sum = 0;
  for (double x : pr.scores) sum += x;
  std::snprintf(note, sizeof note, "(%d iterations, sum %.12f)", pr.iterations, sum);
  line("pagerank", seconds_since(start), note);

  start = Clock::now();
  auto w = check(an::weakly_connected_components(*p, control), "wcc");
  line("wcc", seconds_since(start), "(" + std::to_string(w.count) + " components)");
  start = Clock::now();
  auto s = check(an::strongly_connected_components(*p, control), "scc");
  line("scc", seconds_since(start), "(" + std::to_string(s.count) + " components)");

  an::BetweennessOptions bo;
  bo.samples = cfg.samples;
  start = Clock::now();
  auto b = check(an::betweenness(*p, bo, control), "betweenness");
  line("betweenness", seconds_since(start),
       "(" + std::to_string(cfg.samples) + " sampled sources, directed)");

  start = Clock::now();
  auto d = an::degree(*p, an::Orientation::kBoth);
  line("degree", seconds_since(start), "");
  start = Clock::now();
  auto view = check(an::UndirectedView::build(*p, control), "undirected");
  line("undirected_view", seconds_since(start), "(for kcore, triangles, label propagation)");
  start = Clock::now();
  auto k = check(an::core_numbers(view, control), "kcore");
  line("kcore", seconds_since(start),
       "(max core " + std::to_string(*std::max_element(k.begin(), k.end())) + ")");
  start = Clock::now();
  auto tr = check(an::triangles(view, control), "triangles");
  uint64_t tri = 0;
  for (uint64_t x : tr.triangles) tri += x;
  line("triangles", seconds_since(start), "(" + std::to_string(tri / 3) + " triangles)");
  start = Clock::now();
  auto lp = check(an::label_propagation(view, 10, control), "label propagation");
  line("label_propagation", seconds_since(start),
       "(" + std::to_string(lp.communities.count) + " communities, " +
           std::to_string(lp.iterations) + " passes)");
  start = Clock::now();
  auto lv = check(an::louvain(*p, {}, control), "louvain");
  char lnote[128];
  std::snprintf(lnote, sizeof lnote, "(%u communities, modularity %.4f, %d levels)",
                lv.communities.count, lv.modularity, lv.levels);
  line("louvain", seconds_since(start), lnote);
  txn.reset();

  query::Session session(*graph);
  start = Clock::now();
  QueryResult r = session.run("CALL algo.pagerank() YIELD node, score RETURN count(*)", {});
  if (!r.ok()) die(r.status(), "cypher pagerank");
  line("cypher_pagerank", seconds_since(start),
       "(CALL algo.pagerank() YIELD node, score RETURN count(*); projection cached)");
  start = Clock::now();
  r = session.run(
      "CALL algo.pagerank() YIELD node, score WITH node, score ORDER BY score DESC LIMIT 10 "
      "MATCH (node)-[:BUYS]->(x) RETURN node.name, score, count(x)",
      {});
  if (!r.ok()) die(r.status(), "cypher top10");
  line("cypher_top10", seconds_since(start), "(pagerank top 10, then MATCH their BUYS)");
  std::printf("peak RSS             : %.1f MB\n", peak_rss_kb() / 1e3);
  graph.reset();
  if (temp) fs::remove_all(path);
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) {
  cxxopts::Options options("algo_bench", "kg analytics benchmark (see bench/README.md)");
  kg::bench::Config cfg;
  options.add_options()("db", "graph directory (reused if it has nodes; default: a temp dir)",
                        cxxopts::value(cfg.db))("nodes", "nodes",
                                                cxxopts::value(cfg.nodes)->default_value("100000"))(
      "rels", "relationships", cxxopts::value(cfg.rels)->default_value("1000000"))(
      "samples", "betweenness sources", cxxopts::value(cfg.samples)->default_value("100"))(
      "seed", "generator seed", cxxopts::value(cfg.seed)->default_value("301"))("h,help", "help");
  auto parsed = options.parse(argc, argv);
  if (parsed.count("help")) {
    std::printf("%s\n", options.help().c_str());
    return 0;
  }
  return kg::bench::run(cfg);
}
