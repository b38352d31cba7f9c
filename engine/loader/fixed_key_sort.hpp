// Sorting fixed-size keys (ExternalSorter's fixed mode: keys of at most 32 bytes held as four
// big-endian words, so that integer order is byte order) in time linear in their number when
// their first words are spread out, as the adjacency keys' first words (node ids) are.
//
// A comparison sort of n keys costs n log n: the adjacency sort of an import's relationships was
// the one step of the import that grew faster than the data (docs/performance.md, pass P).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg::engine::loader {

struct FixedKey {
  uint64_t w[4];
};

inline bool fixed_less(const FixedKey& a, const FixedKey& b) {
  if (a.w[0] != b.w[0]) return a.w[0] < b.w[0];
  if (a.w[1] != b.w[1]) return a.w[1] < b.w[1];
  if (a.w[2] != b.w[2]) return a.w[2] < b.w[2];
  return a.w[3] < b.w[3];
}

// The most buckets sort_fixed_keys counts into (4 MiB of counters).
inline constexpr size_t kMaxBuckets = size_t{1} << 20;

// Sorts `keys` by fixed_less. One pass counts the keys per bucket of first words (consecutive
// ranges of w[0], about one bucket per two keys, at most kMaxBuckets), a second moves them into
// `scratch` bucket by bucket, and each bucket, a few keys, is then sorted by comparison; `keys`
// and `scratch` are swapped at the end. When the first words do not tell the keys apart (a bucket
// would hold more than an eighth of them), it sorts `keys` by comparison alone instead.
// `scratch`'s contents are unspecified after; it is grown to keys.capacity() when smaller, so
// that the swap leaves both vectors the capacity `keys` had (a caller bounding its memory
// counts both).
void sort_fixed_keys(std::vector<FixedKey>& keys, std::vector<FixedKey>& scratch);

}  // namespace kg::engine::loader
