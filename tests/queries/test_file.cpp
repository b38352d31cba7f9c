#include "tests/queries/test_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/kg.hpp"
#include "tests/queries/test_text.hpp"
#include "tests/support/temp_dir.hpp"

namespace kg::testing {

namespace {

namespace fs = std::filesystem;

// A directive's statement and what follows its `----` line.
struct Block {
  std::vector<std::string> statement;
  bool has_separator = false;
  std::string separator_arg;  // text after `----` on its line
  std::vector<std::string> expected;
};

class TestFile {
 public:
  TestFile(const char* display_path, std::string full_path, std::string source_dir)
      : display_path_(display_path),
        full_path_(std::move(full_path)),
        source_dir_(std::move(source_dir)) {}

  void run() {
    std::ifstream in(full_path_);
    if (!in) {
      fail(0, "cannot read " + full_path_);
      return;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
    db_path_ = dir_.sub("graph");
    if (!open()) return;
    size_t i = 0;
    while (i < lines_.size()) {
      std::string_view line = trim(lines_[i]);
      if (line.empty() || line.front() == '#') {
        ++i;
        continue;
      }
      size_t directive_line = i + 1;
      std::vector<std::string> words = split_words(line);
      const std::string& verb = words[0];
      ++i;
      if (verb == "skip") {
        std::string reason(trim(line.substr(4)));
        warn(directive_line, "skipped the rest of the file: " + reason);
        return;
      }
      if (verb == "reopen") {
        if (!reopen(directive_line)) return;
        continue;
      }
      if (verb == "load") {
        if (words.size() != 2) return format_error(directive_line, "expected `load <path>`");
        if (!load(directive_line, words[1])) return;
        continue;
      }
      if (verb == "param") {
        if (!set_param(directive_line, line)) return;
        continue;
      }
      if (verb != "statement" && verb != "query" && verb != "plan")
        return format_error(directive_line, "unknown directive `" + std::string(line) + "`");
      Block block = read_block(i);
      if (block.statement.empty())
        return format_error(directive_line, "a statement must follow `" + std::string(line) + "`");
      if (verb == "statement" && words.size() == 2 && words[1] == "ok") {
        statement_ok(directive_line, block);
      } else if (verb == "statement" && words.size() >= 3 && words.size() <= 4 &&
                 words[1] == "error") {
        if (!statement_error(directive_line, words, block)) return;
      } else if (verb == "query") {
        if (!query(directive_line, words, block)) return;
      } else if (verb == "plan" && words.size() == 1) {
        if (!plan(directive_line, block)) return;
      } else {
        return format_error(directive_line, "unknown directive `" + std::string(line) + "`");
      }
    }
  }

 private:
  // -- reporting: a Catch assertion located at this file and line ------------------------------

  void report(size_t line, Catch::ResultWas::OfType type, const std::string& message) {
    Catch::AssertionHandler handler("QUERY_TEST", Catch::SourceLineInfo(display_path_, line),
                                    Catch::StringRef(),
                                    Catch::ResultDisposition::ContinueOnFailure);
    handler.handleMessage(type, message);
    handler.complete();
  }
  // Shown with `-s`: the directive that passed.
  void pass(size_t line) { report(line, Catch::ResultWas::Ok, lines_[line - 1]); }
  void fail(size_t line, const std::string& message) {
    report(line, Catch::ResultWas::ExplicitFailure, message);
  }
  void warn(size_t line, const std::string& message) {
    report(line, Catch::ResultWas::Warning, message);
  }
  void format_error(size_t line, const std::string& message) {
    fail(line, "malformed test file (stopped here): " + message);
  }

  static std::string statement_text(const std::string& s) { return "statement:\n" + indent(s); }

  // -- the database ---------------------------------------------------------------------------

  bool open() {
    db_ = std::make_unique<Database>(db_path_);
    if (!db_->ok()) {
      fail(0, "cannot open the graph in " + db_path_ + ": " + db_->status().to_string());
      return false;
    }
    conn_ = std::make_unique<Connection>(*db_);
    return true;
  }

  bool reopen(size_t line) {
    conn_.reset();
    db_.reset();
    db_ = std::make_unique<Database>(db_path_);
    if (!db_->ok()) {
      fail(line, "reopen failed: " + db_->status().to_string());
      return false;
    }
    conn_ = std::make_unique<Connection>(*db_);
    pass(line);
    return true;
  }

  // -- directives -----------------------------------------------------------------------------

  // Lines from `i` to the next blank line; a line starting with `----` splits them into the
  // statement and the expected part.
  Block read_block(size_t& i) {
    Block b;
    for (; i < lines_.size() && !trim(lines_[i]).empty(); ++i) {
      const std::string& l = lines_[i];
      if (!b.has_separator && l.rfind("----", 0) == 0) {
        b.has_separator = true;
        b.separator_arg = std::string(trim(std::string_view(l).substr(4)));
        continue;
      }
      (b.has_separator ? b.expected : b.statement).push_back(l);
    }
    return b;
  }

  bool load(size_t line, const std::string& path) {
    fs::path file = fs::path(source_dir_) / path;
    std::ifstream in(file);
    if (!in) {
      fail(line, "cannot read the script " + file.string());
      return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& [statement, script_line] : split_script(text.str())) {
      QueryResult r = conn_->query(statement, params_);
      if (!r.ok()) {
        fail(line, "load: " + path + ":" + std::to_string(script_line) +
                       " failed: " + r.status().to_string() + "\n" + statement_text(statement));
        return false;
      }
    }
    pass(line);
    return true;
  }

  bool set_param(size_t line, std::string_view directive) {
    std::string_view rest = trim(directive.substr(5));
    size_t space = rest.find_first_of(" \t");
    if (space == std::string_view::npos) {
      format_error(line, "expected `param <name> <Cypher literal>`");
      return false;
    }
    std::string name(rest.substr(0, space));
    std::string literal(trim(rest.substr(space)));
    QueryResult r = conn_->query("RETURN " + literal + " AS v", params_);
    if (!r.ok() || r.size() != 1 || r[0].size() != 1) {
      fail(line, "cannot evaluate the parameter literal `" + literal +
                     "`: " + (r.ok() ? "not one value" : r.status().to_string()));
      return false;
    }
    params_[name] = r[0][0];
    pass(line);
    return true;
  }

  void statement_ok(size_t line, const Block& block) {
    std::string statement = join(block.statement, "\n");
    QueryResult r = conn_->query(statement, params_);
    if (!r.ok()) {
      fail(line, "statement failed: " + r.status().to_string() + "\n" + statement_text(statement));
      return;
    }
    if (block.has_separator) {
      std::string expected = join(block.expected, "\n");
      std::string actual = r.counters().to_string();
      if (actual != expected) {
        fail(line, "counters differ\n" + statement_text(statement) + "expected:\n" +
                       indent(expected) + "actual:\n" + indent(actual.empty() ? "(none)" : actual));
        return;
      }
    }
    pass(line);
  }

  bool statement_error(size_t line, const std::vector<std::string>& words, const Block& block) {
    std::string kind = words[2];
    std::string detail;
    if (size_t slash = kind.find('/'); slash != std::string::npos) {
      detail = kind.substr(slash + 1);
      kind.resize(slash);
    }
    std::optional<SourcePos> pos;
    if (words.size() == 4) {
      pos = parse_pos(words[3]);
      if (!pos) {
        format_error(line, "expected `statement error <Kind>[/<Detail>] [<line>:<col>]`");
        return false;
      }
    }
    std::string statement = join(block.statement, "\n");
    QueryResult r = conn_->query(statement, params_);
    if (r.ok()) {
      fail(line, "statement succeeded, expected " + words[2] + "\n" + statement_text(statement) +
                     (r.empty() ? "" : "rows:\n" + indent(rows_of(r))));
      return true;
    }
    const Status& s = r.status();
    std::vector<std::string> problems;
    if (status_code_name(s.code()) != kind)
      problems.push_back("kind: expected " + kind + ", actual " +
                         std::string(status_code_name(s.code())));
    if (!detail.empty() && s.detail() != detail)
      problems.push_back("detail: expected " + detail + ", actual " +
                         (s.detail().empty() ? "(none)" : s.detail()));
    if (pos && (s.pos().line != pos->line || s.pos().column != pos->column))
      problems.push_back("position: expected " + pos_string(*pos) + ", actual " +
                         pos_string(s.pos()));
    for (const std::string& fragment : block.expected)
      if (s.message().find(fragment) == std::string::npos)
        problems.push_back("message: expected to contain `" + fragment + "`");
    if (!problems.empty()) {
      fail(line, "wrong error\n" + statement_text(statement) + indent(problems) + "actual error: " +
                     s.to_string() + (s.detail().empty() ? "" : " [" + s.detail() + "]"));
      return true;
    }
    pass(line);
    return true;
  }

  static std::vector<std::string> rows_of(const QueryResult& r) {
    std::vector<std::string> rows;
    for (const Row& row : r.rows()) rows.push_back(render_row(row));
    return rows;
  }

  bool query(size_t line, const std::vector<std::string>& words, const Block& block) {
    std::string types;
    bool ordered = false;
    for (size_t w = 1; w < words.size(); ++w) {
      if (words[w] == "ordered") {
        ordered = true;
      } else if (types.empty() && valid_type_letters(words[w])) {
        types = words[w];
      } else {
        format_error(line, "expected `query [<types>] [ordered]`, got `" + words[w] + "`");
        return false;
      }
    }
    if (!block.has_separator) {
      format_error(line, "a query needs a `----` line before its expected rows");
      return false;
    }
    std::optional<uint64_t> count;
    if (!block.separator_arg.empty()) {
      count = parse_uint(block.separator_arg);
      if (!count) {
        format_error(line, "expected `---- <row count>`");
        return false;
      }
      if (!block.expected.empty() && *count != block.expected.size()) {
        format_error(line, "`---- " + block.separator_arg + "` but " +
                               std::to_string(block.expected.size()) + " rows are listed");
        return false;
      }
    }
    std::string statement = join(block.statement, "\n");
    QueryResult r = conn_->query(statement, params_);
    if (!r.ok()) {
      fail(line, "query failed: " + r.status().to_string() + "\n" + statement_text(statement));
      return true;
    }
    std::vector<std::string> problems;
    if (!types.empty()) {
      if (r.columns().size() != types.size()) {
        problems.push_back("columns: expected " + std::to_string(types.size()) + " (" + types +
                           "), actual " + std::to_string(r.columns().size()) + " (" +
                           join(r.columns(), ", ") + ")");
      } else {
        for (size_t row = 0; row < r.size() && problems.size() < 5; ++row)
          for (size_t c = 0; c < types.size(); ++c)
            if (!type_matches(types[c], r[row][c]))
              problems.push_back("type: row " + std::to_string(row + 1) + " column " +
                                 std::to_string(c + 1) + " (" + r.columns()[c] + ") is " +
                                 std::string(value_type_name(r[row][c].type())) + " `" +
                                 r[row][c].to_string() + "`, expected " + types[c]);
      }
    }
    std::vector<std::string> actual = rows_of(r);
    bool only_count = count && block.expected.empty();
    if (count && actual.size() != *count)
      problems.push_back("row count: expected " + std::to_string(*count) + ", actual " +
                         std::to_string(actual.size()));
    std::string diff;
    if (!only_count) {
      bool same = ordered ? actual == block.expected
                          : multiset_minus(actual, block.expected).empty() &&
                                multiset_minus(block.expected, actual).empty();
      if (!same) {
        problems.push_back(ordered ? "rows differ (ordered)" : "rows differ (as a multiset)");
        if (!ordered) {
          auto missing = multiset_minus(block.expected, actual);
          auto extra = multiset_minus(actual, block.expected);
          if (!missing.empty()) diff += "missing rows:\n" + indent(missing);
          if (!extra.empty()) diff += "unexpected rows:\n" + indent(extra);
        }
      }
    }
    if (!problems.empty()) {
      std::string expected =
          only_count ? "expected: " + std::to_string(*count) + " rows, contents not listed\n"
                     : "expected (" + std::to_string(block.expected.size()) + " rows):\n" +
                           indent(block.expected);
      fail(line, "wrong result\n" + statement_text(statement) + indent(problems) + diff + expected +
                     "actual (" + std::to_string(actual.size()) + " rows; columns " +
                     join(r.columns(), ", ") + "):\n" + indent(actual));
      return true;
    }
    pass(line);
    return true;
  }

  bool plan(size_t line, const Block& block) {
    std::string statement = join(block.statement, "\n");
    if (!block.has_separator) {
      format_error(line, "a plan needs a `----` line before the expected plan fragments");
      return false;
    }
    QueryResult r = conn_->query(statement, params_);
    if (!r.ok()) {
      fail(line, "statement failed: " + r.status().to_string() + "\n" + statement_text(statement));
      return true;
    }
    const std::string& text = r.plan();
    std::vector<std::string> problems;
    size_t at = 0;
    for (const std::string& fragment : block.expected) {
      if (!fragment.empty() && fragment.front() == '!') {
        if (text.find(fragment.substr(1)) != std::string::npos)
          problems.push_back("the plan contains `" + fragment.substr(1) + "`");
        continue;
      }
      size_t found = text.find(fragment, at);
      if (found == std::string::npos) {
        problems.push_back(text.find(fragment) == std::string::npos
                               ? "the plan lacks `" + fragment + "`"
                               : "`" + fragment + "` is out of order");
        continue;
      }
      at = found + fragment.size();
    }
    if (!problems.empty()) {
      fail(line, "wrong plan\n" + statement_text(statement) + indent(problems) + "plan:\n" +
                     indent(text.empty() ? std::string("(empty)") : text));
      return true;
    }
    pass(line);
    return true;
  }

  const char* display_path_;  // relative to the repo root
  std::string full_path_;
  std::string source_dir_;
  std::vector<std::string> lines_;
  TempDir dir_;
  std::string db_path_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Connection> conn_;
  Map params_;
};

}  // namespace

void run_test_file(const char* display_path, const std::string& full_path,
                   const std::string& source_dir) {
  TestFile(display_path, full_path, source_dir).run();
}

}  // namespace kg::testing
