// The consistency checker: a graph written through the engine passes; each invariant of
// docs/storage_format.md §8, broken on purpose by writing raw keys under the engine, is reported
// with its kind and the ids involved.
#include "engine/check/consistency_checker.hpp"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>

#include "engine/graph.hpp"
#include "engine/storage/adjacency_chunk.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/value_codec.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/txn/transaction.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kg;
using namespace kg::engine;
using Catch::Contains;
using kg::testing::TempDir;

namespace {

template <typename T>
T get(Result<T> r) {
  INFO(r.status().to_string());
  REQUIRE(r.ok());
  return std::move(r).value();
}

void ok(const Status& s) {
  INFO(s.to_string());
  REQUIRE(s.ok());
}

std::string u64(uint64_t v) {
  std::string out;
  coding::put_u64be(out, v);
  return out;
}

// Nodes 0 (:Company {name: 'AWS'}), 1 (:Company {name: 'Nvidia'}), 2 (:Person {name: 'Ann'});
// relationships 0 (0)-[:BUYS]->(1) and 1 (2)-[:WORKS_AT]->(0); a unique index on :Company(name)
// and an index on :Person(name). Label ids Company 0, Person 1; types BUYS 0, WORKS_AT 1; key
// name 0.
struct Fixture {
  TempDir dir;
  std::unique_ptr<Graph> graph;
  const LabelId company{0}, person{1};
  const TypeId buys{0}, works_at{1};
  const PropKeyId name{0};

  Fixture() {
    graph = get(Graph::open(dir.sub("g"), Options()));
    auto t = get(graph->begin_write());
    REQUIRE(get(t->intern_label("Company")) == company);
    REQUIRE(get(t->intern_label("Person")) == person);
    REQUIRE(get(t->intern_type("BUYS")) == buys);
    REQUIRE(get(t->intern_type("WORKS_AT")) == works_at);
    REQUIRE(get(t->intern_prop_key("name")) == name);
    ok(t->create_index(company, name, /*unique=*/true));
    ok(t->create_index(person, name, /*unique=*/false));
    LabelId c[] = {company};
    LabelId p[] = {person};
    REQUIRE(get(t->create_node(c, {{name, Value("AWS")}})) == NodeId{0});
    REQUIRE(get(t->create_node(c, {{name, Value("Nvidia")}})) == NodeId{1});
    REQUIRE(get(t->create_node(p, {{name, Value("Ann")}})) == NodeId{2});
    REQUIRE(get(t->create_relationship(NodeId{0}, buys, NodeId{1}, {})) == RelId{0});
    REQUIRE(get(t->create_relationship(NodeId{2}, works_at, NodeId{0}, {})) == RelId{1});
    ok(t->commit());
  }

  void put(Cf cf, const std::string& key, const std::string& value = "") {
    KvTransaction kv(graph->store(), KvTransaction::Mode::kWrite);
    ok(kv.put(cf, key, value));
    ok(kv.commit());
  }
  void del(Cf cf, const std::string& key) {
    KvTransaction kv(graph->store(), KvTransaction::Mode::kWrite);
    ok(kv.del(cf, key));
    ok(kv.commit());
  }
  void put_node(uint64_t id, std::vector<LabelId> labels, PropertyMap props) {
    put(Cf::kNodes, keys::node_key(NodeId{id}),
        values::encode_node(NodeRecord{std::move(labels), std::move(props)}));
  }

  check::CheckReport report() { return get(check::check_consistency(graph->store())); }
  // The violations, one "KIND: message" line each.
  std::string violations() {
    std::string out;
    for (const auto& v : report().violations) out += v.kind + ": " + v.message + "\n";
    return out;
  }
};

}  // namespace

TEST_CASE("check: a graph written through the engine is consistent", "[engine][check]") {
  Fixture f;
  check::CheckReport r = f.report();
  CHECK(f.violations() == "");
  CHECK(r.ok());
  CHECK(r.nodes == 3);
  CHECK(r.relationships == 2);
  CHECK(r.index_entries == 3 + 4 + 3);  // label_nodes, adj, prop_index
}

