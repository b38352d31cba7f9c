// Tests of the scalar function library (query/functions/): lookup, entity, list, conversion and
// numeric functions. Expected values come from the openCypher TCK (scenario named in a comment)
// and Neo4j's function documentation. string_functions_test.cpp and aggregate_functions_test.cpp
// cover the rest.
#include "query/functions/function_registry.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numbers>
#include <set>
#include <string>
#include <vector>

namespace kg::query {
namespace {

constexpr int64_t kMaxInt = std::numeric_limits<int64_t>::max();
constexpr int64_t kMinInt = std::numeric_limits<int64_t>::min();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Serves nodes from a map (a missing id reads as deleted) and a fixed "random" number.
class FakeContext : public FunctionContext {
 public:
  std::map<uint64_t, Node> nodes;
  double random_value = 0.25;

  Result<Value> node(NodeId id) override {
    auto it = nodes.find(to_underlying(id));
    if (it == nodes.end())
      return Status(StatusCode::kEntityNotFound, "node deleted", {}, "DeletedEntityAccess");
    return Value(it->second);
  }
  double random() override { return random_value; }
};

Node make_node(uint64_t id, std::vector<std::string> labels = {}, Map properties = {}) {
  return Node{NodeId{id}, std::move(labels), std::move(properties)};
}

Relationship make_rel(uint64_t id, std::string type, uint64_t start, uint64_t end,
                      Map properties = {}) {
  return Relationship{RelId{id}, std::move(type), NodeId{start}, NodeId{end},
                      std::move(properties)};
}

// Calls scalar function `name` (which must exist and accept that many arguments).
Result<Value> call(FunctionContext& ctx, std::string_view name, std::vector<Value> args) {
  const ScalarFunction* f = find_scalar_function(name);
  REQUIRE(f != nullptr);
  REQUIRE(args.size() >= f->min_args);
  REQUIRE(args.size() <= f->max_args);
  return f->fn(args, ctx);
}

// The result as a Cypher literal (1 vs 1.0, 'a' vs a), or "<ErrorType> <detail>".
std::string render(const Result<Value>& r) {
  if (r.has_value()) return r.value().to_literal();
  return std::string(status_code_name(r.error().code())) + " " + r.error().detail();
}

std::string eval(FunctionContext& ctx, std::string_view name, std::vector<Value> args) {
  return render(call(ctx, name, std::move(args)));
}

std::string eval(std::string_view name, std::vector<Value> args) {
  FakeContext ctx;
  return eval(ctx, name, std::move(args));
}

constexpr std::string_view kTypeErrorValue = "TypeError InvalidArgumentValue";

TEST_CASE("functions: lookup ignores case and returns the canonical name", "[query][functions]") {
  const ScalarFunction* f = find_scalar_function("toUpper");
  REQUIRE(f != nullptr);
  CHECK(f->name == "toUpper");
  CHECK(find_scalar_function("TOUPPER") == f);
  CHECK(find_scalar_function("toupper") == f);
  CHECK(find_scalar_function("nOdEs") == find_scalar_function("nodes"));  // TCK Return4 [5]
  CHECK(find_scalar_function("foo") == nullptr);                          // TCK Return2 [18]
  CHECK(find_scalar_function("count") == nullptr);
  CHECK(find_scalar_function("") == nullptr);

  const AggregateFunction* count = find_aggregate_function("cOuNt");  // TCK Return4 [4]
  REQUIRE(count != nullptr);
  CHECK(count->name == "count");
  CHECK(find_aggregate_function("aVg") != nullptr);  // TCK Return4 [7]
  CHECK(find_aggregate_function("toUpper") == nullptr);
  CHECK(find_aggregate_function("foo") == nullptr);
}

TEST_CASE("functions: errors name the function and carry no position", "[query][functions]") {
  FakeContext ctx;
  Result<Value> r = call(ctx, "toUpper", {1});
  REQUIRE(!r.has_value());
  CHECK(r.error().code() == StatusCode::kTypeError);
  CHECK(r.error().detail() == "InvalidArgumentValue");
  CHECK(r.error().message() == "toUpper(): expected STRING, got INTEGER 1");
  CHECK(!r.error().pos().known());
  Result<Value> range = call(ctx, "range", {0, 10, 0});
  REQUIRE(!range.has_value());
  CHECK(range.error().message() == "range(): step must not be 0");
}

TEST_CASE("functions: arities", "[query][functions]") {
  auto arity = [](std::string_view name) {
    const ScalarFunction* f = find_scalar_function(name);
    if (f == nullptr) {
      const AggregateFunction* a = find_aggregate_function(name);
      REQUIRE(a != nullptr);
      return std::to_string(a->min_args) + ".." + std::to_string(a->max_args);
    }
    return std::to_string(f->min_args) + ".." + std::to_string(f->max_args);
  };
  CHECK(arity("coalesce") == "1..255");
  CHECK(arity("range") == "2..3");
  CHECK(arity("round") == "1..3");
  CHECK(arity("substring") == "2..3");
  CHECK(arity("split") == "2..2");
  CHECK(arity("e") == "0..0");
  CHECK(arity("rand") == "0..0");
  CHECK(arity("atan2") == "2..2");
  CHECK(arity("count") == "1..1");
  CHECK(arity("percentileCont") == "2..2");
  CHECK(arity("percentileDisc") == "2..2");
}

TEST_CASE("functions: all_function_names lists every function once, sorted", "[query][functions]") {
  std::span<const std::string_view> names = all_function_names();
  std::set<std::string> lower;
  for (std::string_view n : names) {
    std::string l(n);
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(lower.insert(l).second);  // no duplicates, even ignoring case
    bool scalar = find_scalar_function(n) != nullptr;
    bool aggregate = find_aggregate_function(n) != nullptr;
    CHECK(scalar != aggregate);
  }
  CHECK(std::is_sorted(names.begin(), names.end(), [](std::string_view a, std::string_view b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return std::tolower(static_cast<unsigned char>(x)) <
             std::tolower(static_cast<unsigned char>(y));
    });
  }));
  for (std::string_view required : {"id",
                                    "labels",
                                    "type",
                                    "keys",
                                    "properties",
                                    "startNode",
                                    "endNode",
                                    "length",
                                    "nodes",
                                    "relationships",
                                    "size",
                                    "coalesce",
                                    "head",
                                    "last",
                                    "tail",
                                    "range",
                                    "toString",
                                    "toInteger",
                                    "toFloat",
                                    "toBoolean",
                                    "toStringOrNull",
                                    "toIntegerOrNull",
                                    "toFloatOrNull",
                                    "toBooleanOrNull",
                                    "abs",
                                    "sign",
                                    "round",
                                    "floor",
                                    "ceil",
                                    "sqrt",
                                    "exp",
                                    "log",
                                    "log10",
                                    "e",
                                    "pi",
                                    "sin",
                                    "cos",
                                    "tan",
                                    "asin",
                                    "acos",
                                    "atan",
                                    "atan2",
                                    "cot",
                                    "degrees",
                                    "radians",
                                    "rand",
                                    "toUpper",
                                    "toLower",
                                    "trim",
                                    "ltrim",
                                    "rtrim",
                                    "substring",
                                    "replace",
                                    "split",
                                    "left",
                                    "right",
                                    "reverse",
                                    "isEmpty",
                                    "char_length",
                                    "character_length",
                                    "count",
                                    "sum",
                                    "avg",
                                    "min",
                                    "max",
                                    "collect",
                                    "stDev",
                                    "stDevP",
                                    "percentileCont",
                                    "percentileDisc"}) {
    INFO(required);
    CHECK(std::find(names.begin(), names.end(), required) != names.end());
  }
}

