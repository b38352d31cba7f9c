// The adjacency index's chunks (engine/storage/adjacency_chunk.hpp, adjacency_index.hpp): the
// value codec, lists kept in order and in bounded chunks through any order of inserts and
// deletes (against a model), the degree cursor's sums, graphs of format version 1, and
// KvCursor::seek_for_prev, which finds the chunk an end belongs in.
#include <rocksdb/db.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <set>
#include <tuple>

#include "engine/check/consistency_checker.hpp"
#include "engine/graph.hpp"
#include "engine/storage/adjacency_chunk.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/store.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/txn/transaction.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kg;
using namespace kg::engine;
using adjacency_chunk::End;
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

End end(uint32_t type, uint64_t other, uint64_t rel) {
  return End{TypeId{type}, NodeId{other}, RelId{rel}};
}

std::vector<End> decoded(End first, std::string_view value) {
  std::vector<End> out;
  REQUIRE(adjacency_chunk::decode(first, value, out));
  return out;
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<Graph> graph;
  Fixture() { reopen(); }
  void reopen() {
    graph.reset();
    graph = get(Graph::open(dir.sub("g"), Options()));
  }
  std::unique_ptr<Transaction> write() { return get(graph->begin_write()); }
  std::unique_ptr<Transaction> read() { return get(graph->begin_read()); }
};

// The (other, rel) of every end a cursor yields, in order.
std::vector<std::pair<uint64_t, uint64_t>> ends_of(adjacency_index::AdjacencyCursor c) {
  std::vector<std::pair<uint64_t, uint64_t>> out;
  for (; c.valid(); c.next())
    out.emplace_back(to_underlying(c.entry().other), to_underlying(c.entry().rel));
  REQUIRE(c.status().ok());
  return out;
}

// The sizes of the chunks of one node's list in one direction, in key order.
std::vector<uint64_t> chunk_sizes(Graph& graph, NodeId node, Direction dir) {
  KvTransaction kv(graph.store(), KvTransaction::Mode::kRead);
  std::vector<uint64_t> out;
  for (KvCursor c = kv.scan_prefix(Cf::kAdj, keys::adj_prefix(node, dir)); c.valid(); c.next()) {
    auto n = adjacency_chunk::size(c.value());
    REQUIRE(n.has_value());
    out.push_back(*n);
  }
  return out;
}

void require_consistent(Graph& graph) {
  check::CheckReport report = get(check::check_consistency(graph.store()));
  std::string violations;
  for (const auto& v : report.violations) violations += v.kind + ": " + v.message + "\n";
  INFO(violations);
  REQUIRE(report.ok());
}

}  // namespace

TEST_CASE("adjacency chunk: a round trip, and one end as an empty value", "[engine][adjacency]") {
  // Several types, a multi-edge (same other, two rels), a rel smaller than the one before.
  std::vector<End> ends{end(0, 3, 10),
                        end(0, 3, 11),
                        end(0, 7, 2),
                        end(2, 1, 500),
                        end(2, 1000000, 9999999),
                        end(2, 1000000, 10000000),
                        end(70000, 0, 0)};
  std::string v = adjacency_chunk::encode(ends);
  CHECK(decoded(ends[0], v) == ends);
  CHECK(adjacency_chunk::size(v) == 7);
  // Small deltas take a byte each: the three ends after the first take 2 bytes each.
  std::vector<End> small{end(0, 3, 10), end(0, 4, 11), end(0, 6, 12), end(0, 9, 13)};
  CHECK(adjacency_chunk::encode(small).size() == 1 + 3 * 2);
  // Rel deltas from -32 to 31 fit the flagged first byte; the extremes of 64 bits round-trip.
  std::vector<End> wide{end(0, 0, 0), end(0, 0, 31), end(0, 0, ~uint64_t{0}),
                        end(0, 1, uint64_t{1} << 63),  // a rel delta of -2^63: all 64 bits
                        end(UINT32_MAX, ~uint64_t{0}, 0)};
  CHECK(decoded(wide[0], adjacency_chunk::encode(wide)) == wide);

  std::vector<End> one{end(5, 6, 7)};
  CHECK(adjacency_chunk::encode(one).empty());
  CHECK(decoded(one[0], "") == one);
  CHECK(adjacency_chunk::size("") == 1);
}

