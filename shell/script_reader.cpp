#include "shell/script_reader.hpp"

#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

bool is_script_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_script_blank(s.back())) s.remove_suffix(1);
  return s;
}

uint32_t column_of(std::string_view line, size_t byte) {
  return static_cast<uint32_t>(code_point_count(line.substr(0, byte)) + 1);
}

}  // namespace

std::string ScriptItem::source_line(uint32_t line) const {
  size_t begin = 0;
  for (uint32_t l = 1; l < line; ++l) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string::npos) return "";
    begin = nl + 1;
  }
  size_t end = text.find('\n', begin);
  std::string out = line == 1 ? line_prefix : std::string();
  out.append(text, begin, end == std::string::npos ? std::string::npos : end - begin);
  return out;
}

void ScriptReader::start_statement(std::string_view line, size_t byte) {
  pending_ = ScriptItem{};
  pending_.pos = {line_no_, column_of(line, byte)};
  pending_.line_prefix = std::string(line.substr(0, byte));
  has_pending_ = true;
}

void ScriptReader::end_statement() {
  if (!has_pending_) return;
  pending_.text = std::string(trim_right(pending_.text));
  ready_.push_back(std::move(pending_));
  pending_ = ScriptItem{};
  has_pending_ = false;
}

void ScriptReader::add_line(std::string_view line) {
  ++line_no_;
  if (line_no_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  if (state_ == State::kCode && !has_pending_) {
    size_t first = 0;
    while (first < line.size() && is_script_blank(line[first])) ++first;
    if (first < line.size() && line[first] == ':') {
      ScriptItem command;
      command.kind = ScriptItem::Kind::kCommand;
      command.text = std::string(trim_right(line.substr(first)));
      command.pos = {line_no_, column_of(line, first)};
      command.line_prefix = std::string(line.substr(0, first));
      ready_.push_back(std::move(command));
      return;
    }
  }

  std::string& text = pending_.text;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    char next = i + 1 < line.size() ? line[i + 1] : '\0';
    switch (state_) {
      case State::kCode:
        if (c == '/' && next == '/') {
          if (has_pending_) text.append(line.substr(i));
          i = line.size();
        } else if (c == '/' && next == '*') {
          if (has_pending_) text += "/*";
          comment_start_ = {line_no_, column_of(line, i)};
          state_ = State::kBlockComment;
          ++i;
        } else if (c == ';') {
          end_statement();
        } else if (is_script_blank(c)) {
          if (has_pending_) text.push_back(c);
        } else {
          if (!has_pending_) start_statement(line, i);
          text.push_back(c);
          if (c == '\'') state_ = State::kSingleQuoted;
          if (c == '"') state_ = State::kDoubleQuoted;
          if (c == '`') state_ = State::kBackticked;
        }
        break;
      case State::kSingleQuoted:
      case State::kDoubleQuoted:
        text.push_back(c);
        if (c == '\\' && i + 1 < line.size()) {
          text.push_back(line[++i]);
        } else if (c == (state_ == State::kSingleQuoted ? '\'' : '"')) {
          state_ = State::kCode;
        }
        break;
      case State::kBackticked:
        text.push_back(c);
        if (c == '`') state_ = State::kCode;
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          if (has_pending_) text += "*/";
          state_ = State::kCode;
          ++i;
        } else if (has_pending_) {
          text.push_back(c);
        }
        break;
    }
  }
  if (has_pending_) text.push_back('\n');
}

void ScriptReader::finish() {
  if (state_ == State::kBlockComment && !has_pending_) {
    ScriptItem error;
    error.kind = ScriptItem::Kind::kError;
    error.text = "unterminated comment: '/*' without '*/'";
    error.pos = comment_start_;
    ready_.push_back(std::move(error));
  }
  end_statement();
  state_ = State::kCode;
}

std::optional<ScriptItem> ScriptReader::next() {
  if (ready_.empty()) return std::nullopt;
  ScriptItem item = std::move(ready_.front());
  ready_.pop_front();
  return item;
}

std::vector<ScriptItem> split_script(std::string_view text) {
  ScriptReader reader;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) nl = text.size();
    reader.add_line(text.substr(begin, nl - begin));
    begin = nl + 1;
  }
  reader.finish();
  std::vector<ScriptItem> items;
  while (auto item = reader.next()) items.push_back(std::move(*item));
  return items;
}

}  // namespace kg::shell
