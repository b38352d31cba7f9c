#include "shell/schema_view.hpp"

#include <catch2/catch.hpp>
#include <string>

using kg::QueryResult;
using kg::Value;

TEST_CASE("schema_view: from db.schema() and db.indexes(), most used first", "[shell][schema]") {
  auto query = [](std::string_view statement, const kg::Map&) {
    if (statement == "CALL db.schema()") {
      return QueryResult({"kind", "name", "count", "propertyKeys"},
                         {{"label", "Chip", 4, kg::List{"name"}},
                          {"label", "Company", 6, kg::List{"name", "ticker"}},
                          {"relationship", "BUYS", 5, kg::List{"units"}}},
                         {});
    }
    return QueryResult({"name", "type", "label", "properties", "unique"},
                       {{"company_name", "UNIQUENESS", "Company", kg::List{"name"}, true}}, {});
  };
  auto schema = kg::shell::load_schema(query);
  REQUIRE(schema.has_value());
  REQUIRE(schema->labels.size() == 2);
  CHECK(schema->labels[0].name == "Company");
  CHECK(schema->indexes[0].unique);
  std::string text = kg::shell::render_schema(*schema, {});
  CHECK(text.find("Node labels\n") == 0);
  CHECK(text.find("│ Company │     6 │ name, ticker  │") != std::string::npos);
  CHECK(text.find("│ BUYS │             5 │ units         │") != std::string::npos);
  CHECK(text.find("│ company_name │ unique constraint │ :Company(name) │") != std::string::npos);
  CHECK(text.find("rows") == std::string::npos);  // no footers

  CHECK(kg::shell::render_schema({}, {}).find("empty") != std::string::npos);
}
