#include "shell/render_csv.hpp"

#include <catch2/catch.hpp>

using kg::QueryResult;
using kg::Value;
using kg::shell::render_csv;

TEST_CASE("render_csv: a header, then rows, strings bare, null empty, others as literals",
          "[shell][render_csv]") {
  QueryResult r({"name", "n", "f", "ok", "none", "list", "map"},
                {{"AWS", 1, 2.0, true, Value(), kg::List{1, "a"}, kg::Map{{"k", "v"}}}}, {});
  CHECK(render_csv(r) ==
        "name,n,f,ok,none,list,map\n"
        "AWS,1,2.0,true,,\"[1, 'a']\",{k: 'v'}\n");
}

TEST_CASE("render_csv: RFC 4180 quoting, and \"\" for the empty string", "[shell][render_csv]") {
  QueryResult r({"a,b", "q"}, {{"x,y", "say \"hi\""}, {"two\nlines", ""}, {Value(), "cr\r"}}, {});
  CHECK(render_csv(r) ==
        "\"a,b\",q\n"
        "\"x,y\",\"say \"\"hi\"\"\"\n"
        "\"two\nlines\",\"\"\n"
        ",\"cr\r\"\n");
}

TEST_CASE("render_csv: nodes as literals, and no columns print nothing", "[shell][render_csv]") {
  kg::Node n{kg::NodeId{1}, {"Company"}, {{"name", "AWS"}}};
  CHECK(render_csv(QueryResult({"n"}, {{n}}, {})) == "n\n(:Company {name: 'AWS'})\n");
  CHECK(render_csv(QueryResult({"n"}, {}, {})) == "n\n");
  CHECK(render_csv(QueryResult()) == "");
}
