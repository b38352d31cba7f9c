#include "shell/commands.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "shell/help.hpp"
#include "shell/utf8.hpp"

using kg::shell::find_command;
using kg::shell::nearest_command;
using kg::shell::split_command;

namespace {

std::string nearest(std::string_view name) {
  const kg::shell::CommandInfo* c = nearest_command(name);
  return c == nullptr ? "" : std::string(c->name);
}

}  // namespace

TEST_CASE("commands: names and aliases", "[shell][commands]") {
  REQUIRE(find_command("schema") != nullptr);
  CHECK(find_command("exit")->name == "quit");
  CHECK(find_command("q")->name == "quit");
  CHECK(find_command("nope") == nullptr);
}

TEST_CASE("commands: the nearest to a mistyped name", "[shell][commands]") {
  CHECK(nearest("shema") == "schema");
  CHECK(nearest("scehma") == "schema");  // a swap
  CHECK(nearest("sch") == "schema");     // a prefix
  CHECK(nearest("fromat") == "format");
  CHECK(nearest("qiut") == "quit");
  CHECK(nearest("xyzzy") == "");
  CHECK(nearest("") == "");
}

TEST_CASE("commands: splitting a command line", "[shell][commands]") {
  auto c = split_command(":param  x => 1  ");
  CHECK(c.name == "param");
  CHECK(c.args == "x => 1");
  CHECK(c.args_offset == 8);
  auto bare = split_command(":schema");
  CHECK(bare.name == "schema");
  CHECK(bare.args.empty());
}

TEST_CASE("help: every command, and examples for the open graph", "[shell][commands]") {
  kg::shell::SchemaView empty;
  std::string text = kg::shell::help_text(empty);
  for (const auto& c : kg::shell::all_commands())
    CHECK(text.find(std::string(c.usage)) != std::string::npos);
  CHECK(text.find("CREATE (:Company") != std::string::npos);

  kg::shell::SchemaView schema;
  schema.labels.push_back({"Full Name", 3, {"name", "age"}});
  schema.relationship_types.push_back({"KNOWS", 2, {}});
  auto examples = kg::shell::example_queries(schema);
  REQUIRE(examples.size() == 4);
  CHECK(examples[0] == "MATCH (n:`Full Name`) RETURN n LIMIT 5;");
  CHECK(examples[3] == "MATCH (a)-[r:KNOWS]->(b) RETURN a.name, b.name LIMIT 10;");
}

TEST_CASE("help: lines broken at blanks to fit the terminal", "[shell][commands]") {
  kg::shell::SchemaView schema;
  schema.labels.push_back({"Company", 3, {"name"}});
  std::string text = kg::shell::help_text(schema, 60);
  size_t begin = 0, widest = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    std::string_view line = std::string_view(text).substr(begin, end - begin);
    widest = std::max(widest, kg::shell::display_width(line));
    begin = end + 1;
  }
  CHECK(widest <= 60);
  // A command's summary goes on under itself, not under the command.
  std::string source =
      "  :source FILE" + std::string(12, ' ') + "run the statements and commands of";
  CHECK(text.find(source + "\n" + std::string(26, ' ') + "FILE\n") != std::string::npos);
  CHECK(kg::shell::help_text(schema).find(source + " FILE\n") != std::string::npos);
}
