#include "shell/signal_wakeup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace kg::shell::signal_wakeup {

namespace {

// [0] is read, [1] is written. Set once by install(); read by signal handlers.
volatile int g_pipe[2] = {-1, -1};

}  // namespace

bool install() {
  if (g_pipe[0] >= 0) return true;
  int fds[2];
  if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) return false;
  g_pipe[1] = fds[1];
  g_pipe[0] = fds[0];
  return true;
}

void notify() {
  int saved = errno;
  if (g_pipe[1] >= 0) {
    char byte = 1;
    // A full pipe already wakes the waiter; nothing to do if the write fails.
    [[maybe_unused]] ssize_t n = ::write(g_pipe[1], &byte, 1);
  }
  errno = saved;
}

int fd() { return g_pipe[0]; }

void drain() {
  if (g_pipe[0] < 0) return;
  char buf[64];
  while (::read(g_pipe[0], buf, sizeof buf) > 0) {
  }
}

}  // namespace kg::shell::signal_wakeup
