#include "shell/utf8.hpp"

#include <catch2/catch.hpp>

using kg::shell::code_point_count;
using kg::shell::decode_utf8;
using kg::shell::display_width;

TEST_CASE("utf8: decoding, with maximal subparts of invalid sequences", "[shell][utf8]") {
  CHECK(decode_utf8("a", 0).code_point == U'a');
  auto e = decode_utf8("\xC3\xA9", 0);
  CHECK((e.code_point == U'é' && e.length == 2 && e.valid));
  auto emoji = decode_utf8("\xF0\x9F\x98\x80", 0);
  CHECK((emoji.code_point == 0x1F600 && emoji.length == 4));
  auto truncated = decode_utf8(
      "\xE2\x82"
      "A",
      0);
  CHECK((!truncated.valid && truncated.length == 2));
  auto lone = decode_utf8("\x80", 0);
  CHECK((!lone.valid && lone.length == 1));
  auto surrogate = decode_utf8("\xED\xA0\x80", 0);
  CHECK((!surrogate.valid && surrogate.length == 1));
}

TEST_CASE("utf8: code points and terminal widths", "[shell][utf8]") {
  CHECK(code_point_count("") == 0);
  CHECK(code_point_count("héllo") == 5);
  CHECK(code_point_count("a\xFF"
                         "b") == 3);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("中文") == 4);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(display_width("😀") == 2);
}

TEST_CASE("utf8: fitting text to a width with an ellipsis", "[shell][utf8]") {
  using kg::shell::fit_to_width;
  CHECK(fit_to_width("abc", 3) == "abc");
  CHECK(fit_to_width("abcd", 3) == "ab…");
  CHECK(fit_to_width("中文字", 4) == "中…");  // a wide character never splits
  CHECK(fit_to_width("abc", 1) == "…");
}
