// Fuzz target: the value codec's decoders (engine/storage/value_codec.hpp), which read what the
// `nodes` and `rels` column families hold, and the adjacency chunk decoder
// (engine/storage/adjacency_chunk.hpp), which reads `adj`'s values. A damaged store must give
// kCorruption, not a crash.
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/adjacency_chunk.hpp"
#include "engine/storage/value_codec.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/fuzz/fuzz_targets.hpp"

namespace kg::fuzz {

namespace {

constexpr std::string_view kTarget = "value_decoder";

// `first` decoded from some input; its encoding must decode back to the same encoding.
void check_value_round_trip(const Value& first) {
  std::string encoded;
  engine::values::append_value(encoded, first);
  std::string_view in = encoded;
  auto second = engine::values::decode_value(in);
  if (!second) fail(kTarget, "a re-encoded value does not decode: " + second.error().to_string());
  if (!in.empty()) fail(kTarget, "a re-encoded value leaves bytes behind");
  std::string again;
  engine::values::append_value(again, *second);
  if (again != encoded) fail(kTarget, "a value's encoding changes on a round trip");
  (void)first.to_string();
}

template <typename Record, typename Encode, typename Decode>
void check_record_round_trip(const Record& first, Encode encode, Decode decode) {
  std::string encoded = encode(first);
  auto second = decode(encoded);
  if (!second) fail(kTarget, "a re-encoded record does not decode: " + second.error().to_string());
  if (encode(*second) != encoded) fail(kTarget, "a record's encoding changes on a round trip");
}

// An adjacency chunk's value after a first end: whatever decodes must be strictly increasing ends
// that encode to a value decoding to the same ends.
void check_adjacency_chunk(std::string_view bytes) {
  using engine::TypeId;
  using engine::adjacency_chunk::End;
  const End first{TypeId{1}, NodeId{1000}, RelId{5000}};
  std::vector<End> ends;
  if (!engine::adjacency_chunk::decode(first, bytes, ends)) return;
  if (ends.empty() || ends.front() != first) fail(kTarget, "a chunk does not start with its key");
  for (size_t i = 1; i < ends.size(); ++i)
    if (!(ends[i - 1] < ends[i])) fail(kTarget, "a chunk's ends are not strictly increasing");
  auto size = engine::adjacency_chunk::size(bytes);
  if (!size || *size != ends.size()) fail(kTarget, "a chunk's count differs from its ends");
  std::string encoded = engine::adjacency_chunk::encode(ends);
  std::vector<End> again;
  if (!engine::adjacency_chunk::decode(first, encoded, again) || again != ends)
    fail(kTarget, "a re-encoded chunk does not decode to the same ends");
}

}  // namespace

void run_value_decoder(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // A sequence of values, as a property list holds them, until the input ends or is malformed.
  std::string_view in = bytes;
  while (!in.empty()) {
    size_t before = in.size();
    auto v = engine::values::decode_value(in);
    if (!v) {
      check_not_internal(kTarget, v.error());
      break;
    }
    if (in.size() >= before) fail(kTarget, "decode_value succeeded without consuming input");
    check_value_round_trip(*v);
  }

  if (auto node = engine::values::decode_node(bytes)) {
    check_record_round_trip(*node, engine::values::encode_node, engine::values::decode_node);
  } else {
    check_not_internal(kTarget, node.error());
  }
  if (auto rel = engine::values::decode_rel(bytes)) {
    check_record_round_trip(*rel, engine::values::encode_rel, engine::values::decode_rel);
  } else {
    check_not_internal(kTarget, rel.error());
  }
  check_adjacency_chunk(bytes);
}

}  // namespace kg::fuzz
