// Tests of engine/storage/coding.hpp: fixed-width big-endian integers, LEB128 varints, zigzag and
// the bounds-checked Reader. Every key and record of the storage format is built from these.
#include "engine/storage/coding.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace kg::engine::coding {
namespace {

constexpr uint64_t kSeed = 0x6b67'636f'6469'6e67;  // "kgcoding"

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
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)));
  return out;
}

std::string u16be(uint16_t v) {
  std::string out;
  put_u16be(out, v);
  return out;
}
std::string u32be(uint32_t v) {
  std::string out;
  put_u32be(out, v);
  return out;
}
std::string u64be(uint64_t v) {
  std::string out;
  put_u64be(out, v);
  return out;
}
std::string varint(uint64_t v) {
  std::string out;
  put_varint(out, v);
  return out;
}

// A heap copy of exactly s.size() bytes, so AddressSanitizer reports any read past the end (a
// std::string has spare capacity and a terminating NUL that would hide it).
struct ExactBuffer {
  explicit ExactBuffer(std::string_view s)
      : data(new char[s.size() == 0 ? 1 : s.size()]), size(s.size()) {
    std::copy(s.begin(), s.end(), data.get());
  }
  std::string_view view() const { return {data.get(), size}; }
  std::unique_ptr<char[]> data;
  size_t size;
};

// The varint of `v` read back by a Reader over exactly its bytes, or nullopt.
std::optional<uint64_t> read_varint(std::string_view bytes) {
  ExactBuffer buf(bytes);
  Reader r(buf.view());
  return r.varint();
}

// Interesting 64-bit values: 0, every power of two and its neighbours, the maximum.
std::vector<uint64_t> edge_u64() {
  std::vector<uint64_t> v = {0, 1, 2, 127, 128, 255, 256, 300, 16383, 16384, UINT64_MAX};
  for (int i = 0; i < 64; ++i) {
    uint64_t p = uint64_t{1} << i;
    v.push_back(p - 1);
    v.push_back(p);
    v.push_back(p + 1);
  }
  return v;
}

TEST_CASE("coding: put_u*be appends big-endian bytes", "[engine][coding]") {
  std::string out;
  put_u8(out, 0xab);
  CHECK(hex(out) == "ab");

  CHECK(hex(u16be(0)) == "0000");
  CHECK(hex(u16be(0x1234)) == "1234");
  CHECK(hex(u16be(0xffff)) == "ffff");
  CHECK(hex(u32be(0)) == "00000000");
  CHECK(hex(u32be(0x01020304)) == "01020304");
  CHECK(hex(u32be(0x80000000u)) == "80000000");
  CHECK(hex(u32be(UINT32_MAX)) == "ffffffff");
  CHECK(hex(u64be(0)) == "0000000000000000");
  CHECK(hex(u64be(0x0102030405060708ull)) == "0102030405060708");
  CHECK(hex(u64be(0x8000000000000000ull)) == "8000000000000000");
  CHECK(hex(u64be(UINT64_MAX)) == "ffffffffffffffff");

  // put_* append to what is already there.
  out = "k";
  put_u32be(out, 1);
  put_u16be(out, 2);
  put_u64be(out, 3);
  put_u8(out, 4);
  CHECK(hex(out) ==
        "6b"
        "00000001"
        "0002"
        "0000000000000003"
        "04");
}

TEST_CASE("coding: get_u*be reads back what put_u*be wrote", "[engine][coding]") {
  std::mt19937_64 rng(kSeed);
  INFO("seed " << kSeed);
  std::vector<uint64_t> values = edge_u64();
  for (int i = 0; i < 2000; ++i) values.push_back(rng());
  for (uint64_t v : values) {
    CAPTURE(v);
    std::string s64 = u64be(v);
    REQUIRE(s64.size() == 8);
    REQUIRE(get_u64be(ExactBuffer(s64).view().data()) == v);
    auto v32 = static_cast<uint32_t>(v);
    std::string s32 = u32be(v32);
    REQUIRE(s32.size() == 4);
    REQUIRE(get_u32be(ExactBuffer(s32).view().data()) == v32);
    auto v16 = static_cast<uint16_t>(v);
    std::string s16 = u16be(v16);
    REQUIRE(s16.size() == 2);
    REQUIRE(get_u16be(ExactBuffer(s16).view().data()) == v16);
  }
  // Bytes with the high bit set are not sign-extended.
  CHECK(get_u16be("\xff\x80") == 0xff80);
  CHECK(get_u32be("\x80\xff\x01\xfe") == 0x80ff01feu);
  CHECK(get_u64be("\xff\xfe\xfd\xfc\x80\x81\x82\x83") == 0xfffefdfc80818283ull);
}

