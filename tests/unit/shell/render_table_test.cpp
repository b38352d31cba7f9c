#include "shell/render_table.hpp"

#include <catch2/catch.hpp>

using kg::QueryResult;
using kg::Value;
using kg::shell::render_table;
using kg::shell::table_footer;

TEST_CASE("render_table: box, aligned columns, numbers to the right, a footer",
          "[shell][render_table]") {
  QueryResult r({"name", "founded"}, {{"AWS", 2006}, {"Nvidia", 1993.5}, {Value(), 7}}, {});
  CHECK(render_table(r) ==
        "┌────────┬─────────┐\n"
        "│ name   │ founded │\n"
        "├────────┼─────────┤\n"
        "│ AWS    │    2006 │\n"
        "│ Nvidia │  1993.5 │\n"
        "│ null   │       7 │\n"
        "└────────┴─────────┘\n"
        "3 rows\n");
}

TEST_CASE("render_table: an empty result shows its header", "[shell][render_table]") {
  CHECK(render_table(QueryResult({"n"}, {}, {})) ==
        "┌───┐\n"
        "│ n │\n"
        "└───┘\n"
        "0 rows\n");
}

TEST_CASE("render_table: wide characters and control characters keep rows on one line",
          "[shell][render_table]") {
  QueryResult r({"s"}, {{"中文"}, {"a\nb"}, {kg::List{"x"}}}, {});
  CHECK(render_table(r) ==
        "┌───────┐\n"
        "│ s     │\n"
        "├───────┤\n"
        "│ 中文  │\n"
        "│ a\\nb  │\n"
        "│ ['x'] │\n"
        "└───────┘\n"
        "3 rows\n");
}

TEST_CASE("render_table: footers with update counters", "[shell][render_table]") {
  kg::QueryCounters created;
  created.nodes_created = 1;
  created.properties_set = 2;
  REQUIRE(created.contains_updates());
  std::string changes = created.to_string();
  CHECK(table_footer(QueryResult({"x"}, {{1}}, {})) == "1 row\n");
  CHECK(table_footer(QueryResult({"x"}, {{1}}, created)) == "1 row; " + changes + "\n");
  // Without columns: the counters alone, or nothing.
  CHECK(render_table(QueryResult({}, {}, created)) == changes + "\n");
  CHECK(render_table(QueryResult({}, {}, {})) == "");
}

TEST_CASE("render_table: narrowed to a width, wide cells cut with an ellipsis",
          "[shell][render_table]") {
  QueryResult r({"id", "text"}, {{1, "a rather long value that does not fit"}, {2, Value()}}, {});
  kg::shell::TableStyle style;
  style.max_width = 24;
  style.null_text = "NULL";
  style.footer = false;
  CHECK(render_table(r, style) ==
        "┌────┬─────────────────┐\n"
        "│ id │ text            │\n"
        "├────┼─────────────────┤\n"
        "│  1 │ a rather long … │\n"
        "│  2 │ NULL            │\n"
        "└────┴─────────────────┘\n");
  style.color = true;  // null dimmed
  CHECK(render_table(r, style).find("│  2 │ \x1b[2mNULL\x1b[0m            │") != std::string::npos);
}

TEST_CASE("render_table: nulls in a column of numbers align with them", "[shell][render_table]") {
  QueryResult r({"n"}, {{1000}, {Value()}}, {});
  CHECK(render_table(r) ==
        "┌──────┐\n"
        "│ n    │\n"
        "├──────┤\n"
        "│ 1000 │\n"
        "│ null │\n"
        "└──────┘\n"
        "2 rows\n");
  QueryResult wide({"n"}, {{1}, {Value()}}, {});
  CHECK(render_table(wide).find("│ null │") != std::string::npos);
  QueryResult narrow({"units"}, {{7}, {Value()}}, {});
  CHECK(render_table(narrow).find("│  null │") != std::string::npos);
}