TEST_CASE("check: a graph after deletes, label changes and dropped indexes is consistent",
          "[engine][check]") {
  Fixture f;
  {
    auto t = get(f.graph->begin_write());
    ok(t->delete_node(NodeId{0}, DeleteMode::kDetach));
    ok(t->add_label(NodeId{2}, f.company));
    ok(t->set_node_property(NodeId{1}, f.name, Value(int64_t{1})));
    ok(t->drop_index(f.person, f.name));
    ok(t->commit());
  }
  CHECK(f.violations() == "");
  CHECK(f.report().nodes == 2);
}

TEST_CASE("check: R2, a missing adjacency entry", "[engine][check]") {
  Fixture f;
  f.del(Cf::kAdj, keys::adj_key(NodeId{0}, Direction::kOutgoing, f.buys, NodeId{1}, RelId{0}));
  CHECK(f.violations() ==
        "R2: relationship 0 lacks its outgoing adjacency entry (node 0, out, type 0, other 1, "
        "relationship 0)\n");
}

TEST_CASE("check: R2, an adjacency entry without its relationship", "[engine][check]") {
  Fixture f;
  f.put(Cf::kAdj, keys::adj_key(NodeId{1}, Direction::kIncoming, f.buys, NodeId{2}, RelId{9}));
  CHECK(f.violations() ==
        "R2: adj holds (node 1, in, type 0, other 2, relationship 9) but relationship 9 does "
        "not exist\n");
}

TEST_CASE("check: R2, an adjacency entry that does not match its relationship", "[engine][check]") {
  Fixture f;
  f.put(Cf::kAdj, keys::adj_key(NodeId{1}, Direction::kOutgoing, f.buys, NodeId{2}, RelId{0}));
  CHECK_THAT(f.violations(), Contains("R2: adj holds (node 1, out, type 0, other 2, "
                                      "relationship 0) but relationship 0 is (0)-[type 0]->(1)"));
}

TEST_CASE("check: S3, an adjacency chunk that does not decode", "[engine][check]") {
  Fixture f;
  f.put(Cf::kAdj, keys::adj_key(NodeId{0}, Direction::kOutgoing, f.buys, NodeId{1}, RelId{0}),
        "\x05");  // a count of five ends, and none
  std::string v = f.violations();
  CHECK_THAT(v, Contains("S3: adj holds a malformed chunk: key 00 00 00 00 00 00 00 00 00"));
  CHECK_THAT(v, Contains("R2: relationship 0 lacks its outgoing adjacency entry"));
}

TEST_CASE("check: S3, adjacency chunks that overlap", "[engine][check]") {
  Fixture f;
  // A chunk before rel 0's (other 1) whose second end, other 2, sorts after it.
  std::vector<adjacency_chunk::End> ends{{f.buys, NodeId{0}, RelId{5}},
                                         {f.buys, NodeId{2}, RelId{5}}};
  f.put(Cf::kAdj, keys::adj_key(NodeId{0}, Direction::kOutgoing, f.buys, NodeId{0}, RelId{5}),
        adjacency_chunk::encode(ends));
  CHECK_THAT(f.violations(), Contains("S3: adj holds the chunk (node 0, out, type 0, other 1, "
                                      "relationship 0), which overlaps the chunk before it"));
}

TEST_CASE("check: S1, chunks of several ends under a version-1 header", "[engine][check]") {
  Fixture f;
  KvTransaction kv(f.graph->store(), KvTransaction::Mode::kRead);
  std::string header = *get(kv.get(Cf::kMeta, keys::kMetaHeader));
  std::string lowered = header.substr(0, 8);
  coding::put_u32be(lowered, 1);
  lowered += header.substr(12);
  f.put(Cf::kMeta, std::string(keys::kMetaHeader), lowered);
  CHECK(f.violations() == "");  // every chunk of the fixture holds one end: a valid version 1
  std::vector<adjacency_chunk::End> ends{{f.buys, NodeId{1}, RelId{0}},
                                         {f.buys, NodeId{1}, RelId{7}}};
  f.put(Cf::kAdj, keys::adj_key(NodeId{0}, Direction::kOutgoing, f.buys, NodeId{1}, RelId{0}),
        adjacency_chunk::encode(ends));
  CHECK_THAT(f.violations(),
             Contains("S1: the header has format version 1, but adj holds chunks of several ends "
                      "(format 2), e.g. (node 0, out, type 0, other 1, relationship 0)"));
}

