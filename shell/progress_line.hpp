// ProgressLine: one line on a terminal that shows the progress of a long statement
// ("pagerank 12/20 · Ctrl+C to stop"), redrawn at most every 100 ms and erased when the statement
// ends. Only draws when enabled (the shell enables it when stderr is a terminal), so scripts and
// pipes see no progress output.
// Thread-safety: used by the thread running statements only.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace kg::shell {

class ProgressLine {
 public:
  // REQUIRES: `out` outlives the object.
  ProgressLine(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}

  // Shows `task` at `done` of `total` (total 0: unknown), unless the last draw was < 100 ms ago.
  void update(std::string_view task, uint64_t done, uint64_t total);
  // Erases the line, if one is shown.
  void clear();
  // The text of one update, for tests: "pagerank 12/20 (60%)".
  static std::string text(std::string_view task, uint64_t done, uint64_t total);

 private:
  std::ostream& out_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace kg::shell
