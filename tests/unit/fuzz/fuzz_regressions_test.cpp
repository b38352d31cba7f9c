// Replays the fuzz targets' files with the normal build (docs/fuzzing.md): every input under
// tests/fuzz/regressions/<target>/ (inputs that once crashed a target) and under
// tests/fuzz/corpus/<target>/ (the seeds) goes through the same kg::fuzz::run_<target> function
// libFuzzer calls. A target aborts on a broken invariant (an internal error, a failed round trip),
// which fails this test; under KG_SANITIZE=ON the sanitizers catch memory errors as well.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.hpp"

namespace {

using Entry = void (*)(const uint8_t*, size_t);

struct Target {
  const char* name;
  Entry run;
};

constexpr Target kTargets[] = {
    {"cypher", kg::fuzz::run_cypher},     {"query", kg::fuzz::run_query},
    {"csv", kg::fuzz::run_csv},           {"jsonl", kg::fuzz::run_jsonl},
    {"ntriples", kg::fuzz::run_ntriples}, {"value_decoder", kg::fuzz::run_value_decoder},
};

// The files of tests/fuzz/<kind>/<target>/, sorted; none when the directory does not exist.
std::vector<std::string> files(const std::string& kind, const std::string& target) {
  std::vector<std::string> out;
  std::error_code ec;
  std::filesystem::directory_iterator it(
      std::string(KG_SOURCE_DIR) + "/tests/fuzz/" + kind + "/" + target, ec);
  for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<uint8_t> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs every file of `kind` through its target; returns how many ran.
size_t replay(const std::string& kind) {
  size_t count = 0;
  for (const Target& t : kTargets) {
    for (const std::string& path : files(kind, t.name)) {
      INFO("replaying " << path);
      std::vector<uint8_t> data = slurp(path);
      t.run(data.data(), data.size());
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("fuzz: every seed of every target runs without breaking an invariant", "[fuzz]") {
  for (const Target& t : kTargets) {
    INFO("target " << t.name);
    CHECK(!files("corpus", t.name).empty());
  }
  CHECK(replay("corpus") > 0);
}

TEST_CASE("fuzz: every input that once broke a target now runs cleanly", "[fuzz]") {
  CHECK(replay("regressions") > 0);
}
