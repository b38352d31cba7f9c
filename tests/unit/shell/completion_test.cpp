#include "shell/completion.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

using kg::shell::CompletionRequest;
using kg::shell::Vocabulary;

Vocabulary graph() {
  Vocabulary v;
  v.labels = {"Chip", "Company", "Product", "full name"};
  v.relationship_types = {"BUYS", "LICENSES", "MAKES"};
  v.property_keys = {"founded", "name", "units"};
  v.parameters = {"who"};
  return v;
}

// "word_bytes: candidate+suffix candidate+suffix ..." for the text before the cursor.
std::string complete(std::string_view line, std::string_view so_far = "") {
  CompletionRequest r;
  r.line = line;
  r.statement_so_far = so_far;
  r.in_statement = !so_far.empty();
  kg::shell::Completion c = kg::shell::complete(r, graph());
  std::string out = std::to_string(c.word_bytes) + ":";
  for (const auto& cand : c.candidates) out += " " + cand.text + cand.suffix;
  return out;
}

}  // namespace

TEST_CASE("completion: labels after ':' in a node pattern", "[shell][completion]") {
  CHECK(complete("MATCH (c:Com") == "3: Company");
  CHECK(complete("MATCH (c:C") == "1: Chip Company");
  CHECK(complete("MATCH (c:co") == "2: Company");  // no exact-case match: ignore case
  CHECK(complete("MATCH (c:Chip|Pro") == "3: Product");
  CHECK(complete("MATCH (c) WHERE c:Pr") == "2: Product");
  CHECK(complete("MATCH (x:fu") == "2: `full name`");
}

TEST_CASE("completion: relationship types after ':' and '|' in a relationship pattern",
          "[shell][completion]") {
  CHECK(complete("MATCH (a)-[:BU") == "2: BUYS");
  CHECK(complete("MATCH (a)-[r:") == "0: BUYS LICENSES MAKES");
  CHECK(complete("MATCH (a)-[r:BUYS|MA") == "2: MAKES");
}

TEST_CASE("completion: property keys, parameters, map values", "[shell][completion]") {
  CHECK(complete("RETURN c.na") == "2: name");
  CHECK(complete("RETURN c.") == "0: founded name units");
  CHECK(complete("RETURN 1.") == "0:");
  CHECK(complete("MATCH (c {name: $w") == "1: who");
  // Inside a map, ':' separates a key from its value: no labels there.
  CHECK(complete("MATCH (c {name:").find("Company") == std::string::npos);
}

TEST_CASE("completion: keywords in the case typed, functions, procedures", "[shell][completion]") {
  CHECK(complete("MATCH (c) RET") == "3: RETURN ");
  CHECK(complete("match (c) ret") == "3: return ");
  CHECK(complete("RETURN toUp") == "4: toUpper(");
  CHECK(complete("RETURN exis") == "4: exists");  // a keyword and a function: no suffix
  CHECK(complete("RETURN EXIS") == "4: EXISTS");
  CHECK(complete("CALL db.la") == "5: db.labels()");
  CHECK(complete("CALL ") ==
        "0: db.check() db.indexes() db.labels() db.propertyKeys() "
        "db.relationshipTypes() db.schema() kg.import(");
  CHECK(complete("CALL kg.") == "3: kg.import(");
}

TEST_CASE("completion: nothing inside strings and comments", "[shell][completion]") {
  CHECK(complete("RETURN 'MAT") == "0:");
  CHECK(complete("RETURN 1 // MAT") == "0:");
  CHECK(complete("RETURN \"a:b") == "0:");
}

TEST_CASE("completion: the lines before count for brackets and strings", "[shell][completion]") {
  CHECK(complete("(b:Com", "MATCH (a)-[:BUYS]->") == "3: Company");
  CHECK(complete(":BU", "MATCH (a)-[r") == "2: BUYS");
  CHECK(complete("MAT", "RETURN 'a\nb") == "0:");
  // Inside a statement a line starting with ':' is Cypher, not a command.
  CHECK(complete(":Com", "MATCH (c") == "3: Company");
}

TEST_CASE("completion: commands and their arguments", "[shell][completion]") {
  CHECK(complete(":sch") == "4: :schema");
  CHECK(complete(":p") == "2: :param  :params ");
  CHECK(complete(":format j") == "1: json jsonl");
  CHECK(complete(":format m") == "1: markdown");
  CHECK(complete(":timer o") == "1: off on");
  CHECK(complete(":params c") == "1: clear");
  CHECK(complete(":help sch") == "3: schema");
  CHECK(complete(":quit x") == "1:");
}

TEST_CASE("completion: file paths", "[shell][completion]") {
  auto in_tmp = kg::shell::complete_path("/nonexistent-kg-dir/x");
  CHECK(in_tmp.empty());
  auto root = kg::shell::complete_path("/us");
  REQUIRE(root.size() == 1);
  CHECK(root[0].text == "/usr");
  CHECK(root[0].suffix == "/");
  CHECK(complete(":source /us") == "3: /usr/");
  // In an option's value: after its last '=' or ','.
  CHECK(complete(":import --nodes=Company=/us") == "3: /usr/");
  CHECK(complete(":import --nodes=/nonexistent-kg-dir/a.csv,/us") == "3: /usr/");
  CHECK(complete(":import --no-progress") == "13:");
}