TEST_CASE("check: R1, a relationship whose endpoint is missing", "[engine][check]") {
  Fixture f;
  f.del(Cf::kNodes, keys::node_key(NodeId{1}));
  std::string v = f.violations();
  CHECK_THAT(v, Contains("R1: relationship 0: its target node 1 does not exist"));
  CHECK_THAT(v, Contains("N1: label_nodes holds (label 0, node 1) but node 1 does not exist"));
  CHECK_THAT(v, Contains("P2: prop_index holds an entry of node 1 under (label 0, key 0), but "
                         "node 1 does not exist"));
  CHECK_THAT(v, Contains("T1: stat/nodes is 3 but there are 2 node records"));
}

TEST_CASE("check: N1, a label entry missing or left over", "[engine][check]") {
  Fixture f;
  f.del(Cf::kLabelNodes, keys::label_node_key(f.company, NodeId{1}));
  f.put(Cf::kLabelNodes, keys::label_node_key(f.person, NodeId{0}));
  std::string v = f.violations();
  CHECK_THAT(v, Contains("N1: node 1 has label 0 but label_nodes lacks the entry (label 0, "
                         "node 1)"));
  CHECK_THAT(v, Contains("N1: label_nodes holds (label 1, node 0) but node 0 does not have that "
                         "label"));
  CHECK_THAT(v, Contains("T2: stat/label/0 is 2 but label_nodes holds 1 entries of label 0"));
  CHECK_THAT(v, Contains("T2: stat/label/1 is 1 but label_nodes holds 2 entries of label 1"));
}

TEST_CASE("check: P1, a missing property index entry", "[engine][check]") {
  Fixture f;
  f.del(Cf::kPropIndex, keys::index_key(f.company, f.name, Value("Nvidia"), NodeId{1}));
  CHECK(f.violations() ==
        "P1: node 1 has label 0 and property key 0 but index 'constraint_Company_name' lacks "
        "its entry\n");
}

TEST_CASE("check: P1 and P2, an index entry with a stale value", "[engine][check]") {
  Fixture f;
  f.put_node(0, {f.company}, {{f.name, Value("Amazon")}});
  std::string v = f.violations();
  CHECK_THAT(v, Contains("P1: node 0 has label 0 and property key 0 but index "
                         "'constraint_Company_name' lacks its entry"));
  CHECK_THAT(v, Contains("P2: prop_index holds an entry of node 0 under (label 0, key 0), but "
                         "its value is not node 0's current value"));
}

TEST_CASE("check: P2, an entry of an index that is not defined", "[engine][check]") {
  Fixture f;
  f.put(Cf::kPropIndex, keys::index_key(f.person, PropKeyId{7}, Value(int64_t{3}), NodeId{2}));
  CHECK(f.violations() ==
        "P2: prop_index holds an entry of node 2 under (label 1, key 7), but no index on (label "
        "1, key 7) is defined\n");
}

TEST_CASE("check: P3, two nodes share a value in a unique index", "[engine][check]") {
  Fixture f;
  f.put_node(1, {f.company}, {{f.name, Value("AWS")}});
  f.del(Cf::kPropIndex, keys::index_key(f.company, f.name, Value("Nvidia"), NodeId{1}));
  f.put(Cf::kPropIndex, keys::index_key(f.company, f.name, Value("AWS"), NodeId{1}));
  CHECK(f.violations() ==
        "P3: unique index 'constraint_Company_name': nodes 0 and 1 have the same value\n");
}

TEST_CASE("check: T1 and T2, statistics that do not match the data", "[engine][check]") {
  Fixture f;
  f.put(Cf::kMeta, std::string(keys::kMetaNodeCount), u64(7));
  f.put(Cf::kMeta, std::string(keys::kMetaRelCount), u64(0));
  f.put(Cf::kMeta, keys::meta_type_count_key(f.works_at), u64(5));
  CHECK(f.violations() ==
        "T1: stat/nodes is 7 but there are 3 node records\n"
        "T1: stat/rels is 0 but there are 2 relationship records\n"
        "T2: stat/type/1 is 5 but there are 1 relationships of type 1\n");
}

TEST_CASE("check: T3, ids at or above the id counters", "[engine][check]") {
  Fixture f;
  f.put(Cf::kMeta, std::string(keys::kMetaNextNodeId), u64(2));
  f.put(Cf::kMeta, std::string(keys::kMetaNextRelId), u64(0));
  CHECK(f.violations() ==
        "T3: node 2 is not below next_node_id 2\n"
        "T3: relationship 0 is not below next_rel_id 0\n"
        "T3: relationship 1 is not below next_rel_id 0\n");
}

