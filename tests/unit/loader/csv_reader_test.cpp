// The loader's readers and parsers (engine/loader): CSV records and quoting, header fields and
// types, typed field values, gzip and byte-order marks.
#include <catch2/catch.hpp>

#include "engine/loader/csv_header.hpp"
#include "engine/loader/csv_reader.hpp"
#include "engine/loader/field_value.hpp"
#include "engine/loader/input_file.hpp"
#include "tests/unit/loader/import_fixture.hpp"

using namespace kg::engine::loader;

namespace {

// The records of `text` as "[f1|f2]" lines; quoted fields are marked with a leading '"'.
std::string records(kg::testing::ImportFixture& fx, const std::string& text, CsvDialect d = {},
                    bool gzip = false) {
  std::string path = fx.file(gzip ? "in.csv.gz" : "in.csv", text, gzip);
  auto file = InputFile::open(path);
  REQUIRE(file.ok());
  CsvReader reader(std::move(file).value(), d);
  std::string out;
  for (;;) {
    auto more = reader.next();
    if (!more) return out + "error: " + more.error().message();
    if (!*more) return out;
    out += std::to_string(reader.line()) + "[";
    bool first = true;
    for (const CsvField& f : reader.fields()) {
      if (!first) out += "|";
      first = false;
      if (f.quoted) out += "\"";
      out += std::string(f.text);
    }
    out += "]\n";
  }
}

std::string value_of(std::string_view text, std::string_view type, bool quoted = false,
                     char array_delimiter = ';') {
  auto t = parse_field_type(type);
  REQUIRE(t.has_value());
  auto v = parse_field(CsvField{text, quoted}, *t, array_delimiter);
  if (!v) return "error: " + v.error().message();
  return v->is_string() ? v->to_literal() : v->to_string();
}

}  // namespace

TEST_CASE("loader csv: plain records, CRLF, blank lines and a missing last newline",
          "[loader][csv]") {
  kg::testing::ImportFixture fx;
  CHECK(records(fx, "a,b,c\n1,2,3\n") == "1[a|b|c]\n2[1|2|3]\n");
  CHECK(records(fx, "a,b\r\n1,2\r\n") == "1[a|b]\n2[1|2]\n");
  CHECK(records(fx, "a,b\n\n1,2") == "1[a|b]\n3[1|2]\n");
  CHECK(records(fx, "a,,\n") == "1[a||]\n");
  CHECK(records(fx, "") == "");
}

TEST_CASE("loader csv: quoted fields hold delimiters, doubled quotes and line breaks",
          "[loader][csv]") {
  kg::testing::ImportFixture fx;
  CHECK(records(fx, "\"a,b\",c\n") == "1[\"a,b|c]\n");
  CHECK(records(fx, "\"say \"\"hi\"\"\",x\n") == "1[\"say \"hi\"|x]\n");
  CHECK(records(fx, "\"line1\nline2\",x\nnext,y\n") == "1[\"line1\nline2|x]\n3[next|y]\n");
  CHECK(records(fx, "\"crlf\r\ninside\",x\r\n") == "1[\"crlf\r\ninside|x]\n");
  CHECK(records(fx, "\"\",x\n") == "1[\"|x]\n");
  CHECK(records(fx, "\"\"\"\"\n") == "1[\"\"]\n");
  CHECK(records(fx, "a\"b,c\n") == "1[a\"b|c]\n");  // a quote inside an unquoted field
  CHECK(records(fx, "x,\"last\"") == "1[x|\"last]\n");
}

TEST_CASE("loader csv: an unclosed quote and text after a closing quote are errors with the line",
          "[loader][csv]") {
  kg::testing::ImportFixture fx;
  std::string path = fx.path("in.csv");
  CHECK(records(fx, "a,b\n\"open,x\ny\n") ==
        "1[a|b]\nerror: " + path + ":2: field 1 has an opening quote but no closing one");
  CHECK(records(fx, "a\n\"x\"y,z\n") ==
        "1[a]\nerror: " + path +
            ":2: field 1: 'y' after the closing quote (a quote inside a quoted field is written "
            "twice)");
}

TEST_CASE("loader csv: another delimiter and quote character", "[loader][csv]") {
  kg::testing::ImportFixture fx;
  CHECK(records(fx, "a\tb\n'x\ty'\t'it''s'\n", CsvDialect{'\t', '\''}) ==
        "1[a|b]\n2[\"x\ty|\"it's]\n");
  CHECK(records(fx, "a|b\n\"q\"|c,d\n", CsvDialect{'|', '"'}) == "1[a|b]\n2[\"q|c,d]\n");
}

TEST_CASE("loader csv: gzip input and a UTF-8 byte-order mark", "[loader][csv]") {
  kg::testing::ImportFixture fx;
  CHECK(records(fx, "\xEF\xBB\xBFid,name\n1,\xC3\xA9t\xC3\xA9\n") ==
        "1[id|name]\n2[1|\xC3\xA9t\xC3\xA9]\n");
  CHECK(records(fx, "\xEF\xBB\xBFid\n1\n", {}, /*gzip=*/true) == "1[id]\n2[1]\n");
  std::string big;
  for (int i = 0; i < 100000; ++i) big += std::to_string(i) + ",\"v" + std::to_string(i) + "\"\n";
  std::string got = records(fx, big, {}, true);
  CHECK(std::count(got.begin(), got.end(), '\n') == 100000);
  CHECK(got.ends_with("100000[99999|\"v99999]\n"));
}

TEST_CASE("loader csv: a record longer than the buffer", "[loader][csv]") {
  kg::testing::ImportFixture fx;
  std::string long_field(3 << 20, 'x');
  CHECK(records(fx, "a,\"" + long_field + "\"\nb,c\n") == "1[a|\"" + long_field + "]\n2[b|c]\n");
}

