// Tests of engine/storage/value_codec: the compact (not order-preserving) encoding of property
// values and of node and relationship records. Round trips must be exact (types, float bits,
// bytes), and malformed input must give a Corruption status, never a crash or an out-of-bounds
// read.
#include "engine/storage/value_codec.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/coding.hpp"

namespace kg::engine {
namespace {

constexpr uint64_t kSeed = 0x6b67'7661'6c75'6573;  // "kgvalues"
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

std::string from_hex(std::string_view h) {
  std::string out;
  for (size_t i = 0; i < h.size();) {
    if (h[i] == ' ') {
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)));
    i += 2;
  }
  return out;
}

// An unambiguous, printable rendering: exact floats, strings with non-printable bytes as \xNN.
std::string show_string(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7f || c == '\'' || c == '\\')
      out += "\\x" + hex(std::string_view(&c, 1));
    else
      out.push_back(c);
  }
  return out + "'";
}

std::string show(const Value& v) {
  switch (v.type()) {
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

// A heap copy of exactly s.size() bytes, so AddressSanitizer reports any read past the end.
struct ExactBuffer {
  explicit ExactBuffer(std::string_view s)
      : data(new char[s.empty() ? 1 : s.size()]), size(s.size()) {
    std::copy(s.begin(), s.end(), data.get());
  }
  std::string_view view() const { return {data.get(), size}; }
  std::unique_ptr<char[]> data;
  size_t size;
};

std::string enc(const Value& v) {
  std::string out;
  values::append_value(out, v);
  return out;
}

// Decodes one value from exactly the bytes of `bytes` (an exact-size heap copy); `left` receives
// the number of bytes not consumed.
Result<Value> dec(std::string_view bytes, size_t* left = nullptr) {
  ExactBuffer buf(bytes);
  std::string_view in = buf.view();
  auto v = values::decode_value(in);
  if (left) *left = in.size();
  return v;
}

Value double_bits(uint64_t bits) { return Value(std::bit_cast<double>(bits)); }

// "" when `v` survives encode → decode exactly (same value and type, all bytes consumed, and the
// same bytes when encoded again, which also pins NaN payloads), else what went wrong.
std::string round_trip_error(const Value& v) {
  std::string bytes = enc(v);
  size_t left = 0;
  auto got = dec(bytes, &left);
  if (!got.ok()) return "decode failed: " + got.status().to_string() + " on " + hex(bytes);
  if (left != 0) return std::to_string(left) + " bytes left over of " + hex(bytes);
  if (got->type() != v.type())
    return "type " + std::string(value_type_name(got->type())) +
           " != " + std::string(value_type_name(v.type()));
  if (!(*got == v)) return "decoded " + show(*got) + " != " + show(v);
  if (enc(*got) != bytes) return "re-encoded " + hex(enc(*got)) + " != " + hex(bytes);
  return "";
}

// The status code name of a failed decode, or "ok".
template <typename T>
std::string outcome(const Result<T>& r) {
  return r.ok() ? "ok" : std::string(status_code_name(r.status().code()));
}

// --- random values -------------------------------------------------------------------------------

const std::vector<double>& special_doubles() {
  static const std::vector<double> v = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      0.5,
      1e20,
      -1e-300,
      kInf,
      -kInf,
      kNaN,
      -kNaN,
      DBL_MAX,
      -DBL_MAX,
      DBL_MIN,
      -DBL_MIN,
      std::numeric_limits<double>::denorm_min(),
      -std::numeric_limits<double>::denorm_min(),
      9007199254740992.0,
      9.2233720368547758e18,
      -9.2233720368547758e18,
      std::bit_cast<double>(uint64_t{0x7ff8000000000001}),  // NaN with a payload
      std::bit_cast<double>(uint64_t{0xfff80000deadbeef}),  // negative NaN with a payload
  };
  return v;
}

std::string random_bytes(std::mt19937_64& rng, size_t n) {
  static const char kAlphabet[] = {'\0', '\x01', 'a', 'b', '\'', '\\', '\x7f', '\x80', '\xff'};
  std::string s(n, '\0');
  for (char& c : s) c = rng() % 2 ? kAlphabet[rng() % sizeof(kAlphabet)] : static_cast<char>(rng());
  return s;
}

std::string random_utf8(std::mt19937_64& rng) {
  static const char* const kPieces[] = {"a", "Z", " ", "é", "ß", "東京", "🚀", "Ω", "\n", "'"};
  std::string s;
  for (size_t n = rng() % 6; n > 0; --n) s += kPieces[rng() % std::size(kPieces)];
  return s;
}

Value random_scalar(std::mt19937_64& rng) {
  switch (rng() % 9) {
    case 0:
      return Value();
    case 1:
      return Value(rng() % 2 == 0);
    case 2:
      return Value(static_cast<int64_t>(rng()));
    case 3:
      return Value(static_cast<int64_t>(rng() % 257) - 128);
    case 4:
      return double_bits(rng());  // any bits: NaNs, infinities, denormals included
    case 5:
      return Value(special_doubles()[rng() % special_doubles().size()]);
    case 6:
      return Value(random_bytes(rng, rng() % 20));
    case 7:
      return Value(random_utf8(rng));
    default:
      return Value(rng() % 2 ? INT64_MIN + int64_t(rng() % 3) : INT64_MAX - int64_t(rng() % 3));
  }
}

Value random_value(std::mt19937_64& rng, int depth = 0) {
  if (depth >= 5 || rng() % 3 != 0) return random_scalar(rng);
  if (rng() % 2) {
    List l;
    for (size_t n = rng() % 6; n > 0; --n) l.push_back(random_value(rng, depth + 1));
    return Value(std::move(l));
  }
  Map m;
  for (size_t n = rng() % 6; n > 0; --n)
    m.insert_or_assign(rng() % 2 ? random_bytes(rng, rng() % 5) : random_utf8(rng),
                       random_value(rng, depth + 1));
  return Value(std::move(m));
}

// A value using every kind, nested a few levels.
Value complex_value() {
  Map inner;
  inner["deep"] = List{Value(List{Value(Map{{"x", Value(-0.0)}}), Value()}), Value(kNaN)};
  inner[""] = Value(std::string("nul\0byte", 8));
  Map m;
  m["ints"] = List{0, -1, 127, 128, INT64_MIN, INT64_MAX};
  m["floats"] = List{1.0, -0.0, kInf, -kInf, DBL_MAX, 5e-324};
  m["text"] = "Zürich · 東京 🚀";
  m["flags"] = List{true, false, nullptr};
  m["nested"] = std::move(inner);
  m["empty_list"] = List{};
  m["empty_map"] = Map{};
  return Value(List{Value(std::move(m)), "tail", 42});
}

// --- node and relationship records -------------------------------------------------------------

PropertyMap props_of(std::initializer_list<std::pair<uint32_t, Value>> entries) {
  PropertyMap p;
  for (const auto& [k, v] : entries) p.emplace_back(PropKeyId{k}, v);
  return p;
}

std::string describe(const PropertyMap& props) {
  std::string s = "{";
  for (const auto& [k, v] : props) s += std::to_string(to_underlying(k)) + ": " + show(v) + ", ";
  return s + "}";
}

// =================================================================================================

TEST_CASE("value_codec: the byte format of each tag", "[engine][value_codec]") {
  // PERSISTENT FORMAT: these bytes are on disk.
  CHECK(hex(enc(Value())) == "00");
  CHECK(hex(enc(false)) == "01");
  CHECK(hex(enc(true)) == "02");
  CHECK(hex(enc(0)) == "0300");
  CHECK(hex(enc(1)) == "0302");
  CHECK(hex(enc(-1)) == "0301");
  CHECK(hex(enc(64)) == "038001");
  CHECK(hex(enc(INT64_MIN)) == "03ffffffffffffffffff01");
  CHECK(hex(enc(1.0)) == "043ff0000000000000");
  CHECK(hex(enc(-0.0)) == "048000000000000000");
  CHECK(hex(enc("")) == "0500");
  CHECK(hex(enc("ab")) == "05026162");
  CHECK(hex(enc(List{})) == "0600");
  CHECK(hex(enc(List{1, "a"})) == "06020302050161");
  CHECK(hex(enc(Map{})) == "0700");
  // Keys ascending whatever the insertion order.
  CHECK(hex(enc(Map{{"b", true}, {"a", Value()}})) ==
        "0702"
        "016100"
        "016202");
}

TEST_CASE("value_codec: scalars round-trip exactly", "[engine][value_codec]") {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  std::vector<Value> values = {
      Value(),
      Value(false),
      Value(true),
      Value(0),
      Value(1),
      Value(-1),
      Value(63),
      Value(64),
      Value(-64),
      Value(-65),
      Value(INT64_MIN),
      Value(INT64_MIN + 1),
      Value(INT64_MAX),
      Value(INT64_MAX - 1),
      Value(int64_t{1} << 53),
      Value(""),
      Value("AWS"),
      Value("Zürich · 東京 · 🚀"),
      Value(std::string("\0", 1)),
      Value(std::string("a\0b\0", 4)),
      Value(all_bytes),
      Value(std::string(100000, 'x')),  // a length of three varint bytes
  };
  for (double d : special_doubles()) values.emplace_back(d);
  for (const Value& v : values) {
    CAPTURE(show(v), hex(enc(v)));
    CHECK(round_trip_error(v) == "");
  }
}

TEST_CASE("value_codec: int 1 and float 1.0 stay distinct", "[engine][value_codec]") {
  CHECK(enc(1) != enc(1.0));
  CHECK(enc(0) != enc(0.0));
  auto i = dec(enc(1));
  auto f = dec(enc(1.0));
  REQUIRE(i.ok());
  REQUIRE(f.ok());
  CHECK(i->type() == ValueType::kInt);
  CHECK(i->as_int() == 1);
  CHECK(f->type() == ValueType::kFloat);
  CHECK(f->as_float() == 1.0);
  auto l = dec(enc(List{1, 1.0, 2, 2.0}));
  REQUIRE(l.ok());
  CHECK(l->to_string() == "[1, 1.0, 2, 2.0]");
}

TEST_CASE("value_codec: float bits survive, -0.0 and NaN payloads included",
          "[engine][value_codec]") {
  for (uint64_t bits : {uint64_t{0x8000000000000000},   // -0.0
                        uint64_t{0x7ff8000000000000},   // NaN
                        uint64_t{0xfff8000000000000},   // -NaN
                        uint64_t{0x7ff800000000abcd},   // NaN with a payload
                        uint64_t{0x7ff0000000000000},   // +inf
                        uint64_t{0xfff0000000000000},   // -inf
                        uint64_t{0x0000000000000001},   // smallest denormal
                        uint64_t{0x800fffffffffffff},   // largest negative denormal
                        uint64_t{0x7fefffffffffffff}})  // DBL_MAX
  {
    CAPTURE(bits);
    auto got = dec(enc(double_bits(bits)));
    REQUIRE(got.ok());
    REQUIRE(got->is_float());
    CHECK(std::bit_cast<uint64_t>(got->as_float()) == bits);
  }
  auto neg_zero = dec(enc(-0.0));
  REQUIRE(neg_zero.ok());
  CHECK(std::signbit(neg_zero->as_float()));
  CHECK(*neg_zero != Value(0.0));
}

TEST_CASE("value_codec: lists and maps round-trip, nested several levels",
          "[engine][value_codec]") {
  std::vector<Value> values = {
      List{},
      Map{},
      List{List{}},
      List{Map{}},
      Map{{"", Value()}},
      Map{{std::string("\0", 1), 1}, {std::string("\0\0", 2), 2}},
      Map{{"é", 1}, {"e", 2}, {"東京", List{}}},
      List{Value(), false, true, 0, -0.0, "", List{}, Map{}},
      List{List{List{List{List{List{List{1}}}}}}},
      Map{{"a", Map{{"b", Map{{"c", Map{{"d", List{Map{{"e", List{-1.5, "x"}}}}}}}}}}}},
      complex_value(),
  };
  List many;
  for (int i = 0; i < 300; ++i) many.push_back(i % 2 ? Value(i) : Value(std::to_string(i)));
  values.emplace_back(std::move(many));  // a count of two varint bytes
  for (const Value& v : values) {
    CAPTURE(show(v));
    CHECK(round_trip_error(v) == "");
  }
}

TEST_CASE("value_codec: decode_value consumes one value and leaves the rest",
          "[engine][value_codec]") {
  Value a = complex_value();
  Value b = List{1, 2.5};
  std::string bytes = enc(a) + enc(b) + "xyz";
  std::string_view in = bytes;
  auto got_a = values::decode_value(in);
  REQUIRE(got_a.ok());
  CHECK(*got_a == a);
  CHECK(in == enc(b) + "xyz");
  auto got_b = values::decode_value(in);
  REQUIRE(got_b.ok());
  CHECK(*got_b == b);
  CHECK(in == "xyz");
}

TEST_CASE("value_codec: nesting deeper than kMaxDepth is Corruption", "[engine][value_codec]") {
  // n lists, one inside the other, the innermost empty: the innermost is at depth n.
  auto nested = [](int n) {
    Value v = List{};
    for (int i = 1; i < n; ++i) {
      List l;
      l.push_back(std::move(v));
      v = Value(std::move(l));
    }
    return v;
  };
  auto nested_bytes = [](int n) {
    std::string s;
    for (int i = 1; i < n; ++i) s += from_hex("0601");
    return s + from_hex("0600");
  };
  CHECK(enc(nested(3)) == nested_bytes(3));
  CHECK(enc(nested(values::kMaxDepth)) == nested_bytes(values::kMaxDepth));

  auto at_limit = dec(nested_bytes(values::kMaxDepth));
  REQUIRE(at_limit.ok());
  CHECK(*at_limit == nested(values::kMaxDepth));

  CHECK(outcome(dec(nested_bytes(values::kMaxDepth + 1))) == "Corruption");
  CHECK(outcome(dec(enc(nested(values::kMaxDepth + 1)))) == "Corruption");
  // The same through maps, and a long chain of garbage list headers.
  std::string maps;
  for (int i = 0; i < values::kMaxDepth + 1; ++i) maps += from_hex("070101") + "k";
  maps += from_hex("00");
  CHECK(outcome(dec(maps)) == "Corruption");
  std::string headers;
  for (int i = 0; i < 100000; ++i) headers += from_hex("0601");
  CHECK(outcome(dec(headers)) == "Corruption");
}

TEST_CASE("value_codec: malformed values are Corruption", "[engine][value_codec]") {
  struct Case {
    const char* what;
    const char* hex;
  };
  const Case cases[] = {
      {"empty input", ""},
      {"unknown tag 8", "08"},
      {"unknown tag 0x7f", "7f"},
      {"unknown tag 0xff", "ff"},
      {"int without varint", "03"},
      {"truncated int varint", "0380"},
      {"int varint over 64 bits", "03ffffffffffffffffff02"},
      {"int varint of 11 bytes", "0380808080808080808080 00"},
      {"float of 7 bytes", "04 3ff00000000000"},
      {"string without length", "05"},
      {"string shorter than its length", "0505 6162"},
      {"string of length 2^64-1", "05 ffffffffffffffffff01 6162"},
      {"list without count", "06"},
      {"list missing an element", "0602 00"},
      {"list count 2^64-1", "06 ffffffffffffffffff01 00"},
      {"list count past the input", "06 10 00000000"},
      {"list with an unknown tag inside", "0601 09"},
      {"list with a truncated string inside", "0601 0503 61"},
      {"map without count", "07"},
      {"map count 2^64-1", "07 ffffffffffffffffff01 00"},
      {"map key longer than the input", "0701 05 61"},
      {"map key length 2^64-1", "0701 ffffffffffffffffff01 61 00"},
      {"map key without value", "0701 0161"},
      {"map missing an entry", "0702 016100"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what, c.hex);
    CHECK(outcome(dec(from_hex(c.hex))) == "Corruption");
  }
}

TEST_CASE("value_codec: every truncation of an encoded value is Corruption",
          "[engine][value_codec]") {
  std::string bytes = enc(complex_value());
  REQUIRE(bytes.size() > 100);
  for (size_t len = 0; len < bytes.size(); ++len) {
    CAPTURE(len, bytes.size());
    CHECK(outcome(dec(std::string_view(bytes).substr(0, len))) == "Corruption");
  }
  CHECK(outcome(dec(bytes)) == "ok");
}

TEST_CASE("value_codec: random bytes decode or give Corruption, never crash",
          "[engine][value_codec]") {
  std::mt19937_64 rng(kSeed);
  INFO("seed " << kSeed);
  const std::string complex = enc(complex_value());
  int decoded = 0, rejected = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string in;
    if (iter % 2 == 0) {
      // Fresh bytes, mostly small ones so that tags and counts look plausible.
      in.resize(rng() % 40);
      for (char& c : in) c = static_cast<char>(rng() % 2 ? rng() % 10 : rng());
    } else {
      // A valid encoding with a few bytes changed.
      in = complex;
      for (int k = 1 + rng() % 3; k > 0; --k) in[rng() % in.size()] = static_cast<char>(rng());
    }
    CAPTURE(iter, hex(in));
    size_t left = 0;
    auto got = dec(in, &left);
    if (!got.ok()) {
      REQUIRE(outcome(got) == "Corruption");
      ++rejected;
      continue;
    }
    ++decoded;
    // What was accepted is a value that itself round-trips, decoded from exactly the bytes
    // consumed.
    REQUIRE(left <= in.size());
    auto again = dec(std::string_view(in).substr(0, in.size() - left));
    REQUIRE(again.ok());
    REQUIRE(*again == *got);
    REQUIRE(round_trip_error(*got) == "");
  }
  // Both outcomes were exercised.
  CHECK(decoded > 2000);
  CHECK(rejected > 2000);
}