TEST_CASE("coding: big-endian byte order is numeric order", "[engine][coding]") {
  std::mt19937_64 rng(kSeed + 1);
  INFO("seed " << kSeed + 1);
  std::vector<uint64_t> values = edge_u64();
  for (int i = 0; i < 300; ++i) values.push_back(rng() >> (rng() % 64));
  size_t failures = 0;
  std::string first_failure;
  for (uint64_t a : values) {
    for (uint64_t b : values) {
      bool ok64 = (a < b) == (u64be(a) < u64be(b)) && (a == b) == (u64be(a) == u64be(b));
      auto a32 = static_cast<uint32_t>(a), b32 = static_cast<uint32_t>(b);
      bool ok32 = (a32 < b32) == (u32be(a32) < u32be(b32));
      auto a16 = static_cast<uint16_t>(a), b16 = static_cast<uint16_t>(b);
      bool ok16 = (a16 < b16) == (u16be(a16) < u16be(b16));
      if (!(ok64 && ok32 && ok16) && failures++ == 0)
        first_failure = std::to_string(a) + " vs " + std::to_string(b);
    }
  }
  INFO("first failure: " << first_failure);
  CHECK(failures == 0);
}

TEST_CASE("coding: varint bytes are little-endian groups of 7 bits", "[engine][coding]") {
  CHECK(hex(varint(0)) == "00");
  CHECK(hex(varint(1)) == "01");
  CHECK(hex(varint(127)) == "7f");
  CHECK(hex(varint(128)) == "8001");
  CHECK(hex(varint(300)) == "ac02");
  CHECK(hex(varint(16383)) == "ff7f");
  CHECK(hex(varint(16384)) == "808001");
  CHECK(hex(varint(uint64_t{1} << 63)) == "80808080808080808001");
  CHECK(hex(varint(UINT64_MAX)) == "ffffffffffffffffff01");

  // Size: one byte per started group of 7 significant bits, at least one.
  for (uint64_t v : edge_u64()) {
    CAPTURE(v);
    size_t bits = 64 - static_cast<size_t>(std::countl_zero(v));
    size_t expected = bits == 0 ? 1 : (bits + 6) / 7;
    std::string s = varint(v);
    CHECK(s.size() == expected);
    // Every byte but the last has the continuation bit.
    for (size_t i = 0; i < s.size(); ++i)
      CHECK(((static_cast<uint8_t>(s[i]) & 0x80) != 0) == (i + 1 < s.size()));
  }
}

TEST_CASE("coding: varints round-trip", "[engine][coding]") {
  std::mt19937_64 rng(kSeed + 2);
  INFO("seed " << kSeed + 2);
  std::vector<uint64_t> values = edge_u64();
  for (int i = 0; i < 5000; ++i) values.push_back(rng() >> (rng() % 64));
  for (uint64_t v : values) {
    CAPTURE(v);
    std::string s = varint(v);
    ExactBuffer buf(s);
    Reader r(buf.view());
    auto got = r.varint();
    REQUIRE(got.has_value());
    REQUIRE(*got == v);
    REQUIRE(r.empty());
  }

  SECTION("a sequence of varints reads back in order") {
    std::string all;
    for (uint64_t v : values) put_varint(all, v);
    ExactBuffer buf(all);
    Reader r(buf.view());
    for (uint64_t v : values) {
      CAPTURE(v);
      auto got = r.varint();
      REQUIRE(got.has_value());
      REQUIRE(*got == v);
    }
    CHECK(r.empty());
    CHECK_FALSE(r.varint().has_value());
  }
}