TEST_CASE("adjacency chunk: malformed values are rejected", "[engine][adjacency]") {
  std::vector<End> ends{end(0, 1, 1), end(0, 2, 5), end(1, 4, 3)};
  std::string v = adjacency_chunk::encode(ends);
  std::vector<End> out;
  auto bad = [&](std::string_view value) { return !adjacency_chunk::decode(ends[0], value, out); };
  CHECK(bad(v.substr(0, v.size() - 1)));  // truncated
  CHECK(bad(v + "x"));                    // trailing bytes
  CHECK(bad(std::string(1, '\0')));       // a count of 0: one end is an empty value
  CHECK_FALSE(adjacency_chunk::size(std::string(1, '\0')).has_value());
  CHECK(bad("\x7f"));  // a count beyond what the bytes can hold
  // One end after (0, 1, 1): its rel delta with the type-changed flag, then the other.
  auto one_more = [](int64_t rel_delta, std::optional<uint64_t> type_delta, uint64_t other) {
    std::string v;
    coding::put_varint(v, 1);
    uint64_t z = coding::zigzag(rel_delta);
    const uint8_t low = static_cast<uint8_t>(((z & 0x3f) << 1) | (type_delta ? 1 : 0));
    v.push_back(static_cast<char>(z < 0x40 ? low : (low | 0x80)));
    if (z >= 0x40) coding::put_varint(v, z >> 6);
    if (type_delta) coding::put_varint(v, *type_delta);
    coding::put_varint(v, other);
    return v;
  };
  std::vector<End> two;
  REQUIRE(adjacency_chunk::decode(ends[0], one_more(0, std::nullopt, 1), two));
  CHECK(two.back() == end(0, 2, 1));
  two.clear();
  REQUIRE(adjacency_chunk::decode(ends[0], one_more(-1, 3, 0), two));
  CHECK(two.back() == end(3, 0, 0));
  two.clear();
  REQUIRE(adjacency_chunk::decode(ends[0], one_more(1000, std::nullopt, 0), two));  // 2 bytes
  CHECK(two.back() == end(0, 1, 1001));
  CHECK(bad(one_more(0, std::nullopt, 0)));             // equal to the first end: not increasing
  CHECK(bad(one_more(-1, std::nullopt, 0)));            // the same other with a smaller rel
  CHECK(bad(one_more(0, std::nullopt, ~uint64_t{0})));  // an other past 2^64
  CHECK(bad(one_more(0, 0, 5)));                        // a type change of 0
  CHECK(bad(one_more(0, uint64_t{1} << 32, 0)));        // a type past 2^32
}

TEST_CASE("kv cursor: seek_for_prev finds the last key at or before a target, within bounds",
          "[engine][adjacency]") {
  Fixture f;
  const Store& store = f.graph->store();
  {
    KvTransaction kv(store, KvTransaction::Mode::kWrite);
    for (std::string k : {"a1", "b1", "b3", "b5", "c1"}) ok(kv.put(Cf::kMeta, k, ""));
    ok(kv.commit());
  }
  for (bool flushed : {false, true}) {
    if (flushed) ok(f.graph->store().flush());
    KvTransaction kv(store, KvTransaction::Mode::kWrite);
    ok(kv.put(Cf::kMeta, "b4", ""));  // in the transaction's batch only
    KvCursor c = kv.scan(Cf::kMeta, "b", "c");
    auto at = [&](std::string_view target) {
      c.seek_for_prev(target);
      return c.valid() ? std::string(c.key()) : std::string("-");
    };
    CHECK(at("b3") == "b3");
    CHECK(at("b35") == "b3");
    CHECK(at("b45") == "b4");
    CHECK(at("b9") == "b5");
    CHECK(at("b0") == "-");  // a1 is before the lower bound
    c.seek_for_prev("b1");
    REQUIRE(c.valid());
    c.next();
    CHECK(c.key() == "b3");
  }
}

