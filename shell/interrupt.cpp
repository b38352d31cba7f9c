#include "shell/interrupt.hpp"

#include <signal.h>

#include <atomic>

namespace kg::shell {

namespace {

// A signal handler can reach only globals; these two are the whole of the shell's global state.
std::atomic<Connection*> g_connection{nullptr};
volatile sig_atomic_t g_interrupted = 0;

void on_sigint(int) {
  g_interrupted = 1;
  if (Connection* conn = g_connection.load()) conn->interrupt();
}

}  // namespace

InterruptHandler::InterruptHandler(Connection& conn) {
  g_connection.store(&conn);
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // the second Ctrl-C gets the default action
  sigaction(SIGINT, &sa, nullptr);
}

InterruptHandler::~InterruptHandler() {
  signal(SIGINT, SIG_DFL);
  g_connection.store(nullptr);
}

bool InterruptHandler::interrupted() const { return g_interrupted != 0; }

}  // namespace kg::shell
