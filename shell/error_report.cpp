#include "shell/error_report.hpp"

#include "shell/json_writer.hpp"
#include "shell/utf8.hpp"

namespace kg::shell {

ErrorReport error_report(const Status& status) {
  ErrorReport e;
  e.kind = std::string(status_code_name(status.code()));
  e.detail = status.detail();
  e.message = status.message();
  return e;
}

SourcePos source_position(SourcePos in_statement, SourcePos start) {
  if (!in_statement.known()) return {};
  if (!start.known()) return in_statement;
  SourcePos pos;
  pos.line = start.line + in_statement.line - 1;
  pos.column =
      in_statement.line == 1 ? start.column + in_statement.column - 1 : in_statement.column;
  return pos;
}

std::string error_json(const ErrorReport& e) {
  std::string out = "{\"error\":";
  append_json_string(out, e.kind);
  if (!e.detail.empty()) {
    out += ",\"detail\":";
    append_json_string(out, e.detail);
  }
  out += ",\"message\":";
  append_json_string(out, e.message);
  if (e.pos.known()) {
    out += ",\"line\":" + std::to_string(e.pos.line);
    if (e.pos.column != 0) out += ",\"column\":" + std::to_string(e.pos.column);
  }
  out += "}\n";
  return out;
}

namespace {

// The line as it shows on a terminal (invalid UTF-8 replaced), and below it the blanks that lead
// to `column` (tabs copied so that the caret lines up under them) and the caret.
void append_caret(std::string& out, const std::string& line_text, SourcePos pos) {
  std::string number = std::to_string(pos.line);
  std::string gutter(number.size(), ' ');
  std::string shown, lead;
  uint32_t col = 1;
  for (size_t i = 0; i < line_text.size(); ++col) {
    Decoded d = decode_utf8(line_text, i);
    char32_t cp = d.valid ? d.code_point : kReplacementChar;
    append_utf8(shown, cp);
    if (col < pos.column) lead.append(cp == '\t' ? "\t" : std::string(display_width(cp), ' '));
    i += d.length;
  }
  for (; col < pos.column; ++col) lead.push_back(' ');
  out += "    " + number + " | " + shown + "\n";
  out += "    " + gutter + " | " + lead + "^\n";
}

}  // namespace

std::string error_text(const ErrorReport& e, bool at_prompt) {
  std::string out = at_prompt ? "" : "kg: ";
  if (!e.source.empty()) {
    out += e.source;
    if (e.pos.known()) {
      out += ":" + std::to_string(e.pos.line);
      if (e.pos.column != 0) out += ":" + std::to_string(e.pos.column);
    } else if (e.statement_line != 0) {
      out += ":" + std::to_string(e.statement_line);
    }
    out += ": ";
  }
  out += e.kind + ": " + e.message + "\n";
  if (e.pos.known() && e.pos.column != 0 && !e.line_text.empty())
    append_caret(out, e.line_text, e.pos);
  return out;
}

}  // namespace kg::shell