TEST_CASE("functions: id, labels and type", "[query][functions]") {
  FakeContext ctx;
  ctx.nodes[1] = make_node(1, {"Foo", "Bar"}, {{"name", "Ann"}});
  Relationship knows = make_rel(7, "KNOWS", 1, 2);

  CHECK(eval(ctx, "id", {make_node(1)}) == "1");
  CHECK(eval(ctx, "id", {knows}) == "7");
  CHECK(eval(ctx, "id", {Value()}) == "null");
  CHECK(eval(ctx, "id", {1}) == kTypeErrorValue);
  CHECK(eval(ctx, "id", {Path{{make_node(1)}, {}}}) == kTypeErrorValue);

  // labels() reads the node as the statement sees it now, not the bound value.
  CHECK(eval(ctx, "labels", {make_node(1)}) == "['Foo', 'Bar']");  // TCK Graph3 [2]
  ctx.nodes[3] = make_node(3);
  CHECK(eval(ctx, "labels", {make_node(3, {"Stale"})}) == "[]");  // TCK Graph3 [1], [5]
  CHECK(eval(ctx, "labels", {Value()}) == "null");                // TCK Graph3 [7]
  CHECK(eval(ctx, "labels", {1}) == kTypeErrorValue);             // TCK Graph3 [9]
  CHECK(eval(ctx, "labels", {Path{{make_node(1)}, {}}}) == kTypeErrorValue);
  CHECK(eval(ctx, "labels", {knows}) == kTypeErrorValue);
  CHECK(eval(ctx, "labels", {make_node(99, {"Gone"})}) ==
        "EntityNotFound DeletedEntityAccess");  // TCK Return2 [16]

  CHECK(eval(ctx, "type", {knows}) == "'KNOWS'");  // TCK Graph4 [1]
  CHECK(eval(ctx, "type", {Value()}) == "null");   // TCK Graph4 [3]
  // The relationship value is enough: type() of a deleted relationship works (TCK Return2 [14]).
  CHECK(eval(ctx, "type", {make_rel(8, "T", 98, 99)}) == "'T'");
  for (const Value& invalid : {Value(0), Value(1.0), Value(true), Value(""), Value(List{})}) {
    INFO(invalid.to_literal());
    CHECK(eval(ctx, "type", {invalid}) == kTypeErrorValue);  // TCK Graph4 [6]
  }
  CHECK(eval(ctx, "type", {make_node(1)}) == kTypeErrorValue);
}