TEST_CASE("value_codec: random nested values round-trip", "[engine][value_codec]") {
  std::mt19937_64 rng(kSeed + 1);
  INFO("seed " << kSeed + 1);
  std::string stream;
  std::vector<Value> all;
  for (int iter = 0; iter < 3000; ++iter) {
    Value v = random_value(rng);
    CAPTURE(iter, show(v));
    REQUIRE(round_trip_error(v) == "");
    values::append_value(stream, v);
    all.push_back(std::move(v));
  }
  // All of them back to back decode in sequence.
  ExactBuffer buf(stream);
  std::string_view in = buf.view();
  for (size_t i = 0; i < all.size(); ++i) {
    CAPTURE(i);
    auto got = values::decode_value(in);
    REQUIRE(got.ok());
    REQUIRE(*got == all[i]);
  }
  CHECK(in.empty());
}

// "" when the record survives encode → decode exactly, else what went wrong.
std::string node_round_trip_error(const NodeRecord& n) {
  std::string bytes = values::encode_node(n);
  auto got = values::decode_node(ExactBuffer(bytes).view());
  if (!got.ok()) return "decode failed: " + got.status().to_string() + " on " + hex(bytes);
  if (got->labels != n.labels) return "labels differ";
  if (got->properties != n.properties)
    return "properties " + describe(got->properties) + " != " + describe(n.properties);
  if (values::encode_node(*got) != bytes) return "re-encoded bytes differ";
  return "";
}

