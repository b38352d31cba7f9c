#include "shell/completion.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "shell/commands.hpp"
#include "shell/cypher_words.hpp"
#include "shell/printer.hpp"

namespace kg::shell {

namespace {

bool is_completion_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with(std::string_view s, std::string_view prefix, bool ignore_case) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ignore_case ? lower(s[i]) != lower(prefix[i]) : s[i] != prefix[i]) return false;
  }
  return true;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && starts_with(a, b, true);
}

bool less_ignoring_case(const Candidate& a, const Candidate& b) {
  return std::lexicographical_compare(a.text.begin(), a.text.end(), b.text.begin(), b.text.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

// Names of the graph that start with `word`: exact-case matches, or when there are none,
// matches ignoring case.
std::vector<Candidate> graph_names(const std::vector<std::string>& names, std::string_view word) {
  std::vector<Candidate> out;
  for (bool ignore_case : {false, true}) {
    for (const std::string& name : names)
      if (starts_with(name, word, ignore_case)) out.push_back({cypher_name(name), "", name});
    if (!out.empty()) break;
  }
  return out;
}

std::vector<Candidate> words(std::span<const std::string_view> list, std::string_view word,
                             std::string_view suffix) {
  std::vector<Candidate> out;
  for (std::string_view w : list)
    if (starts_with(w, word, true)) out.push_back({std::string(w), std::string(suffix), ""});
  return out;
}

// Keywords in the case of what was typed, and function names.
std::vector<Candidate> keywords_and_functions(std::string_view word) {
  bool lower_case = !word.empty() && std::none_of(word.begin(), word.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c));
  });
  std::vector<Candidate> out;
  for (Candidate& c : words(cypher_keywords(), word, " ")) {
    if (lower_case) std::transform(c.text.begin(), c.text.end(), c.text.begin(), lower);
    out.push_back(std::move(c));
  }
  for (Candidate& f : words(cypher_functions(), word, "(")) {
    auto same = std::find_if(out.begin(), out.end(), [&](const Candidate& k) {
      return equals_ignoring_case(k.text, f.text);
    });
    if (same == out.end()) {
      out.push_back(std::move(f));
    } else {
      same->suffix.clear();  // EXISTS {...} and exists(...), ALL and all(...)
    }
  }
  return out;
}

// Where the end of a statement's text is: in code (with the brackets open there), or inside a
// string, a `name` or a comment.
struct Scan {
  bool in_code = true;
  std::string brackets;  // the open ( [ { from outermost to innermost
};

Scan scan(std::string_view text) {
  enum class State { kCode, kSingle, kDouble, kBacktick, kLineComment, kBlockComment };
  State state = State::kCode;
  Scan out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (state) {
      case State::kCode:
        if (c == '/' && next == '/') {
          state = State::kLineComment;
        } else if (c == '/' && next == '*') {
          state = State::kBlockComment;
          ++i;
        } else if (c == '\'') {
          state = State::kSingle;
        } else if (c == '"') {
          state = State::kDouble;
        } else if (c == '`') {
          state = State::kBacktick;
        } else if (c == '(' || c == '[' || c == '{') {
          out.brackets.push_back(c);
        } else if ((c == ')' || c == ']' || c == '}') && !out.brackets.empty()) {
          out.brackets.pop_back();
        } else if (c == ';') {
          out.brackets.clear();
        }
        break;
      case State::kSingle:
      case State::kDouble:
        if (c == '\\') {
          ++i;
        } else if (c == (state == State::kSingle ? '\'' : '"')) {
          state = State::kCode;
        }
        break;
      case State::kBacktick:
        if (c == '`') state = State::kCode;
        break;
      case State::kLineComment:
        if (c == '\n') state = State::kCode;
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          state = State::kCode;
          ++i;
        }
        break;
    }
  }
  out.in_code = state == State::kCode;
  return out;
}

// The identifier that ends at `end` in `text` (possibly empty), as [begin, end).
size_t name_start(std::string_view text, size_t end) {
  size_t begin = end;
  while (begin > 0 && is_name_char(text[begin - 1])) --begin;
  return begin;
}

// The word before `end`, skipping blanks: "CALL" in "CALL db.la".
std::string_view previous_word(std::string_view text, size_t end) {
  while (end > 0 && is_completion_blank(text[end - 1])) --end;
  return text.substr(name_start(text, end), end - name_start(text, end));
}

