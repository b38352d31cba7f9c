// kg::export_graph (kg/export.hpp): reads the graph or a query's subgraph through the public API
// (api/export/subgraph.cpp), then writes it in one of four formats (api/export/*_writer.cpp).
#include "kg/export.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "api/export/subgraph.hpp"
#include "api/guard.hpp"

namespace kg {

namespace {

namespace fs = std::filesystem;

// Why `path` cannot be written, in words: its directory is missing or not a directory, or what
// the system said (`err`, an errno value).
std::string why_unwritable(const std::string& path, int err) {
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  if (!fs::exists(parent, ec)) return "the directory " + parent.string() + " does not exist";
  if (!fs::is_directory(parent, ec)) return parent.string() + " is not a directory";
  return err != 0 ? std::string(std::strerror(err)) : std::string("cannot open it");
}

// The CSV directory: created when missing, and refused when it holds anything, so that a
// directory never mixes two exports. `created` tells whether this call made it.
Status prepare_directory(const std::string& dir, bool& created) {
  std::error_code ec;
  created = false;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec))
      return Status::invalid_argument("cannot export CSV to " + dir +
                                      ": it is a file, and CSV needs a directory");
    if (!fs::is_empty(dir, ec))
      return Status::invalid_argument("cannot export CSV to " + dir +
                                      ": the directory is not empty; give a new or empty one");
    return Status();
  }
  fs::create_directories(dir, ec);
  if (ec)
    return Status::io_error(
        "cannot create the directory " + dir + ": " +
        (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory
             ? why_unwritable(dir, 0)
             : ec.message()));
  created = true;
  return Status();
}

Status write_stream(const api::Subgraph& g, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kJsonl:
      return api::write_jsonl(g, out);
    case ExportFormat::kCypher:
      return api::write_cypher(g, out);
    case ExportFormat::kDot:
      return api::write_dot(g, out);
    case ExportFormat::kCsv:
      break;
  }
  return Status::internal("CSV is not a single-stream format");
}

// Checks, before any work, that a single-file export can go to `path`.
Status check_file_target(const std::string& path) {
  if (path == "-") return Status();
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return Status::invalid_argument("cannot export to " + path +
                                    ": it is a directory; give a file name");
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    return Status::io_error("cannot write " + path + ": " + why_unwritable(path, 0));
  return Status();
}

// Writes a single-file format to `path` ("-": stdout). The file is written beside its final name
// and renamed, so a failed export leaves no half file and an existing file stays until the new
// one is complete.
Status write_file(const api::Subgraph& g, ExportFormat format, const std::string& path) {
  if (path == "-") {
    KG_TRY(write_stream(g, format, std::cout));
    std::cout.flush();
    if (!std::cout) return Status::io_error("cannot write to stdout");
    return Status();
  }
  std::string tmp = path + ".kg-export-tmp";
  {
    errno = 0;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::io_error("cannot write " + path + ": " + why_unwritable(tmp, errno));
    Status s = write_stream(g, format, out);
    out.flush();
    if (s.ok() && !out) s = Status::io_error("cannot write " + path + ": " + std::strerror(errno));
    if (!s.ok()) {
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      return s;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return Status::io_error("cannot write " + path + ": " + ec.message());
  }
  return Status();
}

// Writes the CSV files; on failure removes what it wrote (and the directory when it made it).
Status write_directory(const api::Subgraph& g, const std::string& dir,
                       std::vector<std::string>& files) {
  bool created = false;
  KG_TRY(prepare_directory(dir, created));
  Status s = api::write_csv(g, dir, files);
  if (!s.ok()) {
    std::error_code ec;
    for (const std::string& f : files) fs::remove(f, ec);
    files.clear();
    if (created) fs::remove(dir, ec);
  }
  return s;
}

}  // namespace

std::string_view export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kJsonl:
      return "jsonl";
    case ExportFormat::kCypher:
      return "cypher";
    case ExportFormat::kDot:
      return "dot";
  }
  return "?";
}

std::optional<ExportFormat> export_format_named(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl" || name == "json") return ExportFormat::kJsonl;
  if (name == "cypher" || name == "cql") return ExportFormat::kCypher;
  if (name == "dot" || name == "gv" || name == "graphviz") return ExportFormat::kDot;
  return std::nullopt;
}

Result<ExportSummary> export_graph(Database& db, const ExportOptions& options) {
  return api::guarded([&]() -> Result<ExportSummary> {
    if (!db.ok())
      return Status::invalid_argument("the database is not open: " + db.status().to_string());
    if (options.out.empty()) return Status::invalid_argument("no output given to export to");
    if (options.format == ExportFormat::kCsv && options.out == "-")
      return Status::invalid_argument("a CSV export writes a directory, not stdout");
    if (options.format != ExportFormat::kCsv) KG_TRY(check_file_target(options.out));
    api::Subgraph g;
    if (options.query.empty()) {
      KG_ASSIGN_OR_RETURN(g, api::read_graph(db));
    } else {
      KG_ASSIGN_OR_RETURN(g, api::read_query_subgraph(db, options.query, options.params));
    }
    ExportSummary summary;
    summary.nodes = g.nodes.size();
    summary.relationships = g.relationships.size();
    if (options.format == ExportFormat::kCsv) {
      KG_TRY(write_directory(g, options.out, summary.files));
    } else {
      KG_TRY(write_file(g, options.format, options.out));
      summary.files.push_back(options.out);
    }
    return summary;
  });
}

}  // namespace kg
