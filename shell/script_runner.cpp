#include "shell/script_runner.hpp"

#include <string>

#include "shell/commands.hpp"
#include "shell/params.hpp"
#include "shell/utf8.hpp"

namespace kg::shell {

bool ScriptRunner::set_param(std::string_view assignment) {
  Status s = assign_param(query_, assignment, params_);
  if (s.ok()) return true;
  ErrorReport e = error_report(s);
  e.source = "--param";
  e.pos = s.pos();
  e.line_text = std::string(assignment);
  printer_.print_error(e);
  return false;
}

bool ScriptRunner::run_text(std::string_view source, std::string_view text) {
  for (const ScriptItem& item : split_script(text))
    if (!run_item(source, item)) return false;
  return true;
}

bool ScriptRunner::run_stream(std::string_view source, std::istream& in) {
  ScriptReader reader;
  std::string line;
  bool more = true;
  while (more) {
    more = static_cast<bool>(std::getline(in, line));
    if (more) {
      reader.add_line(line);
    } else {
      reader.finish();
    }
    while (auto item = reader.next())
      if (!run_item(source, *item)) return false;
  }
  return true;
}

bool ScriptRunner::run_item(std::string_view source, const ScriptItem& item) {
  switch (item.kind) {
    case ScriptItem::Kind::kStatement:
      return run_statement(source, item);
    case ScriptItem::Kind::kCommand:
      return run_command(source, item);
    case ScriptItem::Kind::kError: {
      ErrorReport e = error_report(Status::syntax_error({}, item.text));
      e.source = std::string(source);
      e.pos = item.pos;
      printer_.print_error(e);
      return false;
    }
  }
  return false;
}

bool ScriptRunner::run_statement(std::string_view source, const ScriptItem& item) {
  QueryResult result = query_(item.text, params_);
  if (!result.ok()) return fail(source, item, result.status());
  printer_.print_result(result);
  return true;
}

bool ScriptRunner::run_command(std::string_view source, const ScriptItem& item) {
  auto [name, args, args_begin] = split_command(item.text);  // ":name args"

  if ((name == "param" || name == "params") && args.empty()) {
    printer_.print_params(params_);
    return true;
  }
  if (name == "params" && args == "clear") {
    params_.clear();
    return true;
  }
  if (name == "param") {
    Status s = assign_param(query_, args, params_);
    return s.ok() || fail(source, item, s, args_begin);
  }
  std::string message = "unknown command ':" + std::string(name) +
                        "'; a script may use ':param name => <Cypher literal>', ':params' and "
                        "':params clear'";
  if (name == "params") message = "':params' takes no argument but 'clear'";
  return fail(source, item, Status(StatusCode::kInvalidArgument, message, SourcePos{1, 1}));
}

bool ScriptRunner::fail(std::string_view source, const ScriptItem& item, const Status& status,
                        size_t prefix_bytes) {
  ErrorReport e = error_report(status);
  e.source = std::string(source);
  SourcePos pos = status.pos();
  if (pos.known() && pos.line == 1 && prefix_bytes > 0) {
    pos.column += static_cast<uint32_t>(code_point_count(item.text.substr(0, prefix_bytes)));
  }
  e.pos = source_position(pos, item.pos);
  if (e.pos.known()) {
    e.line_text = item.source_line(pos.line);
  } else {
    e.statement_line = item.pos.line;
  }
  printer_.print_error(e);
  return false;
}

}  // namespace kg::shell
