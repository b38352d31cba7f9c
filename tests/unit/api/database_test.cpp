// The embedding API (include/kg): what an application sees.
#include <catch2/catch.hpp>

#include "kg/kg.hpp"
#include "tests/support/temp_dir.hpp"

using kg::testing::TempDir;

namespace {

template <typename T>
T get(kg::Result<T> r) {
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  return std::move(r).value();
}

void ok(const kg::Status& s) {
  INFO(s.to_string());
  REQUIRE(s.ok());
}

// "name1,name2,..." of nodes, in the order given.
std::string names(const std::vector<kg::Node>& nodes) {
  std::string out;
  for (const auto& n : nodes) {
    if (!out.empty()) out += ",";
    auto it = n.properties.find("name");
    out += it == n.properties.end() ? "?" : it->second.to_string();
  }
  return out;
}

}  // namespace

TEST_CASE("api: create entities and relations, read them back after reopening", "[api]") {
  TempDir dir;
  kg::NodeId aws, blackwell;
  {
    kg::Database db(dir.sub("g"));
    REQUIRE(db.ok());
    auto txn = get(db.begin_write());
    aws = get(txn.create_node({"Company"}, {{"name", "AWS"}}));
    blackwell = get(txn.create_node({"Product"}, {{"name", "Blackwell"}}));
    get(txn.create_relationship(aws, "BUYS", blackwell, {{"units", 1000000}, {"until", 2027}}));
    ok(txn.commit());
    CHECK_FALSE(txn.is_open());
  }
  kg::Database db(dir.sub("g"));
  REQUIRE(db.ok());
  auto txn = get(db.begin_read());
  auto rels = get(txn.relationships(aws, kg::Direction::kOutgoing, "BUYS"));
  REQUIRE(rels.size() == 1);
  CHECK(rels[0].end == blackwell);
  CHECK(kg::Value(rels[0]).to_string() == "[:BUYS {units: 1000000, until: 2027}]");
  CHECK(get(txn.relationships(blackwell, kg::Direction::kIncoming)).size() == 1);
  CHECK(get(txn.relationships(aws, kg::Direction::kOutgoing, "SELLS")).empty());
  CHECK(names(get(txn.nodes_with_label("Company"))) == "AWS");
  CHECK(names(get(txn.nodes_with_label("Nothing"))).empty());
  CHECK(get(txn.labels()) == std::vector<std::string>{"Company", "Product"});
  CHECK(get(txn.relationship_types()) == std::vector<std::string>{"BUYS"});
  CHECK(get(txn.count_nodes()) == 2);
  CHECK(get(txn.count_nodes("Company")) == 1);
  CHECK(get(txn.count_relationships("BUYS")) == 1);
  CHECK(get(txn.count_relationships("NOPE")) == 0);
}

TEST_CASE("api: find_nodes with and without an index agree", "[api]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  auto txn = get(db.begin_write());
  for (std::string name : {"Nvidia", "AWS", "Groq"})
    get(txn.create_node({"Company"}, {{"name", name}, {"n", 1}}));
  get(txn.create_node({"Company"}, {{"name", "Amazon"}, {"n", 1.0}}));
  CHECK(names(get(txn.find_nodes("Company", "name", "AWS"))) == "AWS");
  CHECK(get(txn.find_nodes("Company", "n", 1)).size() == 4);  // 1 = 1.0
  ok(txn.create_index("Company", "name"));
  ok(txn.create_index("Company", "n"));
  CHECK(names(get(txn.find_nodes("Company", "name", "AWS"))) == "AWS");
  CHECK(get(txn.find_nodes("Company", "n", 1)).size() == 4);
  CHECK(names(get(txn.find_nodes_in_range("Company", "name", kg::RangeBound{"B", true},
                                          std::nullopt))) == "Groq,Nvidia");
  CHECK(txn.find_nodes_in_range("Company", "founded", kg::RangeBound{1, true}, std::nullopt)
            .status()
            .code() == kg::StatusCode::kNotFound);
}

TEST_CASE("api: a unique constraint keeps the graph as it was on a duplicate", "[api]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  {
    auto txn = get(db.begin_write());
    ok(txn.create_unique_constraint("Company", "name"));
    get(txn.create_node({"Company"}, {{"name", "AWS"}}));
    ok(txn.commit());
  }
  {
    auto txn = get(db.begin_write());
    get(txn.create_node({"Company"}, {{"name", "Nvidia"}}));
    auto dup = txn.create_node({"Company"}, {{"name", "AWS"}});
    CHECK(dup.status().code() == kg::StatusCode::kConstraintVerificationFailed);
    // The application returns early: the transaction rolls back on destruction.
  }
  auto txn = get(db.begin_read());
  CHECK(names(get(txn.nodes_with_label("Company"))) == "AWS");
}

TEST_CASE("api: set and remove properties and labels, delete with and without detach", "[api]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  auto txn = get(db.begin_write());
  auto a = get(txn.create_node({"Company"}, {{"name", "AWS"}}));
  auto b = get(txn.create_node({}, {}));
  auto r = get(txn.create_relationship(a, "BUYS", b));
  ok(txn.set_property(a, "founded", 2006));
  ok(txn.set_property(r, "units", 5));
  ok(txn.add_label(b, "Product"));
  ok(txn.remove_label(a, "Company"));
  ok(txn.remove_label(a, "NeverSeen"));
  auto node = get(txn.get_node(a));
  REQUIRE(node);
  CHECK(kg::Value(*node).to_string() == "({founded: 2006, name: 'AWS'})");
  CHECK(get(txn.get_relationship(r))->properties.at("units") == kg::Value(5));
  CHECK(txn.delete_node(a).code() == kg::StatusCode::kConstraintVerificationFailed);
  ok(txn.delete_node(a, /*detach=*/true));
  CHECK_FALSE(get(txn.get_node(a)).has_value());
  CHECK_FALSE(get(txn.get_relationship(r)).has_value());
  ok(txn.delete_node(a));  // already gone: not an error
  CHECK(txn.set_property(a, "x", 1).code() == kg::StatusCode::kEntityNotFound);
  CHECK(txn.create_relationship(a, "T", b).status().code() == kg::StatusCode::kEntityNotFound);
  ok(txn.commit());
}

TEST_CASE("api: a failed open reports why and refuses transactions", "[api]") {
  TempDir dir;
  kg::Database first(dir.sub("g"));
  REQUIRE(first.ok());
  kg::Database second(dir.sub("g"));
  CHECK(second.status().code() == kg::StatusCode::kBusy);
  CHECK_THAT(second.status().to_string(), Catch::Contains("graph is locked by process"));
  CHECK_FALSE(second.begin_read().ok());
  CHECK(second.uuid().empty());
  CHECK(first.uuid().size() == 32);
}

TEST_CASE("api: a read transaction refuses writes", "[api]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  auto txn = get(db.begin_read());
  CHECK_FALSE(txn.is_write());
  CHECK_FALSE(txn.create_node({"X"}).ok());
}
