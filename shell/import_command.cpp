#include "shell/import_command.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "kg/import.hpp"
#include "shell/exit_codes.hpp"
#include "shell/export_command.hpp"
#include "shell/interrupt.hpp"
#include "shell/progress.hpp"

namespace kg::shell {

namespace {

constexpr const char* kImportUsage =
    R"(usage: kg import DB_DIR [options] --nodes[=Label1:Label2]=FILE[,FILE...] ...
                 [--relationships[=TYPE]=FILE[,FILE...] ...] [--jsonl FILE] [--ntriples FILE]
       in the shell: :import [options] --nodes=... --relationships=...

Bulk-imports files into the graph in DB_DIR (created when missing; it may already hold data),
in one atomic step: on any error the graph stays exactly as it was and the error names the
file and line (file:line: reason).

Inputs (each repeatable; FILE may be gzip-compressed, .csv.gz, and may start with a UTF-8 BOM):
  --nodes[=Label1:Label2]=FILE[,FILE...]   CSV nodes with these labels (and those of a :LABEL
                                           column); the files share the first one's header,
                                           which may be alone in it
  --relationships[=TYPE]=FILE[,FILE...]    CSV relationships, of TYPE unless a :TYPE column
                                           says otherwise
  --jsonl FILE        JSON Lines: {"type":"node","id":1,"labels":["A"],"properties":{...}} and
                      {"type":"relationship","label":"T","start":1,"end":2,"properties":{...}}
  --ntriples FILE     N-Triples: IRIs and blank nodes become nodes (:Resource {uri},
                      :BlankNode), literal objects properties, rdf:type labels, other triples
                      relationships
CSV headers (neo4j-admin): name:type fields, with
  name:ID or :ID(space)     the node's id (name:ID also stores it as property `name`)
  :LABEL                    extra labels, split at the array delimiter
  :START_ID(space) :END_ID(space) :TYPE    a relationship's ends and type
  :IGNORE                   a column to skip
  types: int long short byte float double boolean string char, in any case, and arrays of
  them (int[], string[], ...) split at the array delimiter; no type means string
Options:
  --delimiter C             field delimiter (default ','; TAB or '\t' for a tab)
  --array-delimiter C       array element delimiter (default ';')
  --quote C                 quote character (default '"'); a quoted field may hold delimiters,
                            line breaks and doubled quotes
  --skip-bad-relationships  skip (and count) relationships whose ends are no node's id
  --skip-duplicate-nodes    skip (and count) nodes whose id was seen before
  --report-file FILE        write each skipped row there as file:line: reason
  --auto-skip-subsequent-headers   drop the first line of each file of a group after the first
  --temp-dir DIR            where temporary files go (default: next to DB_DIR)
  --sort-memory SIZE        memory for sorting before spilling to disk (default 256M)
  --no-progress             no progress bar
  -h, --help                this help
Examples:
  kg import g.db --nodes=Company=companies.csv --nodes=Person=people.csv.gz \
                 --relationships=WORKS_AT=employment.csv
  kg import g.db --nodes=nodes_header.csv,nodes_1.csv,nodes_2.csv --relationships=rels.csv \
                 --delimiter TAB --skip-bad-relationships --report-file skipped.txt
  kg import g.db --jsonl graph.jsonl
  kg import g.db --nodes=Person=<(zcat people.csv.gz)   # a pipe: CSV and N-Triples only
Ctrl+C cancels the import; the graph is left as it was. Exit status: 0 imported, 1 failed
(nothing imported), 2 bad command line, 130 cancelled.
In Cypher: CALL kg.import({nodes: [{labels: ['Company'], files: ['companies.csv']}], ...})
(docs/cypher.md).
)";

Result<char> one_char(const std::string& option, const std::string& v) {
  if (v == "TAB" || v == "\\t" || v == "\t") return '\t';
  if (v.size() != 1)
    return Status::invalid_argument(option + " takes one character (or TAB), not '" + v + "'");
  return v[0];
}

Result<bool> boolean(const std::string& option, const std::optional<std::string>& v) {
  if (!v || *v == "true") return true;
  if (*v == "false") return false;
  return Status::invalid_argument(option + " takes true or false, not '" + *v + "'");
}

Result<uint64_t> size_value(const std::string& option, const std::string& v) {
  uint64_t n = 0;
  size_t i = 0;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i)
    n = n * 10 + static_cast<uint64_t>(v[i] - '0');
  std::string unit = v.substr(i);
  uint64_t scale = 1;
  if (unit == "k" || unit == "K")
    scale = 1ull << 10;
  else if (unit == "m" || unit == "M")
    scale = 1ull << 20;
  else if (unit == "g" || unit == "G")
    scale = 1ull << 30;
  else if (!unit.empty())
    i = 0;
  if (i == 0 || n == 0)
    return Status::invalid_argument(option + " takes a size such as 512M or 2G, not '" + v + "'");
  return n * scale;
}

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  for (;;) {
    size_t cut = s.find(',');
    std::string part(s.substr(0, cut));
    if (!part.empty()) out.push_back(std::move(part));
    if (cut == std::string_view::npos) break;
    s.remove_prefix(cut + 1);
  }
  return out;
}

