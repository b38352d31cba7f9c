// LineEditor: reads lines from the terminal with libedit: emacs-style editing, history (kept in a
// file across sessions), incremental history search (Ctrl+R), prefix search with Up/Down, and Tab
// completion through a callback (completion.hpp). The interactive shell's only user of libedit.
//
// Ctrl+C: the editor reads the terminal itself (EL_GETCFN), waiting on the terminal and on the
// signal wakeup pipe (signal_wakeup.hpp) together, so a SIGINT (interrupt.hpp) ends the wait on
// whichever thread its handler ran; read() then reports kInterrupted and the line typed so far is
// dropped. Ctrl+D on an empty line is kEof. A change of the window's size
// (SIGWINCH) or a return from the background (SIGCONT) redraws the line.
//
// The terminal: raw (no echo, no line discipline) from open() and during each read(), set before
// the prompt shows, so that keys typed early are neither echoed by the terminal nor lost; back to
// its own mode when read() returns (while statements run) and when the editor is destroyed. Back
// from the background (SIGCONT), it is made raw again: the job-control shell had it meanwhile.
//
// Thread-safety: one thread. One LineEditor at a time (it owns SIGWINCH and SIGCONT).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kg/status.hpp"
#include "shell/completion.hpp"

namespace kg::shell {

class LineEditor {
 public:
  struct Options {
    // Where the history is kept ("" for nowhere). The file is created with mode 0600, since
    // statements may hold secrets.
    std::string history_file;
    // How many entries the history keeps.
    int history_size = 1000;
    // Whether SIGINT arrived since the last line; asked when a read from the terminal fails.
    std::function<bool()> interrupted;
    // What Tab completes, given the line up to the cursor.
    std::function<Completion(std::string_view before_cursor)> complete;
  };

  // An editor on the terminal of stdin, drawing on stdout when that is a terminal (else on
  // stderr, so that `kg DB > out.txt` still edits on the screen). The user's ~/.editrc applies.
  // Errors: kInvalidArgument when stdin is not a terminal, kInternal when libedit fails.
  static Result<std::unique_ptr<LineEditor>> open(Options options);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  enum class Outcome { kLine, kInterrupted, kEof };
  struct Input {
    Outcome outcome = Outcome::kEof;
    // kLine: what was entered, without the final newline. A line recalled from the history may
    // hold several lines.
    std::string text;
  };
  // Shows `prompt` and reads one line. The prompt may hold ANSI escapes between '\1' characters
  // (they take no room on the screen).
  Input read(std::string_view prompt);

  // Adds `entry` to the history and saves the history file. An error saving is reported once
  // (the returned Status) and then ignored.
  Status add_history(std::string_view entry);

  // The terminal's width in columns (80 when unknown).
  int width() const;

 private:
  struct Impl;
  explicit LineEditor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::shell
