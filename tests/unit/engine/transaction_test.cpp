// The engine's Transaction: CRUD on every access path, indexes, statistics, delete rules,
// atomicity and isolation.
#include "engine/txn/transaction.hpp"

#include <catch2/catch.hpp>
#include <thread>

#include "engine/graph.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kg;
using namespace kg::engine;
using kg::testing::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  std::unique_ptr<Graph> graph;

  Fixture() { reopen(); }
  void reopen() {
    graph.reset();
    auto g = Graph::open(dir.sub("g"), Options());
    REQUIRE(g.ok());
    graph = std::move(*g);
  }
  std::unique_ptr<Transaction> write() {
    auto t = graph->begin_write();
    REQUIRE(t.ok());
    return std::move(*t);
  }
  std::unique_ptr<Transaction> read() {
    auto t = graph->begin_read();
    REQUIRE(t.ok());
    return std::move(*t);
  }
};

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

// The node ids a cursor yields, in order.
template <typename Cursor>
std::vector<uint64_t> ids(Cursor c) {
  std::vector<uint64_t> out;
  for (; c.valid(); c.next()) out.push_back(to_underlying(c.node()));
  REQUIRE(c.status().ok());
  return out;
}

PropKeyId get_prop(const Transaction& t, std::string_view name) {
  auto k = t.find_prop_key(name);
  REQUIRE(k.has_value());
  return *k;
}

// A degree cursor's (node, degree) pairs, in order.
std::vector<std::pair<uint64_t, uint64_t>> degrees(adjacency_index::DegreeCursor c) {
  std::vector<std::pair<uint64_t, uint64_t>> out;
  for (; c.valid(); c.next()) out.emplace_back(to_underlying(c.node()), c.degree());
  REQUIRE(c.status().ok());
  return out;
}

std::vector<uint64_t> rel_ids(adjacency_index::AdjacencyCursor c) {
  std::vector<uint64_t> out;
  for (; c.valid(); c.next()) out.push_back(to_underlying(c.entry().rel));
  REQUIRE(c.status().ok());
  return out;
}

}  // namespace

TEST_CASE("transaction: nodes and relationships round-trip and survive reopening",
          "[engine][transaction]") {
  Fixture f;
  NodeId a, b;
  RelId r;
  {
    auto t = f.write();
    LabelId company = get(t->intern_label("Company"));
    LabelId product = get(t->intern_label("Product"));
    PropKeyId name = get(t->intern_prop_key("name"));
    PropKeyId units = get(t->intern_prop_key("units"));
    TypeId buys = get(t->intern_type("BUYS"));
    a = get(t->create_node(std::vector{company}, {{name, Value("AWS")}}));
    b = get(t->create_node(std::vector{product, company}, {{name, Value("Blackwell")}}));
    r = get(t->create_relationship(a, buys, b, {{units, Value(1000000)}}));
    ok(t->commit());
  }
  f.reopen();
  auto t = f.read();
  auto node = get(t->node_value(b));
  REQUIRE(node);
  CHECK(node->labels == std::vector<std::string>{"Company", "Product"});  // by label id
  CHECK(node->properties.at("name") == Value("Blackwell"));
  auto rel = get(t->relationship_value(r));
  REQUIRE(rel);
  CHECK(rel->type == "BUYS");
  CHECK(rel->start == a);
  CHECK(rel->end == b);
  CHECK(rel->properties.at("units") == Value(1000000));
  CHECK_FALSE(get(t->node_value(NodeId{999})).has_value());
}