std::string rel_round_trip_error(const RelRecord& r) {
  std::string bytes = values::encode_rel(r);
  auto got = values::decode_rel(ExactBuffer(bytes).view());
  if (!got.ok()) return "decode failed: " + got.status().to_string() + " on " + hex(bytes);
  if (got->type != r.type) return "type differs";
  if (got->src != r.src || got->dst != r.dst) return "endpoints differ";
  if (got->properties != r.properties)
    return "properties " + describe(got->properties) + " != " + describe(r.properties);
  if (values::encode_rel(*got) != bytes) return "re-encoded bytes differ";
  return "";
}

std::vector<NodeRecord> sample_nodes() {
  std::vector<NodeRecord> nodes;
  nodes.push_back(NodeRecord{});
  nodes.push_back(NodeRecord{{LabelId{0}}, {}});
  nodes.push_back(
      NodeRecord{{LabelId{0}, LabelId{1}, LabelId{127}, LabelId{128}, LabelId{UINT32_MAX}},
                 props_of({{0, 1}})});
  nodes.push_back(NodeRecord{{LabelId{3}},
                             props_of({{0, Value(false)},
                                       {1, Value(INT64_MIN)},
                                       {2, Value(-0.0)},
                                       {127, Value(kNaN)},
                                       {128, Value(std::string("a\0b", 3))},
                                       {300, Value(List{1, 1.0, List{}})},
                                       {UINT32_MAX, complex_value()}})});
  return nodes;
}

