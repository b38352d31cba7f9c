#include "shell/script_runner.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using kg::QueryResult;
using kg::Status;
using kg::StatusCode;
using kg::Value;
using kg::shell::OutputFormat;

// A QueryFn that records what it ran. "RETURN <int> AS v" returns that integer, "RETURN $p AS v"
// the parameter p, "EXPLAIN ..." a plan, "CREATE ..." a counter, and anything containing "oops"
// fails with a SyntaxError at the 'o' of "oops" (line and column inside the statement).
struct FakeEngine {
  std::vector<std::string> ran;

  QueryResult operator()(std::string_view statement, const kg::Map& params) {
    std::string s(statement);
    ran.push_back(s);
    if (size_t at = s.find("oops"); at != std::string::npos) {
      uint32_t line = 1, column = 1;
      for (size_t i = 0; i < at; ++i) {
        if (s[i] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
      return QueryResult(Status::syntax_error({line, column}, "unexpected oops", "InvalidSyntax"));
    }
    if (s == "FAIL WITHOUT POSITION") {
      return QueryResult(Status(StatusCode::kConstraintVerificationFailed, "duplicate"));
    }
    if (s.rfind("EXPLAIN", 0) == 0) {
      QueryResult r;
      r.set_plan("ProduceResults\n  Projection");
      return r;
    }
    if (s.rfind("CREATE", 0) == 0) {
      kg::QueryCounters c;
      c.nodes_created = 1;
      return QueryResult({}, {}, c);
    }
    if (s.rfind("RETURN $", 0) == 0) {
      std::string name = s.substr(8, s.find(' ', 8) - 8);
      auto it = params.find(name);
      if (it == params.end())
        return QueryResult(Status(StatusCode::kParameterMissing, name, {1, 8}));
      return QueryResult({"v"}, {{it->second}}, {});
    }
    if (s.rfind("RETURN ", 0) == 0) {
      std::string literal = s.substr(7, s.find(" AS") - 7);
      if (literal.front() == '[') return QueryResult({"v"}, {{kg::List{1, 2}}}, {});
      if (literal.front() == '\'')
        return QueryResult({"v"}, {{literal.substr(1, literal.size() - 2)}}, {});
      return QueryResult({"v"}, {{std::stoll(literal)}}, {});
    }
    return QueryResult(Status::syntax_error({1, 1}, "the fake does not know this"));
  }
};

struct Run {
  FakeEngine engine;
  std::ostringstream out, err;
  kg::shell::Printer printer;
  kg::shell::ScriptRunner runner;

  explicit Run(OutputFormat format)
      : printer(format, out, err),
        runner([this](std::string_view s, const kg::Map& p) { return engine(s, p); }, printer) {}
};

std::string last_line(const std::string& text) {
  std::string t = text;
  if (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') == std::string::npos ? 0 : t.rfind('\n') + 1);
}

}  // namespace

TEST_CASE("script_runner: statements run in order with the parameters set so far",
          "[shell][script_runner]") {
  Run run(OutputFormat::kJsonl);
  CHECK(
      run.runner.run_text("-c", "RETURN 1 AS v;\n:param p => 7\nRETURN $p AS v\n;\nRETURN 2 AS v"));
  CHECK(run.engine.ran == std::vector<std::string>{"RETURN 1 AS v", "RETURN 7 AS v",
                                                   "RETURN $p AS v", "RETURN 2 AS v"});
  CHECK(run.out.str() == "{\"v\":1}\n{\"v\":7}\n{\"v\":2}\n");
  CHECK(run.err.str() == "");
  CHECK(run.runner.params().at("p") == Value(7));
}

TEST_CASE("script_runner: the first failure stops the script, and jsonl ends with the error",
          "[shell][script_runner]") {
  Run run(OutputFormat::kJsonl);
  CHECK_FALSE(run.runner.run_text("q.cypher",
                                  "RETURN 1 AS v;\n\nMATCH (n)\n  RETURN oops;\nRETURN 2 AS v;"));
  CHECK(run.engine.ran.size() == 2);
  CHECK(run.out.str() ==
        "{\"v\":1}\n"
        "{\"error\":\"SyntaxError\",\"detail\":\"InvalidSyntax\",\"message\":\"unexpected oops\","
        "\"line\":4,\"column\":10}\n");
  CHECK(run.err.str() ==
        "kg: q.cypher:4:10: SyntaxError: unexpected oops\n"
        "    4 |   RETURN oops\n"
        "      |          ^\n");
}

TEST_CASE("script_runner: an error on a statement's first line counts its start column",
          "[shell][script_runner]") {
  Run run(OutputFormat::kJson);
  CHECK_FALSE(run.runner.run_text("-c", "RETURN 1 AS v; RETURN oops"));
  CHECK(run.out.str() ==
        "[\n  {\"v\":1}\n]\n"
        "{\"error\":\"SyntaxError\",\"detail\":\"InvalidSyntax\",\"message\":\"unexpected oops\","
        "\"line\":1,\"column\":23}\n");
}

TEST_CASE("script_runner: table and csv report errors on stderr only", "[shell][script_runner]") {
  Run run(OutputFormat::kTable);
  CHECK_FALSE(run.runner.run_text("<stdin>", "RETURN oops"));
  CHECK(run.out.str() == "");
  CHECK(run.err.str() ==
        "kg: <stdin>:1:8: SyntaxError: unexpected oops\n"
        "    1 | RETURN oops\n"
        "      |        ^\n");
  Run csv(OutputFormat::kCsv);
  CHECK_FALSE(csv.runner.run_text("-c", "RETURN 1 AS v;\nFAIL WITHOUT POSITION"));
  CHECK(csv.out.str() == "v\n1\n");
  CHECK(csv.err.str() == "kg: -c:2: ConstraintVerificationFailed: duplicate\n");
}

TEST_CASE("script_runner: :params prints, :params clear forgets", "[shell][script_runner]") {
  Run run(OutputFormat::kTable);
  CHECK(run.runner.run_text("-c",
                            ":param b => 'x'\n:param a: [1, 2]\n:params\n:params clear\n:param"));
  CHECK(run.out.str() == ":param a => [1, 2]\n:param b => 'x'\n");
  CHECK(run.runner.params().empty());
  Run jsonl(OutputFormat::kJsonl);
  CHECK(jsonl.runner.run_text("-c", ":param a => 1\n:params"));
  CHECK(jsonl.out.str() == "{\"a\":1}\n");
}

TEST_CASE("script_runner: unknown commands and bad :param lines are errors",
          "[shell][script_runner]") {
  Run run(OutputFormat::kJsonl);
  CHECK_FALSE(run.runner.run_text("-c", "RETURN 1 AS v;\n  :quit\nRETURN 2 AS v"));
  CHECK(run.engine.ran.size() == 1);
  CHECK(last_line(run.out.str())
            .rfind("{\"error\":\"InvalidArgument\",\"message\":\"unknown command ':quit'", 0) == 0);
  CHECK(last_line(run.out.str()).find("\"line\":2,\"column\":3}") != std::string::npos);

  Run bad(OutputFormat::kJsonl);
  CHECK_FALSE(bad.runner.run_text("-c", ":param x => $nope"));
  // The engine's column 8 is the literal's first character, column 13 of the line.
  CHECK(last_line(bad.out.str()) ==
        "{\"error\":\"ParameterMissing\",\"message\":\"nope\",\"line\":1,\"column\":13}");
}

TEST_CASE("script_runner: --param assignments", "[shell][script_runner]") {
  Run run(OutputFormat::kJsonl);
  CHECK(run.runner.set_param("p => 5"));
  CHECK(run.runner.run_text("-c", "RETURN $p AS v"));
  CHECK(run.out.str() == "{\"v\":5}\n");
  CHECK_FALSE(run.runner.set_param("p 5"));
  CHECK(last_line(run.out.str()).find("\"error\":\"InvalidArgument\"") != std::string::npos);
  CHECK(run.err.str().rfind("kg: --param:1:3: InvalidArgument: ", 0) == 0);
}

TEST_CASE("script_runner: plans go to stdout in table mode, to stderr otherwise",
          "[shell][script_runner]") {
  Run table(OutputFormat::kTable);
  CHECK(table.runner.run_text("-c", "EXPLAIN RETURN 1 AS v"));
  CHECK(table.out.str() == "ProduceResults\n  Projection\n");
  Run jsonl(OutputFormat::kJsonl);
  CHECK(jsonl.runner.run_text("-c", "EXPLAIN RETURN 1 AS v"));
  CHECK(jsonl.out.str() == "");
  CHECK(jsonl.err.str() == "ProduceResults\n  Projection\n");
}

TEST_CASE("script_runner: update counters in table mode only", "[shell][script_runner]") {
  Run table(OutputFormat::kTable);
  CHECK(table.runner.run_text("-c", "CREATE (n)"));
  kg::QueryCounters c;
  c.nodes_created = 1;
  CHECK(table.out.str() == c.to_string() + "\n");
  Run jsonl(OutputFormat::kJsonl);
  CHECK(jsonl.runner.run_text("-c", "CREATE (n)"));
  CHECK(jsonl.out.str() == "");
}

TEST_CASE("script_runner: stdin is read line by line", "[shell][script_runner]") {
  Run run(OutputFormat::kJsonl);
  std::istringstream in(":param p => 'a'\nRETURN $p AS v\n;\nRETURN 3 AS v");
  CHECK(run.runner.run_stream("<stdin>", in));
  CHECK(run.out.str() == "{\"v\":\"a\"}\n{\"v\":3}\n");
  Run unterminated(OutputFormat::kJsonl);
  std::istringstream comment("RETURN 1 AS v;\n/* never closed");
  CHECK_FALSE(unterminated.runner.run_stream("<stdin>", comment));
  CHECK(last_line(unterminated.out.str()) ==
        "{\"error\":\"SyntaxError\",\"message\":\"unterminated comment: '/*' without '*/'\","
        "\"line\":2,\"column\":1}");
}