TEST_CASE("transaction: every value type round-trips as a property", "[engine][transaction]") {
  Fixture f;
  List nested{Value(1), Value(1.0), Value(List{Value("x"), Value(Map{{"k", Value(false)}})})};
  std::vector<Value> values = {Value(true),
                               Value(int64_t{-1}),
                               Value(INT64_MIN),
                               Value(INT64_MAX),
                               Value(1.0),
                               Value(-0.0),
                               Value(std::nan("")),
                               Value(std::numeric_limits<double>::infinity()),
                               Value(-std::numeric_limits<double>::infinity()),
                               Value(""),
                               Value("Grüße, 世界 🚀"),
                               Value(std::string("a\0b", 3)),
                               Value(List{}),
                               Value(Map{}),
                               Value(nested),
                               Value(Map{{"deep", Value(Map{{"er", Value(nested)}})}})};
  NodeId n;
  {
    auto t = f.write();
    PropertyMap props;
    for (size_t i = 0; i < values.size(); ++i)
      props.emplace_back(get(t->intern_prop_key("p" + std::to_string(i))), values[i]);
    n = get(t->create_node({}, props));
    ok(t->commit());
  }
  f.reopen();
  auto t = f.read();
  auto node = get(t->node_value(n));
  REQUIRE(node);
  for (size_t i = 0; i < values.size(); ++i) {
    INFO("p" << i << " = " << values[i].to_literal());
    REQUIRE(node->properties.count("p" + std::to_string(i)) == 1);
    CHECK(node->properties.at("p" + std::to_string(i)) == values[i]);
  }
  CHECK(node->properties.at("p4").is_float());  // 1.0 stays a float
}

TEST_CASE("transaction: null properties are not stored and setting null removes",
          "[engine][transaction]") {
  Fixture f;
  auto t = f.write();
  PropKeyId k = get(t->intern_prop_key("k"));
  PropKeyId j = get(t->intern_prop_key("j"));
  NodeId n = get(t->create_node({}, {{k, Value()}, {j, Value(1)}}));
  CHECK(get(t->get_node(n))->properties.size() == 1);
  ok(t->set_node_property(n, j, Value()));
  CHECK(get(t->get_node(n))->properties.empty());
}

