// Progress: for work that runs longer than a second — a statement, an import — a spinner, or a bar
// when the amount of work is known, with the elapsed time, redrawn ten times a second on one line
// of stderr and cleared when the work is done:
//
//   ⠹ running · 3.2 s · Ctrl+C cancels
//   ⠹ [██████████░░░░░░░░░░]  48% · 12.3 of 25.6 MB · 3.2 s
//
// Only on a terminal: disabled, it draws nothing. A helper thread draws; it never writes anything
// but the progress line.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace kg::shell {

struct ProgressState {
  // What is going on: "running", "cancelling", "nodes", ...
  std::string what = "running";
  // Work done and the total (bytes, rows); total 0 when unknown (a spinner instead of a bar).
  uint64_t done = 0;
  uint64_t total = 0;
  // Whether done/total count bytes ("12.3 of 25.6 MB") or plain steps ("5 of 20").
  bool bytes = true;
  // A hint at the end of the line, e.g. "Ctrl+C cancels".
  std::string hint;
};

// The progress line for `state` after `elapsed`, frame `tick` of the spinner, no wider than
// `width` terminal columns.
std::string progress_line(const ProgressState& state, std::chrono::milliseconds elapsed,
                          uint64_t tick, size_t width);

class Progress {
 public:
  struct Options {
    // Whether to draw at all (stderr is a terminal).
    bool enabled = false;
    // How long the work runs before the line appears.
    std::chrono::milliseconds delay{1000};
    // Called on the helper thread about ten times a second while the work runs, drawn or not.
    std::function<void()> on_tick;
    ProgressState initial;
  };

  explicit Progress(Options options);
  // finish().
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Replaces what the line says. Thread-safe.
  void update(ProgressState state);
  // Stops the helper thread and clears the line if it was drawn. Idempotent.
  void finish();

 private:
  void run();

  Options options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  ProgressState state_;
  bool done_ = false;
  bool drawn_ = false;
  std::thread thread_;
};

}  // namespace kg::shell
