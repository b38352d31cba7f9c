#include "shell/help.hpp"

#include <algorithm>
#include <span>

#include "shell/cypher_words.hpp"
#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

constexpr std::string_view kIntro =
    "Type Cypher statements ending with ';' (they may span lines) or :commands. Tab completes "
    "keywords, functions, labels (after ':'), relationship types (after '[:'), property keys "
    "(after '.'), parameters (after '$'), :commands and file names.";

struct Entry {
  std::string_view term, text;
};

constexpr Entry kKeys[] = {
    {"Up/Down", "earlier statements (those starting like the line, when it is not empty)"},
    {"Ctrl+R", "search the history as you type"},
    {"Ctrl+C", "cancel the line, or stop the running statement (it rolls back)"},
    {"Ctrl+D", "quit (on an empty line)"},
    {"Ctrl+L", "clear the screen"},
};

constexpr Entry kFiles[] = {
    {"~/.kg_history",
     "the history (1000 entries, mode 0600). :param lines are saved like any other, secrets in "
     "them included."},
    {"~/.kgrc", "statements and :commands run at start-up (kg --no-rc skips it)."},
};

// `text` as lines no wider than `width` (0: one line), broken at blanks: the first line starts
// with `first`, the others with `indent` blanks. A word longer than a line stays whole.
std::string wrapped(std::string_view first, std::string_view text, size_t indent, size_t width) {
  std::string out(first);
  size_t column = display_width(first);
  bool line_empty = true;
  while (!text.empty()) {
    size_t blank = text.find(' ');
    std::string_view word = text.substr(0, blank);
    text = blank == std::string_view::npos ? std::string_view() : text.substr(blank + 1);
    if (word.empty()) continue;
    size_t w = display_width(word);
    if (!line_empty && width > 0 && column + 1 + w > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += w;
    line_empty = false;
  }
  return out + "\n";
}

std::string entries(std::span<const Entry> list, size_t width) {
  size_t term_width = 0;
  for (const Entry& e : list) term_width = std::max(term_width, e.term.size());
  std::string out;
  for (const Entry& e : list) {
    std::string first =
        "  " + std::string(e.term) + std::string(term_width + 2 - e.term.size(), ' ');
    out += wrapped(first, e.text, first.size(), width);
  }
  return out;
}

// A property key to show for `e`: name when it has one, else its first.
std::string key_of(const SchemaView::Element& e) {
  if (std::find(e.property_keys.begin(), e.property_keys.end(), "name") != e.property_keys.end())
    return "name";
  return e.property_keys.empty() ? "" : e.property_keys.front();
}

}  // namespace

std::vector<std::string> example_queries(const SchemaView& schema) {
  if (schema.labels.empty()) {
    return {
        "CREATE (:Company {name: 'AWS'})-[:BUYS {units: 1000000}]->(:Product {name: 'Blackwell'});",
        "MATCH (c:Company)-[b:BUYS]->(p) RETURN c.name, b.units, p.name;",
    };
  }
  const SchemaView::Element& label = schema.labels.front();
  std::string l = cypher_name(label.name);
  std::string key = key_of(label);
  std::vector<std::string> out;
  out.push_back("MATCH (n:" + l + ") RETURN n LIMIT 5;");
  if (!key.empty()) {
    std::string k = cypher_name(key);
    out.push_back("MATCH (n:" + l + ") WHERE n." + k + " IS NOT NULL RETURN n." + k +
                  " ORDER BY n." + k + " LIMIT 10;");
  }
  out.push_back("MATCH (n:" + l +
                ")-[r]-(m) RETURN type(r), labels(m), count(*) AS links ORDER BY links DESC;");
  if (!schema.relationship_types.empty()) {
    std::string t = cypher_name(schema.relationship_types.front().name);
    std::string shown = key.empty() ? "a, b" : "a." + cypher_name(key) + ", b." + cypher_name(key);
    out.push_back("MATCH (a)-[r:" + t + "]->(b) RETURN " + (key.empty() ? "a, r, b" : shown) +
                  " LIMIT 10;");
  }
  return out;
}

std::string command_help(const CommandInfo& command) {
  return std::string(command.usage) + "\n    " + std::string(command.summary) + "\n";
}

std::string help_text(const SchemaView& schema, size_t width) {
  std::string out = wrapped("", kIntro, 0, width);
  out += "\nCommands\n";
  std::vector<Entry> commands;
  for (const CommandInfo& c : all_commands()) commands.push_back({c.usage, c.summary});
  out += entries(commands, width);
  out += "\nKeys\n";
  out += entries(kKeys, width);
  out += "\nFiles\n";
  out += entries(kFiles, width);
  out += "\nTry, on this graph\n";
  for (const std::string& q : example_queries(schema)) out += wrapped("  ", q, 4, width);
  return out;
}

}  // namespace kg::shell