TEST_CASE("transaction: a node or relationship cannot hold a node as a property",
          "[engine][transaction]") {
  Fixture f;
  auto t = f.write();
  PropKeyId k = get(t->intern_prop_key("k"));
  auto r = t->create_node({}, {{k, Value(List{Value(Node{})})}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code() == StatusCode::kTypeError);
}

TEST_CASE("transaction: label scans, adjacency by direction and type", "[engine][transaction]") {
  Fixture f;
  auto t = f.write();
  LabelId l = get(t->intern_label("L"));
  LabelId m = get(t->intern_label("M"));
  TypeId x = get(t->intern_type("X"));
  TypeId y = get(t->intern_type("Y"));
  NodeId a = get(t->create_node(std::vector{l}, {}));
  NodeId b = get(t->create_node(std::vector{l, m}, {}));
  NodeId c = get(t->create_node(std::vector{m}, {}));
  RelId ab = get(t->create_relationship(a, x, b, {}));
  RelId ac = get(t->create_relationship(a, y, c, {}));
  RelId ca = get(t->create_relationship(c, x, a, {}));
  RelId aa = get(t->create_relationship(a, x, a, {}));  // self-loop

  CHECK(ids(t->scan_label(l)) == std::vector<uint64_t>{to_underlying(a), to_underlying(b)});
  CHECK(ids(t->scan_label(m)) == std::vector<uint64_t>{to_underlying(b), to_underlying(c)});
  CHECK(ids(t->scan_nodes()).size() == 3);

  auto u = [](RelId r) { return to_underlying(r); };
  // Outgoing of a, ordered by (type, other, rel): X->a (self), X->b, Y->c.
  CHECK(rel_ids(t->expand(a, Direction::kOutgoing)) == std::vector{u(aa), u(ab), u(ac)});
  CHECK(rel_ids(t->expand(a, Direction::kOutgoing, x)) == std::vector{u(aa), u(ab)});
  CHECK(rel_ids(t->expand(a, Direction::kOutgoing, y)) == std::vector{u(ac)});
  CHECK(rel_ids(t->expand(a, Direction::kIncoming)) == std::vector{u(aa), u(ca)});
  // Both directions: the self-loop once.
  CHECK(rel_ids(t->expand(a, Direction::kBoth)) == std::vector{u(aa), u(ab), u(ac), u(ca)});
  CHECK(rel_ids(t->expand(b, Direction::kOutgoing)).empty());
  CHECK(rel_ids(t->expand(b, Direction::kIncoming, y)).empty());
  ok(t->commit());

  // The same through a fresh read transaction (from disk rather than the write batch).
  auto r = f.read();
  CHECK(rel_ids(r->expand(a, Direction::kBoth)) == std::vector{u(aa), u(ab), u(ac), u(ca)});
  auto entry = r->expand(c, Direction::kIncoming);
  REQUIRE(entry.valid());
  CHECK(entry.entry().other == a);
  CHECK(entry.entry().type == y);
  CHECK(entry.entry().direction == Direction::kIncoming);
}

TEST_CASE("transaction: degrees of every node by direction and type, with uncommitted writes",
          "[engine][transaction]") {
  Fixture f;
  auto t = f.write();
  TypeId x = get(t->intern_type("X"));
  TypeId y = get(t->intern_type("Y"));
  TypeId z = get(t->intern_type("Z"));
  NodeId a = get(t->create_node({}, {}));
  NodeId b = get(t->create_node({}, {}));
  NodeId c = get(t->create_node({}, {}));
  get(t->create_node({}, {}));  // d: no relationship, never yielded
  get(t->create_relationship(a, x, b, {}));
  get(t->create_relationship(a, y, b, {}));
  get(t->create_relationship(a, z, c, {}));
  get(t->create_relationship(c, x, a, {}));
  get(t->create_relationship(a, x, a, {}));  // self-loop: once out and once in, on a
  auto u = [](NodeId n) { return to_underlying(n); };
  using Degrees = std::vector<std::pair<uint64_t, uint64_t>>;
  auto check_all = [&](const Transaction& tx) {
    CHECK(degrees(tx.degrees(Direction::kOutgoing)) == Degrees{{u(a), 4}, {u(c), 1}});
    CHECK(degrees(tx.degrees(Direction::kIncoming)) == Degrees{{u(a), 2}, {u(b), 2}, {u(c), 1}});
    // Types: skipped ones at the start, middle and end of a node's range.
    CHECK(degrees(tx.degrees(Direction::kOutgoing, std::vector{x})) ==
          Degrees{{u(a), 2}, {u(c), 1}});
    CHECK(degrees(tx.degrees(Direction::kOutgoing, std::vector{z, x})) ==
          Degrees{{u(a), 3}, {u(c), 1}});
    CHECK(degrees(tx.degrees(Direction::kOutgoing, std::vector{y})) == Degrees{{u(a), 1}});
    CHECK(degrees(tx.degrees(Direction::kIncoming, std::vector{z})) == Degrees{{u(c), 1}});
    CHECK(degrees(tx.degrees(Direction::kIncoming, std::vector<TypeId>{})).empty());
  };
  check_all(*t);  // from the write batch
  ok(t->commit());
  check_all(*f.read());  // from disk

  // A write transaction sees its own creates and deletes; a reader does not, until commit.
  auto w = f.write();
  get(w->create_relationship(b, y, c, {}));
  ok(w->delete_node(a, DeleteMode::kDetach));
  CHECK(degrees(w->degrees(Direction::kOutgoing)) == Degrees{{u(b), 1}});
  CHECK(degrees(w->degrees(Direction::kIncoming)) == Degrees{{u(c), 1}});
  check_all(*f.read());
  ok(w->commit());
  CHECK(degrees(f.read()->degrees(Direction::kIncoming)) == Degrees{{u(c), 1}});
  // kBoth is not a degree this cursor counts.
  auto reader = f.read();
  auto both = reader->degrees(Direction::kBoth);
  CHECK(!both.valid());
  CHECK(both.status().code() == StatusCode::kInternal);
}

TEST_CASE("transaction: labels and properties change with their label entries",
          "[engine][transaction]") {
  Fixture f;
  auto t = f.write();
  LabelId l = get(t->intern_label("L"));
  LabelId m = get(t->intern_label("M"));
  PropKeyId k = get(t->intern_prop_key("k"));
  NodeId n = get(t->create_node(std::vector{l}, {{k, Value(1)}}));
  ok(t->add_label(n, m));
  ok(t->remove_label(n, l));
  CHECK(ids(t->scan_label(l)).empty());
  CHECK(ids(t->scan_label(m)) == std::vector<uint64_t>{to_underlying(n)});
  CHECK(get(t->label_count(l)) == 0);
  CHECK(get(t->label_count(m)) == 1);
  ok(t->replace_node_properties(n, {{k, Value("v")}}));
  CHECK(*find_property(get(t->get_node(n))->properties, k) == Value("v"));
  CHECK(t->set_node_property(NodeId{77}, k, Value(1)).code() == StatusCode::kEntityNotFound);
}

TEST_CASE("transaction: statistics count nodes and relationships per label and type",
          "[engine][transaction]") {
  Fixture f;
  LabelId l;
  TypeId x;
  {
    auto t = f.write();
    l = get(t->intern_label("L"));
    x = get(t->intern_type("X"));
    NodeId a = get(t->create_node(std::vector{l}, {}));
    NodeId b = get(t->create_node(std::vector{l}, {}));
    get(t->create_node({}, {}));
    get(t->create_relationship(a, x, b, {}));
    get(t->create_relationship(b, x, a, {}));
    CHECK(get(t->node_count()) == 3);  // the transaction sees its own counts
    ok(t->commit());
  }
  f.reopen();
  {
    auto t = f.read();
    CHECK(get(t->node_count()) == 3);
    CHECK(get(t->label_count(l)) == 2);
    CHECK(get(t->relationship_count()) == 2);
    CHECK(get(t->type_count(x)) == 2);
  }
  {
    auto t = f.write();
    ok(t->delete_node(NodeId{0}, DeleteMode::kDetach));
    ok(t->commit());
  }
  auto t = f.read();
  CHECK(get(t->node_count()) == 2);
  CHECK(get(t->label_count(l)) == 1);
  CHECK(get(t->relationship_count()) == 0);
  CHECK(get(t->type_count(x)) == 0);
}

TEST_CASE("transaction: deleting a connected node is refused unless detached",
          "[engine][transaction]") {
  Fixture f;
  auto t = f.write();
  TypeId x = get(t->intern_type("X"));
  NodeId a = get(t->create_node({}, {}));
  NodeId b = get(t->create_node({}, {}));
  RelId r = get(t->create_relationship(a, x, b, {}));
  Status refused = t->delete_node(a, DeleteMode::kRefuseIfConnected);
  CHECK(refused.code() == StatusCode::kConstraintVerificationFailed);
  CHECK(refused.detail() == "DeleteConnectedNode");
  CHECK(get(t->get_node(a)).has_value());

  ok(t->delete_node(a, DeleteMode::kDetach));
  CHECK_FALSE(get(t->get_node(a)).has_value());
  CHECK_FALSE(get(t->get_relationship(r)).has_value());
  CHECK(rel_ids(t->expand(b, Direction::kBoth)).empty());
  ok(t->commit());
}

TEST_CASE("transaction: a deferred delete commits only if the relationships went too",
          "[engine][transaction]") {
  Fixture f;
  NodeId a, b;
  RelId r;
  TypeId x;
  {
    auto t = f.write();
    x = get(t->intern_type("X"));
    a = get(t->create_node({}, {}));
    b = get(t->create_node({}, {}));
    r = get(t->create_relationship(a, x, b, {}));
    ok(t->commit());
  }
  {
    auto t = f.write();
    ok(t->delete_node(a, DeleteMode::kCheckAtCommit));  // DELETE a, r in this order is fine
    ok(t->delete_relationship(r));
    ok(t->commit());
  }
  {
    auto t = f.write();
    ok(t->delete_node(b, DeleteMode::kCheckAtCommit));
    NodeId c = get(t->create_node({}, {}));
    // The relationship to a deleted node cannot be made.
    CHECK(t->create_relationship(c, x, b, {}).status().code() == StatusCode::kEntityNotFound);
    ok(t->commit());
  }
  NodeId d, e;
  {
    auto t = f.write();
    d = get(t->create_node({}, {}));
    e = get(t->create_node({}, {}));
    get(t->create_relationship(d, x, e, {}));
    ok(t->commit());
  }
  auto t = f.write();
  ok(t->delete_node(d, DeleteMode::kCheckAtCommit));
  Status s = t->commit();
  CHECK(s.code() == StatusCode::kConstraintVerificationFailed);
  CHECK(s.detail() == "DeleteConnectedNode");
  CHECK(get(f.read()->get_node(d)).has_value());  // rolled back
}

TEST_CASE("transaction: node ids are not reused after delete, and a rollback returns them",
          "[engine][transaction]") {
  Fixture f;
  NodeId a;
  {
    auto t = f.write();
    a = get(t->create_node({}, {}));
    ok(t->delete_node(a, DeleteMode::kRefuseIfConnected));
    ok(t->commit());
  }
  NodeId b;
  {
    auto t = f.write();
    b = get(t->create_node({}, {}));
    CHECK(b != a);
    t->rollback();
  }
  f.reopen();
  auto t = f.write();
  NodeId c = get(t->create_node({}, {}));
  CHECK(c == b);  // never written, so handed out again
  CHECK(c != a);
}

TEST_CASE("transaction: equality and range lookups through a property index",
          "[engine][transaction][index]") {
  Fixture f;
  LabelId l;
  PropKeyId k;
  std::vector<Value> values = {Value(-5),
                               Value(-1.5),
                               Value(0),
                               Value(1),
                               Value(1.0),
                               Value(2.5),
                               Value(int64_t{1} << 60),
                               Value("a"),
                               Value("b"),
                               Value("ab"),
                               Value(true),
                               Value(std::nan(""))};
  std::vector<NodeId> nodes;
  {
    auto t = f.write();
    l = get(t->intern_label("L"));
    k = get(t->intern_prop_key("k"));
    // Half the nodes exist before the index, half after: both must be found.
    for (size_t i = 0; i < values.size() / 2; ++i)
      nodes.push_back(get(t->create_node(std::vector{l}, {{k, values[i]}})));
    ok(t->create_index(l, k, false));
    for (size_t i = values.size() / 2; i < values.size(); ++i)
      nodes.push_back(get(t->create_node(std::vector{l}, {{k, values[i]}})));
    get(t->create_node({}, {{k, Value(1)}}));  // no label: not in the index
    ok(t->commit());
  }
  f.reopen();
  auto t = f.read();
  REQUIRE(t->find_index(l, k).has_value());
  auto node_ids = [&](std::initializer_list<size_t> idx) {
    std::vector<uint64_t> out;
    for (size_t i : idx) out.push_back(to_underlying(nodes[i]));
    return out;
  };
  using property_index::Bound;
  CHECK(ids(t->index_seek(l, k, Value(1))) == node_ids({3, 4}));  // 1 finds 1.0
  CHECK(ids(t->index_seek(l, k, Value(1.0))) == node_ids({3, 4}));
  CHECK(ids(t->index_seek(l, k, Value("a"))) == node_ids({7}));
  CHECK(ids(t->index_seek(l, k, Value(std::nan("")))).empty());  // NaN equals nothing
  CHECK(ids(t->index_seek(l, k, Value(42))).empty());
  // Numbers in (-2, 1]: -1.5, 0, 1, 1.0, in value order.
  CHECK(ids(t->index_range(l, k, Bound{Value(-2), false}, Bound{Value(1), true})) ==
        node_ids({1, 2, 3, 4}));
  CHECK(ids(t->index_range(l, k, Bound{Value(-1.5), false}, Bound{Value(1), false})) ==
        node_ids({2}));
  // Open above: everything > 2, numbers only, NaN excluded.
  CHECK(ids(t->index_range(l, k, Bound{Value(2), true}, std::nullopt)) == node_ids({5, 6}));
  CHECK(ids(t->index_range(l, k, std::nullopt, Bound{Value(-1.5), true})) == node_ids({0, 1}));
  // Strings: "a" <= s < "b".
  CHECK(ids(t->index_range(l, k, Bound{Value("a"), true}, Bound{Value("b"), false})) ==
        node_ids({7, 9}));
  CHECK(ids(t->index_range(l, k, Bound{Value("a"), false}, std::nullopt)) == node_ids({9, 8}));
}

TEST_CASE("transaction: the index follows property, label and delete changes",
          "[engine][transaction][index]") {
  Fixture f;
  auto t = f.write();
  LabelId l = get(t->intern_label("L"));
  PropKeyId k = get(t->intern_prop_key("k"));
  ok(t->create_index(l, k, false));
  NodeId n = get(t->create_node(std::vector{l}, {{k, Value(1)}}));
  ok(t->set_node_property(n, k, Value(2)));
  CHECK(ids(t->index_seek(l, k, Value(1))).empty());
  CHECK(ids(t->index_seek(l, k, Value(2))) == std::vector<uint64_t>{to_underlying(n)});
  ok(t->remove_label(n, l));
  CHECK(ids(t->index_seek(l, k, Value(2))).empty());
  ok(t->add_label(n, l));
  CHECK(ids(t->index_seek(l, k, Value(2))) == std::vector<uint64_t>{to_underlying(n)});
  ok(t->delete_node(n, DeleteMode::kRefuseIfConnected));
  CHECK(ids(t->index_seek(l, k, Value(2))).empty());
  ok(t->drop_index(l, k));
  CHECK_FALSE(t->find_index(l, k));
  CHECK(t->drop_index(l, k).code() == StatusCode::kNotFound);
}

TEST_CASE("transaction: unique constraints refuse duplicates, now and at creation",
          "[engine][transaction][index]") {
  Fixture f;
  LabelId l;
  PropKeyId k;
  {
    auto t = f.write();
    l = get(t->intern_label("Company"));
    k = get(t->intern_prop_key("name"));
    ok(t->create_index(l, k, true));
    get(t->create_node(std::vector{l}, {{k, Value("AWS")}}));
    get(t->create_node(std::vector{l}, {{k, Value(1)}}));
    ok(t->commit());
  }
  {
    auto t = f.write();
    auto dup = t->create_node(std::vector{l}, {{k, Value("AWS")}});
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code() == StatusCode::kConstraintVerificationFailed);
    CHECK_THAT(dup.error().message(), Catch::Contains("`Company`") && Catch::Contains("'AWS'"));
  }
  {
    auto t = f.write();
    // 1.0 equals 1 in Cypher, so it is a duplicate too.
    CHECK_FALSE(t->create_node(std::vector{l}, {{k, Value(1.0)}}).ok());
  }
  {
    auto t = f.write();
    NodeId other = get(t->create_node(std::vector{l}, {{k, Value("Nvidia")}}));
    CHECK(t->set_node_property(other, k, Value("AWS")).code() ==
          StatusCode::kConstraintVerificationFailed);
  }
  {
    // Adding the label to a node with a duplicate value is a violation too.
    auto t = f.write();
    NodeId loose = get(t->create_node({}, {{k, Value("AWS")}}));
    CHECK(t->add_label(loose, l).code() == StatusCode::kConstraintVerificationFailed);
  }
  {
    // A constraint cannot be created over existing duplicates.
    auto t = f.write();
    LabelId p = get(t->intern_label("Person"));
    get(t->create_node(std::vector{p}, {{k, Value("Ian")}}));
    get(t->create_node(std::vector{p}, {{k, Value("Ian")}}));
    Status s = t->create_index(p, k, true);
    CHECK(s.code() == StatusCode::kConstraintVerificationFailed);
  }
  auto t = f.read();
  CHECK(get(t->label_count(l)) == 2);  // nothing of the failed transactions remains
}

