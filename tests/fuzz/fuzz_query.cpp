// Fuzz target: the whole query path — parse, plan, execute, materialize the rows — on
// small_graph(). Each input runs inside BEGIN ... ROLLBACK, so writes never accumulate (schema
// commands and kg.import, which cannot run inside a transaction, fail instead).
//
// Work is capped two ways: inputs over kMaxQueryBytes are skipped, and a watchdog thread calls
// Connection::interrupt() while one statement has run longer than kQueryTimeLimitMs, so
// `UNWIND range(1, 10^7) AS x MATCH (a), (b) ...` ends as kInterrupted well within libFuzzer's
// -timeout. Memory is capped by the engine itself (range() builds at most 2^24 elements) and by
// libFuzzer's -rss_limit_mb.
#include <atomic>
#include <chrono>
#include <memory>
#include <string_view>
#include <thread>

#include "kg/connection.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/fuzz/fuzz_targets.hpp"
#include "tests/fuzz/small_graph.hpp"

namespace kg::fuzz {

namespace {

constexpr std::string_view kTarget = "query";

// Interrupts the connection's statement while one has been running longer than the limit. The
// interrupt is repeated every few milliseconds until the statement ends, since Session clears the
// flag when a statement starts and an early interrupt could otherwise be lost.
class Watchdog {
 public:
  explicit Watchdog(Connection& conn)
      : conn_(conn), thread_([this](std::stop_token stop) { watch(stop); }) {}

  void start() { started_ns_.store(now_ns(), std::memory_order_release); }
  void stop() { started_ns_.store(0, std::memory_order_release); }

 private:
  static int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  void watch(std::stop_token stop) {
    constexpr int64_t kLimitNs = int64_t{kQueryTimeLimitMs} * 1'000'000;
    while (!stop.stop_requested()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      int64_t started = started_ns_.load(std::memory_order_acquire);
      if (started != 0 && now_ns() - started > kLimitNs) conn_.interrupt();
    }
  }

  Connection& conn_;
  std::atomic<int64_t> started_ns_{0};
  std::jthread thread_;  // last: starts after the members it reads
};

struct QueryState {
  QueryState() : conn(small_graph()), watchdog(conn) {}
  Connection conn;
  Watchdog watchdog;
};

}  // namespace

void run_query(const uint8_t* data, size_t size) {
  if (size > kMaxQueryBytes) return;
  static QueryState state;  // process lifetime: see fuzz_targets.hpp
  Connection& conn = state.conn;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  auto begin = conn.query("BEGIN");
  if (!begin.ok()) fail(kTarget, "BEGIN failed: " + begin.status().to_string());
  state.watchdog.start();
  QueryResult result = conn.query(text);
  state.watchdog.stop();
  check_not_internal(kTarget, result.status());
  for (const Row& row : result)
    for (const Value& v : row) (void)v.to_string();
  if (conn.in_transaction()) {
    auto rollback = conn.query("ROLLBACK");
    if (!rollback.ok()) fail(kTarget, "ROLLBACK failed: " + rollback.status().to_string());
  }
}

}  // namespace kg::fuzz
