#include "shell/params.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

using kg::QueryResult;
using kg::Status;
using kg::StatusCode;
using kg::Value;

// Evaluates "RETURN <literal> AS v" for a few literals, and fails the way an engine does:
// "RETURN [1, AS v" is a SyntaxError at the token after the comma.
QueryResult fake_query(std::string_view statement, const kg::Map& params) {
  if (statement == "RETURN 42 AS v") return QueryResult({"v"}, {{42}}, {});
  if (statement == "RETURN 'AWS' AS v") return QueryResult({"v"}, {{"AWS"}}, {});
  if (statement == "RETURN [1, 2.0] AS v") return QueryResult({"v"}, {{kg::List{1, 2.0}}}, {});
  if (statement == "RETURN {a: 1, b: 'x'} AS v")
    return QueryResult({"v"}, {{kg::Map{{"a", 1}, {"b", "x"}}}}, {});
  if (statement == "RETURN $a + 1 AS v") {
    auto it = params.find("a");
    if (it == params.end()) return QueryResult(Status(StatusCode::kParameterMissing, "$a", {1, 8}));
    return QueryResult({"v"}, {{it->second.as_int() + 1}}, {});
  }
  if (statement == "RETURN [1, AS v")
    return QueryResult(Status::syntax_error({1, 12}, "unexpected AS", "InvalidSyntax"));
  if (statement == "RETURN 1 AS a, 2 AS v") return QueryResult({"a", "v"}, {{1, 2}}, {});
  return QueryResult(Status::syntax_error({1, 1}, "not in the fake: " + std::string(statement)));
}

std::string assign(std::string_view text, kg::Map& params) {
  Status s = kg::shell::assign_param(fake_query, text, params);
  if (s.ok()) return "ok";
  return std::string(kg::status_code_name(s.code())) + " " + std::to_string(s.pos().line) + ":" +
         std::to_string(s.pos().column);
}

}  // namespace

TEST_CASE("params: the three forms of an assignment", "[shell][params]") {
  auto a = kg::shell::parse_param_assignment("name => 'AWS'");
  REQUIRE(a);
  CHECK(a->name == "name");
  CHECK(a->literal == "'AWS'");
  CHECK(a->literal_offset == 8);
  auto b = kg::shell::parse_param_assignment("  x: [1, 2] ;");
  REQUIRE(b);
  CHECK(b->name == "x");
  CHECK(b->literal == "[1, 2]");
  auto c = kg::shell::parse_param_assignment("`my name`=>1");
  REQUIRE(c);
  CHECK(c->name == "my name");
  CHECK(c->literal == "1");
  auto d = kg::shell::parse_param_assignment("{a: 1}");
  REQUIRE(d);
  CHECK(d->name == "");
  CHECK(d->literal == "{a: 1}");
}

TEST_CASE("params: malformed assignments say where", "[shell][params]") {
  auto missing_arrow = kg::shell::parse_param_assignment("x 1");
  REQUIRE_FALSE(missing_arrow);
  CHECK(missing_arrow.error().code() == StatusCode::kInvalidArgument);
  CHECK(missing_arrow.error().pos().column == 3);
  auto missing_value = kg::shell::parse_param_assignment("x =>  ");
  REQUIRE_FALSE(missing_value);
  CHECK(missing_value.error().pos().column == 7);
  CHECK_FALSE(kg::shell::parse_param_assignment("=> 1"));
  CHECK_FALSE(kg::shell::parse_param_assignment(""));
}

TEST_CASE("params: values come from RETURN <literal> AS v", "[shell][params]") {
  kg::Map params;
  CHECK(assign("n => 42", params) == "ok");
  CHECK(assign("name: 'AWS'", params) == "ok");
  CHECK(assign("list => [1, 2.0]", params) == "ok");
  CHECK(params.at("n") == Value(42));
  CHECK(params.at("name") == Value("AWS"));
  CHECK(params.at("list") == Value(kg::List{1, 2.0}));
  CHECK(assign("{a: 1, b: 'x'}", params) == "ok");
  CHECK(params.at("a") == Value(1));
  CHECK(params.at("b") == Value("x"));
  // Earlier parameters are in scope.
  CHECK(assign("c => $a + 1", params) == "ok");
  CHECK(params.at("c") == Value(2));
}

TEST_CASE("params: engine errors point into the assignment", "[shell][params]") {
  kg::Map params;
  // The literal "[1," (trailing blanks dropped) starts at column 6. The engine's column 12 in
  // "RETURN [1, AS v" lies past the literal: it is clamped to just after it, column 9.
  CHECK(assign("x => [1, ", params) == "SyntaxError 1:9");
  // Two columns are not one value; the position is the literal's start.
  CHECK(assign("x => 1 AS a, 2", params) == "InvalidArgument 1:6");
  // The missing $a is reported at its place in the literal: column 8 of the statement is
  // column 1 of the literal, which starts at column 6.
  CHECK(assign("c => $a + 1", params) == "ParameterMissing 1:6");
  // Nothing was set by the failures.
  CHECK(params.empty());
}

TEST_CASE("params: the map form needs a map", "[shell][params]") {
  kg::Map params;
  CHECK(assign("{a: 1, b: 'x'}", params) == "ok");
  Status s = kg::shell::assign_param(
      [](std::string_view, const kg::Map&) { return QueryResult({"v"}, {{1}}, {}); }, "{a: 1}",
      params);
  CHECK(s.code() == StatusCode::kInvalidArgument);
}
