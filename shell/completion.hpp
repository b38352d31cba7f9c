// What Tab completes at the shell's prompt (DESIGN.md §6), from the text before the cursor:
//
//   :sch|                     command names
//   :format j|                the command's argument: formats, on/off, command names, "clear"
//   :source data/q|           file paths (:source, :import, :export)
//   MATCH (c:Com|             labels, after ':' or '|' in a node pattern or an expression
//   MATCH ()-[:BU|            relationship types, after ':' or '|' inside [...]
//   RETURN c.na|              property keys, after '.'
//   RETURN $na|               parameter names, after '$'
//   CALL db.la|               procedure names, after CALL
//   MATCH (c) RET|            keywords (in the case typed: ret → return, Ret → RETURN) and
//                             function names (toUp → toUpper)
//
// Nothing completes inside a string or a comment. Names of the graph match by prefix, exactly
// first and ignoring case when nothing matches exactly; names that are not plain identifiers come
// back in backticks. Pure functions (but for complete_path(), which lists a directory).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shell/vocabulary.hpp"

namespace kg::shell {

struct Candidate {
  // The text that replaces the word being completed.
  std::string text;
  // What follows `text` when it is the only candidate: " " after a keyword, "(" after a function,
  // "/" after a directory.
  std::string suffix;
  // How the candidate shows in a list of several; "" to show `text`.
  std::string display;
};

struct Completion {
  // How many bytes before the cursor the candidates replace: the word being completed.
  size_t word_bytes = 0;
  // Sorted; empty when nothing completes.
  std::vector<Candidate> candidates;
};

struct CompletionRequest {
  // The line being edited, up to the cursor.
  std::string_view line;
  // The earlier lines of a statement that is not finished yet (the shell shows its continuation
  // prompt), "" when the line starts a new statement or command.
  std::string_view statement_so_far;
  bool in_statement = false;
};

Completion complete(const CompletionRequest& request, const Vocabulary& vocabulary);

// The entries of the directory `word` names (up to its last '/'; "." without one; a leading "~/"
// is $HOME) whose names start with the rest of `word`, as `word` would read completed. Hidden
// entries only when that rest starts with '.'.
std::vector<Candidate> complete_path(std::string_view word);

}  // namespace kg::shell
