// Durability: a commit that returned survives kill -9 of the process, and no transaction is ever
// seen in part. A child process (kg_test_helper write) commits batches and reports each one after
// commit() returned; the parent kills it with SIGKILL mid-stream, reopens the graph and checks.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "kg/kg.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

constexpr size_t kItemsPerBatch = 5;  // as kg_test_helper writes them

struct Found {
  std::set<int64_t> batches;
  size_t items = 0;
  bool whole = true;  // every batch has exactly its items, and statistics match the data
};

Found read_graph(const std::string& path) {
  Found out;
  kg::Database db(path);
  REQUIRE(db.ok());
  auto txn = db.begin_read();
  REQUIRE(txn.ok());
  auto batches = txn->nodes_with_label("Batch");
  REQUIRE(batches.ok());
  for (const kg::Node& b : *batches) {
    out.batches.insert(b.properties.at("seq").as_int());
    auto items = txn->relationships(b.id, kg::Direction::kOutgoing, "HAS");
    REQUIRE(items.ok());
    if (items->size() != kItemsPerBatch) out.whole = false;
  }
  auto items = txn->nodes_with_label("Item");
  REQUIRE(items.ok());
  out.items = items->size();
  auto counted = txn->count_nodes("Item");
  REQUIRE(counted.ok());
  if (*counted != out.items) out.whole = false;
  return out;
}

}  // namespace

TEST_CASE("durability: commits that returned survive SIGKILL, none is seen in part",
          "[engine][durability]") {
  kg::testing::TempDir dir;
  std::string path = dir.sub("g");
  std::mt19937 rng(20261126);
  int64_t next_seq = 0;
  std::set<int64_t> reported;
  for (int round = 0; round < 5; ++round) {
    kg::testing::ChildProcess writer(
        {kg::testing::test_helper_path(), "write", path, std::to_string(next_seq)});
    // Let it commit a random number of batches, then kill it wherever it is.
    int wait_for = std::uniform_int_distribution<int>(5, 40)(rng);
    for (int i = 0; i < wait_for; ++i) {
      auto line = writer.read_line();
      REQUIRE(line.has_value());
      reported.insert(std::stoll(*line));
    }
    writer.kill_hard();
    int status = writer.wait();
    REQUIRE(WIFSIGNALED(status));
    // Reports written before the kill are still in the pipe.
    while (auto line = writer.read_line()) reported.insert(std::stoll(*line));

    Found found = read_graph(path);
    INFO("round " << round << ": " << reported.size() << " reported, " << found.batches.size()
                  << " found");
    for (int64_t r : reported) CHECK(found.batches.count(r) == 1);
    // At most one batch beyond the reports: committed, then killed before it could report.
    CHECK(found.batches.size() <= reported.size() + 1);
    CHECK(found.whole);
    CHECK(found.items == found.batches.size() * kItemsPerBatch);
    // A batch committed but not reported in this round is a fact from now on.
    reported.insert(found.batches.begin(), found.batches.end());
    next_seq = *found.batches.rbegin() + 1;
  }
}