std::vector<RelRecord> sample_rels() {
  std::vector<RelRecord> rels;
  rels.push_back(RelRecord{});
  rels.push_back(RelRecord{TypeId{UINT32_MAX}, NodeId{UINT64_MAX}, NodeId{0}, {}});
  rels.push_back(RelRecord{TypeId{128}, NodeId{1}, NodeId{1},  // a self-loop
                           props_of({{5, Value("since")}, {6, Value(2024)}})});
  rels.push_back(RelRecord{TypeId{7}, NodeId{0x0102030405060708}, NodeId{0x8000000000000000},
                           props_of({{0, complex_value()}, {UINT32_MAX, Value(-kInf)}})});
  return rels;
}

TEST_CASE("value_codec: node records round-trip", "[engine][value_codec]") {
  // PERSISTENT FORMAT: label count, labels, property count, (key, value)*.
  CHECK(hex(values::encode_node(NodeRecord{})) == "0000");
  CHECK(hex(values::encode_node(NodeRecord{{LabelId{1}, LabelId{300}}, props_of({{2, 1}})})) ==
        "02"
        "01"
        "ac02"
        "01"
        "02"
        "0302");
  for (const NodeRecord& n : sample_nodes()) {
    CAPTURE(n.labels.size(), describe(n.properties));
    CHECK(node_round_trip_error(n) == "");
  }
}

