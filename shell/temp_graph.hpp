// TempGraphDir: the graph directory of a `kg` run without DB_DIR: a fresh directory under
// $TMPDIR (or /tmp), removed with everything in it when the object is destroyed.
#pragma once

#include <string>

#include "kg/status.hpp"

namespace kg::shell {

class TempGraphDir {
 public:
  // Creates the directory; kIOError when it cannot.
  static Result<TempGraphDir> create();
  TempGraphDir(TempGraphDir&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
  }
  TempGraphDir& operator=(TempGraphDir&&) = delete;
  TempGraphDir(const TempGraphDir&) = delete;
  TempGraphDir& operator=(const TempGraphDir&) = delete;
  // REQUIRES: the graph in it is closed.
  ~TempGraphDir();

  const std::string& path() const { return path_; }

 private:
  explicit TempGraphDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace kg::shell
