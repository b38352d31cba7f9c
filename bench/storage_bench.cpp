// storage_bench: the storage engine (engine::Graph + engine::Transaction) at 1M relationships.
// Prints a header (what, data, counts, machine, RocksDB version, kg commit, date) and then one line
// per benchmark with µs/op, ops/s and RocksDB keys written per second, as LevelDB's db_bench does.
// bench/README.md says what each figure means and how to compare it with RocksDB's db_bench.
//
// Keys written are counted exactly, as the advance of RocksDB's last sequence number (every key of
// a committed write batch takes one), so they include kg's statistics and id-counter records.
// This is the one place outside engine/ that uses RocksDB, and only for that counter and the
// version string.

#include <rocksdb/db.h>
#include <rocksdb/version.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cxxopts.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "engine/graph.hpp"
#include "engine/txn/transaction.hpp"
#include "kg/options.hpp"
#include "kg/status.hpp"

namespace kg::bench {
namespace {

namespace fs = std::filesystem;
using engine::Graph;
using engine::LabelId;
using engine::PropertyMap;
using engine::PropKeyId;
using engine::TypeId;
using Clock = std::chrono::steady_clock;

struct Config {
  std::string db;  // graph directory; empty: a fresh temp dir, removed afterwards
  uint64_t nodes = 100'000;
  uint64_t rels = 1'000'000;
  uint64_t batch = 10'000;      // creations per write transaction in the bulk phases
  uint64_t reads = 1'000'000;   // point reads, per benchmark
  uint64_t expands = 100'000;   // expansions, per direction
  uint64_t seeks = 100'000;     // index seeks
  uint64_t small_txns = 1'000;  // one-relationship transactions, per sync setting
  uint64_t seed = 301;
  bool sync = false;  // sync the WAL on each commit of the bulk phases
};

// --- errors: a benchmark stops at the first one --------------------------------------------------

[[noreturn]] void die(const Status& s, std::string_view what) {
  std::fprintf(stderr, "storage_bench: %.*s: %s\n", static_cast<int>(what.size()), what.data(),
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

// --- the header ----------------------------------------------------------------------------------

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

std::string mem_total() {
  std::ifstream in("/proc/meminfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("MemTotal:", 0) == 0) {
      auto pos = line.find_first_not_of(' ', 9);
      return pos == std::string::npos ? "unknown" : line.substr(pos);
    }
  return "unknown";
}

void print_header(const Config& cfg, const std::string& path) {
  std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", std::localtime(&now));
  CpuInfo cpu = read_cpu_info();
  std::printf("kg storage_bench: engine::Graph on RocksDB, bulk writes then reads\n");
  std::printf("Date:       %s\n", date);
  std::printf("CPU:        %d * %s\n", cpu.cores, cpu.model.c_str());
  std::printf("CPUCache:   %s\n", cpu.cache.c_str());
  std::printf("Memory:     %s\n", mem_total().c_str());
  std::printf("RocksDB:    version %s\n", rocksdb::GetRocksVersionAsString().c_str());
  std::printf("kg:         commit %s, %s build\n", KG_BENCH_GIT_COMMIT, KG_BENCH_BUILD_TYPE);
  std::printf("Nodes:      %llu, label :Person, one property name: 'person-<i>' (string)\n",
              static_cast<unsigned long long>(cfg.nodes));
  std::printf("Rels:       %llu, type :KNOWS, one property weight: int, ends uniformly random\n",
              static_cast<unsigned long long>(cfg.rels));
  std::printf(
      "Writes:     %llu per write transaction, sync=%s; then %llu one-relationship "
      "transactions with sync=false and with sync=true\n",
      static_cast<unsigned long long>(cfg.batch), cfg.sync ? "true" : "false",
      static_cast<unsigned long long>(cfg.small_txns));
  std::printf(
      "Reads:      %llu point reads, %llu expansions per direction, %llu index seeks; "
      "each benchmark in one read transaction\n",
      static_cast<unsigned long long>(cfg.reads), static_cast<unsigned long long>(cfg.expands),
      static_cast<unsigned long long>(cfg.seeks));
  std::printf("Seed:       %llu\n", static_cast<unsigned long long>(cfg.seed));
  std::printf("DB path:    [%s]\n", path.c_str());
#ifndef NDEBUG
  std::printf("WARNING: kg assertions are enabled; benchmarks unnecessarily slow\n");
#endif
  std::printf("------------------------------------------------\n");
  std::fflush(stdout);
}

// --- one line per benchmark ----------------------------------------------------------------------

// A benchmark's figures. `keys` is -1 for a read-only benchmark.
struct Figures {
  std::string name{};
  uint64_t ops = 0;
  int64_t keys = -1;
  double seconds = 0;      // wall clock
  double thread_cpu = 0;   // CPU time of the benchmark's thread
  double process_cpu = 0;  // CPU time of the process (adds RocksDB's flushes and compactions)
  std::string note{};
};

void print_figures(const Figures& f) {
  double micros = f.ops == 0 ? 0 : f.seconds * 1e6 / static_cast<double>(f.ops);
  double ops_per_sec = f.seconds > 0 ? static_cast<double>(f.ops) / f.seconds : 0;
  char keys_per_sec[32] = "-";
  char keys[32] = "-";
  if (f.keys >= 0) {
    std::snprintf(keys_per_sec, sizeof keys_per_sec, "%.0f",
                  f.seconds > 0 ? static_cast<double>(f.keys) / f.seconds : 0);
    std::snprintf(keys, sizeof keys, "%lld", static_cast<long long>(f.keys));
  }
  // CPU use as a share of one core: fg is the benchmark's thread, bg RocksDB's background threads.
  double fg = f.seconds > 0 ? 100 * f.thread_cpu / f.seconds : 0;
  double bg = f.seconds > 0 ? std::max(0.0, 100 * (f.process_cpu - f.thread_cpu) / f.seconds) : 0;
  std::printf(
      "%-18s : %10.3f micros/op %9.0f ops/sec %9s keys/sec %8.3f seconds %8llu ops %8s "
      "keys; cpu fg %3.0f%% bg %3.0f%%%s%s\n",
      f.name.c_str(), micros, ops_per_sec, keys_per_sec, f.seconds,
      static_cast<unsigned long long>(f.ops), keys, fg, bg, f.note.empty() ? "" : " ",
      f.note.c_str());
  std::fflush(stdout);
}

double cpu_seconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Wall-clock and CPU time from construction to stop().
class Stopwatch {
 public:
  Stopwatch()
      : wall_(Clock::now()),
        thread_(cpu_seconds(CLOCK_THREAD_CPUTIME_ID)),
        process_(cpu_seconds(CLOCK_PROCESS_CPUTIME_ID)) {}
  void stop(Figures& f) const {
    f.seconds = std::chrono::duration<double>(Clock::now() - wall_).count();
    f.thread_cpu = cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - thread_;
    f.process_cpu = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - process_;
  }

 private:
  Clock::time_point wall_;
  double thread_;
  double process_;
};

// --- the benchmarks ------------------------------------------------------------------------------

class StorageBench {
 public:
  StorageBench(const Config& cfg, std::string path)
      : cfg_(cfg), path_(std::move(path)), rng_(cfg.seed) {}

  void run() {
    open(cfg_.sync);
    intern_names();
    fill_nodes();
    fill_rels();
    read_nodes();
    read_rels();
    expand(Direction::kOutgoing, "expand_out");
    expand(Direction::kIncoming, "expand_in");
    expand(Direction::kBoth, "expand_both");
    scan_label();
    create_index();
    seek_index();
    small_txns("fillrels_txn1", cfg_.sync);
    if (cfg_.small_txns > 0) {
      // Sync is fixed at open. Flushing first keeps the reopen from replaying the whole log.
      check(graph_->store().flush(), "flush");
      graph_.reset();
      open(/*sync=*/true);
      small_txns("fillrels_txn1_sync", true);
    }
    report_size();
    graph_.reset();
  }

 private:
  void open(bool sync) {
    Options options;
    options.sync_writes = sync;
    graph_ = check(Graph::open(path_, options), "open " + path_);
  }

  uint64_t sequence() const { return graph_->store().db()->GetLatestSequenceNumber(); }

  template <typename T>
  const T& pick(const std::vector<T>& ids) {
    return ids[std::uniform_int_distribution<size_t>(0, ids.size() - 1)(rng_)];
  }

  // Names are interned once, outside the timed phases.
  void intern_names() {
    auto txn = check(graph_->begin_write(), "begin_write");
    person_ = check(txn->intern_label("Person"), "intern label");
    knows_ = check(txn->intern_type("KNOWS"), "intern type");
    name_ = check(txn->intern_prop_key("name"), "intern key");
    weight_ = check(txn->intern_prop_key("weight"), "intern key");
    check(txn->commit(), "commit names");
  }

  // Runs `fill(txn)` for `count` items in transactions of cfg_.batch, timing it all.
  template <typename Fill>
  Figures batched(std::string name, uint64_t count, Fill fill) {
    Figures f{.name = std::move(name)};
    uint64_t seq = sequence();
    Stopwatch watch;
    for (uint64_t done = 0; done < count;) {
      auto txn = check(graph_->begin_write(), "begin_write");
      uint64_t end = std::min(count, done + std::max<uint64_t>(cfg_.batch, 1));
      for (; done < end; ++done) fill(*txn, done);
      check(txn->commit(), "commit");
    }
    watch.stop(f);
    f.ops = count;
    f.keys = static_cast<int64_t>(sequence() - seq);
    return f;
  }

  void fill_nodes() {
    nodes_.reserve(cfg_.nodes);
    const LabelId labels[] = {person_};
    Figures f = batched("fillnodes", cfg_.nodes, [&](engine::Transaction& txn, uint64_t i) {
      PropertyMap props;
      props.emplace_back(name_, Value("person-" + std::to_string(i)));
      nodes_.push_back(check(txn.create_node(labels, std::move(props)), "create_node"));
    });
    f.note = "(" + std::to_string(cfg_.batch) + " per txn)";
    print_figures(f);
  }

  void create_random_rel(engine::Transaction& txn) {
    NodeId src = pick(nodes_);
    NodeId dst = pick(nodes_);
    PropertyMap props;
    props.emplace_back(weight_, Value(static_cast<int64_t>(rng_() % 1000)));
    rels_.push_back(
        check(txn.create_relationship(src, knows_, dst, std::move(props)), "create_relationship"));
  }

  void fill_rels() {
    if (nodes_.empty()) return;
    rels_.reserve(cfg_.rels + 2 * cfg_.small_txns);
    Figures f = batched("fillrels", cfg_.rels,
                        [&](engine::Transaction& txn, uint64_t) { create_random_rel(txn); });
    f.note = "(" + std::to_string(cfg_.batch) + " per txn)";
    print_figures(f);
  }

  void small_txns(std::string name, bool sync) {
    if (nodes_.empty() || cfg_.small_txns == 0) return;
    Figures f{.name = std::move(name)};
    uint64_t seq = sequence();
    Stopwatch watch;
    for (uint64_t i = 0; i < cfg_.small_txns; ++i) {
      auto txn = check(graph_->begin_write(), "begin_write");
      create_random_rel(*txn);
      check(txn->commit(), "commit");
    }
    watch.stop(f);
    f.ops = cfg_.small_txns;
    f.keys = static_cast<int64_t>(sequence() - seq);
    f.note = std::string("(1 relationship per txn, sync=") + (sync ? "true" : "false") + ")";
    print_figures(f);
  }

  void read_nodes() {
    if (nodes_.empty() || cfg_.reads == 0) return;
    auto txn = check(graph_->begin_read(), "begin_read");
    uint64_t found = 0;
    Stopwatch watch;
    for (uint64_t i = 0; i < cfg_.reads; ++i) {
      auto record = check(txn->get_node(pick(nodes_)), "get_node");
      if (record && !record->properties.empty()) ++found;
    }
    Figures f{.name = "readnodes", .ops = cfg_.reads};
    watch.stop(f);
    f.note = "(" + std::to_string(found) + " of " + std::to_string(cfg_.reads) + " found)";
    print_figures(f);
  }

  void read_rels() {
    if (rels_.empty() || cfg_.reads == 0) return;
    auto txn = check(graph_->begin_read(), "begin_read");
    uint64_t found = 0;
    Stopwatch watch;
    for (uint64_t i = 0; i < cfg_.reads; ++i) {
      auto record = check(txn->get_relationship(pick(rels_)), "get_relationship");
      if (record && record->type == knows_) ++found;
    }
    Figures f{.name = "readrels", .ops = cfg_.reads};
    watch.stop(f);
    f.note = "(" + std::to_string(found) + " of " + std::to_string(cfg_.reads) + " found)";
    print_figures(f);
  }

  void expand(Direction dir, std::string name) {
    if (nodes_.empty() || cfg_.expands == 0) return;
    auto txn = check(graph_->begin_read(), "begin_read");
    uint64_t entries = 0;
    Stopwatch watch;
    for (uint64_t i = 0; i < cfg_.expands; ++i) {
      auto c = txn->expand(pick(nodes_), dir);
      for (; c.valid(); c.next()) ++entries;
      check(c.status(), "expand");
    }
    Figures f{.name = std::move(name), .ops = cfg_.expands};
    watch.stop(f);
    char note[96];
    std::snprintf(note, sizeof note, "(%.2f entries per node, %.0f entries/sec)",
                  static_cast<double>(entries) / static_cast<double>(cfg_.expands),
                  static_cast<double>(entries) / f.seconds);
    f.note = note;
    print_figures(f);
  }

  void scan_label() {
    if (nodes_.empty()) return;
    auto txn = check(graph_->begin_read(), "begin_read");
    uint64_t count = 0;
    Stopwatch watch;
    auto c = txn->scan_label(person_);
    for (; c.valid(); c.next()) ++count;
    check(c.status(), "scan_label");
    Figures f{.name = "scanlabel", .ops = count};
    watch.stop(f);
    f.note = "(" + std::to_string(count) + " of " + std::to_string(nodes_.size()) + " nodes)";
    print_figures(f);
  }

  void create_index() {
    if (nodes_.empty()) return;
    uint64_t seq = sequence();
    Stopwatch watch;
    auto txn = check(graph_->begin_write(), "begin_write");
    check(txn->create_index(person_, name_, /*unique=*/false), "create_index");
    check(txn->commit(), "commit index");
    Figures f{.name = "createindex",
              .ops = nodes_.size(),
              .keys = static_cast<int64_t>(sequence() - seq),
              .note = "(one txn; ops are nodes indexed)"};
    watch.stop(f);
    print_figures(f);
  }

  void seek_index() {
    if (nodes_.empty() || cfg_.seeks == 0) return;
    auto txn = check(graph_->begin_read(), "begin_read");
    uint64_t found = 0;
    std::uniform_int_distribution<uint64_t> which(0, nodes_.size() - 1);
    Stopwatch watch;
    for (uint64_t i = 0; i < cfg_.seeks; ++i) {
      Value name("person-" + std::to_string(which(rng_)));
      auto c = txn->index_seek(person_, name_, name);
      for (; c.valid(); c.next()) ++found;
      check(c.status(), "index_seek");
    }
    Figures f{.name = "seekindex", .ops = cfg_.seeks};
    watch.stop(f);
    f.note = "(" + std::to_string(found) + " of " + std::to_string(cfg_.seeks) + " found)";
    print_figures(f);
  }

  void report_size() {
    check(graph_->store().flush(), "flush");
    uint64_t bytes = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(path_, ec))
      if (e.is_regular_file(ec)) bytes += e.file_size(ec);
    std::printf("------------------------------------------------\n");
    std::printf("Size:       %.1f MB on disk after flush (%llu nodes, %zu relationships)\n",
                static_cast<double>(bytes) / 1048576.0,
                static_cast<unsigned long long>(nodes_.size()), rels_.size());
  }

  Config cfg_;
  std::string path_;
  std::mt19937_64 rng_;
  std::unique_ptr<Graph> graph_;
  LabelId person_{};
  TypeId knows_{};
  PropKeyId name_{};
  PropKeyId weight_{};
  std::vector<NodeId> nodes_;
  std::vector<RelId> rels_;
};

std::optional<Config> parse_args(int argc, char** argv) {
  Config cfg;
  cxxopts::Options options("storage_bench", "Measures kg's storage engine (see bench/README.md).");
  options.add_options()(
      "db", "graph directory, missing or empty (default: a temp dir, removed afterwards)",
      cxxopts::value<std::string>())("nodes", "nodes to create",
                                     cxxopts::value<uint64_t>()->default_value("100000"))(
      "rels", "relationships to create", cxxopts::value<uint64_t>()->default_value("1000000"))(
      "batch", "creations per write transaction in fillnodes/fillrels",
      cxxopts::value<uint64_t>()->default_value("10000"))(
      "sync", "sync the WAL on each commit of the bulk phases (as db_bench --sync)",
      cxxopts::value<bool>()->default_value("false"))(
      "reads", "random point reads per read benchmark (0 skips)",
      cxxopts::value<uint64_t>()->default_value("1000000"))(
      "expands", "random expansions per direction (0 skips)",
      cxxopts::value<uint64_t>()->default_value("100000"))(
      "seeks", "random index seeks (0 skips)", cxxopts::value<uint64_t>()->default_value("100000"))(
      "small_txns", "one-relationship transactions, run with sync off and on (0 skips)",
      cxxopts::value<uint64_t>()->default_value("1000"))(
      "seed", "random seed", cxxopts::value<uint64_t>()->default_value("301"))("h,help",
                                                                               "print this help");
  cxxopts::ParseResult args;
  try {
    args = options.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    std::fprintf(stderr, "storage_bench: %s\n", e.what());
    return std::nullopt;
  }
  if (args.count("help")) {
    std::printf("%s", options.help().c_str());
    std::exit(0);
  }
  if (args.count("db")) cfg.db = args["db"].as<std::string>();
  cfg.nodes = args["nodes"].as<uint64_t>();
  cfg.rels = args["rels"].as<uint64_t>();
  cfg.batch = args["batch"].as<uint64_t>();
  cfg.sync = args["sync"].as<bool>();
  cfg.reads = args["reads"].as<uint64_t>();
  cfg.expands = args["expands"].as<uint64_t>();
  cfg.seeks = args["seeks"].as<uint64_t>();
  cfg.small_txns = args["small_txns"].as<uint64_t>();
  cfg.seed = args["seed"].as<uint64_t>();
  if (cfg.batch == 0) {
    std::fprintf(stderr, "storage_bench: --batch must be at least 1\n");
    return std::nullopt;
  }
  return cfg;
}

int run(int argc, char** argv) {
  auto cfg = parse_args(argc, argv);
  if (!cfg) return 2;

  std::string path = cfg->db;
  bool temporary = path.empty();
  if (temporary) {
    std::string tmpl = (fs::temp_directory_path() / "kg_storage_bench.XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      std::perror("storage_bench: mkdtemp");
      return 1;
    }
    path = tmpl;
  } else {
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_empty(path, ec)) {
      std::fprintf(stderr, "storage_bench: --db %s must be missing or empty\n", path.c_str());
      return 2;
    }
  }

  print_header(*cfg, path);
  StorageBench(*cfg, path).run();

  if (temporary) {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) { return kg::bench::run(argc, argv); }