std::vector<std::string> split_colons(std::string_view s) {
  std::vector<std::string> out;
  for (;;) {
    size_t cut = s.find(':');
    std::string part(s.substr(0, cut));
    if (!part.empty()) out.push_back(std::move(part));
    if (cut == std::string_view::npos) break;
    s.remove_prefix(cut + 1);
  }
  return out;
}

// "A:B=f1,f2" or "f1,f2" → (prefix, files).
std::pair<std::string, std::vector<std::string>> group_value(const std::string& v) {
  size_t eq = v.find('=');
  if (eq == std::string::npos) return {"", split_commas(v)};
  return {v.substr(0, eq), split_commas(std::string_view(v).substr(eq + 1))};
}

std::string with_commas(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string counted_with_commas(uint64_t n, const char* one, const char* many) {
  return with_commas(n) + " " + (n == 1 ? one : many);
}

// "1.2M", "850k", "12".
std::string short_count(double n) {
  char buf[32];
  if (n >= 1e6)
    std::snprintf(buf, sizeof buf, "%.1fM", n / 1e6);
  else if (n >= 1e4)
    std::snprintf(buf, sizeof buf, "%.0fk", n / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.0f", n);
  return buf;
}

// Runs the import with a progress bar on stderr (when `progress` and stderr is a terminal).
Result<ImportSummary> import_with_progress(Database& db, ImportOptions options, bool progress,
                                           std::function<bool()> cancelled) {
  options.cancelled = std::move(cancelled);
  const bool draw = progress && isatty(STDERR_FILENO);
  std::optional<Progress> bar;
  if (draw) {
    bar.emplace(Progress::Options{
        .enabled = true,
        .delay = std::chrono::milliseconds(500),
        .on_tick = {},
        .initial = {.what = "importing", .done = 0, .total = 0, .hint = "Ctrl+C cancels"}});
    auto start = std::chrono::steady_clock::now();
    options.progress = [&bar, start](const ImportProgress& p) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::string what = p.phase == "relationships" ? "rels" : p.phase;
      if (p.phase == "nodes" || p.phase == "relationships") {
        what += " " + short_count(static_cast<double>(p.rows)) + " rows";
        if (secs > 0.2) what += " " + short_count(static_cast<double>(p.rows) / secs) + "/s";
        if (p.bytes_read > 0 && p.bytes_total > p.bytes_read && secs > 0.5) {
          double eta = secs * static_cast<double>(p.bytes_total - p.bytes_read) /
                       static_cast<double>(p.bytes_read);
          char buf[32];
          std::snprintf(buf, sizeof buf, " ETA %.0f s", eta);
          what += buf;
        }
      }
      bool reading = p.phase == "nodes" || p.phase == "relationships";
      bar->update({.what = std::move(what),
                   .done = reading ? p.bytes_read : 0,
                   .total = reading ? p.bytes_total : 0,
                   .hint = "Ctrl+C cancels"});
    };
  }
  Result<ImportSummary> r = import_files(db, options);
  if (bar) bar->finish();
  return r;
}

int import_with(Database& db, const ImportArgs& a, std::ostream& out, std::ostream& err,
                const char* who, std::function<bool()> cancelled) {
  Result<ImportSummary> r = import_with_progress(db, a.options, a.progress, std::move(cancelled));
  if (!r) {
    err << who << ": " << r.error().to_string() << "\n"
        << who << ": nothing was imported; the graph is unchanged\n";
    return r.error().code() == StatusCode::kInterrupted ? kExitInterrupted : kExitFailure;
  }
  out << import_summary_text(*r, a.options);
  return 0;
}

}  // namespace