TEST_CASE("functions: keys and properties", "[query][functions]") {
  FakeContext ctx;
  ctx.nodes[1] = make_node(1, {"Person"}, {{"name", "Popeye"}, {"level", 9001}});
  Relationship r = make_rel(5, "R", 1, 1, {{"status", "bad"}, {"year", "2015"}});

  CHECK(eval(ctx, "keys", {make_node(1)}) == "['level', 'name']");  // TCK Graph8 [1]
  CHECK(eval(ctx, "keys", {r}) == "['status', 'year']");            // TCK Graph8 [5]
  CHECK(eval(ctx, "keys", {make_rel(6, "R", 1, 1)}) == "[]");       // TCK Graph8 [6]
  CHECK(eval(ctx, "keys", {Value()}) == "null");                    // TCK Graph8 [4], [7]
  CHECK(eval(ctx, "keys", {Map{{"a", Value()}, {"b", 1}}}) == "['a', 'b']");
  CHECK(eval(ctx, "keys", {1}) == kTypeErrorValue);
  CHECK(eval(ctx, "keys", {make_node(2)}) == "EntityNotFound DeletedEntityAccess");

  CHECK(eval(ctx, "properties", {make_node(1)}) == "{level: 9001, name: 'Popeye'}");  // Graph9 [1]
  CHECK(eval(ctx, "properties", {r}) == "{status: 'bad', year: '2015'}");             // Graph9 [2]
  CHECK(eval(ctx, "properties", {Value()}) == "null");                                // Graph9 [3]
  CHECK(eval(ctx, "properties", {Map{{"name", "Popeye"}, {"level", 9001}}}) ==
        "{level: 9001, name: 'Popeye'}");                  // TCK Graph9 [4]
  CHECK(eval(ctx, "properties", {1}) == kTypeErrorValue);  // TCK Graph9 [5]-[7] at runtime
  CHECK(eval(ctx, "properties", {"Cypher"}) == kTypeErrorValue);
  CHECK(eval(ctx, "properties", {List{true, false}}) == kTypeErrorValue);
}

TEST_CASE("functions: startNode, endNode, nodes, relationships, length", "[query][functions]") {
  FakeContext ctx;
  ctx.nodes[1] = make_node(1, {"A"});
  ctx.nodes[2] = make_node(2, {"B"}, {{"num", 2}});
  Relationship r = make_rel(10, "REL", 1, 2, {{"num", 1}});

  Result<Value> start = call(ctx, "startNode", {r});
  REQUIRE(start.has_value());
  REQUIRE(start->is_node());
  CHECK(start->as_node().id == NodeId{1});
  CHECK(render(start) == "(:A)");
  CHECK(eval(ctx, "endNode", {r}) == "(:B {num: 2})");
  CHECK(eval(ctx, "startNode", {Value()}) == "null");
  CHECK(eval(ctx, "endNode", {make_node(1)}) == kTypeErrorValue);
  CHECK(eval(ctx, "endNode", {make_rel(11, "REL", 1, 42)}) == "EntityNotFound DeletedEntityAccess");

  Relationship back = make_rel(12, "REL", 3, 2, {{"num", 2}});
  Path p{{make_node(1, {"A"}), make_node(2, {"B"}), make_node(3, {"C"})}, {r, back}};
  CHECK(eval(ctx, "nodes", {p}) == "[(:A), (:B), (:C)]");
  CHECK(eval(ctx, "relationships", {p}) == "[[:REL {num: 1}], [:REL {num: 2}]]");  // Path2 [1]
  CHECK(eval(ctx, "length", {p}) == "2");
  CHECK(eval(ctx, "length", {Path{{make_node(1)}, {}}}) == "0");  // TCK Path3 [1]
  CHECK(eval(ctx, "nodes", {Value()}) == "null");                 // TCK Path1 [1]
  CHECK(eval(ctx, "relationships", {Value()}) == "null");         // TCK Path2 [3]
  CHECK(eval(ctx, "length", {Value()}) == "null");
  CHECK(eval(ctx, "length", {make_node(1)}) == kTypeErrorValue);  // TCK Path3 [2] at runtime
  CHECK(eval(ctx, "length", {r}) == kTypeErrorValue);             // TCK Path3 [3] at runtime
  CHECK(eval(ctx, "length", {"h\xC3\xA9llo"}) == "5");            // Cypher 9 length(string)
  CHECK(eval(ctx, "nodes", {List{}}) == kTypeErrorValue);
}

