// ScriptReader: splits a script (a -f file, stdin, or one -c argument) into statements and
// :commands, each with the position where it starts (DESIGN.md §6).
//
// - A statement ends at a ';' outside strings ('...', "..." with backslash escapes), quoted names
//   (`...`) and comments (// to the end of the line, /* ... */); the last may omit it. A line
//   holding only ';' therefore separates statements, as the TCK runner writes them.
// - Blanks and comments between statements are skipped: a statement's text starts at its first
//   token and ends before its ';', without trailing blanks (comments inside it stay).
// - A line whose first non-blank character is ':' while no statement is pending is a command
//   (":param x => 1", ":params"); it ends at the end of its line. No Cypher statement starts
//   with ':', and inside a statement a line may still start with one (":Label").
// - Lines end with "\n" or "\r\n"; a UTF-8 byte order mark at the start is skipped.
// Positions are 1-based; columns count code points, as the engine's error positions do.
//
// Usage, streaming (items come out as soon as their last line is in):
//   ScriptReader reader;
//   while (std::getline(in, line)) { reader.add_line(line); while (auto item = reader.next()) ...;
//   } reader.finish(); while (auto item = reader.next()) ...;
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.hpp"

namespace kg::shell {

struct ScriptItem {
  enum class Kind {
    kStatement,
    kCommand,
    // The script is malformed where no statement can report it: an unterminated /* comment.
    kError,
  };
  Kind kind = Kind::kStatement;
  // kStatement: the statement, without its ';'. kCommand: its line from the ':' on, without
  // trailing blanks. kError: what is wrong.
  std::string text;
  // Where `text` starts in the source.
  SourcePos pos;
  // The source text before `pos` on its line, so that messages can show the whole line.
  std::string line_prefix;

  // The whole source line that holds line `line` of `text` (1-based: line 1 is pos.line), as far
  // as `text` reaches; "" when `text` has fewer lines.
  std::string source_line(uint32_t line) const;
};

class ScriptReader {
 public:
  // Reads the next line of the script, without its '\n' (a trailing '\r' is dropped).
  void add_line(std::string_view line);
  // Ends the script: a pending statement without ';' becomes an item.
  void finish();
  // The next complete item in source order, or nullopt until more lines are added.
  std::optional<ScriptItem> next();
  // Whether a statement or a /* comment has begun and not ended, so that more lines are needed
  // (the shell then shows its continuation prompt).
  bool pending() const { return has_pending_ || state_ != State::kCode; }

 private:
  enum class State { kCode, kSingleQuoted, kDoubleQuoted, kBackticked, kBlockComment };

  void start_statement(std::string_view line, size_t byte);
  void end_statement();

  State state_ = State::kCode;
  uint32_t line_no_ = 0;
  ScriptItem pending_;
  bool has_pending_ = false;
  SourcePos comment_start_;
  std::deque<ScriptItem> ready_;
};

// All items of a whole script.
std::vector<ScriptItem> split_script(std::string_view text);

}  // namespace kg::shell
