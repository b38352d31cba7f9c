// Tests of engine/storage/key_codec: the byte layout of every key, prefix_successor, and the
// order-preserving value encoding of the property index, checked against a reference comparator
// written here from the contract in key_codec.hpp.
#include "engine/storage/key_codec.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace kg::engine {
namespace {

constexpr uint64_t kSeed = 0x6b67'6b65'7973'0001;  // "kgkeys"
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDenormMin = std::numeric_limits<double>::denorm_min();
constexpr int64_t kTwo53 = int64_t{1} << 53;
constexpr double kTwo63 = 9.2233720368547758e18;  // 2^63, one above INT64_MAX
// The largest double below 2^63, an integer: 2^63 - 1024.
constexpr int64_t kBelowTwo63 = INT64_MAX - 1023;

std::string hex(std::string_view s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xf]);
  }
  return out;
}

std::string ord(const Value& v) {
  std::string out;
  keys::append_ordered_value(out, v);
  return out;
}

int sign(int x) { return (x > 0) - (x < 0); }

// Bytewise (unsigned) three-way comparison, as RocksDB's default comparator.
int bytewise(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  int c = n == 0 ? 0 : std::memcmp(a.data(), b.data(), n);
  if (c != 0) return sign(c);
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// An unambiguous rendering: exact floats, strings with non-printable bytes as \xNN.
std::string show_string(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7f || c == '\'' || c == '\\') {
      static constexpr char kDigits[] = "0123456789abcdef";
      out += "\\x";
      out.push_back(kDigits[b >> 4]);
      out.push_back(kDigits[b & 0xf]);
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

std::string show(const Value& v) {
  switch (v.type()) {
    case ValueType::kInt:
      return std::to_string(v.as_int());
    case ValueType::kFloat:
      return format_float(v.as_float());
    case ValueType::kString:
      return show_string(v.as_string());
    case ValueType::kList: {
      std::string out = "[";
      for (const Value& e : v.as_list()) out += (out.size() > 1 ? ", " : "") + show(e);
      return out + "]";
    }
    case ValueType::kMap: {
      std::string out = "{";
      for (const auto& [k, e] : v.as_map())
        out += (out.size() > 1 ? ", " : "") + show_string(k) + ": " + show(e);
      return out + "}";
    }
    default:
      return v.to_literal();
  }
}

// --- the reference order -------------------------------------------------------------------------
// Kinds in Cypher's orderability order: map < list < string < boolean < number; null (allowed only
// inside lists and maps) sorts after everything.
int kind_rank(const Value& v) {
  switch (v.type()) {
    case ValueType::kMap:
      return 0;
    case ValueType::kList:
      return 1;
    case ValueType::kString:
      return 2;
    case ValueType::kBool:
      return 3;
    case ValueType::kInt:
    case ValueType::kFloat:
      return 4;
    case ValueType::kNull:
      return 5;
    default:
      FAIL("not an indexable value: " << v.to_literal());
      return -1;
  }
}

// Exact comparison of an int64 with a non-NaN double, without rounding the int.
int compare_int_double(int64_t i, double d) {
  if (d >= kTwo63) return -1;    // also +inf
  if (d < -kTwo63) return 1;     // also -inf
  double floor = std::floor(d);  // an integer in [-2^63, 2^63): exact as an int64
  auto f = static_cast<int64_t>(floor);
  if (i != f) return i < f ? -1 : 1;
  return d > floor ? -1 : 0;
}

int compare_numbers(const Value& a, const Value& b) {
  bool a_nan = a.is_float() && std::isnan(a.as_float());
  bool b_nan = b.is_float() && std::isnan(b.as_float());
  if (a_nan || b_nan) return a_nan == b_nan ? 0 : a_nan ? 1 : -1;  // NaN above everything
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
  if (a.is_float() && b.is_float())  // -0.0 == 0.0
    return a.as_float() < b.as_float() ? -1 : a.as_float() > b.as_float();
  if (a.is_int()) return compare_int_double(a.as_int(), b.as_float());
  return -compare_int_double(b.as_int(), a.as_float());
}

int reference_compare(const Value& a, const Value& b) {
  int ka = kind_rank(a), kb = kind_rank(b);
  if (ka != kb) return ka < kb ? -1 : 1;
  switch (a.type()) {
    case ValueType::kNull:
      return 0;
    case ValueType::kBool:
      return int{a.as_bool()} - int{b.as_bool()};
    case ValueType::kInt:
    case ValueType::kFloat:
      return compare_numbers(a, b);
    case ValueType::kString:
      return bytewise(a.as_string(), b.as_string());
    case ValueType::kList: {
      // Lexicographic, a proper prefix first.
      const List& x = a.as_list();
      const List& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (int c = reference_compare(x[i], y[i])) return c;
      return x.size() < y.size() ? -1 : x.size() > y.size();
    }
    case ValueType::kMap: {
      // Entries in key order, compared lexicographically (key, then value); a proper prefix first.
      auto i = a.as_map().begin(), ie = a.as_map().end();
      auto j = b.as_map().begin(), je = b.as_map().end();
      for (; i != ie && j != je; ++i, ++j) {
        if (int c = bytewise(i->first, j->first)) return c;
        if (int c = reference_compare(i->second, j->second)) return c;
      }
      return i == ie ? (j == je ? 0 : -1) : 1;
    }
    default:
      return 0;
  }
}

const char* order_name(int c) { return c < 0 ? "<" : c > 0 ? ">" : "=="; }

// Compares every pair of `pool`; "" when the bytewise order of the encodings agrees with the
// reference order everywhere, else the first few disagreements and their number.
std::string order_mismatches(const std::vector<Value>& pool) {
  std::vector<std::string> enc;
  for (const Value& v : pool) enc.push_back(ord(v));
  size_t count = 0;
  std::string out;
  for (size_t i = 0; i < pool.size(); ++i) {
    for (size_t j = 0; j < pool.size(); ++j) {
      int want = reference_compare(pool[i], pool[j]);
      int got = bytewise(enc[i], enc[j]);
      if (want == got) continue;
      if (count++ < 5)
        out += show(pool[i]) + " vs " + show(pool[j]) + ": should be " + order_name(want) +
               ", encodings are " + order_name(got) + " (" + hex(enc[i]) + " vs " + hex(enc[j]) +
               ")\n";
    }
  }
  if (count > 0)
    out += std::to_string(count) + " of " + std::to_string(pool.size() * pool.size()) +
           " ordered pairs disagree";
  return out;
}

// "" when no encoding of the pool is a proper prefix of another's, else the first few offenders.
std::string prefix_violations(const std::vector<Value>& pool) {
  std::vector<std::pair<std::string, size_t>> enc;
  for (size_t i = 0; i < pool.size(); ++i) enc.emplace_back(ord(pool[i]), i);
  std::sort(enc.begin(), enc.end());
  // If a is a proper prefix of b, every key sorted between them starts with a too, so it is enough
  // to look at the next distinct encoding.
  size_t count = 0;
  std::string out;
  for (size_t i = 0; i < enc.size(); ++i) {
    size_t j = i + 1;
    while (j < enc.size() && enc[j].first == enc[i].first) ++j;
    if (j == enc.size() || !enc[j].first.starts_with(enc[i].first)) continue;
    if (count++ < 5)
      out += "enc(" + show(pool[enc[i].second]) + ") = " + hex(enc[i].first) +
             " is a proper prefix of enc(" + show(pool[enc[j].second]) +
             ") = " + hex(enc[j].first) + "\n";
  }
  if (count > 0) out += std::to_string(count) + " encodings are prefixes of others";
  return out;
}

// --- random values -------------------------------------------------------------------------------

int64_t saturating_add(int64_t a, int64_t b) {
  __int128 s = static_cast<__int128>(a) + b;
  if (s > INT64_MAX) return INT64_MAX;
  if (s < INT64_MIN) return INT64_MIN;
  return static_cast<int64_t>(s);
}

const std::vector<int64_t>& edge_ints() {
  static const std::vector<int64_t> v = {0,
                                         1,
                                         -1,
                                         2,
                                         kTwo53 - 1,
                                         kTwo53,
                                         kTwo53 + 1,
                                         kTwo53 + 2,
                                         kTwo53 + 3,
                                         -kTwo53 - 1,
                                         -kTwo53,
                                         -kTwo53 + 1,
                                         kBelowTwo63,
                                         kBelowTwo63 - 1,
                                         kBelowTwo63 + 1,
                                         INT64_MAX - 512,
                                         INT64_MAX - 513,
                                         INT64_MAX - 511,
                                         INT64_MAX - 1,
                                         INT64_MAX,
                                         INT64_MIN,
                                         INT64_MIN + 1,
                                         INT64_MIN + 1024,
                                         INT64_MIN + 1025,
                                         int64_t{1} << 62,
                                         (int64_t{1} << 62) + 1,
                                         -(int64_t{1} << 62) - 1};
  return v;
}

const std::vector<double>& edge_doubles() {
  static const std::vector<double> v = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      0.5,
      -0.5,
      9007199254740992.0,  // 2^53
      9007199254740994.0,  // 2^53 + 2
      -9007199254740992.0,
      kTwo63,
      -kTwo63,
      std::nextafter(kTwo63, 0.0),
      std::nextafter(-kTwo63, -kInf),
      std::nextafter(-kTwo63, 0.0),
      DBL_MAX,
      -DBL_MAX,
      DBL_MIN,
      -DBL_MIN,
      kDenormMin,
      -kDenormMin,
      2 * kDenormMin,
      std::bit_cast<double>(uint64_t{0x000fffffffffffff}),  // the largest denormal
      kInf,
      -kInf,
      kNaN,
      -kNaN,
      std::bit_cast<double>(uint64_t{0x7ff0000000000001}),  // a signalling NaN
      std::bit_cast<double>(uint64_t{0xfff800000000beef}),
  };
  return v;
}

Value random_number(std::mt19937_64& rng) {
  static const int64_t kAnchors[] = {0,
                                     kTwo53,
                                     -kTwo53,
                                     int64_t{1} << 54,
                                     int64_t{1} << 62,
                                     -(int64_t{1} << 62),
                                     kBelowTwo63,
                                     INT64_MAX,
                                     INT64_MIN,
                                     (int64_t{1} << 60) + 12345};
  auto near_anchor = [&] {
    int64_t anchor = kAnchors[rng() % std::size(kAnchors)];
    return saturating_add(anchor, static_cast<int64_t>(rng() % 3001) - 1500);
  };
  switch (rng() % 10) {
    case 0:
      return Value(static_cast<int64_t>(rng()));
    case 1:
      return Value(std::bit_cast<double>(rng()));  // any bits: NaN, inf, denormal included
    case 2:
      return Value(static_cast<int64_t>(rng() % 7) - 3);
    case 3:
      return Value((static_cast<double>(rng() % 25) - 12) / 4);
    case 4:
    case 5:
      return Value(near_anchor());
    case 6:
    case 7: {
      double d = static_cast<double>(near_anchor());
      for (int steps = rng() % 3; steps > 0; --steps)
        d = std::nextafter(d, rng() % 2 ? kInf : -kInf);
      return Value(d);
    }
    case 8:
      return Value(edge_doubles()[rng() % edge_doubles().size()]);
    default:
      return Value(edge_ints()[rng() % edge_ints().size()]);
  }
}

// Short strings over bytes that stress the escaping: NUL, 0x01, 0xff and friends.
std::string random_key_string(std::mt19937_64& rng) {
  static const char kAlphabet[] = {'\0', '\x01', '\x02', 'a', 'b', '\xfe', '\xff'};
  std::string s(rng() % 5, '\0');
  for (char& c : s) c = kAlphabet[rng() % sizeof(kAlphabet)];
  return s;
}

// Map keys: the full alphabet, or only keys that start with a byte above 0x01.
std::string random_map_key(std::mt19937_64& rng, bool any_key) {
  std::string k = random_key_string(rng);
  if (!any_key && (k.empty() || static_cast<unsigned char>(k[0]) < 2)) k.insert(k.begin(), 'a');
  return k;
}

Value random_element(std::mt19937_64& rng, int depth, bool any_key);

List random_list(std::mt19937_64& rng, int depth, bool any_key) {
  List l;
  for (size_t n = rng() % 4; n > 0; --n) l.push_back(random_element(rng, depth + 1, any_key));
  return l;
}

Map random_map(std::mt19937_64& rng, int depth, bool any_key) {
  Map m;
  for (size_t n = rng() % 4; n > 0; --n)
    m.insert_or_assign(random_map_key(rng, any_key), random_element(rng, depth + 1, any_key));
  return m;
}

// An element of a list or map: any kind, null included, small so that equal prefixes are common.
Value random_element(std::mt19937_64& rng, int depth, bool any_key) {
  switch (rng() % (depth >= 3 ? 6 : 8)) {
    case 0:
      return Value();
    case 1:
      return Value(rng() % 2 == 0);
    case 2:
      return Value(static_cast<int64_t>(rng() % 3));
    case 3:
      return Value(static_cast<double>(rng() % 5) / 2);  // 0.0, 0.5, 1.0, ...
    case 4:
      return Value(random_number(rng));
    case 5:
      return Value(random_key_string(rng));
    case 6:
      return Value(random_list(rng, depth, any_key));
    default:
      return Value(random_map(rng, depth, any_key));
  }
}

std::vector<Value> number_pool(std::mt19937_64& rng) {
  std::vector<Value> pool;
  for (int64_t i : edge_ints()) pool.emplace_back(i);
  for (double d : edge_doubles()) pool.emplace_back(d);
  while (pool.size() < 600) pool.push_back(random_number(rng));
  return pool;
}

std::vector<Value> string_pool(std::mt19937_64& rng) {
  std::vector<Value> pool = {"",
                             "a",
                             std::string("a\0", 2),
                             "ab",
                             std::string("\0", 1),
                             std::string("\0\0", 2),
                             std::string("\0\xff", 2),
                             "\x01",
                             "\xff",
                             "\xff\xff",
                             "é",
                             "東京"};
  while (pool.size() < 400) pool.emplace_back(random_key_string(rng));
  return pool;
}

std::vector<Value> list_pool(std::mt19937_64& rng, bool any_key) {
  std::vector<Value> pool = {List{},  List{Value()}, List{1},   List{1.0},  List{1, 2},
                             List{2}, List{List{}},  List{"a"}, List{Map{}}};
  while (pool.size() < 400) pool.emplace_back(random_list(rng, 0, any_key));
  return pool;
}

std::vector<Value> map_pool(std::mt19937_64& rng, bool any_key) {
  std::vector<Value> pool = {
      Map{},         Map{{"a", 1}},      Map{{"a", 1.0}}, Map{{"a", 2}}, Map{{"a", 1}, {"b", 1}},
      Map{{"b", 0}}, Map{{"a", Value()}}};
  while (pool.size() < 400) pool.emplace_back(random_map(rng, 0, any_key));
  return pool;
}

// =================================================================================================
// Key layouts

TEST_CASE("key_codec: node and relationship keys are the big-endian id", "[engine][key_codec]") {
  CHECK(hex(keys::node_key(NodeId{0x0102030405060708})) == "0102030405060708");
  CHECK(hex(keys::rel_key(RelId{0xff})) == "00000000000000ff");
  std::mt19937_64 rng(kSeed);
  INFO("seed " << kSeed);
  std::vector<uint64_t> ids = {0, 1, 255, 256, UINT64_MAX - 1, UINT64_MAX};
  for (int i = 0; i < 200; ++i) ids.push_back(rng() >> (rng() % 64));
  for (uint64_t id : ids) {
    CAPTURE(id);
    std::string nk = keys::node_key(NodeId{id});
    std::string rk = keys::rel_key(RelId{id});
    CHECK(nk.size() == 8);
    CHECK(rk == nk);
    CHECK(keys::decode_node_key(nk) == NodeId{id});
    CHECK(keys::decode_rel_key(rk) == RelId{id});
    for (uint64_t other : ids) REQUIRE((nk < keys::node_key(NodeId{other})) == (id < other));
  }
  CHECK_FALSE(keys::decode_node_key("").has_value());
  CHECK_FALSE(keys::decode_node_key(std::string(7, '\0')).has_value());
  CHECK_FALSE(keys::decode_node_key(std::string(9, '\0')).has_value());
  CHECK_FALSE(keys::decode_rel_key(std::string(7, '\0')).has_value());
  CHECK_FALSE(keys::decode_rel_key(std::string(9, '\0')).has_value());
}

TEST_CASE("key_codec: label_nodes keys are label then node", "[engine][key_codec]") {
  std::string k = keys::label_node_key(LabelId{0x0a0b0c0d}, NodeId{5});
  CHECK(hex(k) ==
        "0a0b0c0d"
        "0000000000000005");
  CHECK(k.size() == keys::kLabelNodesKeySize);
  CHECK(keys::label_prefix(LabelId{0x0a0b0c0d}).size() == keys::kLabelNodesPrefixSize);
  CHECK(k.starts_with(keys::label_prefix(LabelId{0x0a0b0c0d})));
  CHECK(keys::decode_label_node_key(k) == NodeId{5});
  CHECK(keys::decode_label_node_key(
            keys::label_node_key(LabelId{UINT32_MAX}, NodeId{UINT64_MAX})) == NodeId{UINT64_MAX});
  CHECK_FALSE(keys::decode_label_node_key(k.substr(0, 11)).has_value());
  CHECK_FALSE(keys::decode_label_node_key(k + "x").has_value());
  // All nodes of a label form one range: [prefix, successor(prefix)).
  std::string end = keys::prefix_successor(keys::label_prefix(LabelId{7}));
  CHECK(keys::label_node_key(LabelId{7}, NodeId{UINT64_MAX}) < end);
  CHECK(keys::label_node_key(LabelId{8}, NodeId{0}) >= end);
  CHECK(keys::label_node_key(LabelId{6}, NodeId{UINT64_MAX}) < keys::label_prefix(LabelId{7}));
}

TEST_CASE("key_codec: adjacency keys", "[engine][key_codec]") {
  std::string k = keys::adj_key(NodeId{1}, Direction::kIncoming, TypeId{0x0a0b0c0d}, NodeId{2},
                                RelId{0x0102030405060708});
  CHECK(hex(k) ==
        "0000000000000001"
        "01"
        "0a0b0c0d"
        "0000000000000002"
        "0102030405060708");
  CHECK(k.size() == keys::kAdjKeySize);
  CHECK(keys::adj_prefix(NodeId{1}, Direction::kIncoming).size() == keys::kAdjPrefixSize);
  CHECK(k.starts_with(keys::adj_prefix(NodeId{1}, Direction::kIncoming)));
  CHECK(k.starts_with(keys::adj_prefix(NodeId{1}, Direction::kIncoming, TypeId{0x0a0b0c0d})));
  CHECK(keys::adj_prefix(NodeId{1}, Direction::kIncoming, TypeId{0x0a0b0c0d}).size() == 13);
  CHECK_FALSE(k.starts_with(keys::adj_prefix(NodeId{1}, Direction::kOutgoing)));
  // A node's outgoing entries come before its incoming ones, and before the next node's.
  CHECK(keys::adj_key(NodeId{1}, Direction::kOutgoing, TypeId{UINT32_MAX}, NodeId{UINT64_MAX},
                      RelId{UINT64_MAX}) < keys::adj_prefix(NodeId{1}, Direction::kIncoming));
  CHECK(k < keys::adj_prefix(NodeId{2}, Direction::kOutgoing));

  std::mt19937_64 rng(kSeed + 1);
  INFO("seed " << kSeed + 1);
  for (int i = 0; i < 1000; ++i) {
    NodeId node{i % 3 == 0 ? UINT64_MAX : rng()};
    Direction dir = rng() % 2 ? Direction::kOutgoing : Direction::kIncoming;
    TypeId type{static_cast<uint32_t>(i % 5 == 0 ? UINT32_MAX : rng())};
    NodeId other{rng() >> (rng() % 64)};
    RelId rel{i % 7 == 0 ? 0 : rng()};
    CAPTURE(i, to_underlying(node), int(dir), to_underlying(type), to_underlying(other),
            to_underlying(rel));
    std::string key = keys::adj_key(node, dir, type, other, rel);
    auto e = keys::decode_adj_key(key);
    REQUIRE(e.has_value());
    REQUIRE(e->direction == dir);
    REQUIRE(e->type == type);
    REQUIRE(e->other == other);
    REQUIRE(e->rel == rel);
    REQUIRE(key.starts_with(keys::adj_prefix(node, dir, type)));
    std::string end = keys::prefix_successor(keys::adj_prefix(node, dir, type));
    REQUIRE((end.empty() || key < end));
  }

  std::string bad_dir = k;
  bad_dir[8] = '\x02';
  CHECK_FALSE(keys::decode_adj_key(bad_dir).has_value());
  bad_dir[8] = '\xff';
  CHECK_FALSE(keys::decode_adj_key(bad_dir).has_value());
  CHECK_FALSE(keys::decode_adj_key(k.substr(0, 28)).has_value());
  CHECK_FALSE(keys::decode_adj_key(k + "x").has_value());
  CHECK_FALSE(keys::decode_adj_key("").has_value());
}

TEST_CASE("key_codec: property index keys", "[engine][key_codec]") {
  LabelId label{0x01020304};
  PropKeyId key{0x05060708};
  CHECK(hex(keys::index_prefix(label, key)) ==
        "01020304"
        "05060708");
  CHECK(keys::index_prefix(label, key).size() == keys::kPropIndexPrefixSize);
  CHECK(keys::index_value_prefix(label, key, Value("a")) ==
        keys::index_prefix(label, key) + ord(Value("a")));
  std::string k = keys::index_key(label, key, Value("a"), NodeId{9});
  CHECK(hex(k) ==
        "01020304"
        "05060708"
        "30"
        "610001"
        "0000000000000009");
  CHECK(keys::decode_index_key_node(k) == NodeId{9});
  CHECK(keys::decode_index_key_node(keys::index_key(label, key, List{}, NodeId{UINT64_MAX})) ==
        NodeId{UINT64_MAX});
  CHECK_FALSE(keys::decode_index_key_node("").has_value());
  CHECK_FALSE(keys::decode_index_key_node(std::string(16, '\0')).has_value());
  CHECK(keys::decode_index_key_node(std::string(17, '\0')) == NodeId{0});

  // An equality seek for 1 finds the entry of 1.0 and of -0.0 for 0, and nothing else.
  CHECK(keys::index_value_prefix(label, key, 1) == keys::index_value_prefix(label, key, 1.0));
  CHECK(keys::index_key(label, key, 1.0, NodeId{3})
            .starts_with(keys::index_value_prefix(label, key, 1)));
  CHECK(keys::index_key(label, key, -0.0, NodeId{3})
            .starts_with(keys::index_value_prefix(label, key, 0)));
  CHECK_FALSE(keys::index_key(label, key, "ab", NodeId{3})
                  .starts_with(keys::index_value_prefix(label, key, "a")));
  CHECK_FALSE(keys::index_key(label, key, List{1, 2}, NodeId{3})
                  .starts_with(keys::index_value_prefix(label, key, List{1})));
}

TEST_CASE("key_codec: index keys sort by value, then node id", "[engine][key_codec]") {
  std::mt19937_64 rng(kSeed + 2);
  INFO("seed " << kSeed + 2);
  std::vector<std::pair<Value, NodeId>> entries;
  for (int i = 0; i < 300; ++i) {
    Value v;
    switch (rng() % 5) {
      case 0:
        v = random_number(rng);
        break;
      case 1:
        v = random_key_string(rng);
        break;
      case 2:
        v = Value(rng() % 2 == 0);
        break;
      case 3:
        v = random_list(rng, 1, false);
        break;
      default:
        v = random_map(rng, 1, false);
        break;
    }
    // Node ids at both extremes, so that a value's encoding followed by 0xff.. or 0x00.. is tried.
    NodeId node{rng() % 3 == 0 ? 0 : rng() % 3 == 0 ? UINT64_MAX : rng()};
    entries.emplace_back(std::move(v), node);
  }
  LabelId label{3};
  PropKeyId key{4};
  size_t failures = 0;
  std::string first;
  for (const auto& [a, na] : entries) {
    std::string ka = keys::index_key(label, key, a, na);
    for (const auto& [b, nb] : entries) {
      std::string kb = keys::index_key(label, key, b, nb);
      int want = reference_compare(a, b);
      if (want == 0) want = na < nb ? -1 : na > nb;
      if (bytewise(ka, kb) != want && failures++ == 0)
        first = show(a) + " @" + std::to_string(to_underlying(na)) + " vs " + show(b) + " @" +
                std::to_string(to_underlying(nb)) + " should be " + order_name(want);
    }
  }
  INFO(first);
  CHECK(failures == 0);
}

TEST_CASE("key_codec: catalog and meta keys", "[engine][key_codec]") {
  CHECK(keys::catalog_name_key(NameKind::kLabel, "Company") == "\x01NCompany");
  CHECK(keys::catalog_name_key(NameKind::kPropKey, "") == "\x03N");
  CHECK(hex(keys::catalog_id_key(NameKind::kType, 0x01020304)) ==
        "02"
        "49"
        "01020304");
  CHECK(hex(keys::catalog_index_key(LabelId{1}, PropKeyId{2})) ==
        "10"
        "00000001"
        "00000002");
  CHECK(keys::meta_label_count_key(LabelId{1}) == std::string("stat/label/\0\0\0\x01", 15));
  CHECK(keys::meta_type_count_key(TypeId{0x41424344}) == "stat/type/ABCD");
  // Name keys and id keys of a kind are separate ranges.
  CHECK(keys::catalog_id_key(NameKind::kLabel, UINT32_MAX) <
        keys::catalog_name_key(NameKind::kLabel, ""));
}

TEST_CASE("key_codec: prefix_successor", "[engine][key_codec]") {
  CHECK(keys::prefix_successor("") == "");
  CHECK(keys::prefix_successor("a") == "b");
  CHECK(keys::prefix_successor("ab") == "ac");
  CHECK(keys::prefix_successor("a\xfe") == "a\xff");
  CHECK(keys::prefix_successor("a\xff") == "b");
  CHECK(keys::prefix_successor("a\xff\xff\xff") == "b");
  CHECK(keys::prefix_successor(std::string("\0", 1)) == "\x01");
  CHECK(keys::prefix_successor(std::string("\0\xff", 2)) == "\x01");
  CHECK(keys::prefix_successor("\x7f") == "\x80");
  CHECK(keys::prefix_successor("\xff") == "");
  CHECK(keys::prefix_successor(std::string(8, '\xff')) == "");
  CHECK(keys::prefix_successor(keys::node_key(NodeId{UINT64_MAX})) == "");
  CHECK(keys::prefix_successor(keys::node_key(NodeId{0x00ff})) ==
        keys::node_key(NodeId{0x0100}).substr(0, 7));

  // The defining property: k starts with p iff p <= k < successor(p) ("" meaning no bound).
  std::mt19937_64 rng(kSeed + 3);
  INFO("seed " << kSeed + 3);
  static const char kAlphabet[] = {'\0', '\x01', '\x7f', '\x80', '\xfe', '\xff'};
  auto random_string = [&](size_t max_len) {
    std::string s(rng() % (max_len + 1), '\0');
    for (char& c : s) c = kAlphabet[rng() % sizeof(kAlphabet)];
    return s;
  };
  for (int i = 0; i < 300; ++i) {
    std::string p = random_string(3);
    std::string succ = keys::prefix_successor(p);
    CAPTURE(hex(p), hex(succ));
    if (!succ.empty()) CHECK(bytewise(p, succ) < 0);
    for (int j = 0; j < 50; ++j) {
      std::string k = rng() % 2 ? p + random_string(3) : random_string(5);
      CAPTURE(hex(k));
      bool in_range = bytewise(p, k) <= 0 && (succ.empty() || bytewise(k, succ) < 0);
      REQUIRE(k.starts_with(p) == in_range);
    }
  }
}

// =================================================================================================
// The order-preserving value encoding

TEST_CASE("key_codec: ordered encoding bytes of each kind", "[engine][key_codec]") {
  // PERSISTENT FORMAT (index keys).
  CHECK(hex(ord(false)) == "4000");
  CHECK(hex(ord(true)) == "4001");
  CHECK(hex(ord("")) == "300001");
  CHECK(hex(ord(std::string("a\0", 2))) ==
        "30"
        "6100ff"
        "0001");
  CHECK(hex(ord(List{})) == "2001");
  CHECK(hex(ord(List{Value()})) ==
        "20"
        "60"
        "01");
  CHECK(hex(ord(Map{})) == "1001");
  // Each map entry: the key tagged like a string value, then the value.
  CHECK(hex(ord(Map{{"k", true}})) ==
        "10"
        "30"
        "6b0001"
        "4001"
        "01");
  CHECK(hex(ord(Map{{"", Value()}})) ==
        "10"
        "30"
        "0001"
        "60"
        "01");
  CHECK(hex(ord(1)) ==
        "50"
        "bff0000000000000"
        "8000");
  CHECK(hex(ord(-1.0)) ==
        "50"
        "400fffffffffffff"
        "8000");
  CHECK(hex(ord(INT64_MAX)) ==
        "50"
        "c3e0000000000000"
        "7fff");  // 2^63 - 1
  for (const Value& v : {Value(0), Value(kNaN), Value(INT64_MIN), Value(-kInf), Value(kDenormMin)})
    CHECK(ord(v).size() == 11);
  // The first byte is the kind's tag.
  CHECK(ord(Map{{"a", 1}})[0] == static_cast<char>(keys::OrderedTag::kMap));
  CHECK(ord(List{1})[0] == static_cast<char>(keys::OrderedTag::kList));
  CHECK(ord("x")[0] == static_cast<char>(keys::OrderedTag::kString));
  CHECK(ord(true)[0] == static_cast<char>(keys::OrderedTag::kBool));
  CHECK(ord(2.5)[0] == static_cast<char>(keys::OrderedTag::kNumber));
  CHECK(ord(7)[0] == static_cast<char>(keys::OrderedTag::kNumber));
}

TEST_CASE("key_codec: numerically equal numbers encode identically", "[engine][key_codec]") {
  CHECK(ord(1) == ord(1.0));
  CHECK(ord(-1) == ord(-1.0));
  CHECK(ord(0) == ord(0.0));
  CHECK(ord(0) == ord(-0.0));
  CHECK(ord(0.0) == ord(-0.0));
  CHECK(ord(kTwo53) == ord(9007199254740992.0));
  CHECK(ord(kTwo53 + 2) == ord(9007199254740994.0));
  CHECK(ord(kBelowTwo63) == ord(std::nextafter(kTwo63, 0.0)));
  CHECK(ord(INT64_MIN) == ord(-kTwo63));
  CHECK(ord(kNaN) == ord(-kNaN));
  CHECK(ord(kNaN) == ord(std::bit_cast<double>(uint64_t{0x7ff800000000abcd})));
  CHECK(ord(List{1, List{2}}) == ord(List{1.0, List{2.0}}));
  CHECK(ord(Map{{"a", 0}}) == ord(Map{{"a", -0.0}}));
  // ... and different numbers do not.
  CHECK(ord(kTwo53 + 1) != ord(9007199254740992.0));
  CHECK(ord(INT64_MAX) != ord(kTwo63));
  CHECK(ord(kDenormMin) != ord(0));
  CHECK(ord(-kDenormMin) != ord(-0.0));
}

TEST_CASE("key_codec: edge numbers order exactly", "[engine][key_codec]") {
  auto lt = [](const Value& a, const Value& b) { return bytewise(ord(a), ord(b)) < 0; };
  // Infinities, NaN, the extremes.
  CHECK(lt(-kInf, -DBL_MAX));
  CHECK(lt(-DBL_MAX, INT64_MIN));
  CHECK(lt(INT64_MAX, DBL_MAX));
  CHECK(lt(DBL_MAX, kInf));
  CHECK(lt(kInf, kNaN));
  CHECK(lt(INT64_MAX, kNaN));
  CHECK(lt(-kInf, kNaN));
  // Around 2^53, where doubles start skipping integers.
  CHECK(lt(kTwo53 - 1, kTwo53));
  CHECK(lt(kTwo53 - 1, 9007199254740992.0));
  CHECK(lt(9007199254740992.0, kTwo53 + 1));
  CHECK(lt(kTwo53 + 1, 9007199254740994.0));
  CHECK(lt(kTwo53 + 1, kTwo53 + 2));
  CHECK(lt(kTwo53 + 2, kTwo53 + 3));
  CHECK(lt(-kTwo53 - 1, -9007199254740992.0));
  CHECK(lt(-9007199254740992.0, -kTwo53 + 1));
  // Around 2^63, where an int's nearest double can be above INT64_MAX.
  CHECK(lt(INT64_MAX - 1, INT64_MAX));
  CHECK(lt(INT64_MAX, kTwo63));
  CHECK(lt(INT64_MAX, 9.2233720368547758e18));
  CHECK(lt(std::nextafter(kTwo63, 0.0), INT64_MAX));
  CHECK(lt(std::nextafter(kTwo63, 0.0), kBelowTwo63 + 1));
  CHECK(lt(kBelowTwo63 - 1, std::nextafter(kTwo63, 0.0)));
  CHECK(lt(INT64_MAX - 512, INT64_MAX - 511));
  CHECK(lt(INT64_MAX - 513, INT64_MAX - 512));
  // Around -2^63.
  CHECK(lt(std::nextafter(-kTwo63, -kInf), INT64_MIN));
  CHECK(lt(INT64_MIN, INT64_MIN + 1));
  CHECK(lt(-kTwo63, INT64_MIN + 1));
  CHECK(lt(INT64_MIN + 1, std::nextafter(-kTwo63, 0.0)));
  CHECK(lt(INT64_MIN + 1024, INT64_MIN + 1025));
  // Denormals and small fractions.
  CHECK(lt(-kDenormMin, 0));
  CHECK(lt(-kDenormMin, -0.0));
  CHECK(lt(0, kDenormMin));
  CHECK(lt(kDenormMin, 2 * kDenormMin));
  CHECK(lt(std::bit_cast<double>(uint64_t{0x000fffffffffffff}), DBL_MIN));
  CHECK(lt(DBL_MIN, 1));
  CHECK(lt(0, 0.5));
  CHECK(lt(0.5, 1));
  CHECK(lt(-1, -0.5));
  CHECK(lt(-0.5, 0));
}

TEST_CASE("key_codec: randomized numbers order exactly across int and float",
          "[engine][key_codec]") {
  std::mt19937_64 rng(kSeed + 10);
  INFO("seed " << kSeed + 10);
  CHECK(order_mismatches(number_pool(rng)) == "");
}

TEST_CASE("key_codec: strings order bytewise", "[engine][key_codec]") {
  auto lt = [](std::string_view a, std::string_view b) {
    return bytewise(ord(Value(a)), ord(Value(b))) < 0;
  };
  using std::string_view_literals::operator""sv;
  CHECK(lt("", "\0"sv));
  CHECK(lt("\0"sv, "\0\0"sv));
  CHECK(lt("\0\0"sv, "\0\x01"sv));
  CHECK(lt("\0\xff"sv, "\x01"sv));
  CHECK(lt("a", "a\0"sv));
  CHECK(lt("a\0"sv, "a\0\0"sv));
  CHECK(lt("a\0"sv, "a\x01"sv));
  CHECK(lt("a\0"sv, "ab"));
  CHECK(lt("a", "ab"));
  CHECK(lt("ab", "b"));
  CHECK(lt("z", "é"));  // UTF-8 bytewise is code point order
  CHECK(lt("é", "東"));
  CHECK(lt("\xfe\xff", "\xff"));
  CHECK(lt("\xff", "\xff\xff"));

  std::mt19937_64 rng(kSeed + 11);
  INFO("seed " << kSeed + 11);
  CHECK(order_mismatches(string_pool(rng)) == "");
}

TEST_CASE("key_codec: booleans order false < true", "[engine][key_codec]") {
  CHECK(order_mismatches({Value(false), Value(true)}) == "");
  CHECK(bytewise(ord(false), ord(true)) < 0);
}

TEST_CASE("key_codec: lists order lexicographically, shorter prefix first", "[engine][key_codec]") {
  auto lt = [](const Value& a, const Value& b) { return bytewise(ord(a), ord(b)) < 0; };
  CHECK(lt(List{}, List{1}));
  CHECK(lt(List{}, List{Value()}));
  CHECK(lt(List{1}, List{1, 2}));
  CHECK(lt(List{1, 2}, List{2}));
  CHECK(lt(List{1, 2}, List{1, Value()}));  // null sorts last
  CHECK(lt(List{1, 99}, List{1.5}));
  CHECK(lt(List{"a"}, List{1}));  // string < number inside lists too
  CHECK(lt(List{List{}}, List{List{1}}));
  CHECK(lt(List{List{1}}, List{List{1}, 1}));
  CHECK(lt(List{List{9}}, List{"a"}));
  CHECK(lt(List{Map{{"z", 9}}}, List{List{}}));
  CHECK(lt(List{"a"}, List{std::string("a\0", 2)}));

  std::mt19937_64 rng(kSeed + 12);
  INFO("seed " << kSeed + 12);
  CHECK(order_mismatches(list_pool(rng, /*any_key=*/true)) == "");
}

TEST_CASE("key_codec: maps order by their entries in key order", "[engine][key_codec]") {
  auto lt = [](const Value& a, const Value& b) { return bytewise(ord(a), ord(b)) < 0; };
  CHECK(lt(Map{}, Map{{"a", 1}}));
  CHECK(lt(Map{{"a", 1}}, Map{{"a", 1}, {"b", 1}}));
  CHECK(lt(Map{{"a", 1}, {"b", 1}}, Map{{"a", 2}}));
  CHECK(lt(Map{{"a", 2}}, Map{{"b", 0}}));
  CHECK(lt(Map{{"a", 9}}, Map{{"ab", 0}}));
  CHECK(lt(Map{{"a", 1}}, Map{{"a", Value()}}));

  std::mt19937_64 rng(kSeed + 13);
  INFO("seed " << kSeed + 13);
  SECTION("keys starting with a byte above 0x01") {
    CHECK(order_mismatches(map_pool(rng, /*any_key=*/false)) == "");
  }
  SECTION("any keys") { CHECK(order_mismatches(map_pool(rng, /*any_key=*/true)) == ""); }
}

TEST_CASE("key_codec: maps with keys starting with 0x00 or 0x01, and the empty key",
          "[engine][key_codec]") {
  // Regression: map entries were once written without a leading tag, so a key starting with 0x00
  // sorted below kEnd (0x01) and {} > {'': 1}, and enc({}) was a prefix of enc({'\x01': 1}).
  // The empty map sorts before every non-empty map, whatever its first key.
  CHECK(order_mismatches({Map{}, Map{{"", 1}}}) == "");
  CHECK(order_mismatches({Map{}, Map{{std::string("\0", 1), 1}}}) == "");
  CHECK(order_mismatches({Map{}, Map{{"\x01", 1}}}) == "");
  CHECK(order_mismatches({Map{{"a", 1}}, Map{{"a", 1}, {"\x01", 1}}}) == "");
  // Self-delimiting: enc({}) must not be a prefix of another map's encoding.
  CHECK(prefix_violations({Map{}, Map{{"\x01", 1}}}) == "");
  CHECK(prefix_violations({List{Map{}}, List{Map{{std::string("\x01\0", 2), Value()}}}}) == "");
}

TEST_CASE("key_codec: kinds order map < list < string < boolean < number", "[engine][key_codec]") {
  auto lt = [](const Value& a, const Value& b) { return bytewise(ord(a), ord(b)) < 0; };
  // The largest value of each kind against the smallest of the next.
  CHECK(lt(Map{{"\xff\xff", kNaN}}, List{}));
  CHECK(lt(List{Value()}, Value("")));
  CHECK(lt(List{Value(), Value()}, Value("")));
  CHECK(lt(Value("\xff\xff\xff"), Value(false)));
  CHECK(lt(Value(true), Value(-kInf)));
  CHECK(lt(Value(true), Value(INT64_MIN)));

  std::mt19937_64 rng(kSeed + 14);
  INFO("seed " << kSeed + 14);
  std::vector<Value> pool;
  for (int i = 0; i < 120; ++i) {
    pool.push_back(random_number(rng));
    pool.emplace_back(random_key_string(rng));
    pool.emplace_back(rng() % 2 == 0);
    pool.emplace_back(random_list(rng, 0, false));
    pool.emplace_back(random_map(rng, 0, false));
  }
  CHECK(order_mismatches(pool) == "");
}

TEST_CASE("key_codec: no encoding is a proper prefix of another", "[engine][key_codec]") {
  std::mt19937_64 rng(kSeed + 15);
  INFO("seed " << kSeed + 15);
  std::vector<Value> pool = number_pool(rng);
  for (Value& v : string_pool(rng)) pool.push_back(std::move(v));
  pool.emplace_back(false);
  pool.emplace_back(true);
  SECTION("lists, and maps with keys starting with a byte above 0x01") {
    for (Value& v : list_pool(rng, false)) pool.push_back(std::move(v));
    for (Value& v : map_pool(rng, false)) pool.push_back(std::move(v));
    CHECK(prefix_violations(pool) == "");
  }
  SECTION("lists and maps with any keys") {
    for (Value& v : list_pool(rng, true)) pool.push_back(std::move(v));
    for (Value& v : map_pool(rng, true)) pool.push_back(std::move(v));
    CHECK(prefix_violations(pool) == "");
  }
}

}  // namespace
}  // namespace kg::engine