TEST_CASE("check: C1, C2 and C3, a lost catalog id entry", "[engine][check]") {
  Fixture f;
  f.del(Cf::kCatalog, keys::catalog_id_key(NameKind::kLabel, 0));
  std::string v = f.violations();
  CHECK_THAT(v, Contains("C1: label ids are not dense: id 0 is missing below 1"));
  CHECK_THAT(v, Contains("C2: label name 'Company' maps to id 0, which has no id -> name entry"));
  CHECK_THAT(v, Contains("C3: node 0 uses label id 0, which has no name in the catalog"));
  CHECK_THAT(v, Contains("C3: index 'constraint_Company_name' uses label id 0"));
}

TEST_CASE("check: C2, a name entry that disagrees, and C4, bad index flags", "[engine][check]") {
  Fixture f;
  f.put(Cf::kCatalog, keys::catalog_name_key(NameKind::kType, "SELLS"), std::string(4, '\0'));
  f.put(Cf::kCatalog, keys::catalog_index_key(f.person, f.name), "\x02index_Person_name");
  CHECK(f.violations() ==
        "C4: index definition 'index_Person_name' has flags 02 (00 or 01 expected)\n"
        "C2: relationship type name 'SELLS' maps to id 0, which is named 'BUYS'\n");
}

TEST_CASE("check: S2, S3 and S4, malformed keys and records", "[engine][check]") {
  Fixture f;
  f.put(Cf::kMeta, "stat/bogus", u64(1));
  std::string adj = keys::adj_key(NodeId{0}, Direction::kOutgoing, f.buys, NodeId{1}, RelId{0});
  adj[8] = 7;
  f.put(Cf::kAdj, adj);
  f.put(Cf::kNodes, keys::node_key(NodeId{2}), values::encode_node({{f.person}, {}}) + "x");
  std::string v = f.violations();
  CHECK_THAT(v, Contains("S2: meta holds an unknown key 73 74 61 74 2F 62 6F 67 75 73"));
  CHECK_THAT(v, Contains("S3: adj holds a malformed entry: key 00 00 00 00 00 00 00 00 07"));
  CHECK_THAT(v, Contains("S4: node 2: its record does not decode: trailing bytes"));
}

TEST_CASE("check: S5, keys in RocksDB's default column family", "[engine][check]") {
  Fixture f;
  rocksdb::DB* db = f.graph->store().db();
  REQUIRE(db->Put(rocksdb::WriteOptions(), db->DefaultColumnFamily(), "stray", "x").ok());
  CHECK(f.violations() ==
        "S5: RocksDB's default column family holds 1 keys; kg writes none there\n");
}

TEST_CASE("check: S4, labels out of order and a stored null", "[engine][check]") {
  Fixture f;
  f.put_node(2, {f.person, f.company}, {{f.name, Value("Ann")}, {PropKeyId{0}, Value()}});
  std::string v = f.violations();
  CHECK_THAT(v, Contains("S4: node 2 has label ids out of order or repeated (label 0)"));
  CHECK_THAT(v, Contains("S4: node 2 has property key ids out of order or repeated (key 0)"));
  CHECK_THAT(v, Contains("S4: node 2 stores a null for property key 0"));
}

TEST_CASE("check: the report keeps the first violations and counts the rest", "[engine][check]") {
  Fixture f;
  for (uint64_t r = 10; r < 20; ++r)
    f.put(Cf::kAdj, keys::adj_key(NodeId{0}, Direction::kOutgoing, f.buys, NodeId{1}, RelId{r}));
  auto r =
      get(check::check_consistency(f.graph->store(), check::CheckOptions{.max_violations = 3}));
  CHECK(r.violation_count == 10);
  CHECK(r.violations.size() == 3);
}

TEST_CASE("check: a snapshot is checked while a writer has uncommitted writes", "[engine][check]") {
  Fixture f;
  auto t = get(f.graph->begin_write());
  LabelId c[] = {f.company};
  get(t->create_node(c, {{f.name, Value("Groq")}}));
  CHECK(f.violations() == "");
  ok(t->commit());
  CHECK(f.violations() == "");
  CHECK(f.report().nodes == 4);
}
