#include "shell/export_command.hpp"

#include <filesystem>
#include <iostream>
#include <optional>

#include "kg/connection.hpp"
#include "kg/export.hpp"
#include "shell/exit_codes.hpp"
#include "shell/params.hpp"

namespace kg::shell {

namespace {

constexpr const char* kExportUsage =
    R"(usage: kg export DB_DIR [--format csv|jsonl|cypher|dot] --out PATH
                 [--query 'MATCH p = ... RETURN p'] [--param 'name => <Cypher literal>']...

Exports the graph in DB_DIR, or with --query only the nodes, relationships and paths the query
returns (with the end nodes of its relationships):
  csv     a directory (new or empty) of files in the importer's format, one per label set and
          relationship type: export then import gives the same graph
  jsonl   one JSON object per node and relationship
  cypher  a script that recreates the graph: kg NEW_DB -f PATH
  dot     Graphviz, for pictures: dot -Tsvg PATH > graph.svg
Without --format the format follows PATH's extension (.jsonl .json .cypher .cql .dot .gv; none:
csv). --out - writes to stdout. DB_DIR must exist and not be open in another process (in the
shell, use :export). Exit status: 0, 1 when the export failed, 2 for a bad command line.

Examples:
  kg export graph.db --format csv --out graph-csv/
  kg export graph.db --format cypher --out graph.cypher && kg copy.db -f graph.cypher
  kg export graph.db --format dot --out aws.dot --param 'name => "AWS"' \
      --query 'MATCH p = (:Company {name: $name})-[*1..2]-() RETURN p'
)";

struct ExportArgs {
  std::optional<std::string> db_dir;
  std::optional<ExportFormat> format;
  std::string out;
  std::string query;
  std::vector<std::string> params;
  bool help = false;
};

Result<ExportFormat> format_of_path(const std::string& path) {
  if (path == "-") return Status::invalid_argument("--format is needed to write to stdout");
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext.empty()) return ExportFormat::kCsv;
  if (auto f = export_format_named(ext.substr(1))) return *f;
  return Status::invalid_argument("cannot tell the format from '" + ext +
                                  "'; give --format csv|jsonl|cypher|dot");
}

// Options and positional words. With `want_db_dir`, the first positional word is DB_DIR and the
// second (if any) PATH; otherwise the only one is PATH.
Result<ExportArgs> parse_args(const std::vector<std::string>& words, bool want_db_dir) {
  ExportArgs a;
  std::vector<std::string> positional;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    std::optional<std::string> inline_value;
    if (w.starts_with("--") && w.find('=') != std::string::npos) {
      inline_value = w.substr(w.find('=') + 1);
      w = w.substr(0, w.find('='));
    }
    auto value = [&]() -> Result<std::string> {
      if (inline_value) return *inline_value;
      if (i + 1 >= words.size()) return Status::invalid_argument(w + " needs a value");
      return words[++i];
    };
    if (w == "-h" || w == "--help") {
      a.help = true;
    } else if (w == "--format" || w == "-F") {
      KG_ASSIGN_OR_RETURN(std::string f, value());
      a.format = export_format_named(f);
      if (!a.format)
        return Status::invalid_argument("unknown format '" + f + "' (csv, jsonl, cypher, dot)");
    } else if (w == "--out" || w == "-o") {
      KG_ASSIGN_OR_RETURN(a.out, value());
    } else if (w == "--query" || w == "-q") {
      KG_ASSIGN_OR_RETURN(a.query, value());
    } else if (w == "--param" || w == "-P") {
      KG_ASSIGN_OR_RETURN(std::string p, value());
      a.params.push_back(std::move(p));
    } else if (w.size() > 1 && w[0] == '-') {
      return Status::invalid_argument("unknown option " + w);
    } else {
      positional.push_back(words[i]);
    }
  }
  if (a.help) return a;
  size_t next = 0;
  if (want_db_dir) {
    if (positional.empty()) return Status::invalid_argument("DB_DIR is missing");
    a.db_dir = positional[next++];
  }
  if (next < positional.size()) {
    if (!a.out.empty()) return Status::invalid_argument("PATH is given twice");
    a.out = positional[next++];
  }
  if (next < positional.size())
    return Status::invalid_argument("unexpected argument '" + positional[next] + "'");
  if (a.out.empty()) return Status::invalid_argument("where to? give --out PATH");
  return a;
}

