#include "tests/faults/fault_sweep.hpp"

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include <rocksdb/db.h>

#include "engine/graph.hpp"
#include "engine/storage/store.hpp"
#include "kg/check.hpp"
#include "kg/connection.hpp"

namespace kg::testing {

namespace {

constexpr FaultOp kKinds[] = {FaultOp::kWrite, FaultOp::kSync, FaultOp::kRead, FaultOp::kCreate};

// The rows of `statement` as sorted lines ("" on error, with the error as the only line).
std::string sorted_rows(Connection& conn, const std::string& statement) {
  auto r = conn.query(statement);
  if (!r.ok()) return "error: " + r.status().to_string() + "\n";
  std::vector<std::string> lines;
  for (const auto& row : r) {
    std::string line;
    for (const auto& v : row) line += v.to_string() + "|";
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string status_text(const Status& s) { return s.ok() ? "OK" : s.to_string(); }

}  // namespace

std::string dump(Database& db) {
  Connection conn(db);
  return "nodes:\n" +
         sorted_rows(conn, "MATCH (n) WHERE NOT n:Probe RETURN labels(n), properties(n)") +
         "relationships:\n" +
         sorted_rows(conn,
                     "MATCH (a)-[r]->(b) RETURN properties(a), type(r), properties(r), "
                     "properties(b)") +
         "indexes:\n" + sorted_rows(conn, "SHOW INDEXES");
}

std::string SweepFigures::to_string(const std::string& step) const {
  std::string kinds;
  for (FaultOp op : kKinds) {
    if (!kinds.empty()) kinds += ", ";
    kinds += std::string(fault_op_name(op)) + " " +
             std::to_string(per_kind[std::countr_zero(static_cast<uint8_t>(op))]);
  }
  return "faults: " + step + ": " + std::to_string(points) + " fault points (" + kinds +
         ", disk full 1): " + std::to_string(io_errors) + " IOError, " +
         std::to_string(ok_with_fault) + " OK despite an injected fault, " +
         std::to_string(not_reached) + " not reached; effect present after a failed sync: " +
         std::to_string(effect_after_failed_sync) +
         "; later write refused: " + std::to_string(probe_refused) + "; " +
         std::to_string(reopens) + " reopens checked";
}

FaultSweep::FaultSweep(const std::function<void(Database&)>& setup,
                       const std::function<void(Database&)>& after_flush)
    : template_(dir_.sub("template")) {
  {
    Database db(template_);
    REQUIRE(db.ok());
    setup(db);
    // Flushed and compacted, so no background flush or compaction runs (and counts operations)
    // while a step does.
    auto& store = db.graph()->store();
    REQUIRE(store.flush().ok());
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    for (size_t i = 0; i < engine::kNumCfs; ++i)
      REQUIRE(store.db()
                  ->CompactRange(compact, store.cf(static_cast<engine::Cf>(i)), nullptr, nullptr)
                  .ok());
    after_flush(db);
  }
  Database db(template_);
  REQUIRE(db.ok());
  before_ = dump(db);
}

std::string FaultSweep::file(const std::string& name, const std::string& text) const {
  std::string path = dir_.sub(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

FaultSweep::Outcome FaultSweep::run(const FaultStep& step, FaultOps ops, uint64_t n,
                                    FaultError error, bool sticky, uint64_t* counts) {
  namespace fs = std::filesystem;
  std::string path = dir_.sub("run" + std::to_string(runs_++));
  fs::copy(template_, path, fs::copy_options::recursive);
  Outcome o;
  {
    auto fault_fs = std::make_shared<FaultFs>();
    auto env = FaultFs::env_for(fault_fs);
    uint64_t start[4] = {};
    auto arm = [&] {
      for (FaultOp op : kKinds)
        start[std::countr_zero(static_cast<uint8_t>(op))] =
            fault_fs->count(static_cast<FaultOps>(op));
      if (ops != 0) fault_fs->arm(ops, n, error, sticky);
    };
    if (step.includes_open) arm();
    std::unique_ptr<Database> db = std::make_unique<Database>(
        path, Options{},
        engine::StorageOptions{.env = env.get(),
                               .flush_at_open_after_logs = step.flush_at_open_after_logs});
    if (step.includes_open) {
      o.step = db->status();
      if (o.step.ok()) o.step = step.run(*db);
    } else {
      REQUIRE(db->ok());
      // An existing graph opens read-only and its first write opens it again read-write: that
      // second open is the open steps' to sweep, not every write step's.
      REQUIRE(db->graph()->store().make_writable().ok());
      arm();
      o.step = step.run(*db);
    }
    fault_fs->disarm();
    if (counts != nullptr)
      for (FaultOp op : kKinds) {
        size_t bit = std::countr_zero(static_cast<uint8_t>(op));
        counts[bit] = fault_fs->count(static_cast<FaultOps>(op)) - start[bit];
      }
    o.injected = fault_fs->injected();
    if (db->ok()) {
      Connection conn(*db);
      o.probe = conn.query("CREATE (:Probe)").status();
      o.probed = true;
    }
    db.reset();  // closes the graph before the Env goes
  }
  {
    Database db(path);
    INFO("reopen: " << status_text(db.status()));
    REQUIRE(db.ok());
    auto report = check_graph(db);
    REQUIRE(report.ok());
    std::string violations;
    for (const auto& v : report->violations) violations += v.kind + ": " + v.message + "\n";
    CHECK(violations == "");
    o.state = dump(db);
    Connection conn(db);
    auto probes = conn.query("MATCH (p:Probe) RETURN count(p)");
    REQUIRE(probes.ok());
    CHECK(probes[0][0].as_int() == (o.probed && o.probe.ok() ? 1 : 0));
  }
  fs::remove_all(path);
  return o;
}

void FaultSweep::check(FaultOps ops, const Outcome& o, SweepFigures& f) const {
  ++f.points;
  CHECK((o.step.ok() || o.step.code() == StatusCode::kIOError));
  ++f.reopens;
  CHECK((o.probe.ok() || o.probe.code() == StatusCode::kIOError));
  if (o.probed && !o.probe.ok()) ++f.probe_refused;
  if (o.injected == 0) {
    ++f.not_reached;
  } else if (o.step.ok()) {
    ++f.ok_with_fault;
  } else if (o.step.code() == StatusCode::kIOError) {
    ++f.io_errors;
  }
  if (o.step.ok()) {
    CHECK(o.state == after_);
  } else if ((ops & static_cast<FaultOps>(FaultOp::kSync)) != 0 && o.state == after_) {
    ++f.effect_after_failed_sync;
  } else {
    CHECK(o.state == before_);
  }
}

SweepFigures FaultSweep::sweep(const FaultStep& step) {
  SweepFigures f;
  uint64_t counts[4] = {};
  // $KG_FAULT_ONLY=kind:n (e.g. sync:39) runs just that fault point, to trace it.
  const char* only_env = std::getenv("KG_FAULT_ONLY");
  const std::string only = only_env != nullptr ? only_env : "";
  {
    INFO(step.name << " without faults");
    Outcome dry = run(step, 0, 0, FaultError::kIOError, false, counts);
    INFO("step: " << status_text(dry.step));
    REQUIRE(dry.step.ok());
    REQUIRE((dry.probed && dry.probe.ok()));
    after_ = dry.state;
    ++f.reopens;
  }
  for (FaultOp op : kKinds) {
    size_t bit = std::countr_zero(static_cast<uint8_t>(op));
    if ((step.kinds & static_cast<FaultOps>(op)) == 0) continue;
    for (uint64_t n = 1; n <= counts[bit]; ++n) {
      if (!only.empty() && only != std::string(fault_op_name(op)) + ":" + std::to_string(n))
        continue;
      INFO(step.name << ": " << fault_op_name(op) << " #" << n << " of " << counts[bit]
                     << " fails");
      Outcome o = run(step, static_cast<FaultOps>(op), n, FaultError::kIOError, false);
      INFO("step: " << status_text(o.step) << "; probe: " << status_text(o.probe));
      check(static_cast<FaultOps>(op), o, f);
      ++f.per_kind[bit];
    }
  }
  if (only.empty()) {
    INFO(step.name << ": disk full (every write, sync and creation fails)");
    FaultOps ops = FaultOp::kWrite | FaultOp::kSync;
    ops |= static_cast<FaultOps>(FaultOp::kCreate);
    Outcome o = run(step, ops, 1, FaultError::kNoSpace, /*sticky=*/true);
    INFO("step: " << status_text(o.step) << "; probe: " << status_text(o.probe));
    check(ops, o, f);
  }
  return f;
}

}  // namespace kg::testing
