#include "engine/storage/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kg::engine {

namespace {

std::string errno_text(int err) { return std::strerror(err); }

// The process id recorded in the lock file, or "" when it cannot be read.
std::string read_owner(int fd) {
  char buf[32] = {};
  ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
  if (n <= 0) return "";
  std::string s(buf, static_cast<size_t>(n));
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

Result<std::unique_ptr<FileLock>> FileLock::acquire(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::io_error("cannot open lock file " + path + ": " + errno_text(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    std::string owner = read_owner(fd);
    ::close(fd);
    if (err == EWOULDBLOCK) {
      std::string who = owner.empty() ? "another process" : "process " + owner;
      if (owner == std::to_string(::getpid())) who += " (this process)";
      return Status::busy("graph is locked by " + who + " (lock file " + path + ")");
    }
    return Status::io_error("cannot lock " + path + ": " + errno_text(err));
  }
  // Written over the old content, then cut to length: never truncated to empty first, which makes
  // ext4 write the file out at close (its guard for files replaced by truncation), an fsync's
  // worth of work at every close of a graph.
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size()) ||
      ::ftruncate(fd, static_cast<off_t>(pid.size())) != 0) {
    int err = errno;
    ::close(fd);
    return Status::io_error("cannot write lock file " + path + ": " + errno_text(err));
  }
  return std::unique_ptr<FileLock>(new FileLock(fd));
}

FileLock::~FileLock() {
  // Closing the descriptor releases the flock. The file stays: removing it would race with a
  // process that opened it and waits to lock it.
  ::close(fd_);
}

}  // namespace kg::engine
