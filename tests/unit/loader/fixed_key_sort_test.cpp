// sort_fixed_keys: the same order as a comparison sort, whether the first words spread out (the
// distribution path), bunch up (the comparison fallback) or anything between; and the capacity
// ExternalSorter counts on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "engine/loader/fixed_key_sort.hpp"

using kg::engine::loader::fixed_less;
using kg::engine::loader::FixedKey;
using kg::engine::loader::sort_fixed_keys;

namespace {

bool same(const std::vector<FixedKey>& a, const std::vector<FixedKey>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const FixedKey& x, const FixedKey& y) {
                      return std::equal(std::begin(x.w), std::end(x.w), std::begin(y.w));
                    });
}

// Sorts `keys` both ways and compares; returns whether they agreed.
bool sorts_like_std_sort(std::vector<FixedKey> keys) {
  std::vector<FixedKey> expected = keys;
  std::sort(expected.begin(), expected.end(), fixed_less);
  std::vector<FixedKey> scratch;
  sort_fixed_keys(keys, scratch);
  return same(keys, expected);
}

// `n` keys whose first word comes from `first` and whose other words are random but few-valued,
// so that many keys tie on the first word and on more.
template <typename First>
std::vector<FixedKey> make_keys(size_t n, uint32_t seed, First first) {
  std::mt19937_64 rng(seed);
  std::vector<FixedKey> keys(n);
  for (FixedKey& k : keys) {
    k.w[0] = first(rng);
    k.w[1] = rng() % 3;
    k.w[2] = rng() % 5 << 56;
    k.w[3] = rng() % 1000;
  }
  return keys;
}

}  // namespace

TEST_CASE("fixed key sort: orders as a comparison sort does, however the first words spread",
          "[loader][sorter]") {
  // Each case is a function of the key count and a seed; every case runs at every count.
  using Case = std::vector<FixedKey> (*)(size_t n);
  const std::vector<std::pair<const char*, Case>> cases = {
      {"dense first words, a few keys each, as adjacency keys' node ids",
       [](size_t n) { return make_keys(n, 1, [n](auto& rng) { return rng() % (n / 4 + 1); }); }},
      {"first words over the whole 64-bit range",
       [](size_t n) { return make_keys(n, 2, [](auto& rng) { return rng(); }); }},
      {"first words far from zero, and the extremes",
       [](size_t n) {
         return make_keys(n, 3, [](auto& rng) {
           uint64_t r = rng() % 1000;
           return r == 0 ? ~uint64_t{0} : r == 1 ? uint64_t{0} : (uint64_t{1} << 62) + r;
         });
       }},
      {"one first word for all: the comparison fallback",
       [](size_t n) { return make_keys(n, 4, [](auto&) { return uint64_t{42}; }); }},
      {"most keys on one first word, the rest spread",
       [](size_t n) {
         return make_keys(n, 5, [](auto& rng) { return rng() % 10 < 9 ? uint64_t{7} : rng(); });
       }},
      {"a tenth of the keys on one first word: one large bucket among small ones",
       [](size_t n) {
         return make_keys(n, 6,
                          [](auto& rng) { return rng() % 10 == 0 ? uint64_t{7} : rng() % 50000; });
       }},
      {"keys already in order",
       [](size_t n) {
         auto keys = make_keys(n, 7, [](auto& rng) { return rng() % 100000; });
         std::sort(keys.begin(), keys.end(), fixed_less);
         return keys;
       }},
      {"keys in reverse order",
       [](size_t n) {
         auto keys = make_keys(n, 8, [](auto& rng) { return rng() % 100000; });
         std::sort(keys.begin(), keys.end(), fixed_less);
         std::reverse(keys.begin(), keys.end());
         return keys;
       }},
  };
  for (const auto& [name, make] : cases) {
    for (size_t n :
         {size_t{0}, size_t{1}, size_t{255}, size_t{256}, size_t{5000}, size_t{100000}}) {
      INFO(name << ", " << n << " keys");
      CHECK(sorts_like_std_sort(make(n)));
    }
  }
}

TEST_CASE("fixed key sort: the keys keep the capacity they had, for a caller bounding memory",
          "[loader][sorter]") {
  auto keys = make_keys(30000, 9, [](auto& rng) { return rng() % 10000; });
  keys.reserve(50000);
  std::vector<FixedKey> scratch;
  for (int round = 0; round < 3; ++round) {  // ExternalSorter sorts run after run
    sort_fixed_keys(keys, scratch);
    CHECK(std::is_sorted(keys.begin(), keys.end(), fixed_less));
    CHECK(keys.capacity() >= 50000);
    CHECK(scratch.capacity() >= 50000);
    std::reverse(keys.begin(), keys.end());
  }
}