TEST_CASE("transaction: a rolled-back transaction leaves nothing, names included",
          "[engine][transaction]") {
  Fixture f;
  {
    auto t = f.write();
    LabelId l = get(t->intern_label("Ghost"));
    get(t->create_node(std::vector{l}, {}));
    // destroyed without commit
  }
  auto t = f.read();
  CHECK_FALSE(t->find_label("Ghost"));
  CHECK(get(t->node_count()) == 0);
  CHECK(ids(t->scan_nodes()).empty());
}

TEST_CASE("transaction: readers see their snapshot, never part of a write",
          "[engine][transaction][isolation]") {
  Fixture f;
  LabelId l;
  {
    auto t = f.write();
    l = get(t->intern_label("L"));
    get(t->create_node(std::vector{l}, {}));
    ok(t->commit());
  }
  auto before = f.read();
  auto w = f.write();
  for (int i = 0; i < 100; ++i) get(w->create_node(std::vector{l}, {}));
  // Uncommitted: nobody else sees them.
  CHECK(ids(f.read()->scan_label(l)).size() == 1);
  ok(w->commit());
  CHECK(ids(before->scan_label(l)).size() == 1);  // the old snapshot still
  CHECK(get(before->label_count(l)) == 1);
  CHECK(ids(f.read()->scan_label(l)).size() == 101);
}

