#include "shell/commands.hpp"

#include <algorithm>
#include <vector>

namespace kg::shell {

namespace {

constexpr CommandInfo kCommands[] = {
    {"help", ":help [COMMAND]", "this help, or one command's", CommandArg::kCommand},
    {"schema", ":schema",
     "labels and relationship types: counts, property keys; indexes and constraints"},
    {"param", ":param NAME => VALUE",
     "set $NAME for the statements that follow (VALUE is a Cypher literal)", CommandArg::kText},
    {"params", ":params [clear]", "list the parameters, or forget them all", CommandArg::kClear},
    {"source", ":source FILE", "run the statements and commands of FILE", CommandArg::kFile},
    {"import", ":import OPTIONS",
     "bulk-import CSV, JSON Lines or N-Triples files in one atomic step (:import --help)",
     CommandArg::kFile},
    {"export", ":export [OPTIONS] PATH",
     "write the graph (or what --query returns) as csv, jsonl, cypher or dot", CommandArg::kFile},
    {"format", ":format [FORMAT]",
     "show or set the output: table, csv, json, jsonl, line, markdown", CommandArg::kFormat},
    {"timer", ":timer on|off", "show each statement's time in its footer (on at start)",
     CommandArg::kOnOff},
    {"begin", ":begin", "open a transaction (same as BEGIN;)"},
    {"commit", ":commit", "commit the open transaction (same as COMMIT;)"},
    {"rollback", ":rollback", "roll the open transaction back (same as ROLLBACK;)"},
    {"clear", ":clear", "clear the screen (also Ctrl+L)"},
    {"quit", ":quit", "leave the shell (also :exit and Ctrl+D)"},
};

struct Alias {
  std::string_view alias, name;
};
constexpr Alias kAliases[] = {{"exit", "quit"}, {"q", "quit"}, {"h", "help"}, {"?", "help"}};

bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

// Optimal string alignment distance: edits are insertions, deletions, substitutions and swaps of
// two neighbouring characters.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::span<const CommandInfo> all_commands() { return kCommands; }

const CommandInfo* find_command(std::string_view name) {
  for (const Alias& a : kAliases)
    if (a.alias == name) name = a.name;
  for (const CommandInfo& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

const CommandInfo* nearest_command(std::string_view name) {
  if (name.empty()) return nullptr;
  const CommandInfo* best = nullptr;
  size_t best_distance = 3;
  for (const CommandInfo& c : kCommands) {
    size_t d = c.name.substr(0, name.size()) == name ? 0 : edit_distance(name, c.name);
    if (d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  return best;
}

CommandLine split_command(std::string_view text) {
  size_t name_end = 1;
  while (name_end < text.size() && !is_space_or_tab(text[name_end])) ++name_end;
  size_t args_begin = name_end;
  while (args_begin < text.size() && is_space_or_tab(text[args_begin])) ++args_begin;
  std::string_view args = text.substr(args_begin);
  while (!args.empty() && is_space_or_tab(args.back())) args.remove_suffix(1);
  return {text.substr(1, name_end - 1), args, args_begin};
}

}  // namespace kg::shell
