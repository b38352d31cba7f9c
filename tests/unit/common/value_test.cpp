// Tests of kg::Value (include/kg/value.hpp): construction and types, identity equality, rendering
// by to_string()/to_literal(), and format_float's shortest round-tripping text.
#include "kg/value.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <string_view>

namespace kg {
namespace {

constexpr uint64_t kSeed = 0x6b67'7661'6c75'6531;  // "kgvalue1"
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Value double_bits(uint64_t bits) { return Value(std::bit_cast<double>(bits)); }

// "" when format_float(d) reads back with strtod as exactly d and shows a '.' or an exponent,
// else what went wrong.
std::string format_float_error(double d) {
  std::string s = format_float(d);
  if (std::isnan(d)) return s == "NaN" ? "" : "NaN formatted as " + s;
  if (std::isinf(d)) {
    std::string want = d > 0 ? "Infinity" : "-Infinity";
    return s == want ? "" : want + " formatted as " + s;
  }
  if (s.find_first_of(".e") == std::string::npos) return s + " has neither '.' nor an exponent";
  char* end = nullptr;
  double back = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return s + " is not all a number";
  if (std::bit_cast<uint64_t>(back) != std::bit_cast<uint64_t>(d))
    return s + " reads back as a different double";
  return "";
}

Node company(std::string name) {
  return Node{NodeId{1}, {"Company"}, Map{{"name", Value(std::move(name))}}};
}

// =================================================================================================

TEST_CASE("value: integers of every width become INTEGER", "[common][value]") {
  CHECK(Value(int8_t{-128}).type() == ValueType::kInt);
  CHECK(Value(int8_t{-128}).as_int() == -128);
  CHECK(Value(uint8_t{255}).as_int() == 255);
  CHECK(Value(int16_t{-32768}).as_int() == -32768);
  CHECK(Value(uint16_t{65535}).as_int() == 65535);
  CHECK(Value(int32_t{INT32_MIN}).as_int() == INT32_MIN);
  CHECK(Value(uint32_t{UINT32_MAX}).as_int() == int64_t{UINT32_MAX});
  CHECK(Value(int64_t{INT64_MIN}).as_int() == INT64_MIN);
  CHECK(Value(int64_t{INT64_MAX}).as_int() == INT64_MAX);
  CHECK(Value(42L).as_int() == 42);
  CHECK(Value(42LL).as_int() == 42);
  CHECK(Value(size_t{7}).as_int() == 7);
  for (const Value& v :
       {Value(int8_t{1}), Value(uint8_t{1}), Value(short{1}), Value(1u), Value(1L), Value(1ULL)}) {
    CHECK(v.type() == ValueType::kInt);
    CHECK(v.is_int());
    CHECK(v.is_number());
    CHECK_FALSE(v.is_float());
    CHECK(v == Value(1));
  }
}

TEST_CASE("value: construction picks the type", "[common][value]") {
  CHECK(Value().type() == ValueType::kNull);
  CHECK(Value(nullptr).type() == ValueType::kNull);
  CHECK(Value().is_null());
  CHECK(Value(true).type() == ValueType::kBool);  // not an integer
  CHECK(Value(false).as_bool() == false);
  CHECK(Value(1.5).type() == ValueType::kFloat);
  CHECK(Value(1.5f).type() == ValueType::kFloat);
  CHECK(Value(1.5f).as_float() == 1.5);
  CHECK(Value(0.1f).as_float() == static_cast<double>(0.1f));
  CHECK(Value(1.0).is_number());
  CHECK(Value(3).as_number() == 3.0);
  CHECK(Value(2.5).as_number() == 2.5);
  CHECK(Value("AWS").type() == ValueType::kString);
  CHECK(Value(std::string("AWS")).as_string() == "AWS");
  CHECK(Value(std::string_view("AWS")).as_string() == "AWS");
  CHECK(Value(std::string("a\0b", 3)).as_string().size() == 3);
  CHECK(Value(List{}).type() == ValueType::kList);
  CHECK(Value(List{1, "a"}).as_list().size() == 2);
  CHECK(Value(List{List{}}).as_list().size() == 1);  // a list holding an empty list
  CHECK(Value(Map{}).type() == ValueType::kMap);
  CHECK(Value(Map{{"k", 1}}).as_map().at("k") == Value(1));
  CHECK(Value(company("AWS")).type() == ValueType::kNode);
  CHECK(Value(company("AWS")).as_node().labels == std::vector<std::string>{"Company"});
  CHECK(Value(Relationship{}).type() == ValueType::kRelationship);
  CHECK(Value(Path{}).type() == ValueType::kPath);

  // Exactly one predicate holds for each type.
  for (const Value& v : {Value(), Value(true), Value(1), Value(1.0), Value("s"), Value(List{}),
                         Value(Map{}), Value(Node{}), Value(Relationship{}), Value(Path{})}) {
    int n = v.is_null() + v.is_bool() + v.is_int() + v.is_float() + v.is_string() + v.is_list() +
            v.is_map() + v.is_node() + v.is_relationship() + v.is_path();
    CHECK(n == 1);
  }

  Value l = List{1};
  l.as_list().push_back(2);
  CHECK(l.to_string() == "[1, 2]");
  Value m = Map{};
  m.as_map()["x"] = 1;
  CHECK(m.to_string() == "{x: 1}");
}

TEST_CASE("value: value_type_name", "[common][value]") {
  CHECK(value_type_name(ValueType::kNull) == "NULL");
  CHECK(value_type_name(ValueType::kBool) == "BOOLEAN");
  CHECK(value_type_name(ValueType::kInt) == "INTEGER");
  CHECK(value_type_name(ValueType::kFloat) == "FLOAT");
  CHECK(value_type_name(ValueType::kString) == "STRING");
  CHECK(value_type_name(ValueType::kList) == "LIST");
  CHECK(value_type_name(ValueType::kMap) == "MAP");
  CHECK(value_type_name(ValueType::kNode) == "NODE");
  CHECK(value_type_name(ValueType::kRelationship) == "RELATIONSHIP");
  CHECK(value_type_name(ValueType::kPath) == "PATH");
  // The numbering is ABI.
  CHECK(static_cast<int>(Value(Path{}).type()) == 9);
  CHECK(static_cast<int>(Value(1.0).type()) == 3);
}

TEST_CASE("value: equality is identity", "[common][value]") {
  CHECK(Value() == Value());
  CHECK(Value() == Value(nullptr));
  CHECK(Value() != Value(false));
  CHECK(Value(false) != Value(0));
  CHECK(Value(1) == Value(1));
  CHECK(Value(1) != Value(2));
  CHECK(Value(1) != Value(1.0));
  CHECK(Value(1) != Value(true));
  CHECK(Value("1") != Value(1));
  CHECK(Value("") != Value());
  CHECK(Value(List{}) != Value(Map{}));
  CHECK(Value(std::string("a\0b", 3)) != Value("a"));

  // Floats compare by their bits, except that all NaNs are equal.
  CHECK(Value(0.0) != Value(-0.0));
  CHECK(Value(-0.0) == Value(-0.0));
  CHECK(Value(kNaN) == Value(kNaN));
  CHECK(Value(kNaN) == Value(-kNaN));
  CHECK(Value(kNaN) == double_bits(0x7ff800000000abcd));
  CHECK(Value(kNaN) != Value(kInf));
  CHECK(Value(kInf) == Value(kInf));
  CHECK(Value(kInf) != Value(-kInf));
  CHECK(Value(0.1 + 0.2) != Value(0.3));

  // Element-wise in lists and maps, with the same rules.
  CHECK(Value(List{1, "a"}) == Value(List{1, "a"}));
  CHECK(Value(List{1}) != Value(List{1.0}));
  CHECK(Value(List{1}) != Value(List{1, 1}));
  CHECK(Value(List{kNaN}) == Value(List{kNaN}));
  CHECK(Value(List{0.0}) != Value(List{-0.0}));
  CHECK(Value(Map{{"a", 1}, {"b", 2}}) == Value(Map{{"b", 2}, {"a", 1}}));
  CHECK(Value(Map{{"a", 1}}) != Value(Map{{"a", 1.0}}));
  CHECK(Value(Map{{"a", 1}}) != Value(Map{{"b", 1}}));
  CHECK(Value(Map{{"a", List{kNaN}}}) == Value(Map{{"a", List{-kNaN}}}));

  // Graph elements compare by all their fields.
  CHECK(Value(company("AWS")) == Value(company("AWS")));
  CHECK(Value(company("AWS")) != Value(company("Nvidia")));
  Node other_id = company("AWS");
  other_id.id = NodeId{2};
  CHECK(Value(company("AWS")) != Value(other_id));
  Node other_label = company("AWS");
  other_label.labels.push_back("Vendor");
  CHECK(Value(company("AWS")) != Value(other_label));
  Relationship r{RelId{1}, "BUYS", NodeId{1}, NodeId{2}, Map{{"units", 1}}};
  Relationship reversed = r;
  std::swap(reversed.start, reversed.end);
  Relationship other_type = r;
  other_type.type = "SELLS";
  CHECK(Value(r) == Value(r));
  CHECK(Value(r) != Value(reversed));
  CHECK(Value(r) != Value(other_type));
  Path p{{company("AWS"), company("Nvidia")}, {r}};
  CHECK(Value(p) == Value(p));
  CHECK(Value(p) != Value(Path{{company("AWS"), company("Nvidia")}, {reversed}}));
}

TEST_CASE("value: to_string renders scalars", "[common][value]") {
  CHECK(Value().to_string() == "null");
  CHECK(Value(true).to_string() == "true");
  CHECK(Value(false).to_string() == "false");
  CHECK(Value(0).to_string() == "0");
  CHECK(Value(-42).to_string() == "-42");
  CHECK(Value(INT64_MIN).to_string() == "-9223372036854775808");
  CHECK(Value(INT64_MAX).to_string() == "9223372036854775807");
  CHECK(Value(1.0).to_string() == "1.0");
  CHECK(Value(-1.0).to_string() == "-1.0");
  CHECK(Value(0.0).to_string() == "0.0");
  CHECK(Value(-0.0).to_string() == "-0.0");
  CHECK(Value(100.0).to_string() == "100.0");
  CHECK(Value(1.5).to_string() == "1.5");
  CHECK(Value(0.1).to_string() == "0.1");
  CHECK(Value(1e20).to_string() == "1e+20");
  CHECK(Value(1e-7).to_string() == "1e-07");
  CHECK(Value(kNaN).to_string() == "NaN");
  CHECK(Value(-kNaN).to_string() == "NaN");
  CHECK(Value(kInf).to_string() == "Infinity");
  CHECK(Value(-kInf).to_string() == "-Infinity");
  CHECK(Value("AWS").to_string() == "AWS");  // bare at the top level
  CHECK(Value("it's").to_string() == "it's");
  CHECK(Value("").to_string() == "");
}

TEST_CASE("value: to_literal quotes strings", "[common][value]") {
  CHECK(Value("AWS").to_literal() == "'AWS'");
  CHECK(Value("").to_literal() == "''");
  CHECK(Value("it's").to_literal() == R"('it\'s')");
  CHECK(Value(R"(a\b)").to_literal() == R"('a\\b')");
  CHECK(Value("Zürich").to_literal() == "'Zürich'");
  // Everything else renders as to_string does.
  for (const Value& v : {Value(), Value(true), Value(-3), Value(2.0), Value(kNaN), Value(List{1}),
                         Value(Map{{"k", "v"}}), Value(company("AWS"))})
    CHECK(v.to_literal() == v.to_string());
}

TEST_CASE("value: to_string renders lists and maps", "[common][value]") {
  CHECK(Value(List{}).to_string() == "[]");
  CHECK(Value(Map{}).to_string() == "{}");
  CHECK(Value(List{List{}}).to_string() == "[[]]");
  CHECK(Value(List{1, 1.0, "a", true, Value()}).to_string() == "[1, 1.0, 'a', true, null]");
  CHECK(Value(List{"it's", R"(a\b)"}).to_string() == R"(['it\'s', 'a\\b'])");
  CHECK(Value(List{kNaN, kInf, -kInf, 1e20}).to_string() == "[NaN, Infinity, -Infinity, 1e+20]");
  CHECK(Value(Map{{"k", "v"}}).to_string() == "{k: 'v'}");
  // Keys print sorted.
  CHECK(Value(Map{{"b", 2}, {"a", 1.0}}).to_string() == "{a: 1.0, b: 2}");
  CHECK(Value(Map{{"a", List{1, Map{{"b", List{}}}}}}).to_string() == "{a: [1, {b: []}]}");
  // Keys that are not plain identifiers go in backticks, a backtick doubled.
  CHECK(Value(Map{{"first name", 1}}).to_string() == "{`first name`: 1}");
  CHECK(Value(Map{{"1st", 1}}).to_string() == "{`1st`: 1}");
  CHECK(Value(Map{{"a`b", 1}}).to_string() == "{`a``b`: 1}");
  CHECK(Value(Map{{"", 1}}).to_string() == "{``: 1}");
  CHECK(Value(Map{{"_x1", 1}}).to_string() == "{_x1: 1}");
}

TEST_CASE("value: to_string renders nodes, relationships and paths", "[common][value]") {
  CHECK(Value(company("AWS")).to_string() == "(:Company {name: 'AWS'})");
  CHECK(Value(Node{}).to_string() == "()");
  CHECK(Value(Node{NodeId{1}, {"A", "B"}, {}}).to_string() == "(:A:B)");
  CHECK(Value(Node{NodeId{1}, {}, Map{{"x", 1}}}).to_string() == "({x: 1})");
  CHECK(Value(Node{NodeId{1}, {"Big Co"}, {}}).to_string() == "(:`Big Co`)");
  Relationship buys{RelId{1}, "BUYS", NodeId{1}, NodeId{2}, Map{{"units", 1}}};
  CHECK(Value(buys).to_string() == "[:BUYS {units: 1}]");
  CHECK(Value(Relationship{RelId{2}, "LICENSES", NodeId{1}, NodeId{2}, {}}).to_string() ==
        "[:LICENSES]");
  CHECK(Value(List{company("AWS"), buys}).to_string() ==
        "[(:Company {name: 'AWS'}), [:BUYS {units: 1}]]");

  Node a{NodeId{1}, {"A"}, {}};
  Node b{NodeId{2}, {"B"}, {}};
  Node c{NodeId{3}, {"C"}, {}};
  Relationship ab{RelId{10}, "R", NodeId{1}, NodeId{2}, {}};
  Relationship cb{RelId{11}, "S", NodeId{3}, NodeId{2}, {}};
  CHECK(Value(Path{{a}, {}}).to_string() == "<(:A)>");
  CHECK(Value(Path{{a, b, c}, {ab, cb}}).to_string() == "<(:A)-[:R]->(:B)<-[:S]-(:C)>");
  CHECK(Value(Path{{b, a}, {ab}}).to_string() == "<(:B)<-[:R]-(:A)>");
}

TEST_CASE("value: format_float", "[common][value]") {
  CHECK(format_float(1.0) == "1.0");
  CHECK(format_float(-0.0) == "-0.0");
  CHECK(format_float(0.5) == "0.5");
  CHECK(format_float(123.456) == "123.456");
  CHECK(format_float(1e20) == "1e+20");
  CHECK(format_float(1e100) == "1e+100");
  CHECK(format_float(5e-324) == "5e-324");
  CHECK(format_float(DBL_MAX) == "1.7976931348623157e+308");
  CHECK(format_float(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_float(9007199254740993.0) == "9007199254740992.0");
  CHECK(format_float(kNaN) == "NaN");
  CHECK(format_float(kInf) == "Infinity");
  CHECK(format_float(-kInf) == "-Infinity");
}

TEST_CASE("value: format_float round-trips through strtod", "[common][value]") {
  std::vector<double> edge = {0.0,
                              -0.0,
                              1.0,
                              -1.0,
                              0.1,
                              1.0 / 3,
                              1e15,
                              1e16,
                              1e17,
                              1e21,
                              1e22,
                              1e23,
                              1e-5,
                              1e-6,
                              1e-7,
                              DBL_MAX,
                              -DBL_MAX,
                              DBL_MIN,
                              5e-324,
                              -5e-324,
                              DBL_EPSILON,
                              9007199254740993.0,
                              123456789012345678.0,
                              kNaN,
                              kInf,
                              -kInf};
  for (double d : edge) {
    CAPTURE(d, format_float(d));
    CHECK(format_float_error(d) == "");
  }
  std::mt19937_64 rng(kSeed);
  INFO("seed " << kSeed);
  for (int i = 0; i < 20000; ++i) {
    double d;
    switch (i % 4) {
      case 0:
        d = std::bit_cast<double>(rng());
        break;  // any bits
      case 1:
        d = static_cast<double>(static_cast<int64_t>(rng()) >> (rng() % 64));
        break;
      case 2:
        d = static_cast<double>(rng() % 2000001) / 1000 - 1000;
        break;  // short decimals
      default:
        d = std::ldexp(static_cast<double>(rng() >> 11), static_cast<int>(rng() % 2100) - 1100);
    }
    CAPTURE(i, std::bit_cast<uint64_t>(d), format_float(d));
    REQUIRE(format_float_error(d) == "");
  }
}

}  // namespace
}  // namespace kg
