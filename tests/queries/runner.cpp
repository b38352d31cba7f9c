// The query-test runner (STYLE.md §7): a Catch2 main that registers every
// tests/queries/**/*.test file as one test case, named by its path under tests/queries
// ("match/one_hop.test"), before the Catch session starts. So `kg_query_tests
// --list-test-names-only`, and through it catch_discover_tests and ctest, list each file on its
// own: `ctest -R query:match/one_hop`. The registration is duckdb's
// (test/sqlite/test_sqllogictest.cpp): REGISTER_TEST_CASE with one function that finds its file
// from the name of the running test case. The files' format: test_file.hpp and README.md.
#define CATCH_CONFIG_RUNNER
// Long statements and rows stay on one line in failure messages.
#define CATCH_CONFIG_CONSOLE_WIDTH 160
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "tests/queries/test_file.hpp"

namespace {

namespace fs = std::filesystem;

// The test case of every file: its name is its path under tests/queries.
void run_current_file() {
  std::string name = Catch::getResultCapture().getCurrentTestName();
  fs::path root(KG_SOURCE_DIR);
  fs::path file = fs::path(KG_QUERY_TEST_DIR) / name;
  // Reporters keep the file name of each result until the run ends.
  static std::set<std::string> display_paths;
  const std::string& display =
      *display_paths.insert(fs::relative(file, root).generic_string()).first;
  kg::testing::run_test_file(display.c_str(), file.string(), KG_SOURCE_DIR);
}

// Paths of the *.test files under `dir`, relative to it, sorted.
std::vector<std::string> find_test_files(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".test")
      names.push_back(fs::relative(it->path(), dir, ec).generic_string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

int main(int argc, char* argv[]) {
  // Catch copies each name and tag; these strings need only outlive the registration.
  std::vector<std::string> names = find_test_files(KG_QUERY_TEST_DIR);
  for (const std::string& name : names) {
    std::string area = name.substr(0, name.find('/'));
    std::string tags = "[query][" + area + "]";
    REGISTER_TEST_CASE(run_current_file, name, tags);
  }
  return Catch::Session().run(argc, argv);
}