TEST_CASE("functions: size, head, last, tail", "[query][functions]") {
  CHECK(eval("size", {List{1, 2, 3}}) == "3");  // TCK List6 [1]
  CHECK(eval("size", {List{}}) == "0");
  CHECK(eval("size", {"h\xC3\xA9llo"}) == "5");  // code points, not bytes
  CHECK(eval("size", {""}) == "0");
  CHECK(eval("size", {Value()}) == "null");  // TCK List6 [4]
  CHECK(eval("size", {1}) == kTypeErrorValue);
  CHECK(eval("size", {Map{{"a", 1}}}) == kTypeErrorValue);
  CHECK(eval("size", {Path{{make_node(1)}, {}}}) == kTypeErrorValue);  // TCK List6 [5] at runtime

  CHECK(eval("head", {List{1, 2}}) == "1");
  CHECK(eval("head", {List{}}) == "null");
  CHECK(eval("head", {List{Value(), 1}}) == "null");
  CHECK(eval("head", {Value()}) == "null");
  CHECK(eval("head", {"abc"}) == kTypeErrorValue);
  CHECK(eval("last", {List{1, "b"}}) == "'b'");
  CHECK(eval("last", {List{}}) == "null");
  CHECK(eval("last", {Value()}) == "null");
  CHECK(eval("last", {1}) == kTypeErrorValue);

  CHECK(eval("tail", {List{1, 2, 3}}) == "[2, 3]");
  CHECK(eval("tail", {List{1}}) == "[]");
  CHECK(eval("tail", {List{}}) == "[]");
  CHECK(eval("tail", {Value()}) == "null");
  CHECK(eval("tail", {"abc"}) == kTypeErrorValue);
  FakeContext ctx;
  Result<Value> once = call(ctx, "tail", {List{1, 2, 3, 4, 5}});
  REQUIRE(once.has_value());
  CHECK(eval("tail", {once.value()}) == "[3, 4, 5]");  // TCK List9 [1]
}

TEST_CASE("functions: reverse and isEmpty", "[query][functions]") {
  CHECK(eval("reverse", {"raksO"}) == "'Oskar'");  // TCK String3 [1]
  CHECK(eval("reverse", {"h\xC3\xA9llo"}) == "'oll\xC3\xA9h'");
  CHECK(eval("reverse", {"a\xF0\x9F\x98\x80z"}) ==
        "'z\xF0\x9F\x98\x80"
        "a'");
  CHECK(eval("reverse", {""}) == "''");
  CHECK(eval("reverse", {List{1, "a", Value(), 2.0}}) == "[2.0, null, 'a', 1]");
  CHECK(eval("reverse", {List{}}) == "[]");
  CHECK(eval("reverse", {Value()}) == "null");
  CHECK(eval("reverse", {1}) == kTypeErrorValue);

  CHECK(eval("isEmpty", {List{}}) == "true");
  CHECK(eval("isEmpty", {List{Value()}}) == "false");
  CHECK(eval("isEmpty", {""}) == "true");
  CHECK(eval("isEmpty", {" "}) == "false");
  CHECK(eval("isEmpty", {Map{}}) == "true");
  CHECK(eval("isEmpty", {Map{{"a", 1}}}) == "false");
  CHECK(eval("isEmpty", {Value()}) == "null");
  CHECK(eval("isEmpty", {0}) == kTypeErrorValue);
}

TEST_CASE("functions: range", "[query][functions]") {
  // TCK List11 [1]
  CHECK(eval("range", {-1236, -1234}) == "[-1236, -1235, -1234]");
  CHECK(eval("range", {-1234, -1234}) == "[-1234]");
  CHECK(eval("range", {-10, 0}) == "[-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0]");
  CHECK(eval("range", {0, -123}) == "[]");
  CHECK(eval("range", {0, 0}) == "[0]");
  CHECK(eval("range", {6, 10}) == "[6, 7, 8, 9, 10]");
  // TCK List11 [2]
  CHECK(eval("range", {1381, -3412, -1298}) == "[1381, 83, -1215, -2513]");
  CHECK(eval("range", {0, -2000, -1298}) == "[0, -1298]");
  CHECK(eval("range", {10, -10, -3}) == "[10, 7, 4, 1, -2, -5, -8]");
  CHECK(eval("range", {0, -1, -1}) == "[0, -1]");
  CHECK(eval("range", {0, 1, -123}) == "[]");
  CHECK(eval("range", {0, -1, 1}) == "[]");
  CHECK(eval("range", {0, 0, -1}) == "[0]");
  CHECK(eval("range", {0, 1, 2}) == "[0]");
  CHECK(eval("range", {-10, 10, 3}) == "[-10, -7, -4, -1, 2, 5, 8]");
  CHECK(eval("range", {-3412, 1381, 1298}) == "[-3412, -2114, -816, 482]");
  // TCK List11 [3]: empty exactly when the step goes away from the end.
  FakeContext ctx;
  for (int64_t stop : {1, 2, 500, 1000, 1500}) {
    for (int64_t step : {-1000, -3, -2, -1, 1, 2, 3, 1000}) {
      Result<Value> list = call(ctx, "range", {0, stop, step});
      REQUIRE(list.has_value());
      CHECK(list->as_list().empty() == (step < 0));
    }
  }
  // TCK List11 [4]
  CHECK(eval("range", {0, 0, 0}) == "ArgumentError NumberOutOfRange");
  CHECK(eval("range", {2, -8, 0}) == "ArgumentError NumberOutOfRange");
  // TCK List11 [5]
  for (const Value& invalid : {Value(true), Value(-1.1), Value(-0.0), Value(0.0), Value(1.1),
                               Value("xyz"), Value(List{0}), Value(Map{{"start", 0}})}) {
    INFO(invalid.to_literal());
    CHECK(eval("range", {invalid, 1, 1}) == "ArgumentError InvalidArgumentType");
    CHECK(eval("range", {0, invalid, 1}) == "ArgumentError InvalidArgumentType");
    CHECK(eval("range", {0, 1, invalid}) == "ArgumentError InvalidArgumentType");
  }
  CHECK(eval("range", {Value(), 1}) == "null");
  CHECK(eval("range", {0, 1, Value()}) == "null");
  // No overflow at the ends of the INTEGER range.
  CHECK(eval("range", {kMaxInt - 1, kMaxInt}) == "[9223372036854775806, 9223372036854775807]");
  CHECK(eval("range", {kMinInt, kMinInt + 1}) == "[-9223372036854775808, -9223372036854775807]");
  CHECK(eval("range", {kMaxInt, kMinInt, kMinInt}) == "[9223372036854775807, -1]");
  CHECK(eval("range", {kMinInt, kMaxInt}) == "ArgumentError NumberOutOfRange");  // 2^64 elements
  CHECK(eval("range", {0, kMaxInt, kMaxInt}) == "[0, 9223372036854775807]");
}

