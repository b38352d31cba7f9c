#include "shell/progress.hpp"

#include <catch2/catch.hpp>

using kg::shell::progress_line;
using kg::shell::ProgressState;
using std::chrono::milliseconds;

TEST_CASE("progress: a spinner with the time, or a bar when the total is known",
          "[shell][progress]") {
  ProgressState running;
  running.hint = "Ctrl+C cancels";
  CHECK(progress_line(running, milliseconds(3210), 0, 80) == "⠋ running · 3.2 s · Ctrl+C cancels");
  CHECK(progress_line(running, milliseconds(3210), 1, 80).rfind("⠙ ", 0) == 0);

  ProgressState import;
  import.what = "nodes";
  import.done = 12'300'000;
  import.total = 24'600'000;
  CHECK(progress_line(import, milliseconds(1500), 0, 100) ==
        "⠋ [██████████░░░░░░░░░░]  50% · nodes · 12.3 of 24.6 MB · 1.5 s");
  CHECK(progress_line(import, milliseconds(1500), 0, 20) == "⠋ [██████████░░░░░…");  // 19 wide

  ProgressState steps;  // an algo.* procedure's iterations
  steps.what = "pagerank";
  steps.done = 5;
  steps.total = 20;
  steps.bytes = false;
  CHECK(progress_line(steps, milliseconds(2000), 0, 100) ==
        "⠋ [█████░░░░░░░░░░░░░░░]  25% · pagerank · 5 of 20 · 2.0 s");
}