TEST_CASE("transaction: concurrent readers always see whole transactions",
          "[engine][transaction][isolation]") {
  Fixture f;
  LabelId l;
  TypeId x;
  {
    auto t = f.write();
    l = get(t->intern_label("L"));
    x = get(t->intern_type("X"));
    ok(t->commit());
  }
  // Each write transaction adds 10 nodes in a chain; a reader must see a multiple of 10 nodes,
  // 9 relationships per 10 nodes, and statistics equal to what it scans.
  std::atomic<bool> done{false};
  std::atomic<int> torn{0}, reads{0};
  std::thread reader([&] {
    while (!done.load()) {
      auto t = f.graph->begin_read();
      if (!t.ok()) continue;
      size_t nodes = 0;
      for (auto c = (*t)->scan_label(l); c.valid(); c.next()) ++nodes;
      auto counted = (*t)->label_count(l);
      auto rels = (*t)->type_count(x);
      if (nodes % 10 != 0 || !counted.ok() || *counted != nodes || !rels.ok() ||
          *rels != nodes / 10 * 9)
        ++torn;
      ++reads;
    }
  });
  for (int round = 0; round < 50; ++round) {
    auto t = f.write();
    NodeId prev = get(t->create_node(std::vector{l}, {}));
    for (int i = 1; i < 10; ++i) {
      NodeId next = get(t->create_node(std::vector{l}, {}));
      get(t->create_relationship(prev, x, next, {}));
      prev = next;
    }
    ok(t->commit());
  }
  done = true;
  reader.join();
  CHECK(torn.load() == 0);
  CHECK(reads.load() > 0);
}

