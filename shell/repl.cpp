#include "shell/repl.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "kg/kg.hpp"
#include "shell/progress.hpp"

namespace kg::shell {

namespace {

constexpr int kHistorySize = 1000;

bool is_blank_text(std::string_view s) { return s.find_first_not_of(" \t\r\n") == s.npos; }

bool wants_color() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         (term == nullptr || std::strcmp(term, "dumb") != 0);
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

Repl::Repl(Database& db, Connection& conn, ReplOptions options)
    : db_(db),
      conn_(conn),
      options_(std::move(options)),
      interrupt_(conn, InterruptMode::kStayInShell),
      printer_(options_.format, std::cout, std::cerr),
      runner_([this](std::string_view s, const Map& p) { return query(s, p); }, printer_) {
  if (const char* home = std::getenv("HOME")) home_ = home;
  color_ = wants_color();
  progress_ = isatty(STDERR_FILENO);
  update_style();
}

Repl::~Repl() = default;

void Repl::update_style() {
  PrintStyle style = printer_.style();
  style.max_width = editor_ && isatty(STDOUT_FILENO) ? static_cast<size_t>(editor_->width()) : 0;
  style.null_text = "NULL";
  style.color = color_;
  style.footer_always = true;
  style.at_prompt = true;
  printer_.set_style(style);
}

void Repl::say(std::string_view text) {
  std::cout << text;
  if (!text.empty() && text.back() != '\n') std::cout << '\n';
  std::cout.flush();
}

int Repl::run() {
  LineEditor::Options editor;
  if (!home_.empty()) editor.history_file = home_ + "/.kg_history";
  editor.history_size = kHistorySize;
  editor.interrupted = [this] { return interrupt_.interrupted(); };
  editor.complete = [this](std::string_view before) { return complete(before); };
  auto opened = LineEditor::open(std::move(editor));
  if (!opened) {
    printer_.print_error(error_report(opened.error()));
    return 1;
  }
  editor_ = std::move(opened).value();
  update_style();

  print_banner();
  for (const std::string& assignment : options_.params) runner_.set_param(assignment);
  if (options_.read_rc && !home_.empty()) {
    std::string rc = home_ + "/.kgrc";
    std::error_code ec;
    if (std::filesystem::exists(rc, ec)) {
      quiet_ = true;
      run_script(rc, "~/.kgrc");
      quiet_ = false;
    }
  }
  while (!quit_) {
    interrupt_.take();
    std::cout.flush();
    std::cerr.flush();
    LineEditor::Input in = editor_->read(prompt());
    if (in.outcome == LineEditor::Outcome::kEof) {
      say("");
      break;
    }
    if (in.outcome == LineEditor::Outcome::kInterrupted) {
      say("^C");
      reader_ = ScriptReader();
      typed_.clear();
      continue;
    }
    read_and_run(in.text);
  }
  if (conn_.in_transaction()) say("The open transaction was rolled back.");
  return 0;
}

void Repl::print_banner() {
  std::string graph;
  if (options_.temporary) {
    graph =
        "a temporary graph in " + options_.graph + " (deleted when you quit; kg DB_DIR keeps one)";
  } else {
    const Vocabulary& v = vocabulary();
    graph = "graph " + options_.graph + " · ";
    graph +=
        v.labels.empty() && v.relationship_types.empty()
            ? std::string("empty")
            : plural(v.labels.size(), "label", "labels") + ", " +
                  plural(v.relationship_types.size(), "relationship type", "relationship types");
  }
  say("kg " + std::string(kg::version()) + " · " + graph);
  say("Statements end with ';' · :help for help · Tab completes · Ctrl+D quits");
}

std::string Repl::prompt() const {
  std::string name = conn_.in_transaction() ? "kg(tx)" : "kg";
  if (reader_.pending()) return std::string(name.size() - 2, ' ') + "..> ";
  if (!color_) return name + "> ";
  return "\1\x1b[1m\1" + name + "\1\x1b[0m\1> ";
}

void Repl::read_and_run(const std::string& text) {
  if (typed_.empty() && !reader_.pending() && is_blank_text(text)) return;
  if (!typed_.empty()) typed_ += '\n';
  typed_ += text;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string::npos) nl = text.size();
    reader_.add_line(std::string_view(text).substr(begin, nl - begin));
    begin = nl + 1;
  }
  if (!reader_.pending()) {
    Status s = editor_->add_history(typed_);
    if (!s.ok()) printer_.note(s.message());
  }
  while (auto item = reader_.next()) {
    update_style();
    run_item("", *item);
    if (quit_ || interrupt_.interrupted()) break;
  }
  if (!reader_.pending() || interrupt_.interrupted()) {
    reader_ = ScriptReader();
    typed_.clear();
  }
}

bool Repl::run_item(std::string_view source, const ScriptItem& item) {
  if (item.kind == ScriptItem::Kind::kCommand) return run_command(source, item);
  return runner_.run_item(source, item);
}

QueryResult Repl::query(std::string_view statement, const Map& params) {
  vocabulary_.reset();
  Progress::Options options;
  options.enabled = progress_;
  options.initial.hint = "Ctrl+C cancels";
  // A Ctrl+C that came before the statement started executing is not lost: ask again.
  options.on_tick = [this] {
    if (interrupt_.interrupted()) conn_.interrupt();
  };
  Progress progress(std::move(options));
  // Long procedures (algo.*) report their steps: a bar instead of the spinner.
  conn_.set_progress([&progress](std::string_view task, uint64_t done, uint64_t total) {
    ProgressState state;
    state.what = std::string(task);
    state.done = done;
    state.total = total;
    state.bytes = false;
    state.hint = "Ctrl+C cancels";
    progress.update(std::move(state));
  });
  QueryResult result = conn_.query(statement, params);
  conn_.set_progress({});
  progress.finish();
  const Status& s = result.status();
  if (s.code() == StatusCode::kInterrupted && s.message().find("rolled back") == std::string::npos)
    return QueryResult(Status(s.code(), s.message() + " and rolled back", s.pos(), s.detail()));
  return result;
}

const Vocabulary& Repl::vocabulary() {
  if (!vocabulary_) {
    auto plain = [this](std::string_view s, const Map& p) { return conn_.query(s, p); };
    vocabulary_ = load_vocabulary(plain, runner_.params());
  }
  return *vocabulary_;
}

Completion Repl::complete(std::string_view before_cursor) {
  CompletionRequest request;
  request.line = before_cursor;
  request.in_statement = reader_.pending();
  request.statement_so_far = typed_;
  return kg::shell::complete(request, vocabulary());
}

}  // namespace kg::shell
