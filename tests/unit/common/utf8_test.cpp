// common/utf8: validation and encoding (decoding's maximal subparts:
// tests/unit/shell/utf8_test.cpp).
#include "common/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace std::string_literals;

TEST_CASE("utf8: is_valid accepts well-formed text and rejects every ill-formed kind",
          "[common][utf8]") {
  CHECK(kg::utf8::is_valid(""));
  CHECK(kg::utf8::is_valid("plain ASCII, longer than eight bytes"));
  CHECK(kg::utf8::is_valid("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
  CHECK(kg::utf8::is_valid("\xF4\x8F\xBF\xBF"));                            // U+10FFFF
  CHECK(kg::utf8::is_valid("\xED\x9F\xBF"));                                // U+D7FF

  CHECK_FALSE(kg::utf8::is_valid("\x80"));              // a lone continuation byte
  CHECK_FALSE(kg::utf8::is_valid("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(kg::utf8::is_valid("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK_FALSE(kg::utf8::is_valid("\xED\xA0\x80"));      // a surrogate, U+D800
  CHECK_FALSE(kg::utf8::is_valid("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(kg::utf8::is_valid("\xF5\x80\x80\x80"));  // not a lead byte
  CHECK_FALSE(kg::utf8::is_valid("abc\xE2\x82"));       // truncated at the end
  CHECK_FALSE(
      kg::utf8::is_valid("\xE2\x82"
                         "A"));  // truncated before ASCII
  // The eight-byte ASCII fast path hands over to the decoder at any offset.
  for (size_t at = 0; at < 17; ++at) {
    std::string s(17, 'a');
    s[at] = '\xFF';
    CAPTURE(at);
    CHECK_FALSE(kg::utf8::is_valid(s));
  }
  CHECK_FALSE(kg::utf8::is_valid("0123456789\0\xC3"s));
}

TEST_CASE("utf8: append encodes scalar values and replaces the rest", "[common][utf8]") {
  std::string out;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', U'\U0010FFFF'}) {
    kg::utf8::append(out, cp);
  }
  CHECK(out == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  CHECK(kg::utf8::is_valid(out));

  out.clear();
  kg::utf8::append(out, 0xD800);
  kg::utf8::append(out, 0x110000);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");  // two U+FFFD
}

TEST_CASE("utf8: decode gives the code point and its length", "[common][utf8]") {
  std::string s = "a\xC3\xA9\xF0\x9F\x98\x80";
  kg::utf8::Decoded d = kg::utf8::decode(s, 1);
  CHECK(d.valid);
  CHECK(d.code_point == 0xE9);
  CHECK(d.length == 2);
  d = kg::utf8::decode(s, 3);
  CHECK(d.code_point == 0x1F600);
  CHECK(d.length == 4);
  d = kg::utf8::decode(
      "\xF0\x9F"
      "A",
      0);  // truncated: a maximal subpart of two bytes
  CHECK_FALSE(d.valid);
  CHECK(d.code_point == kg::utf8::kReplacementChar);
  CHECK(d.length == 2);
}
