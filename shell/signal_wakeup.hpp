// SignalWakeup: a self-pipe that wakes the thread waiting for the terminal when a signal arrives.
//
// The kernel delivers a process-directed signal (Ctrl+C's SIGINT, SIGWINCH, SIGCONT) to any thread
// that does not block it, and RocksDB's background threads are threads like any other: a handler
// that only sets a flag may run on one of them while the main thread stays blocked in read(). So
// every handler also calls notify(), and the line editor waits on the terminal and on fd()
// together (poll), then checks the flags.
//
// Contract for a waiter: drain(), then check the flags, then poll fd() with the terminal. A signal
// that lands after the check has already written to the pipe, so the poll returns at once.
//
// Thread-safety: notify() is async-signal-safe and may run on any thread; the pipe is made once,
// before any handler that calls notify() is installed (install()), and never closed.
#pragma once

namespace kg::shell::signal_wakeup {

// Creates the pipe (non-blocking, close-on-exec) if not made yet. Returns false if it could not be
// made; notify() is then a no-op and fd() is -1.
bool install();

// Writes a byte to the pipe. Async-signal-safe; preserves errno.
void notify();

// The end to poll for POLLIN, or -1.
int fd();

// Reads whatever the pipe holds.
void drain();

}  // namespace kg::shell::signal_wakeup
