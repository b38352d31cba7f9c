// ProgressReporter: calls ImportOptions::progress now and then (at most ten times a second, and
// at every change of phase) while an import runs. Cheap enough to call per row.
// Thread-safety: not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "kg/import_options.hpp"

namespace kg::engine::loader {

class ProgressReporter {
 public:
  // `bytes_total`: the size of everything the import will read (files read twice count twice).
  ProgressReporter(std::function<void(const ImportProgress&)> callback, uint64_t bytes_total);

  // A new phase ("nodes", "relationships", "sorting", "writing", "ingesting"), reading `file`
  // (if any), whose consumed bytes `consumed` tells. Reports at once.
  void begin(std::string phase, std::string file = {}, std::function<uint64_t()> consumed = {});
  // The file of the phase is read to its end (its size counts as read).
  void end_file(uint64_t file_size);
  // One more row read.
  void row() {
    ++state_.rows;
    if ((state_.rows & 1023) == 0 && callback_) maybe_report();
  }
  uint64_t rows() const { return state_.rows; }
  uint64_t bytes_read() const { return done_bytes_; }

 private:
  void maybe_report();
  void report();

  std::function<void(const ImportProgress&)> callback_;
  ImportProgress state_;
  std::function<uint64_t()> consumed_;
  uint64_t done_bytes_ = 0;  // of files read to their end
  std::chrono::steady_clock::time_point last_;
};

}  // namespace kg::engine::loader