TEST_CASE("adjacency: lists stay ordered and chunked through inserts and deletes in any order",
          "[engine][adjacency]") {
  Fixture f;
  std::mt19937_64 rng(GENERATE(1, 2, 3));
  auto t = f.write();
  TypeId x = get(t->intern_type("X"));
  TypeId y = get(t->intern_type("Y"));
  std::vector<NodeId> nodes;
  for (int i = 0; i < 40; ++i) nodes.push_back(get(t->create_node({}, {})));
  const NodeId hub = nodes[0];
  ok(t->commit());
  t.reset();

  // The model: the hub's relationships as (type, other, rel), and each relationship's ends.
  std::set<std::tuple<uint32_t, uint64_t, uint64_t>> out;
  std::map<uint64_t, std::pair<uint32_t, uint64_t>> rels;  // rel -> (type, other)
  auto verify = [&]() {
    auto r = f.read();
    std::vector<std::pair<uint64_t, uint64_t>> want;
    for (auto [type, other, rel] : out) want.emplace_back(other, rel);
    CHECK(ends_of(r->expand(hub, Direction::kOutgoing)) == want);
    // Each type's ends alone.
    for (TypeId type : {x, y}) {
      std::vector<std::pair<uint64_t, uint64_t>> of_type;
      for (auto [ty, other, rel] : out)
        if (ty == to_underlying(type)) of_type.emplace_back(other, rel);
      CHECK(ends_of(r->expand(hub, Direction::kOutgoing, type)) == of_type);
    }
    // One cursor moved by reset() between types, nodes and no type (an expansion reuses its
    // cursor row after row) yields what a new one does.
    auto moved = r->expand(nodes[1], Direction::kOutgoing);
    for (std::optional<TypeId> type : {std::optional{y}, std::optional<TypeId>(), std::optional{x},
                                       std::optional{y}, std::optional{x}}) {
      moved.reset(hub, Direction::kOutgoing, type);
      std::vector<std::pair<uint64_t, uint64_t>> got;
      for (; moved.valid(); moved.next())
        got.emplace_back(to_underlying(moved.entry().other), to_underlying(moved.entry().rel));
      CHECK(moved.status().ok());
      CHECK(got == ends_of(r->expand(hub, Direction::kOutgoing, type)));
      moved.reset(nodes[1], Direction::kIncoming, type);  // another list between
    }
    // Chunks never hold more than kMaxEntries and add up to the list.
    uint64_t sum = 0;
    for (uint64_t n : chunk_sizes(*f.graph, hub, Direction::kOutgoing)) {
      CHECK(n >= 1);
      CHECK(n <= adjacency_chunk::kMaxEntries);
      sum += n;
    }
    CHECK(sum == out.size());
    // The degree cursor adds up the chunks.
    uint64_t degree = 0, degree_y = 0;
    for (auto c = r->degrees(Direction::kOutgoing, std::nullopt); c.valid(); c.next())
      if (c.node() == hub) degree = c.degree();
    for (auto c = r->degrees(Direction::kOutgoing, std::vector{y}); c.valid(); c.next())
      if (c.node() == hub) degree_y = c.degree();
    CHECK(degree == out.size());
    CHECK(degree_y == static_cast<uint64_t>(std::count_if(out.begin(), out.end(), [&](auto& e) {
            return std::get<0>(e) == to_underlying(y);
          })));
    // Both directions at once: the hub's ends, then those pointing at it (self-loops yielded once).
    CHECK(ends_of(r->expand(hub, Direction::kBoth)).size() == out.size());
    require_consistent(*f.graph);
  };

  for (int round = 0; round < 12; ++round) {
    t = f.write();
    const int ops = 60 + static_cast<int>(rng() % 120);
    for (int i = 0; i < ops; ++i) {
      if (!rels.empty() && rng() % 3 == 0) {  // delete a random relationship of the hub
        auto it = rels.begin();
        std::advance(it, static_cast<long>(rng() % rels.size()));
        ok(t->delete_relationship(RelId{it->first}));
        out.erase({it->second.first, it->second.second, it->first});
        rels.erase(it);
      } else {  // add one, to a random other node (repeats make multi-edges), mostly type X
        TypeId type = rng() % 4 == 0 ? y : x;
        NodeId other = nodes[rng() % nodes.size()];
        RelId rel = get(t->create_relationship(hub, type, other, {}));
        out.insert({to_underlying(type), to_underlying(other), to_underlying(rel)});
        rels[to_underlying(rel)] = {to_underlying(type), to_underlying(other)};
      }
    }
    // The transaction sees its own changes to chunks through its batch.
    std::vector<std::pair<uint64_t, uint64_t>> want;
    for (auto [type, other, rel] : out) want.emplace_back(other, rel);
    CHECK(ends_of(t->expand(hub, Direction::kOutgoing)) == want);
    ok(t->commit());
    t.reset();
    verify();
    if (round % 4 == 1) ok(f.graph->store().flush());
    if (round % 4 == 3) f.reopen();
  }
  // Delete everything: no chunk is left.
  t = f.write();
  for (auto [rel, ends] : rels) ok(t->delete_relationship(RelId{rel}));
  ok(t->commit());
  t.reset();
  out.clear();
  rels.clear();
  verify();
  KvTransaction kv(f.graph->store(), KvTransaction::Mode::kRead);
  CHECK_FALSE(kv.scan(Cf::kAdj, "", "").valid());
}

