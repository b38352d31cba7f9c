// ScratchDir: the temporary directory of one import (sort runs, SST files before ingestion).
// It is made next to the graph directory — `<parent>/.<graph name>.import-<pid>-<n>` — so that
// ingestion can hard-link the SST files into the graph (same file system) instead of copying them,
// and it is removed with everything in it on destruction, whatever happened.
// Thread-safety: not thread-safe.
#pragma once

#include <string>

#include "kg/status.hpp"

namespace kg::engine::loader {

class ScratchDir {
 public:
  // A new directory for the graph at `graph_path`, inside `parent` when it is not empty.
  static Result<ScratchDir> create(const std::string& graph_path, const std::string& parent);
  ScratchDir(ScratchDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  ScratchDir& operator=(ScratchDir&&) = delete;
  ScratchDir(const ScratchDir&) = delete;
  ~ScratchDir();

  const std::string& path() const { return path_; }

 private:
  explicit ScratchDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace kg::engine::loader
