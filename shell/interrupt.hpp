// Ctrl-C (SIGINT) while kg runs statements.
// - Scripts (InterruptMode::kStopRun): the first SIGINT interrupts the running statement (it fails
//   with kInterrupted and rolls back) and the run stops there, so the graph stays consistent and a
//   temporary graph is still removed; a second SIGINT ends the process at once.
// - The interactive shell (InterruptMode::kStayInShell): every SIGINT interrupts the running
//   statement, if any, and is remembered until take(); the process never ends on SIGINT. The
//   handler also wakes the line editor through signal_wakeup.hpp (it may run on any thread), so
//   the line editor can cancel the line being typed.
#pragma once

#include "kg/connection.hpp"

namespace kg::shell {

enum class InterruptMode { kStopRun, kStayInShell };

// Installs the SIGINT handler for `conn` for the lifetime of the object. One at a time.
// REQUIRES: `conn` outlives the object.
class InterruptHandler {
 public:
  explicit InterruptHandler(Connection& conn, InterruptMode mode = InterruptMode::kStopRun);
  ~InterruptHandler();
  InterruptHandler(const InterruptHandler&) = delete;
  InterruptHandler& operator=(const InterruptHandler&) = delete;

  // Whether SIGINT arrived (since the last take()).
  bool interrupted() const;
  // Whether SIGINT arrived since the last take(), and forgets it.
  bool take();
};

}  // namespace kg::shell
