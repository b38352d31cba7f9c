// ProgressReporter: calls ImportOptions::progress now and then (at most ten times a second, and
// at every change of phase) while an import runs. Cheap enough to call per row.
// Thread-safety: not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "kg/import_options.hpp"
#include "kg/status.hpp"

namespace kg::engine::loader {

class ProgressReporter {
 public:
  // `bytes_total`: the size of everything the import will read (files read twice count twice).
  // `cancelled`: ImportOptions::cancelled (may be empty).
  ProgressReporter(std::function<void(const ImportProgress&)> callback,
                   std::function<bool()> cancelled, uint64_t bytes_total);

  // A new phase ("nodes", "relationships", "sorting", "writing", "ingesting"), reading `file`
  // (if any), whose consumed bytes `consumed` tells. Reports at once.
  // Errors (this and the two below): kInterrupted when the import was cancelled.
  Status begin(std::string phase, std::string file = {}, std::function<uint64_t()> consumed = {});
  // The file of the phase is read to its end (its size counts as read).
  void end_file(uint64_t file_size);
  // One more row read.
  Status row() {
    ++state_.rows;
    if ((state_.rows & 1023) != 0) return Status();
    if (callback_) maybe_report();
    return check_cancelled();
  }
  // One more unit of work that reads no row (an entry written from a sort).
  Status step() {
    if ((++steps_ & 4095) != 0) return Status();
    return check_cancelled();
  }
  uint64_t rows() const { return state_.rows; }
  uint64_t bytes_read() const { return done_bytes_; }

 private:
  void maybe_report();
  void report();
  Status check_cancelled() const;

  std::function<void(const ImportProgress&)> callback_;
  std::function<bool()> cancelled_;
  uint64_t steps_ = 0;
  ImportProgress state_;
  std::function<uint64_t()> consumed_;
  uint64_t done_bytes_ = 0;  // of files read to their end
  std::chrono::steady_clock::time_point last_;
};

}  // namespace kg::engine::loader