TEST_CASE("value_codec: relationship records round-trip", "[engine][value_codec]") {
  // PERSISTENT FORMAT: type, src (u64be), dst (u64be), property count, (key, value)*.
  CHECK(hex(values::encode_rel(
            RelRecord{TypeId{2}, NodeId{1}, NodeId{0xff}, props_of({{3, true}})})) ==
        "02"
        "0000000000000001"
        "00000000000000ff"
        "01"
        "03"
        "02");
  for (const RelRecord& r : sample_rels()) {
    CAPTURE(to_underlying(r.type), to_underlying(r.src), to_underlying(r.dst),
            describe(r.properties));
    CHECK(rel_round_trip_error(r) == "");
  }
}

TEST_CASE("value_codec: every truncation of a record is Corruption", "[engine][value_codec]") {
  for (const NodeRecord& n : sample_nodes()) {
    std::string bytes = values::encode_node(n);
    for (size_t len = 0; len < bytes.size(); ++len) {
      CAPTURE(hex(bytes), len);
      CHECK(outcome(values::decode_node(
                ExactBuffer(std::string_view(bytes).substr(0, len)).view())) == "Corruption");
    }
  }
  for (const RelRecord& r : sample_rels()) {
    std::string bytes = values::encode_rel(r);
    for (size_t len = 0; len < bytes.size(); ++len) {
      CAPTURE(hex(bytes), len);
      CHECK(outcome(values::decode_rel(
                ExactBuffer(std::string_view(bytes).substr(0, len)).view())) == "Corruption");
    }
  }
}