TEST_CASE("adjacency: a hub's list grows in order, backwards and forwards, in full chunks",
          "[engine][adjacency]") {
  Fixture f;
  auto t = f.write();
  TypeId x = get(t->intern_type("X"));
  NodeId hub = get(t->create_node({}, {}));
  std::vector<NodeId> others;
  for (int i = 0; i < 600; ++i) others.push_back(get(t->create_node({}, {})));
  // Relationships to others in descending node order: each new end goes first in the list.
  for (auto it = others.rbegin(); it != others.rend(); ++it)
    get(t->create_relationship(hub, x, *it, {}));
  ok(t->commit());
  t.reset();
  auto sizes = chunk_sizes(*f.graph, hub, Direction::kOutgoing);
  uint64_t sum = 0;
  for (uint64_t n : sizes) sum += n;
  CHECK(sum == 600);
  // Splits leave chunks at least half full: 600 ends in at most 600 / 64 + 1 chunks.
  CHECK(sizes.size() <= 10);
  auto r = f.read();
  auto ends = ends_of(r->expand(hub, Direction::kOutgoing));
  REQUIRE(ends.size() == 600);
  CHECK(std::is_sorted(ends.begin(), ends.end()));
  // Every other has the hub once in its incoming list.
  CHECK(ends_of(r->expand(others[17], Direction::kIncoming)).size() == 1);
  require_consistent(*f.graph);
}

TEST_CASE("adjacency: a graph of format version 1 reads as it is and is raised at its first write",
          "[engine][adjacency]") {
  TempDir dir;
  const std::string path = dir.sub("g");
  NodeId a, b;
  TypeId x;
  std::vector<RelId> rels;
  {
    auto g = get(Graph::open(path, Options()));
    auto t = get(g->begin_write());
    x = get(t->intern_type("X"));
    a = get(t->create_node({}, {}));
    b = get(t->create_node({}, {}));
    for (int i = 0; i < 3; ++i) rels.push_back(get(t->create_relationship(a, x, b, {})));
    ok(t->commit());
  }
  // Rewrite the adjacency as kg of version 1 wrote it (one key per end, empty values), and lower
  // the header to version 1.
  {
    rocksdb::DBOptions options;
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies(options, path, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const auto& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(options, path, descriptors, &handles, &raw).ok());
    std::map<std::string, rocksdb::ColumnFamilyHandle*> cfs;
    for (size_t i = 0; i < names.size(); ++i) cfs[names[i]] = handles[i];
    rocksdb::WriteBatch batch;
    {
      std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions(), cfs["adj"]));
      int chunks = 0;
      for (it->SeekToFirst(); it->Valid(); it->Next(), ++chunks)
        batch.Delete(cfs["adj"], it->key());
      CHECK(chunks == 2);  // a's outgoing list and b's incoming one, three ends each
    }
    for (RelId rel : rels) {
      batch.Put(cfs["adj"], keys::adj_key(a, Direction::kOutgoing, x, b, rel), "");
      batch.Put(cfs["adj"], keys::adj_key(b, Direction::kIncoming, x, a, rel), "");
    }
    std::string header;
    REQUIRE(raw->Get(rocksdb::ReadOptions(), cfs["meta"], keys::kMetaHeader, &header).ok());
    std::string lowered = header.substr(0, 8);
    coding::put_u32be(lowered, 1);
    lowered += header.substr(12);
    batch.Put(cfs["meta"], keys::kMetaHeader, lowered);
    REQUIRE(raw->Write(rocksdb::WriteOptions(), &batch).ok());
    for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
    delete raw;
  }
  auto header_version = [&](Graph& g) {
    KvTransaction kv(g.store(), KvTransaction::Mode::kRead);
    auto h = get(kv.get(Cf::kMeta, keys::kMetaHeader));
    REQUIRE(h.has_value());
    return coding::get_u32be(h->data() + 8);
  };
  auto g = get(Graph::open(path, Options()));
  auto u = [](auto id) { return static_cast<uint64_t>(to_underlying(id)); };
  std::vector<std::pair<uint64_t, uint64_t>> three{
      {u(b), u(rels[0])}, {u(b), u(rels[1])}, {u(b), u(rels[2])}};
  CHECK(ends_of(get(g->begin_read())->expand(a, Direction::kOutgoing)) == three);
  CHECK(header_version(*g) == 1);
  require_consistent(*g);  // version 1 entries are chunks of one end
  // The first write (its ends join the version-1 entries' chunks) raises the header.
  auto t = get(g->begin_write());
  ok(t->delete_relationship(rels[1]));
  RelId added = get(t->create_relationship(a, x, b, {}));
  ok(t->commit());
  t.reset();
  CHECK(header_version(*g) == kFormatVersion);
  std::vector<std::pair<uint64_t, uint64_t>> now{
      {u(b), u(rels[0])}, {u(b), u(rels[2])}, {u(b), u(added)}};
  CHECK(ends_of(get(g->begin_read())->expand(a, Direction::kOutgoing)) == now);
  require_consistent(*g);
}
