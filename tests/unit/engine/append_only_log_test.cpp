// The info log of read-only opens: no file until a warning, then records appended.
#include "engine/storage/append_only_log.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/support/temp_dir.hpp"

namespace {

using kg::engine::AppendOnlyLog;
using rocksdb::InfoLogLevel;

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_CASE("append-only log: nothing below its level, no file until a record", "[engine][store]") {
  kg::testing::TempDir dir;
  std::string path = dir.sub("LOG");
  {
    AppendOnlyLog log(path, InfoLogLevel::WARN_LEVEL);
    rocksdb::Info(&log, "opened %d column families", 8);
    rocksdb::Header(&log, "Options.%s: %d", "max_open_files", -1);
  }
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("append-only log: warnings are appended to what the file held", "[engine][store]") {
  kg::testing::TempDir dir;
  std::string path = dir.sub("LOG");
  std::ofstream(path) << "earlier line\n";
  {
    AppendOnlyLog log(path, InfoLogLevel::WARN_LEVEL);
    rocksdb::Warn(&log, "a warning about %s", "the log");
    rocksdb::Error(&log, "an error %d", 42);
  }
  std::string text = read_all(path);
  CHECK(text.starts_with("earlier line\n"));
  CHECK(text.find("a warning about the log\n") != std::string::npos);
  CHECK(text.find("an error 42\n") != std::string::npos);
  CHECK(text.find("earlier line\n") < text.find("a warning"));
}

}  // namespace