TEST_CASE("value_codec: malformed records are Corruption", "[engine][value_codec]") {
  auto node = [](std::string_view h) {
    return outcome(values::decode_node(ExactBuffer(from_hex(h)).view()));
  };
  auto rel = [](std::string_view h) {
    return outcome(values::decode_rel(ExactBuffer(from_hex(h)).view()));
  };
  CHECK(node("0000") == "ok");
  CHECK(node("0000 00") == "Corruption");                       // trailing byte
  CHECK(node("00") == "Corruption");                            // no property count
  CHECK(node("01 8080808010 00") == "Corruption");              // label id 2^32
  CHECK(node("01 ffffffff0f 00") == "ok");                      // label id 2^32-1
  CHECK(node("ffffffffffffffffff01 00") == "Corruption");       // label count 2^64-1
  CHECK(node("00 01 8080808010 00") == "Corruption");           // property key 2^32
  CHECK(node("00 01 ffffffff0f 00") == "ok");                   // property key 2^32-1
  CHECK(node("00 ffffffffffffffffff01 0000") == "Corruption");  // property count 2^64-1
  CHECK(node("00 01 00 08") == "Corruption");                   // unknown value tag
  CHECK(node("00 01 00 0302 ff") == "Corruption");              // trailing byte after properties

  CHECK(rel("00 0000000000000000 0000000000000000 00") == "ok");
  CHECK(rel("00 0000000000000000 0000000000000000 00 00") == "Corruption");
  CHECK(rel("8080808010 0000000000000000 0000000000000000 00") == "Corruption");  // type 2^32
  CHECK(rel("00 0000000000000000 00000000000000 00") == "Corruption");            // short dst
  CHECK(rel("00 0000000000000000 0000000000000000 02 01 00") == "Corruption");  // missing property
}