Completion complete_statement(std::string_view text, const Vocabulary& vocabulary) {
  Completion out;
  Scan s = scan(text);
  if (!s.in_code) return out;
  size_t begin = name_start(text, text.size());
  std::string_view word = text.substr(begin);
  out.word_bytes = word.size();
  char before = begin > 0 ? text[begin - 1] : '\0';
  char innermost = s.brackets.empty() ? '\0' : s.brackets.back();

  // CALL db.la: the dotted name after CALL.
  size_t dotted = begin;
  while (dotted > 0 && text[dotted - 1] == '.') dotted = name_start(text, dotted - 1);
  if (equals_ignoring_case(previous_word(text, dotted), "CALL")) {
    out.word_bytes = text.size() - dotted;
    out.candidates = words(cypher_procedures(), text.substr(dotted), "()");
    for (Candidate& c : out.candidates)
      if (procedure_takes_arguments(c.text)) c.suffix = "(";
    return out;
  }
  if (before == '.') {
    size_t owner = name_start(text, begin - 1);
    bool after_name = owner < begin - 1 && !std::isdigit(static_cast<unsigned char>(text[owner]));
    if (after_name || (begin >= 2 && text[begin - 2] == '`'))
      out.candidates = graph_names(vocabulary.property_keys, word);
    return out;
  }
  if (before == '$') {
    out.candidates = graph_names(vocabulary.parameters, word);
    return out;
  }
  if ((before == ':' || before == '|') && innermost != '{') {
    out.candidates =
        graph_names(innermost == '[' ? vocabulary.relationship_types : vocabulary.labels, word);
    return out;
  }
  if (before == '`' || (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0]))))
    return out;
  out.candidates = keywords_and_functions(word);
  return out;
}

Completion complete_command(std::string_view line) {
  Completion out;
  size_t colon = line.find(':');
  std::string_view text = line.substr(colon);
  size_t blank = text.find_first_of(" \t");
  if (blank == std::string_view::npos) {  // the command's name
    out.word_bytes = text.size();
    for (const CommandInfo& c : all_commands()) {
      if (starts_with(c.name, text.substr(1), false))
        out.candidates.push_back(
            {":" + std::string(c.name), c.arg == CommandArg::kNone ? "" : " ", ""});
    }
    return out;
  }
  const CommandInfo* command = find_command(split_command(text).name);
  if (command == nullptr) return out;
  size_t word_begin = text.find_last_of(" \t") + 1;
  std::string_view word = text.substr(word_begin);
  out.word_bytes = word.size();
  bool first_arg = text.find_first_not_of(" \t", blank) == word_begin || word_begin == text.size();
  switch (command->arg) {
    case CommandArg::kFile: {
      // An option's value names files too: --nodes=Company=data/co|, --nodes=a.csv,b|.
      if (word.substr(0, 1) == "-") {
        size_t cut = word.find_last_of("=,");
        if (cut == std::string_view::npos) break;
        word = word.substr(cut + 1);
        out.word_bytes = word.size();
      }
      out.candidates = complete_path(word);
      break;
    }
    case CommandArg::kFormat:
      if (!first_arg) break;
      for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson,
                             OutputFormat::kJsonl, OutputFormat::kLine, OutputFormat::kMarkdown}) {
        std::string_view name = output_format_name(f);
        if (starts_with(name, word, false)) out.candidates.push_back({std::string(name), "", ""});
      }
      break;
    case CommandArg::kOnOff:
      for (std::string_view v : {"on", "off"})
        if (first_arg && starts_with(v, word, false))
          out.candidates.push_back({std::string(v), "", ""});
      break;
    case CommandArg::kClear:
      if (first_arg && starts_with("clear", word, false))
        out.candidates.push_back({"clear", "", ""});
      break;
    case CommandArg::kCommand:
      for (const CommandInfo& c : all_commands())
        if (first_arg && starts_with(c.name, word, false))
          out.candidates.push_back({std::string(c.name), "", ""});
      break;
    case CommandArg::kNone:
    case CommandArg::kText:
      break;
  }
  return out;
}

}  // namespace

std::vector<Candidate> complete_path(std::string_view word) {
  std::vector<Candidate> out;
  size_t slash = word.rfind('/');
  std::string_view typed_dir = slash == std::string_view::npos ? "" : word.substr(0, slash + 1);
  std::string_view base = word.substr(typed_dir.size());
  std::string dir = typed_dir.empty() ? "." : std::string(typed_dir);
  if (typed_dir.substr(0, 2) == "~/") {
    const char* home = std::getenv("HOME");
    if (home == nullptr) return out;
    dir = std::string(home) + dir.substr(1);
  }
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!starts_with(name, base, false)) continue;
    if (name[0] == '.' && (base.empty() || base[0] != '.')) continue;
    std::error_code type_ec;
    bool is_dir = it->is_directory(type_ec);
    out.push_back({std::string(typed_dir) + name, is_dir ? "/" : " ", name + (is_dir ? "/" : "")});
  }
  std::sort(out.begin(), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.text < b.text; });
  return out;
}

Completion complete(const CompletionRequest& request, const Vocabulary& vocabulary) {
  std::string_view line = request.line;
  size_t first = line.find_first_not_of(" \t");
  Completion out;
  if (!request.in_statement && first != std::string_view::npos && line[first] == ':') {
    out = complete_command(line);
  } else if (request.in_statement) {
    std::string text(request.statement_so_far);
    text += '\n';
    text += line;
    out = complete_statement(text, vocabulary);
  } else {
    out = complete_statement(line, vocabulary);
  }
  std::stable_sort(out.candidates.begin(), out.candidates.end(), less_ignoring_case);
  return out;
}

}  // namespace kg::shell
