// An exclusive, advisory, per-open lock on a graph directory (DESIGN.md §3: one process opens a
// graph at a time). The lock file holds the owner's process id, so a second opener can say who
// holds it. flock(2) locks belong to the open file, so a second open in the same process fails too.
#pragma once

#include <memory>
#include <string>

#include "kg/status.hpp"

namespace kg::engine {

class FileLock {
 public:
  // Takes the lock on `path` (creating the file), without waiting. Fails with kBusy
  // "graph is locked by process N" when another holder has it, kIOError on file errors.
  static Result<std::unique_ptr<FileLock>> acquire(const std::string& path);

  ~FileLock();  // releases the lock
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace kg::engine
