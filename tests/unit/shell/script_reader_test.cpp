#include "shell/script_reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

using kg::shell::ScriptItem;
using kg::shell::split_script;

// "S 1:1 RETURN 1" per item: kind, position, text.
std::string describe(const std::vector<ScriptItem>& items) {
  std::string out;
  for (const auto& item : items) {
    out += item.kind == ScriptItem::Kind::kStatement ? "S "
           : item.kind == ScriptItem::Kind::kCommand ? "C "
                                                     : "E ";
    out += std::to_string(item.pos.line) + ":" + std::to_string(item.pos.column) + " " + item.text +
           "\n";
  }
  return out;
}

std::string split(std::string_view text) { return describe(split_script(text)); }

}  // namespace

TEST_CASE("script_reader: statements end with a semicolon, the last may omit it",
          "[shell][script_reader]") {
  CHECK(split("RETURN 1;\nRETURN 2") == "S 1:1 RETURN 1\nS 2:1 RETURN 2\n");
  CHECK(split("RETURN 1; RETURN 2;") == "S 1:1 RETURN 1\nS 1:11 RETURN 2\n");
  CHECK(split("MATCH (n)\n  RETURN n;\n") == "S 1:1 MATCH (n)\n  RETURN n\n");
  CHECK(split("") == "");
  CHECK(split(";;\n ; \n") == "");
}

TEST_CASE("script_reader: a line holding only a semicolon separates statements (the TCK format)",
          "[shell][script_reader]") {
  CHECK(split("CREATE (a) // setup\n;\nCREATE (b)\n;\nMATCH (n) RETURN n\n") ==
        "S 1:1 CREATE (a) // setup\nS 3:1 CREATE (b)\nS 5:1 MATCH (n) RETURN n\n");
}

TEST_CASE("script_reader: a semicolon inside strings, names and comments does not split",
          "[shell][script_reader]") {
  CHECK(split("RETURN 'a;b' AS x;") == "S 1:1 RETURN 'a;b' AS x\n");
  CHECK(split("RETURN \"a;b\" AS x;") == "S 1:1 RETURN \"a;b\" AS x\n");
  CHECK(split("RETURN 1 AS `a;b`;") == "S 1:1 RETURN 1 AS `a;b`\n");
  CHECK(split("RETURN 'it\\'s; ok' AS x; RETURN 2") ==
        "S 1:1 RETURN 'it\\'s; ok' AS x\nS 1:26 RETURN 2\n");
  CHECK(split("RETURN \"\\\\\"; RETURN 2") == "S 1:1 RETURN \"\\\\\"\nS 1:14 RETURN 2\n");
  CHECK(split("RETURN 1 // not; here\n;") == "S 1:1 RETURN 1 // not; here\n");
  CHECK(split("RETURN /* ; */ 1;") == "S 1:1 RETURN /* ; */ 1\n");
  CHECK(split("RETURN 'multi\nline; string' AS s;") == "S 1:1 RETURN 'multi\nline; string' AS s\n");
  CHECK(split("RETURN 1 /* a\n; b */ + 1;") == "S 1:1 RETURN 1 /* a\n; b */ + 1\n");
  CHECK(split("RETURN 'http://x.org/a' AS u;") == "S 1:1 RETURN 'http://x.org/a' AS u\n");
}

TEST_CASE("script_reader: comments and blanks between statements are skipped",
          "[shell][script_reader]") {
  CHECK(split("// header; with a semicolon\n\n  /* block ; */  RETURN 1;\n// trailer\n") ==
        "S 3:18 RETURN 1\n");
  CHECK(split("/* spans\nlines; */\nRETURN 1") == "S 3:1 RETURN 1\n");
  CHECK(split("// only a comment\n") == "");
}

TEST_CASE("script_reader: :commands at the start of a line, outside statements",
          "[shell][script_reader]") {
  CHECK(split(":param x => 1\n:param y => [1, 2];\nRETURN $x, $y") ==
        "C 1:1 :param x => 1\nC 2:1 :param y => [1, 2];\nS 3:1 RETURN $x, $y\n");
  CHECK(split("  :params  \n") == "C 1:3 :params\n");
  // Inside a statement a line may start with ':' (a label).
  CHECK(split("MATCH (n\n:Label) RETURN n") == "S 1:1 MATCH (n\n:Label) RETURN n\n");
  // After comments, a command is still a command.
  CHECK(split("// set up\n:param x => 1\nRETURN $x") == "C 2:1 :param x => 1\nS 3:1 RETURN $x\n");
  // Not inside a block comment.
  CHECK(split("/*\n:param x => 1\n*/ RETURN 1") == "S 3:4 RETURN 1\n");
}

TEST_CASE("script_reader: CRLF line ends and a byte order mark", "[shell][script_reader]") {
  CHECK(split("\xEF\xBB\xBFRETURN 1;\r\nRETURN 2\r\n") == "S 1:1 RETURN 1\nS 2:1 RETURN 2\n");
}

TEST_CASE("script_reader: columns count code points", "[shell][script_reader]") {
  CHECK(split("RETURN 'é'; RETURN 2") == "S 1:1 RETURN 'é'\nS 1:13 RETURN 2\n");
}

TEST_CASE(
    "script_reader: an unterminated block comment is an error, an unterminated string "
    "goes to the engine",
    "[shell][script_reader]") {
  CHECK(split("RETURN 1;\n  /* no end\nRETURN 2;") ==
        "S 1:1 RETURN 1\nE 2:3 unterminated comment: '/*' without '*/'\n");
  CHECK(split("RETURN 'abc;\n;\nRETURN 2") == "S 1:1 RETURN 'abc;\n;\nRETURN 2\n");
}

TEST_CASE("script_reader: source_line gives whole lines for error messages",
          "[shell][script_reader]") {
  auto items = split_script("RETURN 1;  MATCH (n)\n  RETURN x;");
  REQUIRE(items.size() == 2);
  CHECK(items[1].source_line(1) == "RETURN 1;  MATCH (n)");
  CHECK(items[1].source_line(2) == "  RETURN x");
  CHECK(items[1].source_line(3) == "");
}

TEST_CASE("script_reader: streaming gives each item once its line is in",
          "[shell][script_reader]") {
  kg::shell::ScriptReader reader;
  reader.add_line("RETURN 1; RETURN");
  auto first = reader.next();
  REQUIRE(first);
  CHECK(first->text == "RETURN 1");
  CHECK_FALSE(reader.next());
  reader.add_line("2");
  CHECK_FALSE(reader.next());
  reader.finish();
  auto second = reader.next();
  REQUIRE(second);
  CHECK(second->text == "RETURN\n2");
  CHECK(second->pos.line == 1);
  CHECK(second->pos.column == 11);
}
