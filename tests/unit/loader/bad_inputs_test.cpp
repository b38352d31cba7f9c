// The bad-input corpus (tests/bad_inputs/, issue 8 item 7): every malformed statement and import
// file listed in tests/bad_inputs/expected.tsv must fail with the error kind it names (and the
// detail code, position and message fragment when given) — no crash, no hang — and leave the
// graph byte for byte as it was (ImportFixture::raw_dump over every column family).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "tests/unit/loader/import_fixture.hpp"

using kg::testing::ImportFixture;

namespace {

std::string corpus_dir() { return std::string(KG_SOURCE_DIR) + "/tests/bad_inputs/"; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t end = line.find(sep, start);
    out.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

// One line of expected.tsv: input, error kind[/detail], line:column or -, message fragment or -.
struct Case {
  int manifest_line = 0;
  std::string input;
  std::string kind, detail, at, fragment;
};

std::vector<Case> manifest() {
  std::ifstream in(corpus_dir() + "expected.tsv");
  REQUIRE(in);
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    INFO("expected.tsv:" << n << ": " << line);
    REQUIRE(f.size() == 4);
    Case c;
    c.manifest_line = n;
    c.input = f[0];
    size_t slash = f[1].find('/');
    c.kind = f[1].substr(0, slash);
    if (slash != std::string::npos) c.detail = f[1].substr(slash + 1);
    c.at = f[2] == "-" ? "" : f[2];
    c.fragment = f[3] == "-" ? "" : f[3];
    cases.push_back(c);
  }
  return cases;
}

// The text of a statement input: a file under statements/, or a generated one,
// "gen:<head>|<open>|<count>|<middle>|<close>|<tail>" = head + open×count + middle + close×count +
// tail (so 10,000 nested brackets need not be committed). `\0` in a gen spec is a NUL byte.
std::string statement_text(const std::string& input) {
  if (input.rfind("gen:", 0) != 0) return slurp(corpus_dir() + input);
  auto p = split(input.substr(4), '|');
  REQUIRE(p.size() == 6);
  for (auto& s : p)
    for (size_t i; (i = s.find("\\0")) != std::string::npos;) s.replace(i, 2, std::string(1, '\0'));
  std::string out = p[0];
  size_t count = std::stoul(p[2]);
  for (size_t i = 0; i < count; ++i) out += p[1];
  out += p[3];
  for (size_t i = 0; i < count; ++i) out += p[4];
  return out + p[5];
}

bool is_import(const std::string& input) { return input.rfind("imports/", 0) == 0; }

void seed(ImportFixture& fx) {
  fx.rows("CREATE CONSTRAINT FOR (c:Company) REQUIRE c.name IS UNIQUE");
  fx.rows("CREATE INDEX FOR (p:Person) ON (p.age)");
  fx.rows(
      "CREATE (:Company {name: 'AWS', tags: ['cloud']})-[:EMPLOYS {since: 2006}]->"
      "(:Person {name: 'Ada', age: 36}), (:Company {name: 'Groq'})");
}

// Runs an import input: *.nodes.csv as nodes labelled Bad, *.rels.csv as relationships BAD (with
// the node file imports/good.nodes.csv), *.jsonl as JSON Lines, *.nt as N-Triples.
kg::Status run_import(ImportFixture& fx, const std::string& input) {
  std::string path = corpus_dir() + input;
  kg::ImportOptions o;
  auto ends = [&](const char* s) {
    std::string e(s);
    return input.size() >= e.size() && input.compare(input.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".nodes.csv")) {
    o.nodes.push_back({{"Bad"}, {path}});
  } else if (ends(".rels.csv")) {
    o.nodes.push_back({{"Bad"}, {corpus_dir() + "imports/good.nodes.csv"}});
    o.relationships.push_back({"BAD", {path}});
  } else if (ends(".jsonl")) {
    o.jsonl.push_back(path);
  } else if (ends(".nt")) {
    o.ntriples.push_back(path);
  } else {
    FAIL("unknown import kind: " << input);
  }
  auto r = fx.import(o);
  return r.ok() ? kg::Status() : r.status();
}

void check(const Case& c, const kg::Status& s, const std::string& path) {
  // KG_BAD_INPUTS_PRINT=1 prints what each input gives, as a manifest line, for writing new ones.
  if (std::getenv("KG_BAD_INPUTS_PRINT") != nullptr)
    std::printf("%s\t%s%s%s\t%u:%u\t%s\n", c.input.c_str(),
                s.ok() ? "ok" : std::string(kg::status_code_name(s.code())).c_str(),
                s.detail().empty() ? "" : "/", s.detail().c_str(), s.pos().line, s.pos().column,
                s.message().substr(0, 150).c_str());
  if (std::getenv("KG_BAD_INPUTS_PRINT") != nullptr) return (void)std::fflush(stdout);
  INFO("tests/bad_inputs/expected.tsv:" << c.manifest_line << ": " << c.input.substr(0, 120));
  INFO("got: " << (s.ok() ? std::string("ok") : s.to_string()) << " [" << s.detail() << "]");
  REQUIRE_FALSE(s.ok());
  CHECK(std::string(kg::status_code_name(s.code())) == c.kind);
  if (!c.detail.empty()) CHECK(s.detail() == c.detail);
  if (!c.at.empty())
    CHECK(std::to_string(s.pos().line) + ":" + std::to_string(s.pos().column) == c.at);
  if (!c.fragment.empty()) CHECK_THAT(s.message(), Catch::Contains(c.fragment));
  // Import errors name the file: "path:line: reason".
  if (!path.empty() && s.code() == kg::StatusCode::kInvalidArgument)
    CHECK_THAT(s.message(), Catch::Contains(path));
}

void run_corpus(bool imports) {
  ImportFixture fx;
  seed(fx);
  const std::string raw = fx.raw_dump();
  const std::string dump = fx.dump();
  int ran = 0;
  for (const Case& c : manifest()) {
    if (is_import(c.input) != imports) continue;
    ++ran;
    if (imports) {
      check(c, run_import(fx, c.input), corpus_dir() + c.input);
    } else {
      kg::QueryResult r = fx.conn().query(statement_text(c.input));
      check(c, r.status(), "");
    }
    INFO("tests/bad_inputs/expected.tsv:" << c.manifest_line << ": " << c.input.substr(0, 120));
    CHECK(fx.raw_dump() == raw);
  }
  CHECK(ran > 0);
  CHECK(fx.dump() == dump);
  CHECK(fx.check_consistency() == "");
  fx.reopen();
  CHECK(fx.raw_dump() == raw);
}

}  // namespace

TEST_CASE("bad inputs: each malformed statement fails as expected and changes nothing",
          "[loader][bad_inputs]") {
  run_corpus(false);
}

TEST_CASE("bad inputs: each malformed import file fails as expected and changes nothing",
          "[loader][bad_inputs]") {
  run_corpus(true);
}
