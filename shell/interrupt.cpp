#include "shell/interrupt.hpp"

#include <signal.h>

#include <atomic>

#include "shell/signal_wakeup.hpp"

namespace kg::shell {

namespace {

// A signal handler can reach only globals; these two are the whole of the shell's global state
// for SIGINT (line_editor.cpp has the terminal's SIGWINCH and SIGCONT).
std::atomic<Connection*> g_connection{nullptr};
volatile sig_atomic_t g_interrupted = 0;

void on_sigint(int) {
  g_interrupted = 1;
  if (Connection* conn = g_connection.load()) conn->interrupt();
  signal_wakeup::notify();  // the handler may run on any thread; the line editor waits on it
}

}  // namespace

InterruptHandler::InterruptHandler(Connection& conn, InterruptMode mode) {
  g_connection.store(&conn);
  g_interrupted = 0;
  signal_wakeup::install();
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  // kStopRun: the second Ctrl-C gets the default action. Neither sets SA_RESTART.
  sa.sa_flags = mode == InterruptMode::kStopRun ? SA_RESETHAND : 0;
  sigaction(SIGINT, &sa, nullptr);
}

InterruptHandler::~InterruptHandler() {
  signal(SIGINT, SIG_DFL);
  g_connection.store(nullptr);
}

bool InterruptHandler::interrupted() const { return g_interrupted != 0; }

bool InterruptHandler::take() {
  bool was = g_interrupted != 0;
  g_interrupted = 0;
  return was;
}

}  // namespace kg::shell
