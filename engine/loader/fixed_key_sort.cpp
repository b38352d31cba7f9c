#include "engine/loader/fixed_key_sort.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace kg::engine::loader {

void sort_fixed_keys(std::vector<FixedKey>& keys, std::vector<FixedKey>& scratch) {
  const size_t n = keys.size();
  // Few keys sort faster by comparison alone; the counters are 32-bit.
  if (n < 256 || n > UINT32_MAX) {
    std::sort(keys.begin(), keys.end(), fixed_less);
    return;
  }
  uint64_t lo = keys[0].w[0];
  uint64_t hi = lo;
  for (const FixedKey& k : keys) {
    lo = std::min(lo, k.w[0]);
    hi = std::max(hi, k.w[0]);
  }
  // Buckets are the ranges of first words that agree above `shift`: about half as many as the
  // keys (a power of two), at most kMaxBuckets.
  const int range_bits = std::bit_width(hi - lo);
  const int bucket_bits = std::bit_width(std::min(n / 2, kMaxBuckets)) - 1;
  const int shift = std::max(range_bits - bucket_bits, 0);
  const size_t buckets = static_cast<size_t>((hi - lo) >> shift) + 1;
  auto bucket_of = [&](const FixedKey& k) { return static_cast<size_t>((k.w[0] - lo) >> shift); };

  // starts[b + 1] counts bucket b's keys, then (summed) starts[b] is where bucket b begins.
  std::vector<uint32_t> starts(buckets + 1, 0);
  for (const FixedKey& k : keys) ++starts[bucket_of(k) + 1];
  const uint32_t largest = *std::max_element(starts.begin(), starts.end());
  if (largest > n / 8) {
    std::sort(keys.begin(), keys.end(), fixed_less);
    return;
  }
  for (size_t b = 0; b < buckets; ++b) starts[b + 1] += starts[b];

  if (scratch.capacity() < keys.capacity()) scratch.reserve(keys.capacity());
  scratch.resize(n);
  // starts[b] is bucket b's write position; once every key is placed, it is where bucket b ends.
  for (const FixedKey& k : keys) scratch[starts[bucket_of(k)]++] = k;
  for (size_t b = 0; b < buckets; ++b) {
    auto first = scratch.begin() + (b == 0 ? 0 : starts[b - 1]);
    auto last = scratch.begin() + starts[b];
    if (last - first > 1) std::sort(first, last, fixed_less);
  }
  keys.swap(scratch);
}

}  // namespace kg::engine::loader