TEST_CASE("loader csv header: every type name, in any case, and arrays", "[loader][csv]") {
  using kg::engine::loader::ScalarKind;
  CHECK(parse_field_type("int")->kind == ScalarKind::kInt);
  CHECK(parse_field_type("int")->int_bits == 32);
  CHECK(parse_field_type("LONG")->int_bits == 64);
  CHECK(parse_field_type("Long")->kind == ScalarKind::kInt);
  CHECK(parse_field_type("short")->int_bits == 16);
  CHECK(parse_field_type("byte")->int_bits == 8);
  CHECK(parse_field_type("float")->kind == ScalarKind::kFloat);
  CHECK(parse_field_type("DOUBLE")->kind == ScalarKind::kFloat);
  CHECK(parse_field_type("boolean")->kind == ScalarKind::kBool);
  CHECK(parse_field_type("String")->kind == ScalarKind::kString);
  CHECK(parse_field_type("char")->kind == ScalarKind::kString);
  CHECK(parse_field_type("int[]")->array);
  CHECK(parse_field_type("STRING[]")->array);
  CHECK_FALSE(parse_field_type("integer").has_value());
  CHECK_FALSE(parse_field_type("date").has_value());
  CHECK_FALSE(parse_field_type("[]").has_value());
}

TEST_CASE("loader csv header: roles, id spaces and mistakes", "[loader][csv]") {
  auto header = [](std::vector<std::string> names, FileKind kind) -> std::string {
    std::vector<CsvField> fields;
    for (const auto& n : names) fields.push_back({n, false});
    auto r = parse_header(fields, kind, "h.csv", 1);
    if (!r) return "error: " + r.error().message();
    std::string out;
    for (const Column& c : *r)
      out += std::to_string(static_cast<int>(c.role)) + ":" + c.name + ":" + c.id_space + " ";
    return out;
  };
  CHECK(header({"id:ID(Person)", ":LABEL", "name", "age:int", ":IGNORE"}, FileKind::kNodes) ==
        "1:id:Person 2:: 0:name: 0:age: 6:: ");
  CHECK(header({":ID", "x:ignore"}, FileKind::kNodes) == "1:: 6:: ");
  CHECK(header({":START_ID(P)", ":END_ID(C)", ":TYPE", "since:long"}, FileKind::kRelationships) ==
        "3::P 4::C 5:: 0:since: ");
  CHECK(header({":start_id", ":end_id"}, FileKind::kRelationships) == "3:: 4:: ");
  CHECK(header({"a:date"}, FileKind::kNodes)
            .starts_with("error: h.csv:1: header field 1 'a:date': unknown type 'date'"));
  CHECK(header({":ID", ":ID"}, FileKind::kNodes) ==
        "error: h.csv:1: header field 2 ':ID': a nodes file has one :ID column");
  CHECK(header({":START_ID"}, FileKind::kRelationships) ==
        "error: h.csv:1: a relationships header needs a :START_ID and an :END_ID column");
  CHECK(header({":TYPE"}, FileKind::kNodes) ==
        "error: h.csv:1: header field 1 ':TYPE': :TYPE belongs in a relationships file");
  CHECK(header({"a", "a:int"}, FileKind::kNodes) ==
        "error: h.csv:1: header field 2 'a:int': property 'a' named twice");
  CHECK(header({"a", ""}, FileKind::kNodes) == "error: h.csv:1: header field 2 '' is empty");
}

TEST_CASE("loader field values: each type, arrays, empty fields and bad values", "[loader][csv]") {
  CHECK(value_of("42", "int") == "42");
  CHECK(value_of(" -7 ", "long") == "-7");
  CHECK(value_of("+5", "int") == "5");
  CHECK(value_of("2147483648", "int") == "error: '2147483648' is out of range for an int");
  CHECK(value_of("9223372036854775807", "long") == "9223372036854775807");
  CHECK(value_of("9223372036854775808", "long") ==
        "error: '9223372036854775808' is out of range for an integer");
  CHECK(value_of("128", "byte") == "error: '128' is out of range for a byte");
  CHECK(value_of("-32768", "short") == "-32768");
  CHECK(value_of("12x", "int") == "error: '12x' is not an int");
  CHECK(value_of("1.5", "int") == "error: '1.5' is not an int");
  CHECK(value_of("2.5", "double") == "2.5");
  CHECK(value_of("1", "float") == "1.0");
  CHECK(value_of("1e3", "double") == "1000.0");
  CHECK(value_of("abc", "float") == "error: 'abc' is not a number");
  CHECK(value_of("TRUE", "boolean") == "true");
  CHECK(value_of("false", "Boolean") == "false");
  CHECK(value_of("yes", "boolean") == "error: 'yes' is not a boolean (true or false)");
  CHECK(value_of("héllo, world", "string") == "'héllo, world'");
  CHECK(value_of("\xFF", "string") == "error: the text is not valid UTF-8");
  CHECK(value_of("1;2;3", "int[]") == "[1, 2, 3]");
  CHECK(value_of("1|2", "long[]", false, '|') == "[1, 2]");
  CHECK(value_of("a;b", "string[]") == "['a', 'b']");
  CHECK(value_of("1.5;2", "double[]") == "[1.5, 2.0]");
  CHECK(value_of("true;false", "boolean[]") == "[true, false]");
  CHECK(value_of("1;x", "int[]") == "error: 'x' is not an int");
  CHECK(value_of("", "int") == "null");                    // absent
  CHECK(value_of("", "string") == "null");                 // absent
  CHECK(value_of("", "string", /*quoted=*/true) == "''");  // an empty string
  CHECK(value_of("", "int[]", /*quoted=*/true) == "[]");
}