std::string counted(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// `who` prefixes error messages: "kg export" or ":export".
int export_with(Database& db, const ExportArgs& a, const Map& params, std::ostream& out,
                std::ostream& err, const char* who) {
  ExportOptions o;
  o.out = a.out;
  o.query = a.query;
  o.params = params;
  if (a.format) {
    o.format = *a.format;
  } else {
    auto f = format_of_path(a.out);
    if (!f) {
      err << who << ": " << f.error().message() << "\n";
      return kExitUsage;
    }
    o.format = *f;
  }
  if (!a.params.empty()) {
    Connection conn(db);
    QueryFn query = [&conn](std::string_view s, const Map& p) { return conn.query(s, p); };
    for (const std::string& p : a.params) {
      if (Status s = assign_param(query, p, o.params); !s.ok()) {
        err << who << ": --param '" << p << "': " << s.to_string() << "\n";
        return kExitUsage;
      }
    }
  }
  Result<ExportSummary> r = export_graph(db, o);
  if (!r) {
    err << who << ": " << r.error().to_string() << "\n";
    return kExitFailure;
  }
  std::ostream& report = a.out == "-" ? err : out;
  report << "exported " << counted(r->nodes, "node", "nodes") << " and "
         << counted(r->relationships, "relationship", "relationships") << " to ";
  if (o.format == ExportFormat::kCsv)
    report << counted(r->files.size(), "file", "files") << " in " << a.out << "\n";
  else
    report << (a.out == "-" ? "stdout" : a.out) << "\n";
  return 0;
}

}  // namespace

Result<std::vector<std::string>> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\'') {
      size_t close = text.find('\'', i + 1);
      if (close == std::string_view::npos)
        return Status::invalid_argument("unclosed ' in the arguments");
      word.append(text.substr(i + 1, close - i - 1));
      i = close;
      in_word = true;
    } else if (c == '"') {
      size_t j = i + 1;
      for (; j < text.size() && text[j] != '"'; ++j) {
        if (text[j] == '\\' && j + 1 < text.size() &&
            (text[j + 1] == '"' || text[j + 1] == '\\' || text[j + 1] == '$' || text[j + 1] == '`'))
          ++j;
        word.push_back(text[j]);
      }
      if (j >= text.size()) return Status::invalid_argument("unclosed \" in the arguments");
      i = j;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      word.push_back(text[++i]);
      in_word = true;
    } else {
      word.push_back(c);
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

int run_export_command(int argc, char** argv) {
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) words.emplace_back(argv[i]);
  auto a = parse_args(words, /*want_db_dir=*/true);
  if (a && a->help) {
    std::cout << kExportUsage;
    return 0;
  }
  if (!a) {
    std::cerr << "kg export: " << a.error().message() << "\n(kg export --help shows the options)\n";
    return kExitUsage;
  }
  Options options;
  options.create_if_missing = false;
  Database db(*a->db_dir, options);
  if (!db.ok()) {
    std::cerr << "kg export: cannot open " << *a->db_dir << ": " << db.status().to_string() << "\n";
    return kExitFailure;
  }
  return export_with(db, *a, Map(), std::cout, std::cerr, "kg export");
}

int run_export(Database& db, std::string_view args, const Map& params, std::ostream& out,
               std::ostream& err) {
  auto words = split_words(args);
  if (!words) {
    err << ":export: " << words.error().message() << "\n";
    return kExitUsage;
  }
  auto a = parse_args(*words, /*want_db_dir=*/false);
  if (a && a->help) {
    out << "usage: :export [--format csv|jsonl|cypher|dot] [--query Q] [--param 'k => v'] PATH\n";
    return 0;
  }
  if (!a) {
    err << ":export: " << a.error().message() << "\n";
    return kExitUsage;
  }
  return export_with(db, *a, params, out, err, ":export");
}

}  // namespace kg::shell
