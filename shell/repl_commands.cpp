// Repl: the shell's :commands (commands.hpp lists them).
#include <unistd.h>

#include <iostream>

#include "shell/commands.hpp"
#include "shell/export_command.hpp"
#include "shell/help.hpp"
#include "shell/import_command.hpp"
#include "shell/progress.hpp"
#include "shell/repl.hpp"
#include "shell/schema_view.hpp"
#include "shell/text_file.hpp"

namespace kg::shell {

namespace {

constexpr int kMaxSourceDepth = 16;

Status invalid(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}

std::string expand_home(std::string_view path, const std::string& home) {
  if (!home.empty() && (path == "~" || path.substr(0, 2) == "~/"))
    return home + std::string(path.substr(1));
  return std::string(path);
}

std::string format_names() { return "table, csv, json, jsonl, line or markdown"; }

}  // namespace

bool Repl::run_command(std::string_view source, const ScriptItem& item) {
  CommandLine line = split_command(item.text);
  const CommandInfo* command = find_command(line.name);
  if (command == nullptr) return unknown_command(source, item, line.name);
  std::string_view name = command->name;
  std::string_view args = line.args;
  if (name == "param" || name == "params") return runner_.run_item(source, item);
  if (command->arg == CommandArg::kNone && !args.empty()) {
    return runner_.fail(source, item,
                        invalid("':" + std::string(name) + "' takes no arguments (" +
                                std::string(command->usage) + ")"));
  }
  if (name == "help") return show_help(source, item, args);
  if (name == "schema") return show_schema(source, item);
  if (name == "source") return source_file(source, item, args);
  if (name == "format") return set_format(source, item, args);
  if (name == "timer") return set_timer(source, item, args);
  if (name == "begin") return run_transaction_command(source, item, "BEGIN");
  if (name == "commit") return run_transaction_command(source, item, "COMMIT");
  if (name == "rollback") return run_transaction_command(source, item, "ROLLBACK");
  if (name == "export") return export_graph(args);
  if (name == "import") return import_files(args);
  if (name == "clear") {
    std::cout << "\x1b[H\x1b[2J\x1b[3J";
    std::cout.flush();
    return true;
  }
  if (name == "quit") {
    quit_ = true;
    return true;
  }
  return unknown_command(source, item, line.name);
}

bool Repl::unknown_command(std::string_view source, const ScriptItem& item, std::string_view name) {
  std::string message = "unknown command ':" + std::string(name) + "'";
  if (const CommandInfo* near = nearest_command(name))
    message += "; did you mean ':" + std::string(near->name) + "'?";
  message += " (:help lists the commands)";
  return runner_.fail(source, item, invalid(message));
}

bool Repl::show_help(std::string_view source, const ScriptItem& item, std::string_view args) {
  if (!args.empty()) {
    std::string_view name = args[0] == ':' ? args.substr(1) : args;
    const CommandInfo* command = find_command(name);
    if (command == nullptr) return unknown_command(source, item, name);
    say(command_help(*command));
    return true;
  }
  Result<SchemaView> schema =
      load_schema([this](std::string_view s, const Map& p) { return query(s, p); });
  say(help_text(schema ? *schema : SchemaView{}, printer_.style().max_width));
  return true;
}

bool Repl::show_schema(std::string_view source, const ScriptItem& item) {
  Result<SchemaView> schema =
      load_schema([this](std::string_view s, const Map& p) { return query(s, p); });
  if (!schema) return runner_.fail(source, item, schema.error());
  TableStyle style;
  style.max_width = printer_.style().max_width;
  style.color = color_;
  say(render_schema(*schema, style));
  return true;
}

bool Repl::source_file(std::string_view source, const ScriptItem& item, std::string_view path) {
  if (path.empty()) return runner_.fail(source, item, invalid("':source' needs a FILE"));
  if (source_depth_ >= kMaxSourceDepth) {
    return runner_.fail(source, item,
                        invalid(":source nests deeper than " + std::to_string(kMaxSourceDepth) +
                                " files (does a file source itself?)"));
  }
  return run_script(expand_home(path, home_), path);
}

bool Repl::run_script(const std::string& path, std::string_view shown_as) {
  Result<std::string> text = read_text_file(path);
  if (!text) {
    printer_.print_error(error_report(text.error()));
    return false;
  }
  ++source_depth_;
  bool ok = true;
  for (const ScriptItem& item : split_script(*text)) {
    ok = run_item(shown_as, item);
    if (!ok || quit_ || interrupt_.interrupted()) break;
  }
  --source_depth_;
  return ok;
}

bool Repl::set_format(std::string_view source, const ScriptItem& item, std::string_view args) {
  if (args.empty()) {
    say("format: " + std::string(output_format_name(printer_.format())) + " (" + format_names() +
        ")");
    return true;
  }
  std::optional<OutputFormat> format = parse_output_format(args);
  if (!format) {
    return runner_.fail(
        source, item, invalid("unknown format '" + std::string(args) + "'; use " + format_names()));
  }
  printer_.set_format(*format);
  if (!quiet_) say("format: " + std::string(args));
  return true;
}

bool Repl::set_timer(std::string_view source, const ScriptItem& item, std::string_view args) {
  PrintStyle style = printer_.style();
  if (args.empty()) {
    say(std::string("timer: ") + (style.timer ? "on" : "off"));
    return true;
  }
  if (args != "on" && args != "off")
    return runner_.fail(source, item, invalid("':timer' takes on or off"));
  style.timer = args == "on";
  printer_.set_style(style);
  if (!quiet_) say("timer: " + std::string(args));
  return true;
}

bool Repl::run_transaction_command(std::string_view source, const ScriptItem& item,
                                   std::string_view statement) {
  QueryResult r = query(statement, {});
  if (!r.ok())
    return runner_.fail(source, item,
                        Status(r.status().code(), r.status().message(), {}, r.status().detail()));
  if (quiet_) return true;
  if (statement == "BEGIN")
    say("Transaction open: statements run in it until :commit or :rollback.");
  if (statement == "COMMIT") say("Committed.");
  if (statement == "ROLLBACK") say("Rolled back.");
  return true;
}

bool Repl::export_graph(std::string_view args) {
  Progress::Options options;
  options.enabled = progress_;
  options.initial.what = "exporting";
  Progress progress(std::move(options));
  int status = run_export(db_, args, runner_.params(), std::cout, std::cerr);
  progress.finish();
  std::cout.flush();
  std::cerr.flush();
  return status == 0;
}

bool Repl::import_files(std::string_view args) {
  // run_import() draws its own progress bar (rows, ETA) when stderr is a terminal.
  // Ctrl+C cancels it (ImportOptions::cancelled); the graph is then unchanged.
  int status = run_import(db_, args, std::cout, std::cerr, progress_,
                          [this] { return interrupt_.interrupted(); });
  vocabulary_.reset();  // the import may bring new labels, types and keys to complete
  std::cout.flush();
  std::cerr.flush();
  return status == 0;
}

}  // namespace kg::shell