TEST_CASE("functions: coalesce and nullIf", "[query][functions]") {
  CHECK(eval("coalesce", {Value(), 42, 1}) == "42");  // TCK Return4 [9]
  CHECK(eval("coalesce", {Value(), Value()}) == "null");
  CHECK(eval("coalesce", {Value()}) == "null");
  CHECK(eval("coalesce", {"x"}) == "'x'");
  CHECK(eval("coalesce", {List{}, 1}) == "[]");

  CHECK(eval("nullIf", {4, 4}) == "null");
  CHECK(eval("nullIf", {4, 4.0}) == "null");
  CHECK(eval("nullIf", {"abc", "def"}) == "'abc'");
  CHECK(eval("nullIf", {"abc", Value()}) == "'abc'");
  CHECK(eval("nullIf", {Value(), 1}) == "null");
}

TEST_CASE("functions: toString", "[query][functions]") {
  CHECK(eval("toString", {42}) == "'42'");        // TCK TypeConversion4 [1]
  CHECK(eval("toString", {true}) == "'true'");    // TCK TypeConversion4 [2]
  CHECK(eval("toString", {false}) == "'false'");  // TCK TypeConversion4 [3]
  CHECK(eval("toString", {2.3}) == "'2.3'");      // TCK TypeConversion4 [5]
  CHECK(eval("toString", {"apa"}) == "'apa'");
  CHECK(eval("toString", {1.0}) == "'1.0'");
  CHECK(eval("toString", {-0.5}) == "'-0.5'");
  CHECK(eval("toString", {kNaN}) == "'NaN'");
  CHECK(eval("toString", {kMinInt}) == "'-9223372036854775808'");
  CHECK(eval("toString", {Value()}) == "null");  // TCK TypeConversion4 [8]
  Path p{{make_node(1)}, {}};
  // TCK TypeConversion4 [10]
  for (const Value& invalid : {Value(List{}), Value(Map{}), Value(make_node(1)),
                               Value(make_rel(2, "T", 1, 1)), Value(p)}) {
    INFO(invalid.to_literal());
    CHECK(eval("toString", {invalid}) == kTypeErrorValue);
    CHECK(eval("toStringOrNull", {invalid}) == "null");
  }
  CHECK(eval("toStringOrNull", {1}) == "'1'");
  CHECK(eval("toStringOrNull", {Value()}) == "null");
}

