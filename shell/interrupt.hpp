// Ctrl-C while the command line runs statements: the first SIGINT interrupts the running statement
// (it fails with kInterrupted and rolls back) and the run stops there, so the graph stays
// consistent and a temporary graph is still removed; a second SIGINT ends the process at once.
#pragma once

#include "kg/connection.hpp"

namespace kg::shell {

// Installs the SIGINT handler for `conn` for the lifetime of the object. One at a time.
// REQUIRES: `conn` outlives the object.
class InterruptHandler {
 public:
  explicit InterruptHandler(Connection& conn);
  ~InterruptHandler();
  InterruptHandler(const InterruptHandler&) = delete;
  InterruptHandler& operator=(const InterruptHandler&) = delete;

  // Whether SIGINT arrived.
  bool interrupted() const;
};

}  // namespace kg::shell