TEST_CASE("transaction: a second writer waits, then fails with Busy", "[engine][transaction]") {
  TempDir dir;
  Options o;
  o.busy_timeout_ms = 50;
  auto g = Graph::open(dir.sub("g"), o);
  REQUIRE(g.ok());
  auto first = (*g)->begin_write();
  REQUIRE(first.ok());
  auto second = (*g)->begin_write();
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code() == StatusCode::kBusy);
  ok((*first)->commit());
  CHECK((*g)->begin_write().ok());  // free again
}

TEST_CASE("transaction: writes in a read transaction are refused", "[engine][transaction]") {
  Fixture f;
  auto t = f.read();
  CHECK_FALSE(t->create_node({}, {}).ok());
  CHECK_FALSE(t->intern_label("L").ok());
}

TEST_CASE("transaction: a unique violation leaves the transaction usable and consistent",
          "[engine][transaction][index]") {
  Fixture f;
  LabelId l;
  PropKeyId k;
  {
    auto t = f.write();
    l = get(t->intern_label("Company"));
    k = get(t->intern_prop_key("name"));
    ok(t->create_index(l, k, true));
    NodeId aws = get(t->create_node(std::vector{l}, {{k, Value("AWS")}}));
    CHECK(t->create_node(std::vector{l}, {{k, Value("AWS")}}).status().code() ==
          StatusCode::kConstraintVerificationFailed);
    NodeId nvidia = get(t->create_node(std::vector{l}, {{k, Value("Nvidia")}}));
    CHECK(t->set_node_property(nvidia, k, Value("AWS")).code() ==
          StatusCode::kConstraintVerificationFailed);
    // Creating a second unique index over duplicates fails before writing any entry.
    PropKeyId kind = get(t->intern_prop_key("kind"));
    ok(t->set_node_property(aws, kind, Value("cloud")));
    ok(t->set_node_property(nvidia, kind, Value("cloud")));
    CHECK(t->create_index(l, kind, true).code() == StatusCode::kConstraintVerificationFailed);
    ok(t->commit());
  }
  f.reopen();
  auto t = f.read();
  CHECK(get(t->label_count(l)) == 2);
  CHECK(get(t->node_count()) == 2);
  CHECK(ids(t->scan_label(l)).size() == 2);
  // Exactly one index entry per node: every string name, from "" up.
  CHECK(ids(t->index_range(l, k, property_index::Bound{Value(""), true}, std::nullopt)).size() ==
        2);
  CHECK_FALSE(t->find_index(l, get_prop(*t, "kind")));
}
