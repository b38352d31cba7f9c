// FaultSweep: runs one workload step once per fault point and checks what kg promises about
// storage failures (docs/reliability.md):
//  - the step returns OK or a kIOError Status; the process does not abort;
//  - a write after the fault clears, on the same open Database, returns OK or kIOError (RocksDB
//    refuses writes after a failed WAL write or sync until the graph is reopened);
//  - the graph then reopens on the real disk, kg::check_graph finds no violation, and it holds
//    the committed data: the step's effect when it returned OK; otherwise the state before the
//    step (or, only when a sync failed, either state: data written but not synced may or may not
//    have reached the disk), never anything in between; the probe write iff it returned OK.
//
// A sweep first runs the step without faults on a copy of the template graph, counting the
// file operations of each kind (FaultFs) it makes; then, for each kind and each n up to that
// count, it runs the step on a fresh copy with the nth operation failing (IOError), and once with
// every write, sync and file creation failing with NoSpace (a full disk). Checks are Catch2
// CHECKs, so every fault point is checked even after one fails. To look at one fault point:
//   KG_FAULT_ONLY=sync:3 KG_FAULT_TRACE=1 kg_fault_tests "<test name>"
// runs only that point (and the run without faults) and prints every file operation.
#pragma once

#include <functional>
#include <string>

#include "engine/storage/store.hpp"
#include "kg/database.hpp"
#include "kg/status.hpp"
#include "tests/faults/fault_fs.hpp"
#include "tests/support/temp_dir.hpp"

namespace kg::testing {

// One step of a workload. `run` gets an open graph whose file system may fail and returns the
// Status the caller of kg saw (a wrong result counts as an error other than kIOError).
struct FaultStep {
  std::string name;
  std::function<Status(Database&)> run;
  // Arm the fault before opening the graph, so the open (and its log replay) is part of the step;
  // `run` follows when the open succeeds. Otherwise the graph is made writable before (see
  // engine::Store::make_writable), and the step is `run` alone.
  bool includes_open = false;
  // The kinds of operation to fail, one at a time (the disk-full run is always made).
  FaultOps kinds = kAllFaultOps;
  // StorageOptions::flush_at_open_after_logs of the graph the step runs on.
  size_t flush_at_open_after_logs = engine::StorageOptions{}.flush_at_open_after_logs;
};

// What a sweep did.
struct SweepFigures {
  uint64_t points = 0;         // runs with a fault armed
  uint64_t io_errors = 0;      // ... where the step returned kIOError
  uint64_t ok_with_fault = 0;  // ... where a fault was injected but the step returned OK
  uint64_t not_reached = 0;    // ... where the armed operation never came (nothing injected)
  uint64_t effect_after_failed_sync = 0;  // failed steps whose effect was there after reopen
  uint64_t probe_refused = 0;             // writes after the fault cleared that returned kIOError
  uint64_t reopens = 0;                   // graphs reopened and checked
  uint64_t per_kind[4] = {};              // fault points per FaultOp kind, by bit index
  std::string to_string(const std::string& step) const;
};

class FaultSweep {
 public:
  // Creates the template graph with `setup` on the real disk; its data is flushed to SST files
  // (so reads hit files), then `after_flush` runs (its writes stay in the write-ahead log).
  FaultSweep(const std::function<void(Database&)>& setup,
             const std::function<void(Database&)>& after_flush);

  // Writes `text` to a file beside the graphs (an import's input) and returns its path.
  std::string file(const std::string& name, const std::string& text) const;

  // Sweeps every fault point of `step` (see above).
  SweepFigures sweep(const FaultStep& step);

 private:
  struct Outcome {
    Status step;
    Status probe;         // the write after the fault cleared
    bool probed = false;  // whether it ran (not when the open was the step and failed)
    std::string state;    // dump() after reopen
    uint64_t injected = 0;
  };
  // Runs `step` on a fresh copy of the template; arms `ops` at `n` unless ops == 0. Counts the
  // operations of each kind the step made into `counts` when given.
  Outcome run(const FaultStep& step, FaultOps ops, uint64_t n, FaultError error, bool sticky,
              uint64_t* counts = nullptr);
  void check(FaultOps ops, const Outcome& o, SweepFigures& f) const;

  TempDir dir_;
  std::string template_;
  std::string before_;  // dump of the template
  std::string after_;   // dump after the step ran without faults
  int runs_ = 0;
};

// The graph's content as sorted text: nodes (labels, properties), relationships (ends' properties,
// type, properties), and indexes; nodes labelled Probe are left out. Empty on a read error.
std::string dump(Database& db);

}  // namespace kg::testing
