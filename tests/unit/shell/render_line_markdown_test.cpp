#include <catch2/catch.hpp>

#include "shell/footer.hpp"
#include "shell/render_line.hpp"
#include "shell/render_markdown.hpp"

using kg::QueryResult;
using kg::Value;

TEST_CASE("render_line: one `column = value` line per column, rows apart", "[shell][render]") {
  QueryResult r({"name", "founded"}, {{"AWS", 2006}, {"Groq", Value()}}, {});
  CHECK(kg::shell::render_line(r, "NULL") ==
        "   name = AWS\n"
        "founded = 2006\n"
        "\n"
        "   name = Groq\n"
        "founded = NULL\n");
  CHECK(kg::shell::render_line(QueryResult({}, {}, {})) == "");
}

TEST_CASE("render_markdown: a padded table, numbers right-aligned, pipes escaped",
          "[shell][render]") {
  QueryResult r({"name", "n"}, {{"A|B", 7}, {"line\nbreak", Value()}}, {});
  CHECK(kg::shell::render_markdown(r) ==
        "| name          | n    |\n"
        "| ------------- | ---: |\n"
        "| A\\|B          |    7 |\n"
        "| line<br>break | null |\n");
}

TEST_CASE("footer: rows, counters and time, as the shell shows them", "[shell][render]") {
  kg::shell::FooterStyle style;
  style.separator = " · ";
  style.time = true;
  style.always = true;
  style.compact_counters = true;
  QueryResult rows({"x"}, {{1}, {2}, {3}}, {});
  rows.set_elapsed_ms(12.34);
  CHECK(kg::shell::result_footer(rows, style) == "3 rows · 12.3 ms\n");
  kg::QueryCounters c;
  c.nodes_created = 2;
  c.relationships_created = 1;
  QueryResult write({}, {}, c);
  write.set_elapsed_ms(2500);
  CHECK(kg::shell::result_footer(write, style) == "created 2 nodes, 1 relationship · 2.50 s\n");
  QueryResult nothing({}, {}, {});
  nothing.set_elapsed_ms(0.04);
  CHECK(kg::shell::result_footer(nothing, style) == "no changes · 0.04 ms\n");
  style.time = false;
  CHECK(kg::shell::result_footer(rows, style) == "3 rows\n");
  CHECK(kg::shell::compact_counters("created 2 nodes, created 1 relationship, set 2 properties, "
                                    "added 2 labels, added 1 index") ==
        "created 2 nodes, 1 relationship, set 2 properties, added 2 labels, 1 index");
}
