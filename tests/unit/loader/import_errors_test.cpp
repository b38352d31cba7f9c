// Bad input (DESIGN.md §7): every failed import names file:line and the reason, and leaves the
// graph exactly as it was — compared key by key over every column family, and as a dump of
// nodes and relationships. The skip options count what they skip and report it.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tests/unit/loader/import_fixture.hpp"

using kg::ImportOptions;
using kg::testing::ImportFixture;
using kg::testing::nodes_options;

namespace {

// A graph with data in it, an index and a constraint, so that a failed import has something to
// leave alone.
void seed(ImportFixture& fx) {
  fx.rows("CREATE CONSTRAINT FOR (c:Company) REQUIRE c.name IS UNIQUE");
  fx.rows("CREATE INDEX FOR (p:Person) ON (p.age)");
  fx.rows(
      "CREATE (:Company {name: 'AWS'})-[:EMPLOYS {since: 2006}]->(:Person {name: 'Ada', age: 36})");
}

struct Case {
  const char* name;
  const char* nodes;  // node file text (nullptr: none)
  const char* rels;   // relationship file text (nullptr: none)
  const char* file;   // the file the error names: "n.csv" or "r.csv"
  const char* line_and_reason;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("import errors: each bad input fails with file:line and changes nothing",
          "[loader][import]") {
  const Case cases[] = {
      {"malformed line (unclosed quote)", ":ID,name\n1,ok\n2,\"open\n", nullptr, "n.csv",
       ":3: field 2 has an opening quote but no closing one"},
      {"text after a closing quote", ":ID,name\n1,\"a\"b\n", nullptr, "n.csv",
       ":2: field 2: 'b' after the closing quote"},
      {"too many fields", ":ID,name\n1,a\n2,b,c\n", nullptr, "n.csv",
       ":3: expected 2 fields as in the header, found 3"},
      {"too few fields", ":ID,name,x\n1,a\n", nullptr, "n.csv",
       ":2: expected 3 fields as in the header, found 2"},
      {"not an int", ":ID,age:int\n1,36\n2,thirty\n", nullptr, "n.csv",
       ":3: field 2 (age): 'thirty' is not an int"},
      {"not a boolean", ":ID,ok:boolean\n1,maybe\n", nullptr, "n.csv",
       ":2: field 2 (ok): 'maybe' is not a boolean (true or false)"},
      {"not a double in an array", ":ID,xs:double[]\n1,1.5;x\n", nullptr, "n.csv",
       ":2: field 2 (xs): 'x' is not a number"},
      {"out of range", ":ID,b:byte\n1,300\n", nullptr, "n.csv",
       ":2: field 2 (b): '300' is out of range for a byte"},
      {"invalid UTF-8", ":ID,name\n1,\xC3\x28\n", nullptr, "n.csv",
       ":2: field 2 (name): the text is not valid UTF-8"},
      {"unknown header type", ":ID,when:date\n1,2024-01-01\n", nullptr, "n.csv",
       ":1: header field 2 'when:date': unknown type 'date'"},
      {"duplicate :ID", ":ID,name\n1,a\n2,b\n1,c\n", nullptr, "n.csv",
       ":4: duplicate node id '1' (--skip-duplicate-nodes skips such rows)"},
      // The space's name once dangled (a heap string freed before the message was built).
      {"duplicate :ID in an id space", ":ID(AVeryLongIdSpaceName),name\n1,a\n1,c\n", nullptr,
       "n.csv",
       ":3: duplicate node id '1' in id space 'AVeryLongIdSpaceName' (--skip-duplicate-nodes "
       "skips such rows)"},
      {"dangling :START_ID", ":ID\n1\n2\n", ":START_ID,:END_ID,:TYPE\n1,2,R\n7,1,R\n", "r.csv",
       ":3: :START_ID '7' is no node's id (--skip-bad-relationships skips such rows)"},
      {"dangling :END_ID", ":ID\n1\n", ":START_ID,:END_ID,:TYPE\n1,1,R\n1,9,R\n", "r.csv",
       ":3: :END_ID '9' is no node's id (--skip-bad-relationships skips such rows)"},
      {"no type", ":ID\n1\n", ":START_ID,:END_ID\n1,1\n", "r.csv",
       ":2: the relationship has no type (no :TYPE value, and none given with "
       "--relationships=TYPE=FILE)"},
      {"bad relationship property", ":ID\n1\n", ":START_ID,:END_ID,:TYPE,w:float\n1,1,R,heavy\n",
       "r.csv", ":2: field 4 (w): 'heavy' is not a number"},
      {"empty file", "", nullptr, "n.csv",
       ": the file is empty; its first line must be the header"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      ImportFixture fx;
      seed(fx);
      const std::string raw = fx.raw_dump();
      const std::string dump = fx.dump();
      ImportOptions o;
      if (c.nodes != nullptr) o.nodes.push_back({{"Company"}, {fx.file("n.csv", c.nodes)}});
      if (c.rels != nullptr) o.relationships.push_back({"", {fx.file("r.csv", c.rels)}});
      auto r = fx.import(o);
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().code() == kg::StatusCode::kInvalidArgument);
      CHECK_THAT(r.status().message(), Catch::StartsWith(fx.path(c.file) + c.line_and_reason));
      CHECK(fx.raw_dump() == raw);
      CHECK(fx.dump() == dump);
      // New names of the failed import were not published, and ids are given as before.
      CHECK(fx.rows("CALL db.labels() YIELD label RETURN label ORDER BY label") ==
            "'Company'\n'Person'\n");
      fx.rows("CREATE (:Later)");
      CHECK(fx.rows("MATCH (n:Later) RETURN id(n)") == "2\n");
      fx.reopen();
      CHECK(fx.check_consistency() == "");
    }
  }
}

TEST_CASE("import errors: a missing file and bad options change nothing", "[loader][import]") {
  ImportFixture fx;
  seed(fx);
  const std::string raw = fx.raw_dump();
  ImportOptions o = nodes_options({"N"}, {fx.file("ok.csv", ":ID\n1\n"), fx.path("missing.csv")});
  auto r = fx.import(o);
  CHECK(r.status().code() == kg::StatusCode::kNotFound);
  CHECK_THAT(r.status().message(), Catch::Contains("missing.csv"));
  ImportOptions same = nodes_options({"N"}, {fx.file("a.csv", ":ID\n1\n")});
  same.delimiter = same.quote = '|';
  CHECK(fx.import(same).status().message() == "the delimiter and the quote are both '|'");
  CHECK(fx.import(ImportOptions()).status().code() == kg::StatusCode::kInvalidArgument);
  CHECK(fx.raw_dump() == raw);
}

TEST_CASE("import errors: an open write transaction makes the import wait, then fail busy",
          "[loader][import]") {
  kg::testing::TempDir dir;
  kg::Options options;
  options.busy_timeout_ms = 50;
  kg::Database db(dir.sub("g"), options);
  REQUIRE(db.ok());
  auto txn = db.begin_write();
  REQUIRE(txn.ok());
  std::ofstream(dir.sub("n.csv")) << ":ID\n1\n";
  auto r = kg::import_files(db, nodes_options({"N"}, {dir.sub("n.csv")}));
  CHECK(r.status().code() == kg::StatusCode::kBusy);
}

TEST_CASE("import errors: --skip-duplicate-nodes and --skip-bad-relationships count and report",
          "[loader][import]") {
  ImportFixture fx;
  ImportOptions o =
      nodes_options({"N"}, {fx.file("n.csv", ":ID,v:int\n1,1\n2,2\n1,3\n2,4\n3,5\n")});
  o.relationships.push_back(
      {"R", {fx.file("r.csv", ":START_ID,:END_ID\n1,2\n1,9\n8,2\n2,3\n,1\n")}});
  o.skip_duplicate_nodes = true;
  o.skip_bad_relationships = true;
  o.report_file = fx.path("skipped.txt");
  auto s = fx.import_ok(o);
  CHECK(s.nodes == 3);
  CHECK(s.relationships == 2);
  CHECK(s.skipped_nodes == 2);
  CHECK(s.skipped_relationships == 3);
  CHECK(s.rows == 10);
  // The first row with an id wins.
  CHECK(fx.rows("MATCH (n:N) RETURN n.v ORDER BY n.v") == "1\n2\n5\n");
  const std::string n = fx.path("n.csv"), r = fx.path("r.csv");
  CHECK(read_file(fx.path("skipped.txt")) ==
        n + ":4: duplicate node id '1'\n" + n + ":5: duplicate node id '2'\n" + r +
            ":3: :END_ID '9' is no node's id\n" + r + ":4: :START_ID '8' is no node's id\n" + r +
            ":6: the relationship has no :START_ID\n");
  CHECK(fx.check_consistency() == "");
}