TEST_CASE("value_codec: random record bytes decode or give Corruption", "[engine][value_codec]") {
  std::mt19937_64 rng(kSeed + 2);
  INFO("seed " << kSeed + 2);
  std::vector<std::string> valid;
  for (const NodeRecord& n : sample_nodes()) valid.push_back(values::encode_node(n));
  for (const RelRecord& r : sample_rels()) valid.push_back(values::encode_rel(r));
  int node_ok = 0, node_bad = 0, rel_ok = 0, rel_bad = 0;
  for (int iter = 0; iter < 10000; ++iter) {
    std::string in;
    if (iter % 2 == 0) {
      in.resize(rng() % 48);
      for (char& c : in) c = static_cast<char>(rng() % 2 ? rng() % 10 : rng());
    } else {
      in = valid[rng() % valid.size()];
      for (int k = 1 + rng() % 3; k > 0; --k) in[rng() % in.size()] = static_cast<char>(rng());
    }
    CAPTURE(iter, hex(in));
    auto n = values::decode_node(ExactBuffer(in).view());
    (n.ok() ? node_ok : node_bad)++;
    if (n.ok()) {
      REQUIRE(node_round_trip_error(*n) == "");
    } else {
      REQUIRE(outcome(n) == "Corruption");
    }
    auto r = values::decode_rel(ExactBuffer(in).view());
    (r.ok() ? rel_ok : rel_bad)++;
    if (r.ok()) {
      REQUIRE(rel_round_trip_error(*r) == "");
    } else {
      REQUIRE(outcome(r) == "Corruption");
    }
  }
  CAPTURE(node_ok, node_bad, rel_ok, rel_bad);
  CHECK(node_ok > 200);
  CHECK(node_bad > 2000);
  CHECK(rel_ok > 500);
  CHECK(rel_bad > 2000);
}

TEST_CASE("value_codec: is_storable rejects graph elements at any depth", "[engine][value_codec]") {
  CHECK(values::is_storable(Value()));
  CHECK(values::is_storable(complex_value()));
  Node n{NodeId{1}, {"A"}, {}};
  Relationship r{RelId{2}, "R", NodeId{1}, NodeId{1}, {}};
  Path p{{n}, {}};
  CHECK_FALSE(values::is_storable(n));
  CHECK_FALSE(values::is_storable(r));
  CHECK_FALSE(values::is_storable(p));
  CHECK_FALSE(values::is_storable(List{1, List{2, n}}));
  CHECK_FALSE(values::is_storable(Map{{"a", Map{{"b", r}}}}));
  CHECK_FALSE(values::is_storable(List{Map{{"p", p}}}));
}

TEST_CASE("value_codec: one property or the labels of a node record, the rest skipped",
          "[engine][value_codec]") {
  NodeRecord n;
  n.labels = {LabelId{2}, LabelId{7}};
  n.properties = {{PropKeyId{1}, complex_value()},
                  {PropKeyId{3}, Value(std::string(300, 's'))},
                  {PropKeyId{4}, Value(Map{{"k", List{1, 2.5, Value()}}})},
                  {PropKeyId{9}, Value(int64_t{-42})}};
  const std::string bytes = values::encode_node(n);
  for (const auto& [key, value] : n.properties) {
    auto got = values::decode_node_property(bytes, key);
    REQUIRE(got.ok());
    CHECK(got->to_string() == value.to_string());
  }
  for (uint32_t absent : {0u, 2u, 5u, 10u}) {
    auto got = values::decode_node_property(bytes, PropKeyId{absent});
    REQUIRE(got.ok());
    CHECK(got->is_null());
  }
  auto labels = values::decode_node_labels(bytes);
  REQUIRE(labels.ok());
  CHECK(*labels == n.labels);

  // Cut before property 9: its read reports the truncation; those before it still read.
  const std::string cut = bytes.substr(0, bytes.size() - 2);
  CHECK(outcome(values::decode_node_property(cut, PropKeyId{9})) == "Corruption");
  CHECK(values::decode_node_property(cut, PropKeyId{3}).ok());
  CHECK(outcome(values::decode_node_labels(std::string_view(bytes).substr(0, 2))) == "Corruption");
}

}  // namespace
}  // namespace kg::engine