TEST_CASE("functions: toInteger", "[query][functions]") {
  CHECK(eval("toInteger", {82.9}) == "82");  // TCK TypeConversion2 [1]
  CHECK(eval("toInteger", {-82.9}) == "-82");
  CHECK(eval("toInteger", {"foo"}) == "null");  // TCK TypeConversion2 [2]
  CHECK(eval("toInteger", {""}) == "null");
  CHECK(eval("toInteger", {2}) == "2");  // TCK TypeConversion2 [3]
  CHECK(eval("toInteger", {2.9}) == "2");
  CHECK(eval("toInteger", {"1.7"}) == "1");  // TCK TypeConversion2 [4]
  CHECK(eval("toInteger", {"2"}) == "2");    // TCK TypeConversion2 [5]
  CHECK(eval("toInteger", {"2.9"}) == "2");
  CHECK(eval("toInteger", {"42"}) == "42");  // TCK TypeConversion2 [7]
  CHECK(eval("toInteger", {"-1.9"}) == "-1");
  CHECK(eval("toInteger", {"+3"}) == "3");
  CHECK(eval("toInteger", {"1e3"}) == "1000");
  CHECK(eval("toInteger", {"-0.5"}) == "0");
  CHECK(eval("toInteger", {".5"}) == "0");
  CHECK(eval("toInteger", {" 42"}) == "null");
  CHECK(eval("toInteger", {"0x1F"}) == "null");
  CHECK(eval("toInteger", {"NaN"}) == "null");
  CHECK(eval("toInteger", {"9223372036854775807"}) == "9223372036854775807");
  CHECK(eval("toInteger", {"-9223372036854775808"}) == "-9223372036854775808");
  CHECK(eval("toInteger", {"9223372036854775807.9"}) == "9223372036854775807");
  CHECK(eval("toInteger", {"9223372036854775808"}) == "ArgumentError NumberOutOfRange");
  CHECK(eval("toInteger", {"1e19"}) == "ArgumentError NumberOutOfRange");
  CHECK(eval("toInteger", {"0e999999"}) == "0");
  CHECK(eval("toInteger", {true}) == "1");
  CHECK(eval("toInteger", {false}) == "0");
  CHECK(eval("toInteger", {-9223372036854775808.0}) == "-9223372036854775808");
  CHECK(eval("toInteger", {9223372036854775808.0}) == "ArgumentError NumberOutOfRange");
  CHECK(eval("toInteger", {kNaN}) == "ArgumentError NumberOutOfRange");
  CHECK(eval("toInteger", {Value()}) == "null");
  // TCK TypeConversion2 [8]
  for (const Value& invalid : {Value(List{}), Value(Map{}), Value(make_node(1)),
                               Value(make_rel(2, "T", 1, 1)), Value(Path{{make_node(1)}, {}})}) {
    INFO(invalid.to_literal());
    CHECK(eval("toInteger", {invalid}) == kTypeErrorValue);
    CHECK(eval("toIntegerOrNull", {invalid}) == "null");
  }
  CHECK(eval("toIntegerOrNull", {"42"}) == "42");
  CHECK(eval("toIntegerOrNull", {"not a number"}) == "null");
  CHECK(eval("toIntegerOrNull", {true}) == "1");
  CHECK(eval("toIntegerOrNull", {1e30}) == "null");
}

TEST_CASE("functions: toFloat", "[query][functions]") {
  CHECK(eval("toFloat", {3.4}) == "3.4");  // TCK TypeConversion3 [1]
  CHECK(eval("toFloat", {3}) == "3.0");
  CHECK(eval("toFloat", {"foo"}) == "null");  // TCK TypeConversion3 [2]
  CHECK(eval("toFloat", {""}) == "null");
  CHECK(eval("toFloat", {"5"}) == "5.0");  // TCK TypeConversion3 [3]
  CHECK(eval("toFloat", {"1"}) == "1.0");  // TCK TypeConversion3 [4]
  CHECK(eval("toFloat", {4}) == "4.0");    // TCK TypeConversion3 [5]
  CHECK(eval("toFloat", {"11.5"}) == "11.5");
  CHECK(eval("toFloat", {" 1.5\t"}) == "1.5");
  CHECK(eval("toFloat", {"-1e3"}) == "-1000.0");
  CHECK(eval("toFloat", {".5"}) == "0.5");
  CHECK(eval("toFloat", {"5."}) == "5.0");
  CHECK(eval("toFloat", {"1.5f"}) == "1.5");
  CHECK(eval("toFloat", {"NaN"}) == "NaN");
  CHECK(eval("toFloat", {"-Infinity"}) == "-Infinity");
  CHECK(eval("toFloat", {"1e400"}) == "Infinity");
  CHECK(eval("toFloat", {"-1e-400"}) == "-0.0");
  CHECK(eval("toFloat", {"inf"}) == "null");
  CHECK(eval("toFloat", {"1e"}) == "null");
  CHECK(eval("toFloat", {"0x1p3"}) == "null");
  CHECK(eval("toFloat", {"1,5"}) == "null");
  CHECK(eval("toFloat", {kMaxInt}) == "9223372036854775808.0");
  CHECK(eval("toFloat", {Value()}) == "null");
  // TCK TypeConversion3 [6]
  for (const Value& invalid : {Value(true), Value(List{}), Value(Map{}), Value(make_node(1)),
                               Value(make_rel(2, "T", 1, 1)), Value(Path{{make_node(1)}, {}})}) {
    INFO(invalid.to_literal());
    CHECK(eval("toFloat", {invalid}) == kTypeErrorValue);
    CHECK(eval("toFloatOrNull", {invalid}) == "null");
  }
  CHECK(eval("toFloatOrNull", {"11.5"}) == "11.5");
  CHECK(eval("toFloatOrNull", {"not a number"}) == "null");
}