std::string import_usage() { return kImportUsage; }

Result<ImportArgs> parse_import_args(const std::vector<std::string>& words, bool want_db_dir) {
  ImportArgs a;
  std::vector<std::string> positional;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    std::optional<std::string> inline_value;
    if (w.starts_with("--") && w.find('=') != std::string::npos) {
      inline_value = w.substr(w.find('=') + 1);
      w = w.substr(0, w.find('='));
    }
    // neo4j-admin 3's --nodes:Label1:Label2 and --relationships:TYPE.
    std::string colon_prefix;
    if ((w.starts_with("--nodes:") || w.starts_with("--relationships:"))) {
      colon_prefix = w.substr(w.find(':') + 1);
      w = w.substr(0, w.find(':'));
    }
    auto value = [&]() -> Result<std::string> {
      if (inline_value) return *inline_value;
      if (i + 1 >= words.size()) return Status::invalid_argument(w + " needs a value");
      return words[++i];
    };
    // A flag's optional value: --flag, --flag=true, --flag=false, or --flag true|false.
    auto flag = [&]() -> Result<bool> {
      std::optional<std::string> v = inline_value;
      if (!v && i + 1 < words.size() && (words[i + 1] == "true" || words[i + 1] == "false"))
        v = words[++i];
      return boolean(w, v);
    };
    if (w == "-h" || w == "--help") {
      a.help = true;
    } else if (w == "--nodes") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      auto [prefix, files] = group_value(v);
      if (!colon_prefix.empty()) prefix = colon_prefix + (prefix.empty() ? "" : ":" + prefix);
      if (files.empty()) return Status::invalid_argument("--nodes names no file");
      a.options.nodes.push_back({split_colons(prefix), std::move(files)});
    } else if (w == "--relationships") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      auto [prefix, files] = group_value(v);
      if (!colon_prefix.empty()) prefix = colon_prefix;
      if (files.empty()) return Status::invalid_argument("--relationships names no file");
      if (prefix.find(':') != std::string::npos)
        return Status::invalid_argument("--relationships takes one TYPE, not '" + prefix + "'");
      a.options.relationships.push_back({prefix, std::move(files)});
    } else if (w == "--jsonl") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      for (auto& f : split_commas(v)) a.options.jsonl.push_back(std::move(f));
    } else if (w == "--ntriples") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      for (auto& f : split_commas(v)) a.options.ntriples.push_back(std::move(f));
    } else if (w == "--delimiter") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      KG_ASSIGN_OR_RETURN(a.options.delimiter, one_char(w, v));
    } else if (w == "--array-delimiter") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      KG_ASSIGN_OR_RETURN(a.options.array_delimiter, one_char(w, v));
    } else if (w == "--quote") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      KG_ASSIGN_OR_RETURN(a.options.quote, one_char(w, v));
    } else if (w == "--skip-bad-relationships") {
      KG_ASSIGN_OR_RETURN(a.options.skip_bad_relationships, flag());
    } else if (w == "--skip-duplicate-nodes") {
      KG_ASSIGN_OR_RETURN(a.options.skip_duplicate_nodes, flag());
    } else if (w == "--auto-skip-subsequent-headers") {
      KG_ASSIGN_OR_RETURN(a.options.auto_skip_subsequent_headers, flag());
    } else if (w == "--multiline-fields") {
      KG_ASSIGN_OR_RETURN(bool on, flag());  // always on: accepted for neo4j-admin's sake
      (void)on;
    } else if (w == "--report-file") {
      KG_ASSIGN_OR_RETURN(a.options.report_file, value());
    } else if (w == "--temp-dir") {
      KG_ASSIGN_OR_RETURN(a.options.temp_dir, value());
    } else if (w == "--sort-memory") {
      KG_ASSIGN_OR_RETURN(std::string v, value());
      KG_ASSIGN_OR_RETURN(a.options.sort_memory_bytes, size_value(w, v));
    } else if (w == "--no-progress") {
      a.progress = false;
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
  if (next < positional.size())
    return Status::invalid_argument("unexpected argument '" + positional[next] +
                                    "' (files go after --nodes=, --relationships=, --jsonl or "
                                    "--ntriples)");
  const ImportOptions& o = a.options;
  if (o.nodes.empty() && o.relationships.empty() && o.jsonl.empty() && o.ntriples.empty())
    return Status::invalid_argument(
        "nothing to import: give --nodes, --relationships, --jsonl or --ntriples");
  return a;
}