TEST_CASE("coding: zigzag maps small magnitudes to small codes", "[engine][coding]") {
  CHECK(zigzag(0) == 0);
  CHECK(zigzag(-1) == 1);
  CHECK(zigzag(1) == 2);
  CHECK(zigzag(-2) == 3);
  CHECK(zigzag(2) == 4);
  CHECK(zigzag(-64) == 127);
  CHECK(zigzag(64) == 128);
  CHECK(zigzag(INT64_MAX) == UINT64_MAX - 1);
  CHECK(zigzag(INT64_MIN) == UINT64_MAX);
  CHECK(zigzag(INT64_MIN + 1) == UINT64_MAX - 2);

  CHECK(unzigzag(0) == 0);
  CHECK(unzigzag(1) == -1);
  CHECK(unzigzag(2) == 1);
  CHECK(unzigzag(UINT64_MAX - 1) == INT64_MAX);
  CHECK(unzigzag(UINT64_MAX) == INT64_MIN);

  // One byte covers [-64, 63]; INT64_MIN and INT64_MAX take the full ten bytes.
  CHECK(varint(zigzag(-64)).size() == 1);
  CHECK(varint(zigzag(63)).size() == 1);
  CHECK(varint(zigzag(64)).size() == 2);
  CHECK(varint(zigzag(INT64_MIN)).size() == 10);
  CHECK(varint(zigzag(INT64_MAX)).size() == 10);
}

TEST_CASE("coding: zigzag is a bijection", "[engine][coding]") {
  std::mt19937_64 rng(kSeed + 3);
  INFO("seed " << kSeed + 3);
  std::vector<int64_t> ints = {
      0, 1, -1, INT64_MIN, INT64_MIN + 1, INT64_MAX, INT64_MAX - 1, INT32_MIN, INT32_MAX};
  for (int i = 0; i < 5000; ++i) ints.push_back(static_cast<int64_t>(rng()) >> (rng() % 64));
  for (int64_t v : ints) {
    CAPTURE(v);
    REQUIRE(unzigzag(zigzag(v)) == v);
    // Through the varint too, as the value codec stores it.
    auto got = read_varint(varint(zigzag(v)));
    REQUIRE(got.has_value());
    REQUIRE(unzigzag(*got) == v);
  }
  for (int i = 0; i < 5000; ++i) {
    uint64_t u = rng();
    CAPTURE(u);
    REQUIRE(zigzag(unzigzag(u)) == u);
  }
}

TEST_CASE("coding: Reader rejects a truncated varint", "[engine][coding]") {
  for (uint64_t v : edge_u64()) {
    CAPTURE(v);
    std::string s = varint(v);
    for (size_t len = 0; len < s.size(); ++len) {
      CAPTURE(len);
      CHECK_FALSE(read_varint(std::string_view(s).substr(0, len)).has_value());
    }
  }
}

TEST_CASE("coding: Reader rejects a varint of more than 64 bits", "[engine][coding]") {
  // The tenth byte holds only bit 63: 0x01 is the largest allowed.
  CHECK(read_varint(from_hex("ffffffffffffffffff01")) == UINT64_MAX);
  CHECK(read_varint(from_hex("80808080808080808001")) == uint64_t{1} << 63);
  CHECK_FALSE(read_varint(from_hex("ffffffffffffffffff02")).has_value());
  CHECK_FALSE(read_varint(from_hex("ffffffffffffffffff7f")).has_value());
  CHECK_FALSE(read_varint(from_hex("80808080808080808002")).has_value());
  // An eleventh byte is never allowed, whatever follows.
  CHECK_FALSE(read_varint(from_hex("ffffffffffffffffff8100")).has_value());
  CHECK_FALSE(read_varint(from_hex("8080808080808080808000")).has_value());
  CHECK_FALSE(read_varint(from_hex("808080808080808080808080808001")).has_value());
  CHECK_FALSE(read_varint(std::string(64, '\xff')).has_value());
}

