#include "engine/loader/scratch_dir.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>

namespace kg::engine::loader {

namespace fs = std::filesystem;

namespace {
std::atomic<uint64_t> counter{0};
}

Result<ScratchDir> ScratchDir::create(const std::string& graph_path, const std::string& parent) {
  fs::path graph = fs::path(graph_path).lexically_normal();
  if (graph.has_filename() == false) graph = graph.parent_path();  // "g/" → "g"
  fs::path dir = parent.empty() ? graph.parent_path() : fs::path(parent);
  if (dir.empty()) dir = ".";
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = dir / ("." + graph.filename().string() + ".import-" + std::to_string(::getpid()) +
                        "-" + std::to_string(counter.fetch_add(1)));
    std::error_code ec;
    if (fs::create_directory(p, ec)) return ScratchDir(p.string());
    if (ec)
      return Status::io_error("cannot create the import's temporary directory '" + p.string() +
                              "': " + ec.message());
  }
  return Status::io_error("cannot create the import's temporary directory in '" + dir.string() +
                          "'");
}

ScratchDir::~ScratchDir() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace kg::engine::loader