std::string import_summary_text(const ImportSummary& s, const ImportOptions& options) {
  char time[64];
  std::snprintf(time, sizeof time, "%.2f s", s.seconds);
  uint64_t rate =
      s.seconds > 0 ? static_cast<uint64_t>(static_cast<double>(s.rows) / s.seconds) : s.rows;
  std::string text = "Imported " + counted_with_commas(s.nodes, "node", "nodes") + ", " +
                     counted_with_commas(s.relationships, "relationship", "relationships") +
                     " and " + counted_with_commas(s.properties, "property", "properties") +
                     " in " + time + " (" + with_commas(rate) + " rows/s)\n";
  std::string report =
      options.report_file.empty() ? "" : " (listed in " + options.report_file + ")";
  if (s.skipped_nodes > 0)
    text += "Skipped " + counted_with_commas(s.skipped_nodes, "node", "nodes") +
            " with a duplicate id" + report + "\n";
  if (s.skipped_relationships > 0)
    text += "Skipped " +
            counted_with_commas(s.skipped_relationships, "relationship", "relationships") +
            " with a missing end node" + report + "\n";
  return text;
}

int run_import_command(int argc, char** argv) {
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) words.emplace_back(argv[i]);
  auto a = parse_import_args(words, /*want_db_dir=*/true);
  if (a && a->help) {
    std::cout << kImportUsage;
    return 0;
  }
  if (!a) {
    std::cerr << "kg import: " << a.error().message() << "\n(kg import --help shows the options)\n";
    return kExitUsage;
  }
  a->options.warm_cache = false;  // the process ends after the import: no query will use it
  std::error_code ec;
  const bool existed = std::filesystem::exists(a->db_dir, ec) || ec;
  int status;
  {
    Database db(a->db_dir, Options());
    if (!db.ok()) {
      std::cerr << "kg import: cannot open " << a->db_dir << ": " << db.status().to_string()
                << "\n";
      return kExitFailure;
    }
    // Ctrl-C cancels the import, which then cleans up; a second one ends the process.
    Connection conn(db);
    InterruptHandler interrupt(conn, InterruptMode::kStopRun);
    status = import_with(db, *a, std::cout, std::cerr, "kg import",
                         [&interrupt] { return interrupt.interrupted(); });
  }
  // A failed import into a graph this command created leaves no empty graph behind.
  if (status != 0 && !existed) std::filesystem::remove_all(a->db_dir, ec);
  return status;
}

int run_import(Database& db, std::string_view args, std::ostream& out, std::ostream& err,
               bool progress, std::function<bool()> cancelled) {
  auto words = split_words(args);
  if (!words) {
    err << ":import: " << words.error().message() << "\n";
    return kExitUsage;
  }
  auto a = parse_import_args(*words, /*want_db_dir=*/false);
  if (a && a->help) {
    out << kImportUsage;
    return 0;
  }
  if (!a) {
    err << ":import: " << a.error().message() << " (:import --help shows the options)\n";
    return kExitUsage;
  }
  a->progress = a->progress && progress;
  return import_with(db, *a, out, err, ":import", std::move(cancelled));
}

}  // namespace kg::shell
