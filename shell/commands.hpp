// The shell's :commands (DESIGN.md §6): their names, what they take, one line of help each, how a
// command line splits into name and arguments, and the nearest name to a mistyped one. The shell
// (repl_commands.cpp) runs them; scripts know only :param and :params (script_runner.hpp).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kg::shell {

// What a command takes after its name, for completion.
enum class CommandArg {
  kNone,
  kFile,     // a file path (:source, :import, :export)
  kFormat,   // an output format
  kOnOff,    // on or off
  kCommand,  // a command name (:help)
  kClear,    // optionally "clear" (:params)
  kText,     // free text (:param)
};

struct CommandInfo {
  std::string_view name;     // without the ':'
  std::string_view usage;    // ":timer on|off"
  std::string_view summary;  // one line
  CommandArg arg = CommandArg::kNone;
};

// Every command, in the order :help lists them.
std::span<const CommandInfo> all_commands();

// The command named `name` (without ':'; also :exit and :q for :quit, :h and :? for :help), or
// nullptr.
const CommandInfo* find_command(std::string_view name);

// The command a mistyped name most likely meant: one whose name starts with it, or is at most two
// edits (insertions, deletions, substitutions, swaps of neighbours) away. nullptr when none is.
const CommandInfo* nearest_command(std::string_view name);

// ":name args" split: the name without the ':', the arguments with blanks trimmed, and where the
// arguments start in the text (bytes).
struct CommandLine {
  std::string_view name;
  std::string_view args;
  size_t args_offset = 0;
};
// REQUIRES: `text` starts with ':'.
CommandLine split_command(std::string_view text);

}  // namespace kg::shell