TEST_CASE("functions: toBoolean", "[query][functions]") {
  CHECK(eval("toBoolean", {true}) == "true");  // TCK TypeConversion1 [1]
  CHECK(eval("toBoolean", {false}) == "false");
  CHECK(eval("toBoolean", {"true"}) == "true");  // TCK TypeConversion1 [2], [3]
  CHECK(eval("toBoolean", {"false"}) == "false");
  for (const Value& v : {Value(), Value(""), Value(" tru "), Value("f alse")})
    CHECK(eval("toBoolean", {v}) == "null");  // TCK TypeConversion1 [4]
  CHECK(eval("toBoolean", {"TRUE"}) == "true");
  CHECK(eval("toBoolean", {" False\n"}) == "false");
  CHECK(eval("toBoolean", {"yes"}) == "null");
  CHECK(eval("toBoolean", {0}) == "false");
  CHECK(eval("toBoolean", {-3}) == "true");
  // TCK TypeConversion1 [5]
  for (const Value& invalid : {Value(List{}), Value(Map{}), Value(1.0), Value(make_node(1)),
                               Value(make_rel(2, "T", 1, 1)), Value(Path{{make_node(1)}, {}})}) {
    INFO(invalid.to_literal());
    CHECK(eval("toBoolean", {invalid}) == kTypeErrorValue);
    CHECK(eval("toBooleanOrNull", {invalid}) == "null");
  }
  CHECK(eval("toBooleanOrNull", {"true"}) == "true");
  CHECK(eval("toBooleanOrNull", {"not a boolean"}) == "null");
  CHECK(eval("toBooleanOrNull", {0}) == "false");
  CHECK(eval("toBooleanOrNull", {1.5}) == "null");
}

TEST_CASE("functions: abs, sign, floor, ceil", "[query][functions]") {
  CHECK(eval("abs", {-1}) == "1");  // TCK Mathematical11 [1]: stays an INTEGER
  CHECK(eval("abs", {3}) == "3");
  CHECK(eval("abs", {-1.5}) == "1.5");
  CHECK(eval("abs", {-0.0}) == "0.0");
  CHECK(eval("abs", {kMaxInt}) == "9223372036854775807");
  CHECK(eval("abs", {kMinInt}) == "ArithmeticError IntegerOverflow");
  CHECK(eval("abs", {Value()}) == "null");
  CHECK(eval("abs", {"-1"}) == kTypeErrorValue);

  CHECK(eval("sign", {-17}) == "-1");
  CHECK(eval("sign", {0.1}) == "1");
  CHECK(eval("sign", {0}) == "0");
  CHECK(eval("sign", {-0.0}) == "0");
  CHECK(eval("sign", {kNaN}) == "0");
  CHECK(eval("sign", {Value()}) == "null");
  CHECK(eval("sign", {true}) == kTypeErrorValue);

  CHECK(eval("floor", {0.9}) == "0.0");
  CHECK(eval("floor", {-0.1}) == "-1.0");
  CHECK(eval("floor", {1}) == "1.0");
  CHECK(eval("ceil", {0.1}) == "1.0");
  CHECK(eval("ceil", {1.7}) == "2.0");  // TCK ReturnSkipLimit2: toInteger(ceil(1.7))
  CHECK(eval("ceil", {-0.5}) == "-0.0");
  CHECK(eval("ceil", {Value()}) == "null");
  CHECK(eval("floor", {"1"}) == kTypeErrorValue);
}

TEST_CASE("functions: sqrt, exp, log, log10, e, pi, rand, isNaN", "[query][functions]") {
  CHECK(eval("sqrt", {12.96}) == "3.6");  // TCK Mathematical13 [1]
  CHECK(eval("sqrt", {4}) == "2.0");
  CHECK(eval("sqrt", {-1}) == "NaN");
  CHECK(eval("exp", {0}) == "1.0");
  CHECK(eval("log", {1}) == "0.0");
  CHECK(eval("log", {0}) == "-Infinity");
  CHECK(eval("log", {-1}) == "NaN");
  CHECK(eval("log10", {1000}) == "3.0");
  CHECK(eval("e", {}) == "2.718281828459045");
  CHECK(eval("pi", {}) == "3.141592653589793");
  FakeContext ctx;
  ctx.random_value = 0.125;
  CHECK(eval(ctx, "rand", {}) == "0.125");
  CHECK(eval("isNaN", {kNaN}) == "true");
  CHECK(eval("isNaN", {1.0}) == "false");
  CHECK(eval("isNaN", {1}) == "false");
  CHECK(eval("isNaN", {Value()}) == "null");
  CHECK(eval("isNaN", {"NaN"}) == kTypeErrorValue);
  for (std::string_view f : {"sqrt", "exp", "log", "log10"}) {
    INFO(f);
    CHECK(eval(f, {Value()}) == "null");
    CHECK(eval(f, {"1"}) == kTypeErrorValue);
  }
}

