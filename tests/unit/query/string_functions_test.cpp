// Tests of the string functions (query/functions/string_functions.cpp and its UTF-8 and case
// mapping helpers). Strings are UTF-8 and positions count code points: "h\xC3\xA9llo" is 'héllo'.
#include "query/functions/function_registry.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace kg::query {
namespace {

class NoGraphContext : public FunctionContext {
 public:
  Result<Value> node(NodeId) override { return Status::internal("no graph in this test"); }
  double random() override { return 0.5; }
};

// The result as a Cypher literal ('a', 1, null), or "<ErrorType> <detail>".
std::string eval(std::string_view name, std::vector<Value> args) {
  const ScalarFunction* f = find_scalar_function(name);
  REQUIRE(f != nullptr);
  REQUIRE(args.size() >= f->min_args);
  REQUIRE(args.size() <= f->max_args);
  NoGraphContext ctx;
  Result<Value> r = f->fn(args, ctx);
  if (r.has_value()) return r->to_literal();
  return std::string(status_code_name(r.error().code())) + " " + r.error().detail();
}

constexpr std::string_view kTypeErrorValue = "TypeError InvalidArgumentValue";
constexpr std::string_view kOutOfRange = "ArgumentError NumberOutOfRange";

TEST_CASE("string functions: toUpper and toLower", "[query][functions]") {
  CHECK(eval("toUpper", {"abc"}) == "'ABC'");
  CHECK(eval("toLower", {"HELLO"}) == "'hello'");
  CHECK(eval("toLower", {"Foo"}) == "'foo'");  // TCK List12 [6]
  CHECK(eval("upper", {"a1-b"}) == "'A1-B'");
  CHECK(eval("lower", {"A1-B"}) == "'a1-b'");
  CHECK(eval("toUpper", {"h\xC3\xA9llo w\xC3\xB6rld"}) == "'H\xC3\x89LLO W\xC3\x96RLD'");
  CHECK(eval("toUpper", {"stra\xC3\x9F"
                         "e"}) == "'STRASSE'");  // ß → SS
  CHECK(eval("toUpper", {"\xCE\xB1\xCE\xB2\xCE\xB3"}) == "'\xCE\x91\xCE\x92\xCE\x93'");  // αβγ
  CHECK(eval("toLower", {"\xD0\x9F\xD0\xA0\xD0\x98"}) == "'\xD0\xBF\xD1\x80\xD0\xB8'");  // ПРИ
  CHECK(eval("toUpper", {"\xC5\x82\xC3\xB3"
                         "d\xC5\xBA"}) ==
        "'\xC5\x81\xC3\x93"
        "D\xC5\xB9'");                                    // łódź
  CHECK(eval("toLower", {"\xC4\xB0"}) == "'i\xCC\x87'");  // İ → i + combining dot
  CHECK(eval("toUpper", {"\xC3\xBF"}) == "'\xC5\xB8'");   // ÿ → Ÿ
  CHECK(eval("toUpper", {"\xF0\x9F\x98\x80 \xE6\x97\xA5"}) == "'\xF0\x9F\x98\x80 \xE6\x97\xA5'");
  CHECK(eval("toUpper", {"\xC3\x97\xC3\xB7"}) == "'\xC3\x97\xC3\xB7'");  // × ÷ have no case
  CHECK(eval("toUpper", {""}) == "''");
  CHECK(eval("toUpper", {Value()}) == "null");
  CHECK(eval("toLower", {Value()}) == "null");
  CHECK(eval("toUpper", {1}) == kTypeErrorValue);
  CHECK(eval("toLower", {List{"A"}}) == kTypeErrorValue);
}

TEST_CASE("string functions: trim, ltrim, rtrim", "[query][functions]") {
  CHECK(eval("trim", {"   hello   "}) == "'hello'");
  CHECK(eval("ltrim", {"   hello   "}) == "'hello   '");
  CHECK(eval("rtrim", {"   hello   "}) == "'   hello'");
  CHECK(eval("trim", {"\t\n a b \r\x0B\x0C"}) == "'a b'");
  CHECK(eval("trim", {"\xE3\x80\x80x\xE2\x80\x83"}) == "'x'");          // U+3000, U+2003
  CHECK(eval("trim", {"\xC2\xA0x\xC2\xA0"}) == "'\xC2\xA0x\xC2\xA0'");  // no-break space stays
  CHECK(eval("trim", {"   "}) == "''");
  CHECK(eval("ltrim", {"   "}) == "''");
  CHECK(eval("rtrim", {""}) == "''");
  CHECK(eval("trim", {Value()}) == "null");
  CHECK(eval("ltrim", {Value()}) == "null");
  CHECK(eval("rtrim", {Value()}) == "null");
  CHECK(eval("trim", {1}) == kTypeErrorValue);
  CHECK(eval("ltrim", {true}) == kTypeErrorValue);
  CHECK(eval("rtrim", {1.5}) == kTypeErrorValue);
}

TEST_CASE("string functions: substring", "[query][functions]") {
  CHECK(eval("substring", {"0123456789", 1}) == "'123456789'");  // TCK String1 [1]
  CHECK(eval("substring", {"hello", 1, 3}) == "'ell'");
  CHECK(eval("substring", {"hello", 2}) == "'llo'");
  CHECK(eval("substring", {"hello", 0}) == "'hello'");
  CHECK(eval("substring", {"hello", 0, 0}) == "''");
  CHECK(eval("substring", {"hello", 10}) == "''");
  CHECK(eval("substring", {"hello", 3, 100}) == "'lo'");
  CHECK(eval("substring", {"h\xC3\xA9llo", 1, 3}) == "'\xC3\xA9ll'");
  CHECK(eval("substring", {"\xF0\x9F\x98\x80\xF0\x9F\x98\x81", 1}) == "'\xF0\x9F\x98\x81'");
  CHECK(eval("substring", {Value(), 1}) == "null");
  CHECK(eval("substring", {Value(), -1, Value()}) == "null");
  // Neo4j: a null or negative start or length is an error when the string is not null.
  CHECK(eval("substring", {"hello", -1}) == kOutOfRange);
  CHECK(eval("substring", {"hello", 1, -1}) == kOutOfRange);
  CHECK(eval("substring", {"hello", Value()}) == kTypeErrorValue);
  CHECK(eval("substring", {"hello", 1, Value()}) == kTypeErrorValue);
  CHECK(eval("substring", {"hello", 1.0}) == kTypeErrorValue);
  CHECK(eval("substring", {1, 1}) == kTypeErrorValue);
}

TEST_CASE("string functions: left and right", "[query][functions]") {
  CHECK(eval("left", {"hello", 3}) == "'hel'");
  CHECK(eval("right", {"hello", 3}) == "'llo'");
  CHECK(eval("left", {"h\xC3\xA9llo", 2}) == "'h\xC3\xA9'");
  CHECK(eval("right", {"h\xC3\xA9llo", 4}) == "'\xC3\xA9llo'");
  CHECK(eval("left", {"hello", 0}) == "''");
  CHECK(eval("right", {"hello", 0}) == "''");
  CHECK(eval("left", {"hello", 10}) == "'hello'");
  CHECK(eval("right", {"hello", 10}) == "'hello'");
  CHECK(eval("left", {Value(), 3}) == "null");
  CHECK(eval("left", {Value(), Value()}) == "null");
  CHECK(eval("right", {Value(), Value()}) == "null");
  CHECK(eval("left", {"hello", Value()}) == kTypeErrorValue);
  CHECK(eval("right", {"hello", Value()}) == kTypeErrorValue);
  CHECK(eval("left", {"hello", -1}) == kOutOfRange);
  CHECK(eval("right", {"hello", -1}) == kOutOfRange);
  CHECK(eval("left", {1, 1}) == kTypeErrorValue);
  CHECK(eval("right", {"hello", "1"}) == kTypeErrorValue);
}

TEST_CASE("string functions: replace", "[query][functions]") {
  CHECK(eval("replace", {"hello", "l", "w"}) == "'hewwo'");
  CHECK(eval("replace", {"hello", "x", "y"}) == "'hello'");
  CHECK(eval("replace", {"aaa", "aa", "b"}) == "'ba'");
  CHECK(eval("replace", {"h\xC3\xA9llo", "\xC3\xA9", "e"}) == "'hello'");
  CHECK(eval("replace", {"ab", "", "-"}) == "'-a-b-'");
  CHECK(eval("replace", {"\xC3\xA9", "", "-"}) == "'-\xC3\xA9-'");
  CHECK(eval("replace", {"", "", "-"}) == "'-'");
  CHECK(eval("replace", {"abc", "b", ""}) == "'ac'");
  CHECK(eval("replace", {Value(), "a", "b"}) == "null");
  CHECK(eval("replace", {"a", Value(), "b"}) == "null");
  CHECK(eval("replace", {"a", "a", Value()}) == "null");
  CHECK(eval("replace", {1, "a", "b"}) == kTypeErrorValue);
  CHECK(eval("replace", {"a", "a", 1}) == kTypeErrorValue);
}

TEST_CASE("string functions: split", "[query][functions]") {
  CHECK(eval("split", {"one1two", "1"}) == "['one', 'two']");  // TCK String4 [1]
  CHECK(eval("split", {"one,two", ","}) == "['one', 'two']");
  CHECK(eval("split", {"a,,b,", ","}) == "['a', '', 'b', '']");
  CHECK(eval("split", {",", ","}) == "['', '']");
  CHECK(eval("split", {"", ","}) == "['']");
  CHECK(eval("split", {"a::b", "::"}) == "['a', 'b']");
  CHECK(eval("split", {"abc", ""}) == "['a', 'b', 'c']");
  CHECK(eval("split", {"h\xC3\xA9", ""}) == "['h', '\xC3\xA9']");
  CHECK(eval("split", {"", ""}) == "[]");
  CHECK(eval("split", {"a-b_c", List{"-", "_"}}) == "['a', 'b', 'c']");
  CHECK(eval("split", {"a--b-c", List{"-", "--"}}) == "['a', 'b', 'c']");
  CHECK(eval("split", {"abc", List{}}) == "['a', 'b', 'c']");
  CHECK(eval("split", {Value(), ","}) == "null");
  CHECK(eval("split", {"abc", Value()}) == "null");
  CHECK(eval("split", {1, ","}) == kTypeErrorValue);
  CHECK(eval("split", {"abc", 1}) == kTypeErrorValue);
  CHECK(eval("split", {"abc", List{"a", 1}}) == kTypeErrorValue);
}

TEST_CASE("string functions: lengths count code points", "[query][functions]") {
  CHECK(eval("size", {"h\xC3\xA9llo"}) == "5");
  CHECK(eval("size", {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"}) == "3");  // 日本語
  CHECK(eval("size", {"\xF0\x9F\x98\x80"}) == "1");                      // one emoji, 4 bytes
  CHECK(eval("char_length", {"Alice"}) == "5");
  CHECK(eval("character_length", {"h\xC3\xA9llo"}) == "5");
  CHECK(eval("char_length", {Value()}) == "null");
  CHECK(eval("character_length", {Value()}) == "null");
  CHECK(eval("char_length", {List{1}}) == kTypeErrorValue);
}

TEST_CASE("string functions: invalid UTF-8 stays memory-safe", "[query][functions]") {
  // Each byte that starts no well-formed sequence counts as one code point and is copied as is.
  CHECK(eval("size", {"\xFF\xFE"}) == "2");
  CHECK(eval("size", {"a\xC3"}) == "2");         // truncated sequence
  CHECK(eval("size", {"\xED\xA0\x80"}) == "3");  // an encoded surrogate
  CHECK(eval("reverse", {"a\xFF"
                         "b"}) ==
        "'b\xFF"
        "a'");
  CHECK(eval("toUpper", {"a\xFF"}) == "'A\xFF'");
  CHECK(eval("substring", {"\xE6\x97", 1}) == "'\x97'");
  CHECK(eval("left", {"\xF0\x9F\x98", 2}) == "'\xF0\x9F'");
}

}  // namespace
}  // namespace kg::query
