#include "shell/json_writer.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "shell/render_jsonl.hpp"

namespace {

using kg::Value;

std::string json(const Value& v) {
  std::string out;
  kg::shell::append_json_value(out, v);
  return out;
}

kg::Node company() {
  return kg::Node{kg::NodeId{7}, {"Company"}, {{"name", "AWS"}, {"founded", 2006}}};
}

kg::Relationship buys() {
  return kg::Relationship{kg::RelId{3}, "BUYS", kg::NodeId{7}, kg::NodeId{9}, {{"units", 1.5}}};
}

}  // namespace

TEST_CASE("json_writer: scalars keep their types", "[shell][json_writer]") {
  CHECK(json(Value()) == "null");
  CHECK(json(Value(true)) == "true");
  CHECK(json(Value(false)) == "false");
  CHECK(json(Value(7)) == "7");
  CHECK(json(Value(-9223372036854775807LL - 1)) == "-9223372036854775808");
  CHECK(json(Value(1.0)) == "1.0");
  CHECK(json(Value(-0.0)) == "-0.0");
  CHECK(json(Value(1.5e-7)) == "1.5e-07");
  CHECK(json(Value(1e20)) == "1e+20");
  CHECK(json(Value(0.1)) == "0.1");
}

TEST_CASE("json_writer: NaN and infinities as Python's json writes them", "[shell][json_writer]") {
  CHECK(json(Value(std::nan(""))) == "NaN");
  CHECK(json(Value(std::numeric_limits<double>::infinity())) == "Infinity");
  CHECK(json(Value(-std::numeric_limits<double>::infinity())) == "-Infinity");
}

TEST_CASE("json_writer: strings are escaped, UTF-8 kept, invalid bytes replaced",
          "[shell][json_writer]") {
  CHECK(json(Value("AWS")) == "\"AWS\"");
  CHECK(json(Value("say \"hi\" \\ bye")) == "\"say \\\"hi\\\" \\\\ bye\"");
  CHECK(json(Value("a\nb\tc\x01\x1f")) == "\"a\\u000ab\\u0009c\\u0001\\u001f\"");
  CHECK(json(Value(std::string("nul\0x", 5))) == "\"nul\\u0000x\"");
  CHECK(json(Value("/ and \x7f stay")) == "\"/ and \x7f stay\"");
  CHECK(json(Value("é ǿ 中 😀")) == "\"é ǿ 中 😀\"");
  // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate, > U+10FFFF.
  CHECK(json(Value("a\x80z")) == "\"a\xEF\xBF\xBDz\"");
  CHECK(json(Value("a\xE2\x82z")) == "\"a\xEF\xBF\xBDz\"");
  CHECK(json(Value("\xC0\xAF")) == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(json(Value("\xED\xA0\x80")) == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(json(Value("\xF4\x90\x80\x80")) == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(json(Value("end\xF0\x9F\x98")) == "\"end\xEF\xBF\xBD\"");
}

TEST_CASE("json_writer: lists and maps", "[shell][json_writer]") {
  CHECK(json(Value(kg::List{})) == "[]");
  CHECK(json(Value(kg::List{1, "a", 2.0, Value(), kg::List{true}})) == "[1,\"a\",2.0,null,[true]]");
  CHECK(json(Value(kg::Map{})) == "{}");
  CHECK(json(Value(kg::Map{{"b", 1}, {"a", kg::Map{{"x\"y", "z"}}}})) ==
        "{\"a\":{\"x\\\"y\":\"z\"},\"b\":1}");
}

TEST_CASE("json_writer: nodes, relationships and paths", "[shell][json_writer]") {
  CHECK(
      json(Value(company())) ==
      R"({"_type":"node","_id":7,"_labels":["Company"],"properties":{"founded":2006,"name":"AWS"}})");
  CHECK(json(Value(kg::Node{kg::NodeId{0}, {}, {}})) ==
        R"({"_type":"node","_id":0,"_labels":[],"properties":{}})");
  CHECK(
      json(Value(buys())) ==
      R"({"_type":"relationship","_id":3,"_rel_type":"BUYS","_start":7,"_end":9,"properties":{"units":1.5}})");
  kg::Node product{kg::NodeId{9}, {"Product", "Chip"}, {}};
  CHECK(json(Value(kg::Path{{company(), product}, {buys()}})) ==
        R"({"_type":"path","nodes":[{"_type":"node","_id":7,"_labels":["Company"],)"
        R"("properties":{"founded":2006,"name":"AWS"}},{"_type":"node","_id":9,)"
        R"("_labels":["Product","Chip"],"properties":{}}],"relationships":[{"_type":)"
        R"("relationship","_id":3,"_rel_type":"BUYS","_start":7,"_end":9,"properties":)"
        R"({"units":1.5}}]})");
  CHECK(json(Value(kg::Path{{company()}, {}})) ==
        R"({"_type":"path","nodes":[{"_type":"node","_id":7,"_labels":["Company"],)"
        R"("properties":{"founded":2006,"name":"AWS"}}],"relationships":[]})");
}

TEST_CASE("render_jsonl: one object per row keyed by column, in RETURN order",
          "[shell][render_jsonl]") {
  kg::QueryResult r({"name", "count(*)", "a"}, {{"AWS", 2, Value()}, {"Groq", 1, 1.0}}, {});
  CHECK(kg::shell::render_jsonl(r) ==
        "{\"name\":\"AWS\",\"count(*)\":2,\"a\":null}\n"
        "{\"name\":\"Groq\",\"count(*)\":1,\"a\":1.0}\n");
  CHECK(kg::shell::render_jsonl(kg::QueryResult({"x"}, {}, {})) == "");
  CHECK(kg::shell::render_jsonl(kg::QueryResult()) == "");
}

TEST_CASE("render_json: one array per statement", "[shell][render_jsonl]") {
  kg::QueryResult r({"x"}, {{1}, {"a"}}, {});
  CHECK(kg::shell::render_json(r) == "[\n  {\"x\":1},\n  {\"x\":\"a\"}\n]\n");
  CHECK(kg::shell::render_json(kg::QueryResult({"x"}, {}, {})) == "[]\n");
  CHECK(kg::shell::render_json(kg::QueryResult()) == "[]\n");
}
