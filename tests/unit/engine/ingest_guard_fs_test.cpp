// IngestGuardFs keeps the table files a failed ingest would delete, and only those.
#include "engine/storage/ingest_guard_fs.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.hpp"

using kg::engine::IngestGuardFs;
using kg::testing::TempDir;
namespace fs = std::filesystem;

namespace {

rocksdb::IOStatus link(IngestGuardFs& guard, const std::string& src, const std::string& target) {
  return guard.LinkFile(src, target, rocksdb::IOOptions(), nullptr);
}

rocksdb::IOStatus remove(IngestGuardFs& guard, const std::string& name) {
  return guard.DeleteFile(name, rocksdb::IOOptions(), nullptr);
}

}  // namespace

TEST_CASE("a failed ingest's table files survive RocksDB's cleanup", "[engine][storage]") {
  TempDir dir;
  std::string staged = dir.path() + "/staged.sst";
  std::ofstream(staged) << "table";
  IngestGuardFs guard(rocksdb::FileSystem::Default());

  guard.begin_ingest({});
  std::string linked = dir.path() + "/000045.sst";
  REQUIRE(link(guard, staged, linked).ok());
  // RocksDB deletes what it linked when the ingest fails: the delete is reported done, and skipped.
  CHECK(remove(guard, linked).ok());
  CHECK(fs::exists(linked));
  guard.end_ingest(/*ok=*/false);
  CHECK(guard.guarded_files() == 1);
  // Kept for the life of the file system (the Store), whatever later tries to delete it.
  CHECK(remove(guard, linked).ok());
  CHECK(fs::exists(linked));

  // Other files are deleted as usual, during an ingest too.
  std::string other = dir.path() + "/000050.sst";
  std::ofstream(other) << "table";
  guard.begin_ingest({});
  CHECK(remove(guard, other).ok());
  CHECK(!fs::exists(other));
  guard.end_ingest(/*ok=*/true);
}

TEST_CASE("a successful ingest's table files can be deleted later", "[engine][storage]") {
  TempDir dir;
  std::string staged = dir.path() + "/staged.sst";
  std::ofstream(staged) << "table";
  IngestGuardFs guard(rocksdb::FileSystem::Default());

  guard.begin_ingest({});
  std::string linked = dir.path() + "/000046.sst";
  REQUIRE(link(guard, staged, linked).ok());
  guard.end_ingest(/*ok=*/true);
  CHECK(guard.guarded_files() == 0);
  // A compaction that made the file obsolete deletes it.
  CHECK(remove(guard, linked).ok());
  CHECK(!fs::exists(linked));
}

TEST_CASE("only table files are guarded", "[engine][storage]") {
  TempDir dir;
  IngestGuardFs guard(rocksdb::FileSystem::Default());
  guard.begin_ingest({});
  std::string log = dir.path() + "/000047.log";
  std::unique_ptr<rocksdb::FSWritableFile> file;
  REQUIRE(guard.NewWritableFile(log, rocksdb::FileOptions(), &file, nullptr).ok());
  file.reset();
  CHECK(remove(guard, log).ok());
  CHECK(!fs::exists(log));
  guard.end_ingest(/*ok=*/false);
  CHECK(guard.guarded_files() == 0);
}
