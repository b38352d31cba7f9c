// The shell's progress line: its text, and that it draws only when enabled and erases itself.
#include "shell/progress_line.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using kg::shell::ProgressLine;

TEST_CASE("progress line: text with and without a total", "[shell][progress]") {
  CHECK(ProgressLine::text("pagerank", 12, 20) == "pagerank 12/20 (60%)");
  CHECK(ProgressLine::text("projection", 65536, 0) == "projection 65536");
}

TEST_CASE("progress line: draws when enabled, then erases", "[shell][progress]") {
  std::ostringstream on;
  ProgressLine line(on, true);
  line.update("pagerank", 1, 20);
  line.update("pagerank", 2, 20);  // within 100 ms of the first: not drawn
  line.clear();
  CHECK(on.str() == "\r\033[Kpagerank 1/20 (5%) · Ctrl+C to stop\r\033[K");

  std::ostringstream off;
  ProgressLine quiet(off, false);
  quiet.update("pagerank", 1, 20);
  quiet.clear();
  CHECK(off.str().empty());
}
