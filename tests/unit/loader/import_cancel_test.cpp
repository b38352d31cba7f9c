// ImportOptions::cancelled: an import asked to stop ends with kInterrupted, wherever it is, and
// leaves the graph exactly as it was (key by key) and no temporary directory behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "tests/unit/loader/import_fixture.hpp"

using kg::ImportOptions;
using kg::ImportProgress;
using kg::StatusCode;
using kg::testing::ImportFixture;

namespace {

// 10,000 people who know the next one: long enough for several checks while reading.
ImportOptions people(ImportFixture& fx) {
  std::string nodes = ":ID,name\n";
  std::string rels = ":START_ID,:END_ID\n";
  for (int i = 0; i < 10000; ++i) {
    nodes += std::to_string(i) + ",p" + std::to_string(i) + "\n";
    if (i > 0) rels += std::to_string(i - 1) + "," + std::to_string(i) + "\n";
  }
  ImportOptions o;
  o.nodes.push_back({{"Person"}, {fx.file("people.csv", nodes)}});
  o.relationships.push_back({"KNOWS", {fx.file("knows.csv", rels)}});
  return o;
}

size_t scratch_dirs(const ImportFixture& fx) {
  size_t n = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(fx.path("g")).parent_path()))
    if (e.path().filename().string().find(".import-") != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST_CASE("import cancel: stops in any phase and changes nothing", "[loader][import]") {
  // The phase in which cancelled() starts returning true, and how many polls it waits there.
  struct Case {
    const char* phase;
    int polls;
  };
  const Case cases[] = {{"nodes", 0},   {"nodes", 3},   {"relationships", 2},
                        {"sorting", 0}, {"writing", 0}, {"ingesting", 0}};
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.phase << " after " << c.polls << " polls") {
      ImportFixture fx;
      fx.rows("CREATE (:Person {name: 'before'})-[:KNOWS]->(:Person {name: 'also before'})");
      const std::string before = fx.raw_dump();
      ImportOptions o = people(fx);
      std::string phase;
      int polls_in_phase = 0;
      o.progress = [&](const ImportProgress& p) {
        if (p.phase != phase) polls_in_phase = 0;
        phase = p.phase;
      };
      int polls = 0;
      o.cancelled = [&] {
        ++polls;
        return phase == c.phase && polls_in_phase++ >= c.polls;
      };
      auto r = fx.import(o);
      REQUIRE(!r.ok());
      CHECK(r.status().code() == StatusCode::kInterrupted);
      CHECK(r.status().message() == "the import was cancelled");
      CHECK(fx.raw_dump() == before);
      CHECK(scratch_dirs(fx) == 0);
    }
  }
}

TEST_CASE("import cancel: never cancelled, polled while reading", "[loader][import]") {
  ImportFixture fx;
  ImportOptions o = people(fx);
  int polls = 0;
  o.cancelled = [&] {
    ++polls;
    return false;
  };
  auto summary = fx.import_ok(o);
  CHECK(summary.nodes == 10000);
  CHECK(summary.relationships == 9999);
  // At least every 1,024 rows of the 19,999 read, and at each of the five phases.
  CHECK(polls >= 19 + 5);
}