TEST_CASE("functions: round", "[query][functions]") {
  // round(x): ties toward positive infinity, always a FLOAT (Neo4j docs).
  CHECK(eval("round", {3.141592}) == "3.0");
  CHECK(eval("round", {-1.5}) == "-1.0");
  CHECK(eval("round", {2.5}) == "3.0");
  CHECK(eval("round", {-2.5}) == "-2.0");
  CHECK(eval("round", {-0.5}) == "0.0");
  CHECK(eval("round", {-0.4}) == "0.0");
  CHECK(eval("round", {0.49999999999999994}) == "0.0");
  CHECK(eval("round", {3}) == "3.0");
  CHECK(eval("round", {1e300}) == "1e+300");
  CHECK(eval("round", {kNaN}) == "NaN");
  CHECK(eval("round", {Value()}) == "null");
  CHECK(eval("round", {"1.5"}) == kTypeErrorValue);

  // round(x, precision): ties away from zero, but precision 0 rounds as round(x).
  CHECK(eval("round", {3.141592, 3}) == "3.142");
  CHECK(eval("round", {-1.5, 0}) == "-1.0");
  CHECK(eval("round", {-1.55, 1}) == "-1.6");
  CHECK(eval("round", {2.15, 1}) == "2.2");  // a tie on the decimal representation
  CHECK(eval("round", {9.99, 1}) == "10.0");
  CHECK(eval("round", {123.456, -1}) == "120.0");
  CHECK(eval("round", {1234, -2}) == "1200.0");
  CHECK(eval("round", {1250, -2}) == "1300.0");
  CHECK(eval("round", {0.1, 400}) == "0.1");
  CHECK(eval("round", {0.1, 2.9}) == "0.1");  // a FLOAT precision is truncated
  CHECK(eval("round", {1.5, Value()}) == "null");
  CHECK(eval("round", {1.5, "1"}) == kTypeErrorValue);

  // round(x, precision, mode): Neo4j's documented table for 1.249, -1.251, 1.25, -1.35.
  struct Row {
    const char* mode;
    const char* results;
  };
  for (Row row : {Row{"UP", "1.3 -1.3 1.3 -1.4"}, Row{"DOWN", "1.2 -1.2 1.2 -1.3"},
                  Row{"CEILING", "1.3 -1.2 1.3 -1.3"}, Row{"FLOOR", "1.2 -1.3 1.2 -1.4"},
                  Row{"HALF_UP", "1.2 -1.3 1.3 -1.4"}, Row{"HALF_DOWN", "1.2 -1.3 1.2 -1.3"},
                  Row{"HALF_EVEN", "1.2 -1.3 1.2 -1.4"}}) {
    INFO(row.mode);
    std::string results;
    for (double x : {1.249, -1.251, 1.25, -1.35})
      results += (results.empty() ? "" : " ") + eval("round", {x, 1, row.mode});
    CHECK(results == row.results);
  }
  CHECK(eval("round", {-1.5, 0, "HALF_UP"}) == "-2.0");
  CHECK(eval("round", {2.5, 0, "half_even"}) == "2.0");
  CHECK(eval("round", {1e-5, 2, "CEILING"}) == "0.01");
  CHECK(eval("round", {-1e-5, 2, "CEILING"}) == "0.0");
  CHECK(eval("round", {1e300, -400, "UP"}) == "Infinity");
  CHECK(eval("round", {-7, -1, "FLOOR"}) == "-10.0");
  CHECK(eval("round", {kMinInt, -18, "HALF_UP"}) == "-9e+18");
  CHECK(eval("round", {1.5, 0, "UNNECESSARY"}) == "ArgumentError InvalidArgumentValue");
  CHECK(eval("round", {1.5, 0, "sideways"}) == "ArgumentError InvalidArgumentValue");
  CHECK(eval("round", {1.5, 0, Value()}) == "null");
  CHECK(eval("round", {1.5, 0, 1}) == kTypeErrorValue);
}

TEST_CASE("functions: trigonometry", "[query][functions]") {
  CHECK(eval("sin", {0}) == "0.0");
  CHECK(eval("cos", {0}) == "1.0");
  CHECK(eval("tan", {0.0}) == "0.0");
  CHECK(eval("cot", {0}) == "Infinity");
  CHECK(eval("asin", {1}) == Value(std::numbers::pi / 2).to_literal());
  CHECK(eval("acos", {1}) == "0.0");
  CHECK(eval("atan", {1}) == Value(std::numbers::pi / 4).to_literal());
  CHECK(eval("atan2", {1, 1}) == Value(std::numbers::pi / 4).to_literal());
  CHECK(eval("atan2", {0, -1}) == Value(std::numbers::pi).to_literal());
  CHECK(eval("degrees", {std::numbers::pi}) == "180.0");
  CHECK(eval("radians", {180}) == "3.141592653589793");
  CHECK(eval("haversin", {0}) == "0.0");
  CHECK(eval("asin", {2}) == "NaN");
  CHECK(eval("atan2", {Value(), 1}) == "null");
  CHECK(eval("atan2", {1, "1"}) == kTypeErrorValue);
  for (std::string_view f :
       {"sin", "cos", "tan", "cot", "asin", "acos", "atan", "degrees", "radians", "haversin"}) {
    INFO(f);
    CHECK(eval(f, {Value()}) == "null");
    CHECK(eval(f, {true}) == kTypeErrorValue);
  }
}

}  // namespace
}  // namespace kg::query
