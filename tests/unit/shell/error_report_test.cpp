#include "shell/error_report.hpp"

#include <catch2/catch.hpp>

using kg::SourcePos;
using kg::shell::error_json;
using kg::shell::error_text;
using kg::shell::ErrorReport;
using kg::shell::source_position;

namespace {

ErrorReport undefined_x() {
  ErrorReport e;
  e.kind = "SemanticError";
  e.detail = "UndefinedVariable";
  e.message = "Variable `x` not defined";
  e.source = "q.cypher";
  e.pos = {3, 18};
  e.line_text = "MATCH (c) RETURN x";
  return e;
}

}  // namespace

TEST_CASE("error_report: positions in a statement become positions in the script",
          "[shell][error_report]") {
  auto at = [](SourcePos p) { return std::to_string(p.line) + ":" + std::to_string(p.column); };
  CHECK(at(source_position({1, 8}, {1, 1})) == "1:8");
  CHECK(at(source_position({1, 8}, {5, 1})) == "5:8");
  CHECK(at(source_position({1, 8}, {5, 11})) == "5:18");
  CHECK(at(source_position({2, 3}, {5, 11})) == "6:3");
  CHECK_FALSE(source_position({}, {5, 11}).known());
}

TEST_CASE("error_report: the JSON line", "[shell][error_report]") {
  CHECK(error_json(undefined_x()) ==
        "{\"error\":\"SemanticError\",\"detail\":\"UndefinedVariable\",\"message\":\"Variable `x` "
        "not defined\",\"line\":3,\"column\":18}\n");
  ErrorReport plain;
  plain.kind = "ArithmeticError";
  plain.message = "/ by \"zero\"";
  CHECK(error_json(plain) == "{\"error\":\"ArithmeticError\",\"message\":\"/ by \\\"zero\\\"\"}\n");
}

TEST_CASE("error_report: the message for people, with a caret", "[shell][error_report]") {
  CHECK(error_text(undefined_x()) ==
        "kg: q.cypher:3:18: SemanticError: Variable `x` not defined\n"
        "    3 | MATCH (c) RETURN x\n"
        "      |                  ^\n");
  ErrorReport tabs = undefined_x();
  tabs.pos = {12, 4};
  tabs.line_text = "\t\té x";
  CHECK(error_text(tabs) ==
        "kg: q.cypher:12:4: SemanticError: Variable `x` not defined\n"
        "    12 | \t\té x\n"
        "       | \t\t ^\n");
}

TEST_CASE("error_report: without a position or a source", "[shell][error_report]") {
  ErrorReport e;
  e.kind = "ConstraintVerificationFailed";
  e.message = "duplicate name";
  e.source = "<stdin>";
  e.statement_line = 4;
  CHECK(error_text(e) == "kg: <stdin>:4: ConstraintVerificationFailed: duplicate name\n");
  e.statement_line = 0;
  CHECK(error_text(e) == "kg: <stdin>: ConstraintVerificationFailed: duplicate name\n");
  e.source.clear();
  CHECK(error_text(e) == "kg: ConstraintVerificationFailed: duplicate name\n");
}
