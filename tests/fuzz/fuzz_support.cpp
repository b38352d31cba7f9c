#include "tests/fuzz/fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kg/import.hpp"

namespace kg::fuzz {

namespace {

// Owns the scratch directory; removes it when the process exits normally.
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/kg-fuzz-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) fail("support", "cannot create " + pattern);
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

void fail(std::string_view target, std::string_view what) {
  std::fprintf(stderr, "kg fuzz %.*s: %.*s\n", static_cast<int>(target.size()), target.data(),
               static_cast<int>(what.size()), what.data());
  std::fflush(stderr);
  std::abort();
}

void check_not_internal(std::string_view target, const Status& s) {
  if (s.code() == StatusCode::kInternal) fail(target, "internal error: " + s.to_string());
}

const std::string& scratch_dir() {
  static ScratchDir dir;  // process lifetime: see fuzz_targets.hpp
  return dir.path();
}

std::string write_scratch_file(std::string_view name, const uint8_t* data, size_t size) {
  std::string path = scratch_dir() + "/" + std::string(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) fail("support", "cannot write " + path);
  return path;
}

namespace {

// An empty graph at `path`, created afresh.
std::unique_ptr<Database> fresh_graph(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
  Options options;
  options.sync_writes = false;
  options.block_cache_bytes = 8 << 20;
  auto db = std::make_unique<Database>(path, options);
  if (!db->ok()) fail("support", "cannot open the scratch graph: " + db->status().to_string());
  return db;
}

}  // namespace

Database& scratch_graph(int max_uses) {
  // Construction order decides destruction order at exit (see small_graph()): the directory
  // outlives the graph, and the graph, opened in its initializer, is closed before RocksDB's
  // statics go.
  std::string path = scratch_dir() + "/graph";
  static std::unique_ptr<Database> db = fresh_graph(path);  // process lifetime
  static int uses = 0;
  if (++uses > max_uses) {
    db.reset();
    db = fresh_graph(path);
    uses = 1;
  }
  return *db;
}

void import_into_scratch_graph(std::string_view target, ImportOptions options) {
  options.sort_memory_bytes = 1 << 20;
  options.temp_dir = scratch_dir();
  auto summary = import_files(scratch_graph(), options);
  if (!summary) check_not_internal(target, summary.error());
}

}  // namespace kg::fuzz
