// ChildProcess: runs kg_test_helper (or any program) with pipes to its stdin and stdout, for tests
// that need a second process. Killed with SIGKILL and reaped on destruction if still running.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace kg::testing {

// The path of the kg_test_helper executable (set by the build).
std::string test_helper_path();

class ChildProcess {
 public:
  // Starts `argv[0]` with `argv` (fork + exec). REQUIRE-fails the test when it cannot.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // The next line of the child's stdout without the newline; nullopt at EOF.
  std::optional<std::string> read_line();
  // Closes the child's stdin.
  void close_stdin();
  void kill_hard();  // SIGKILL
  // Waits for the child; returns its wait status.
  int wait();

 private:
  pid_t pid_ = -1;
  int in_fd_ = -1;   // our end of the child's stdin
  int out_fd_ = -1;  // our end of the child's stdout
  std::string buffer_;
  bool reaped_ = false;
};

}  // namespace kg::testing
