// Export (kg/export.hpp) and the sample graph (samples/seed/): every format re-imports or re-runs
// to the same graph, DOT stays well formed, errors name the path and the reason.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>

#include "kg/export.hpp"
#include "kg/import.hpp"
#include "kg/kg.hpp"
#include "shell/export_command.hpp"
#include "shell/script_reader.hpp"
#include "tests/support/temp_dir.hpp"

using kg::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// The source tree: this file is tests/unit/api/export_test.cpp.
fs::path source_dir() {
  return fs::path(__FILE__).parent_path().parent_path().parent_path().parent_path();
}

void run(kg::Connection& conn, const std::string& statement, const kg::Map& params = {}) {
  kg::QueryResult r = conn.query(statement, params);
  INFO(statement);
  INFO(r.status().to_string());
  REQUIRE(r.ok());
}

// Runs every statement of a script (a Cypher export, samples/seed/graph.cypher).
void run_script(kg::Database& db, const std::string& text) {
  kg::Connection conn(db);
  for (const kg::shell::ScriptItem& item : kg::shell::split_script(text)) {
    REQUIRE(item.kind == kg::shell::ScriptItem::Kind::kStatement);
    run(conn, item.text);
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string describe(const kg::Node& n) {
  std::vector<std::string> labels = n.labels;
  std::sort(labels.begin(), labels.end());
  std::string out = "(";
  for (const std::string& l : labels) out += ":" + l;
  return out + " " + kg::Value(n.properties).to_string() + ")";
}

// The graph without its ids: one line per node and per relationship (with its ends), sorted, so
// two graphs compare equal when they hold the same elements.
std::string canonical(kg::Database& db) {
  kg::Connection conn(db);
  std::vector<std::string> lines;
  kg::QueryResult nodes = conn.query("MATCH (n) RETURN n");
  REQUIRE(nodes.ok());
  for (const kg::Row& row : nodes) lines.push_back(describe(row[0].as_node()));
  kg::QueryResult rels = conn.query("MATCH (a)-[r]->(b) RETURN a, r, b");
  REQUIRE(rels.ok());
  for (const kg::Row& row : rels) {
    const kg::Relationship& r = row[1].as_relationship();
    lines.push_back(describe(row[0].as_node()) + "-[:" + r.type + " " +
                    kg::Value(r.properties).to_string() + "]->" + describe(row[2].as_node()));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

kg::ExportSummary export_to(kg::Database& db, kg::ExportFormat format, const std::string& out,
                            const std::string& query = "") {
  kg::ExportOptions o;
  o.format = format;
  o.out = out;
  o.query = query;
  kg::Result<kg::ExportSummary> s = kg::export_graph(db, o);
  INFO((s.ok() ? std::string() : s.error().to_string()));
  REQUIRE(s.ok());
  return *s;
}

// Imports a CSV export directory: nodes_*.csv as nodes, relationships_*.csv as relationships.
void import_csv_dir(kg::Database& db, const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  kg::ImportOptions o;
  for (const std::string& f : files) {
    std::string name = fs::path(f).filename().string();
    if (name.starts_with("nodes")) o.nodes.push_back({{}, {f}});
    if (name.starts_with("relationships")) o.relationships.push_back({"", {f}});
  }
  kg::Result<kg::ImportSummary> s = kg::import_files(db, o);
  INFO((s.ok() ? std::string() : s.error().to_string()));
  REQUIRE(s.ok());
}

// A graph that tries every corner of the formats: quotes, delimiters and newlines in strings,
// labels, types and keys; lists; a key of two types; nodes without labels or properties;
// parallel relationships and a self-loop.
void make_tricky_graph(kg::Database& db) {
  kg::Connection conn(db);
  run(conn,
      "CREATE (a:Company {name: 'AWS \"Amazon\" Web Services', note: 'line1\\nline2\\r\\nline3',"
      " comma: 'a,b;c', empty: '', quote: \"it's\", backslash: 'C:\\\\dir\\\\', "
      " unicode: 'Grüße 日本', units: 1000000, big: -9223372036854775807, ratio: 0.1, "
      " whole: 1.0, tiny: 1.0e-300, yes: true, no: false, ints: [1, 2, 3], floats: [1.5, 2.0], "
      " strs: ['x', 'y z', '', 'q\"uote'], bools: [true, false], none: [], "
      " `key with space`: 1, `a:b`: 'c', `tab\\tkey`: 'v'}), "
      "(p:Product:Chip {name: 'Blackwell', founded: 2024}), "
      "(q:Product:Chip {name: 'Rubin', founded: '2026'}), "
      "(w:`Weird Label, \"x\"`:`back``tick` {name: 'weird'}), "
      "(bare), "
      "(:Company {name: 'Groq'}), "
      "(a)-[:BUYS {units: 5, since: 2025, source: 'Reuters, \"Buck\"\\n2026'}]->(p), "
      "(a)-[:BUYS]->(p), "
      "(a)-[:BUYS {units: 'many'}]->(q), "
      "(a)-[:`WEIRD TYPE, \"x\"` {tags: ['a', 'b']}]->(a), "
      "(w)-[:LINKS]->(bare)");
}

void make_non_finite_graph(kg::Database& db) {
  kg::Connection conn(db);
  double inf = std::numeric_limits<double>::infinity();
  run(conn, "CREATE (:F {name: 'floats', nan: $nan, inf: $inf, ninf: $ninf, list: $list})",
      {{"nan", std::nan("")}, {"inf", inf}, {"ninf", -inf}, {"list", kg::List{1.5, inf}}});
}

std::vector<std::string> file_names(const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const std::string& f : files) out.push_back(fs::path(f).filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("export: csv, imported, gives the same graph, and again after a second round",
          "[api][export]") {
  TempDir dir;
  kg::Database a(dir.sub("a"));
  REQUIRE(a.ok());
  make_tricky_graph(a);
  kg::ExportSummary first = export_to(a, kg::ExportFormat::kCsv, dir.sub("csv1"));
  CHECK(first.nodes == 6);
  CHECK(first.relationships == 5);
  // A key of two types splits its label set's file; labels and types keep their own files.
  CHECK(file_names(first.files) ==
        std::vector<std::string>{"nodes.csv", "nodes_Chip_Product.csv", "nodes_Chip_Product_2.csv",
                                 "nodes_Company.csv", "nodes_Weird_Label___x__back_tick.csv",
                                 "relationships_BUYS.csv", "relationships_BUYS_2.csv",
                                 "relationships_LINKS.csv", "relationships_WEIRD_TYPE___x_.csv"});

  kg::Database b(dir.sub("b"));
  import_csv_dir(b, dir.sub("csv1"));
  CHECK(canonical(b) == canonical(a));

  kg::ExportSummary second = export_to(b, kg::ExportFormat::kCsv, dir.sub("csv2"));
  CHECK(file_names(second.files) == file_names(first.files));
  kg::Database c(dir.sub("c"));
  import_csv_dir(c, dir.sub("csv2"));
  CHECK(canonical(c) == canonical(a));
}

TEST_CASE("export: csv headers are the importer's", "[api][export]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  kg::Connection conn(db);
  run(conn,
      "CREATE (:Company {name: 'AWS', founded: 2006, rating: 4.5, public: false, "
      "tags: ['cloud', 'aws']})-[:BUYS {units: 1000000, years: [2025, 2027]}]->(:Product {name: "
      "'Blackwell'})");
  export_to(db, kg::ExportFormat::kCsv, dir.sub("csv"));
  std::string company = read_file(dir.sub("csv") + "/nodes_Company.csv");
  CHECK(company.substr(0, company.find('\n')) ==
        ":ID,:LABEL,founded:long,name:string,public:boolean,rating:double,tags:string[]");
  CHECK(company.find(",Company,2006,\"AWS\",false,4.5,\"cloud;aws\"\n") != std::string::npos);
  std::string buys = read_file(dir.sub("csv") + "/relationships_BUYS.csv");
  CHECK(buys.substr(0, buys.find('\n')) == ":START_ID,:END_ID,:TYPE,units:long,years:long[]");
  CHECK(buys.find(",BUYS,1000000,2025;2027\n") != std::string::npos);
}

TEST_CASE("export: jsonl re-imports to the same graph", "[api][export]") {
  TempDir dir;
  kg::Database a(dir.sub("a"));
  make_tricky_graph(a);
  kg::ExportSummary s = export_to(a, kg::ExportFormat::kJsonl, dir.sub("g.jsonl"));
  CHECK(s.nodes == 6);
  std::string text = read_file(dir.sub("g.jsonl"));
  CHECK(std::count(text.begin(), text.end(), '\n') == 11);  // one line per element
  CHECK(text.find("{\"type\":\"node\",\"id\":\"") == 0);
  CHECK(text.find("{\"type\":\"relationship\",") != std::string::npos);

  kg::Database b(dir.sub("b"));
  kg::ImportOptions o;
  o.jsonl.push_back(dir.sub("g.jsonl"));
  kg::Result<kg::ImportSummary> r = kg::import_files(b, o);
  INFO((r.ok() ? std::string() : r.error().to_string()));
  REQUIRE(r.ok());
  CHECK(canonical(b) == canonical(a));
}

TEST_CASE("export: the cypher script recreates the graph and its indexes", "[api][export]") {
  TempDir dir;
  kg::Database a(dir.sub("a"));
  make_tricky_graph(a);
  {
    kg::Connection conn(a);
    run(conn, "CREATE INDEX product_name IF NOT EXISTS FOR (p:Product) ON (p.name)");
    run(conn,
        "CREATE CONSTRAINT company_name IF NOT EXISTS FOR (c:Company) REQUIRE c.name IS "
        "UNIQUE");
  }
  export_to(a, kg::ExportFormat::kCypher, dir.sub("g.cypher"));
  std::string script = read_file(dir.sub("g.cypher"));

  kg::Database b(dir.sub("b"));
  run_script(b, script);
  CHECK(canonical(b) == canonical(a));
  // The script's helper label, key and index are gone.
  kg::Connection conn(b);
  kg::QueryResult helpers = conn.query("MATCH (n) WHERE n._kg_export_id IS NOT NULL RETURN n");
  REQUIRE(helpers.ok());
  CHECK(helpers.empty());
  auto index_names = [](kg::Database& db) {
    kg::Connection c(db);
    kg::QueryResult r = c.query("SHOW INDEXES");
    REQUIRE(r.ok());
    std::vector<std::string> names;
    for (const kg::Row& row : r) names.push_back(row[0].to_string());
    std::sort(names.begin(), names.end());
    return names;
  };
  CHECK(index_names(b) == index_names(a));
  // Twice into the same graph: the constraint holds, and the second run changes nothing.
  kg::Database c(dir.sub("c"));
  run_script(c, script);
  kg::Connection cc(c);
  CHECK_FALSE(cc.query("CREATE (:Company {name: 'Groq'})").ok());
}

TEST_CASE("export: non-finite floats survive csv and cypher", "[api][export]") {
  TempDir dir;
  kg::Database a(dir.sub("a"));
  make_non_finite_graph(a);
  export_to(a, kg::ExportFormat::kCsv, dir.sub("csv"));
  kg::Database b(dir.sub("b"));
  import_csv_dir(b, dir.sub("csv"));
  CHECK(canonical(b) == canonical(a));

  export_to(a, kg::ExportFormat::kCypher, dir.sub("g.cypher"));
  kg::Database c(dir.sub("c"));
  run_script(c, read_file(dir.sub("g.cypher")));
  CHECK(canonical(c) == canonical(a));
}

TEST_CASE("export: dot output is well formed for names with quotes and newlines", "[api][export]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  make_tricky_graph(db);
  {
    kg::Connection conn(db);
    run(conn, "CREATE (:X {name: 'ends with a backslash \\\\'}), (:X {name: 42})");
  }
  export_to(db, kg::ExportFormat::kDot, dir.sub("g.dot"));
  std::string text = read_file(dir.sub("g.dot"));
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  CHECK(line == "digraph kg {");
  // A DOT string: no raw newline or quote inside, every backslash escapes one character.
  const std::string str = R"("(?:[^"\\\n]|\\.)*")";
  std::regex node("  n[0-9]+ \\[label=" + str + "\\];");
  std::regex edge("  n[0-9]+ -> n[0-9]+ \\[label=" + str + "\\];");
  std::regex attr("  (graph|node|edge) \\[.*\\];");
  int nodes = 0, edges = 0;
  bool closed = false;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK_FALSE(closed);
    if (line == "}") {
      closed = true;
    } else if (std::regex_match(line, node)) {
      ++nodes;
    } else if (std::regex_match(line, edge)) {
      ++edges;
    } else {
      CHECK(std::regex_match(line, attr));
    }
  }
  CHECK(closed);
  CHECK(nodes == 8);
  CHECK(edges == 5);
  CHECK(text.find(R"(label="AWS \"Amazon\" Web Services\n:Company")") != std::string::npos);
  CHECK(text.find(R"(label="ends with a backslash \\\n:X")") != std::string::npos);
  CHECK(text.find(R"(label="42\n:X")") != std::string::npos);
  CHECK(text.find(R"(label="#)") != std::string::npos);  // the node without a name: its id
  CHECK(text.find(R"(label="WEIRD TYPE, \"x\"")") != std::string::npos);

  // When Graphviz is installed, it must draw the file.
  if (std::system("command -v dot > /dev/null 2>&1") == 0) {
    std::string cmd = "dot -Tsvg '" + dir.sub("g.dot") + "' -o '" + dir.sub("g.svg") + "'";
    CHECK(std::system(cmd.c_str()) == 0);
    CHECK(read_file(dir.sub("g.svg")).find("<svg") != std::string::npos);
  } else {
    WARN("Graphviz's dot is not installed: the file is not drawn");
  }
}

TEST_CASE("export: a query's paths export as a subgraph with their end nodes", "[api][export]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  make_tricky_graph(db);
  kg::ExportOptions o;
  o.format = kg::ExportFormat::kJsonl;
  o.out = dir.sub("sub.jsonl");
  o.query = "MATCH p = (:Company)-[:BUYS {units: $units}]->() RETURN p";
  o.params = {{"units", 5}};
  kg::Result<kg::ExportSummary> s = kg::export_graph(db, o);
  REQUIRE(s.ok());
  CHECK(s->nodes == 2);
  CHECK(s->relationships == 1);

  // A relationship alone brings its end nodes.
  o.format = kg::ExportFormat::kCypher;
  o.out = dir.sub("sub.cypher");
  o.query = "MATCH ()-[r:LINKS]->() RETURN r";
  s = kg::export_graph(db, o);
  REQUIRE(s.ok());
  CHECK(s->nodes == 2);
  kg::Database copy(dir.sub("copy"));
  run_script(copy, read_file(dir.sub("sub.cypher")));
  kg::Connection conn(copy);
  kg::QueryResult r = conn.query("MATCH (w)-[:LINKS]->(b) RETURN w.name, b");
  REQUIRE(r.ok());
  REQUIRE(r.size() == 1);
  CHECK(r[0][0].to_string() == "weird");

  // A failing query fails the export, with the query's error.
  o.query = "MATCH (n) RETURN nope";
  s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK((s.error().code() == kg::StatusCode::kSyntaxError ||
         s.error().code() == kg::StatusCode::kSemanticError));
}

TEST_CASE("export: errors name the path and the reason, and leave nothing behind",
          "[api][export]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  make_tricky_graph(db);
  kg::ExportOptions o;
  o.format = kg::ExportFormat::kDot;

  o.out = dir.sub("missing/dir/g.dot");
  auto s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code() == kg::StatusCode::kIOError);
  CHECK_THAT(s.error().message(),
             Catch::Contains("missing/dir/g.dot") && Catch::Contains("does not exist"));

  { std::ofstream(dir.sub("file")) << "x"; }
  o.out = dir.sub("file/g.dot");
  s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.error().message(), Catch::Contains("is not a directory"));

  o.out = dir.path();
  s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.error().message(), Catch::Contains("is a directory"));

  o.format = kg::ExportFormat::kCsv;
  o.out = dir.sub("file");
  s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.error().message(), Catch::Contains("needs a directory"));

  o.out = dir.path();  // holds the graph
  s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.error().message(), Catch::Contains("not empty"));

  o.out = "-";
  s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code() == kg::StatusCode::kInvalidArgument);

  // A value CSV cannot hold fails the export, names the element, and removes the directory.
  kg::Connection conn(db);
  kg::QueryResult mixed = conn.query("CREATE (:Odd {mixed: [1, 'one']})");
  if (mixed.ok()) {
    o.out = dir.sub("csv");
    s = kg::export_graph(db, o);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code() == kg::StatusCode::kNotSupported);
    CHECK_THAT(s.error().message(), Catch::Contains("`mixed`") && Catch::Contains("jsonl"));
    CHECK_FALSE(fs::exists(dir.sub("csv")));
  }

  // A failed file export keeps the file that was there.
  { std::ofstream(dir.sub("keep.cypher")) << "kept"; }
  o.format = kg::ExportFormat::kCypher;
  o.out = dir.sub("keep.cypher");
  o.query = "MATCH (n) RETURN nope";
  s = kg::export_graph(db, o);
  REQUIRE_FALSE(s.ok());
  CHECK(read_file(dir.sub("keep.cypher")) == "kept");
}

TEST_CASE("export: the shell's :export reads its words, formats and parameters", "[api][export]") {
  TempDir dir;
  kg::Database db(dir.sub("g"));
  make_tricky_graph(db);
  std::ostringstream out, err;

  CHECK(kg::shell::run_export(db, "--help", {}, out, err) == 0);
  CHECK_THAT(out.str(), Catch::Contains("usage: :export"));

  CHECK(kg::shell::run_export(db, "--format xml " + dir.sub("g.xml"), {}, out, err) == 2);
  CHECK_THAT(err.str(), Catch::Contains("unknown format 'xml'"));
  err.str("");
  CHECK(kg::shell::run_export(db, dir.sub("g.xml"), {}, out, err) == 2);
  CHECK_THAT(err.str(), Catch::Contains("cannot tell the format"));
  err.str("");
  CHECK(kg::shell::run_export(db, "--query 'MATCH (n) RETURN n", {}, out, err) == 2);
  CHECK_THAT(err.str(), Catch::Contains("unclosed '"));
  err.str("");

  // The format follows the extension; --param adds to the shell's parameters.
  std::string path = dir.sub("deal.dot");
  out.str("");
  CHECK(kg::shell::run_export(db,
                              "--query 'MATCH p = (c:Company {name: $name})-[:BUYS {units: "
                              "$units}]->() RETURN p' --param 'units => 5' " +
                                  path,
                              {{"name", "AWS \"Amazon\" Web Services"}}, out, err) == 0);
  INFO(err.str());
  CHECK(out.str() == "exported 2 nodes and 1 relationship to " + path + "\n");
  std::string dot = read_file(path);
  CHECK_THAT(dot, Catch::Contains("Blackwell") && !Catch::Contains("Rubin"));

  // An export that fails is exit status 1, with the reason.
  { std::ofstream(dir.sub("file")) << "x"; }
  err.str("");
  CHECK(kg::shell::run_export(db, "--format jsonl " + dir.sub("file") + "/g.jsonl", {}, out, err) ==
        1);
  CHECK_THAT(err.str(),
             Catch::StartsWith(":export: IOError") && Catch::Contains("is not a directory"));
}

TEST_CASE("samples: the seed csv files and graph.cypher make the same graph", "[samples]") {
  fs::path seed = source_dir() / "samples" / "seed";
  REQUIRE(fs::exists(seed / "graph.cypher"));
  TempDir dir;

  kg::Database from_script(dir.sub("script"));
  run_script(from_script, read_file(seed / "graph.cypher"));

  kg::Database from_csv(dir.sub("csv"));
  kg::ImportOptions o;
  for (const char* f : {"organizations.csv", "people.csv", "products.csv", "events.csv"})
    o.nodes.push_back({{}, {(seed / "csv" / f).string()}});
  for (const char* f : {"deals.csv", "makers.csv", "people_relations.csv", "announcements.csv"})
    o.relationships.push_back({"", {(seed / "csv" / f).string()}});
  kg::Result<kg::ImportSummary> s = kg::import_files(from_csv, o);
  INFO((s.ok() ? std::string() : s.error().to_string()));
  REQUIRE(s.ok());
  CHECK(s->nodes == 14);
  CHECK(s->relationships == 23);

  CHECK(canonical(from_csv) == canonical(from_script));

  // samples/seed/import.cypher imports the same files (its paths are relative to the root).
  std::string import_script = read_file(seed / "import.cypher");
  import_script =
      std::regex_replace(import_script, std::regex("'samples/seed/"), "'" + (seed.string() + "/"));
  kg::Database from_call(dir.sub("call"));
  run_script(from_call, import_script);
  CHECK(canonical(from_call) == canonical(from_script));
  // And their exports agree, file by file.
  export_to(from_script, kg::ExportFormat::kCypher, dir.sub("script.cypher"));
  export_to(from_csv, kg::ExportFormat::kCypher, dir.sub("csv.cypher"));
  kg::Database again(dir.sub("again"));
  run_script(again, read_file(dir.sub("csv.cypher")));
  CHECK(canonical(again) == canonical(from_script));

  // Every relation says where it comes from.
  kg::Connection conn(from_csv);
  kg::QueryResult unsourced = conn.query("MATCH ()-[r]->() WHERE r.source IS NULL RETURN r");
  REQUIRE(unsourced.ok());
  CHECK(unsourced.empty());
  kg::QueryResult deliveries = conn.query(
      "MATCH (:Company {name: 'Nvidia'})-[s:SUPPLIES]->(:Company {name: 'AWS'}) "
      "RETURN s.valid_from, s.valid_to, s.units");
  REQUIRE(deliveries.ok());
  REQUIRE(deliveries.size() == 1);
  CHECK(deliveries[0][0].to_string() == "2025");
  CHECK(deliveries[0][1].to_string() == "2027");
  CHECK(deliveries[0][2].to_string() == "1000000");
}
