// The loader's building blocks: ExternalSorter (in memory, spilled runs, fixed-size keys) and
// IdMap (hashed and dense integer ids, id spaces).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <random>

#include "engine/loader/external_sorter.hpp"
#include "engine/loader/id_map.hpp"
#include "tests/support/temp_dir.hpp"

using kg::engine::loader::ExternalSorter;
using kg::engine::loader::IdMap;

namespace {

std::vector<std::string> random_keys(size_t n, size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> keys;
  for (size_t i = 0; i < n; ++i) {
    std::string k(size == 0 ? 1 + rng() % 20 : size, '\0');
    for (char& c : k) c = static_cast<char>(rng() % 4);  // many shared prefixes
    keys.push_back(std::move(k));
  }
  return keys;
}

// Adds `keys` (with "v" + key as value unless fixed), returns the sorted output's keys.
std::vector<std::string> sorted(ExternalSorter& s, const std::vector<std::string>& keys,
                                bool fixed) {
  for (const auto& k : keys) REQUIRE(s.add(k, fixed ? "" : "v" + k).ok());
  REQUIRE(s.finish().ok());
  std::vector<std::string> out;
  while (s.valid()) {
    out.emplace_back(s.key());
    if (!fixed) CHECK(s.value() == "v" + out.back());
    REQUIRE(s.next().ok());
  }
  return out;
}

}  // namespace

TEST_CASE("loader sorter: sorts in memory and across spilled runs", "[loader][sorter]") {
  kg::testing::TempDir dir;
  for (uint64_t budget : {uint64_t{1} << 30, uint64_t{64} << 10}) {
    for (size_t fixed : {size_t{0}, size_t{12}, size_t{29}, size_t{32}}) {
      INFO("budget " << budget << ", fixed " << fixed);
      auto keys = random_keys(20000, fixed, static_cast<uint32_t>(fixed + budget));
      ExternalSorter s(dir.path(), "t" + std::to_string(fixed), budget, fixed);
      auto out = sorted(s, keys, fixed > 0);
      std::sort(keys.begin(), keys.end());
      CHECK(out == keys);
      CHECK(s.count() == keys.size());
      CHECK((budget < (1 << 20)) == (s.runs() > 0));
    }
  }
}

TEST_CASE("loader sorter: input in order, empty input, a wrong fixed-size key",
          "[loader][sorter]") {
  kg::testing::TempDir dir;
  ExternalSorter empty(dir.path(), "e", 1 << 20, 8);
  REQUIRE(empty.finish().ok());
  CHECK_FALSE(empty.valid());
  ExternalSorter s(dir.path(), "o", 1 << 20);
  std::vector<std::string> keys;
  for (int i = 0; i < 1000; ++i) keys.push_back(std::string(1, 'a') + std::to_string(1000 + i));
  CHECK(sorted(s, keys, false) == keys);
  ExternalSorter f(dir.path(), "f", 1 << 20, 8);
  CHECK(f.add("short", "").code() == kg::StatusCode::kInternal);
}

TEST_CASE("loader id map: ids per space, dense integers, then strings", "[loader][idmap]") {
  IdMap ids;
  uint32_t people = *ids.space("Person");
  uint32_t other = *ids.space("");
  CHECK(*ids.space("Person") == people);
  for (uint64_t i = 0; i < 100000; ++i)
    CHECK_FALSE(ids.insert(people, std::to_string(i * 3), kg::NodeId{i}).has_value());
  CHECK(ids.find(people, "300") == kg::NodeId{100});
  CHECK_FALSE(ids.find(people, "301").has_value());
  CHECK_FALSE(ids.find(people, "0300").has_value());  // not the same string as "300"
  CHECK_FALSE(ids.find(other, "300").has_value());
  CHECK(ids.insert(people, "3", kg::NodeId{7}) == kg::NodeId{1});  // taken: the old one
  // A string id moves the space to the hash table; everything is still there.
  CHECK_FALSE(ids.insert(people, "p-1", kg::NodeId{200000}).has_value());
  CHECK_FALSE(ids.insert(people, "0300", kg::NodeId{200001}).has_value());
  CHECK(ids.find(people, "300") == kg::NodeId{100});
  CHECK(ids.find(people, "0300") == kg::NodeId{200001});
  CHECK(ids.find(people, "p-1") == kg::NodeId{200000});
  CHECK(ids.find(people, "299997") == kg::NodeId{99999});
  CHECK(ids.size() == 100002);
  // A huge integer does not make a huge array.
  CHECK_FALSE(ids.insert(other, "99999999999999", kg::NodeId{5}).has_value());
  CHECK(ids.find(other, "99999999999999") == kg::NodeId{5});
  CHECK(ids.memory_bytes() < (64u << 20));
}

TEST_CASE("loader sorter: values larger than a run's read buffer come back whole",
          "[loader][sorter]") {
  kg::testing::TempDir dir;
  ExternalSorter s(dir.path(), "big", 64 << 10);  // every big value spills a run
  const std::vector<size_t> sizes = {3 << 20, 5, (1 << 20) + 1, 0, 1 << 20, 1500000};
  for (size_t i = 0; i < sizes.size(); ++i) {
    std::string value(sizes[i], static_cast<char>('a' + i));
    if (!value.empty()) value.back() = 'z';  // the last byte, across the buffer's edge
    std::string key = "k";
    key += std::to_string(sizes.size() - i);
    REQUIRE(s.add(key, value).ok());
  }
  REQUIRE(s.finish().ok());
  CHECK(s.runs() >= 4);
  size_t seen = 0;
  while (s.valid()) {
    size_t i = sizes.size() - std::stoul(std::string(s.key().substr(1)));  // keys sort k1..k6
    INFO("key " << s.key());
    REQUIRE(s.value().size() == sizes[i]);
    if (sizes[i] > 0) {
      CHECK(s.value().front() == static_cast<char>('a' + i));
      CHECK(s.value().back() == 'z');
    }
    ++seen;
    REQUIRE(s.next().ok());
  }
  CHECK(seen == sizes.size());
}

TEST_CASE("loader sorter: a run cut short is reported as corrupt, naming it", "[loader][sorter]") {
  kg::testing::TempDir dir;
  ExternalSorter s(dir.path(), "cut", 64 << 10);
  auto keys = random_keys(20000, 0, 7);
  for (const auto& k : keys) REQUIRE(s.add(k, "v" + k).ok());
  REQUIRE(s.runs() >= 1);
  const std::string run = dir.sub("cut.0.run");
  REQUIRE(std::filesystem::exists(run));
  std::filesystem::resize_file(run, std::filesystem::file_size(run) - 1);  // inside a value
  kg::Status status = s.finish();
  while (status.ok() && s.valid()) status = s.next();
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == kg::StatusCode::kCorruption);
  CHECK_THAT(status.message(),
             Catch::Contains("cut.0.run") && Catch::Contains("ends unexpectedly"));
}