TEST_CASE("coding: Reader fixed-width reads check bounds", "[engine][coding]") {
  std::string eight = from_hex("0102030405060708");
  for (size_t len = 0; len <= eight.size(); ++len) {
    CAPTURE(len);
    ExactBuffer buf(std::string_view(eight).substr(0, len));
    {
      Reader r(buf.view());
      auto v = r.u8();
      CHECK(v.has_value() == (len >= 1));
      if (v) CHECK(*v == 0x01);
    }
    {
      Reader r(buf.view());
      auto v = r.u32be();
      CHECK(v.has_value() == (len >= 4));
      if (v) CHECK(*v == 0x01020304u);
      if (!v) CHECK(r.remaining() == len);  // a failed read consumes nothing
    }
    {
      Reader r(buf.view());
      auto v = r.u64be();
      CHECK(v.has_value() == (len >= 8));
      if (v) CHECK(*v == 0x0102030405060708ull);
      if (!v) CHECK(r.remaining() == len);
    }
    {
      Reader r(buf.view());
      auto v = r.bytes(5);
      CHECK(v.has_value() == (len >= 5));
      if (v) CHECK(hex(*v) == "0102030405");
      if (!v) CHECK(r.remaining() == len);
    }
  }
  Reader empty("");
  CHECK(empty.empty());
  CHECK(empty.remaining() == 0);
  CHECK(empty.bytes(0) == std::optional<std::string_view>(""));
  CHECK_FALSE(empty.bytes(1).has_value());
  CHECK_FALSE(empty.u8().has_value());
  CHECK_FALSE(empty.varint().has_value());
  CHECK_FALSE(Reader("abc").bytes(SIZE_MAX).has_value());
}

TEST_CASE("coding: Reader walks a mixed record", "[engine][coding]") {
  std::string rec;
  put_u8(rec, 7);
  put_varint(rec, 300);
  put_u32be(rec, 0xdeadbeef);
  put_u64be(rec, 0x0123456789abcdefull);
  put_varint(rec, 3);
  rec += std::string("a\0b", 3);
  put_varint(rec, 0);
  ExactBuffer buf(rec);
  Reader r(buf.view());
  CHECK(r.remaining() == rec.size());
  CHECK(r.u8() == uint8_t{7});
  CHECK(r.varint() == uint64_t{300});
  CHECK(r.u32be() == 0xdeadbeefu);
  CHECK(r.u64be() == 0x0123456789abcdefull);
  CHECK(r.remaining() == 5);
  auto n = r.varint();
  REQUIRE(n == uint64_t{3});
  auto s = r.bytes(*n);
  REQUIRE(s.has_value());
  CHECK(*s == std::string_view("a\0b", 3));
  CHECK(s->data() == buf.view().data() + rec.size() - 4);  // a view, not a copy
  CHECK(r.rest() == std::string_view("\0", 1));
  CHECK(r.varint() == uint64_t{0});
  CHECK(r.empty());
  CHECK(r.rest().empty());
}

TEST_CASE("coding: Reader never reads past random input", "[engine][coding]") {
  // Random bytes and random read sequences; AddressSanitizer flags any out-of-bounds read.
  std::mt19937_64 rng(kSeed + 4);
  INFO("seed " << kSeed + 4);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string in(rng() % 24, '\0');
    for (char& c : in) c = static_cast<char>(rng() % 3 == 0 ? 0xff : rng());
    CAPTURE(iter, hex(in));
    ExactBuffer buf(in);
    Reader r(buf.view());
    for (int step = 0; step < 16; ++step) {
      size_t before = r.remaining();
      size_t width = 0;  // the bytes a fixed-width read needs
      bool ok = false;
      const uint64_t op = rng() % 5;
      switch (op) {
        case 0:
          ok = r.u8().has_value(), width = 1;
          break;
        case 1:
          ok = r.u32be().has_value(), width = 4;
          break;
        case 2:
          ok = r.u64be().has_value(), width = 8;
          break;
        case 3:
          ok = r.varint().has_value();
          break;
        default:
          width = rng() % 8, ok = r.bytes(width).has_value();
          break;
      }
      CAPTURE(step, op, before, width, ok);
      if (op != 3) {
        // A fixed-width read succeeds iff the bytes are there, and then consumes exactly them.
        REQUIRE(ok == (before >= width));
        REQUIRE(r.remaining() == (ok ? before - width : before));
      } else {
        REQUIRE(r.remaining() <= before);
        if (ok) REQUIRE(before - r.remaining() >= 1);
        if (ok) REQUIRE(before - r.remaining() <= 10);
      }
      REQUIRE(r.rest().data() + r.rest().size() == buf.view().data() + buf.size);
      if (!ok) break;
    }
  }
}

}  // namespace
}  // namespace kg::engine::coding
