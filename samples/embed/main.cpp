// kg_embed: an application that embeds kg through its C++ API (kg/kg.hpp).
//
//   kg_embed GRAPH_DIR CSV_DIR
//
// Opens (or creates) the graph in GRAPH_DIR; when it is empty, imports the sample graph from the
// CSV files in CSV_DIR (samples/seed/csv); then asks it questions with parameters, once with
// conn.query(...) and many times with a prepared statement.
#include <iostream>
#include <string>

#include "kg/import.hpp"
#include "kg/kg.hpp"

namespace {

// Imports the seed graph's CSV files: nodes first, then relationships, in one atomic step.
kg::Status import_sample(kg::Database& db, const std::string& dir) {
  kg::ImportOptions options;
  for (const char* file : {"organizations.csv", "people.csv", "products.csv", "events.csv"})
    options.nodes.push_back({{}, {dir + "/" + file}});  // labels come from the :LABEL column
  for (const char* file : {"deals.csv", "makers.csv", "people_relations.csv", "announcements.csv"})
    options.relationships.push_back({"", {dir + "/" + file}});  // types from the :TYPE column
  kg::Result<kg::ImportSummary> summary = kg::import_files(db, options);
  if (!summary.ok()) return summary.error();
  std::cout << "imported " << summary->nodes << " nodes and " << summary->relationships
            << " relationships\n";
  return kg::Status();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: kg_embed GRAPH_DIR CSV_DIR\n";
    return 2;
  }
  std::cout << "kg " << kg::version() << "\n";

  kg::Database db(argv[1]);  // never throws: the outcome is in db.status()
  if (!db.ok()) {
    std::cerr << "cannot open " << argv[1] << ": " << db.status().to_string() << "\n";
    return 1;
  }
  kg::Connection conn(db);

  kg::QueryResult count = conn.query("MATCH (n) RETURN count(n) AS n");
  if (!count.ok()) {
    std::cerr << count.status().to_string() << "\n";
    return 1;
  }
  if (count[0][0].as_int() == 0) {
    if (kg::Status s = import_sample(db, argv[2]); !s.ok()) {
      std::cerr << "import failed: " << s.to_string() << "\n";
      return 1;
    }
  }

  // A query with parameters: $company is a value, never spliced into the text.
  kg::QueryResult buys = conn.query(
      "MATCH (:Company {name: $company})-[b:BUYS]->(p:Product) "
      "RETURN p.name AS product, b.units AS units, b.valid_from AS from, b.valid_to AS to "
      "ORDER BY product",
      {{"company", "AWS"}});
  if (!buys.ok()) {
    std::cerr << buys.status().to_string() << "\n";
    return 1;
  }
  std::cout << "What does AWS buy?\n";
  for (const kg::Row& row : buys) {
    std::cout << "  " << row[0].as_string();
    if (row[1].is_int()) std::cout << ", " << row[1].as_int() << " units";
    if (row[2].is_int()) std::cout << ", " << row[2].as_int() << "-" << row[3].as_int();
    std::cout << "\n";
  }

  // A prepared statement: parsed and planned once, run for each company.
  kg::PreparedStatement makes = conn.prepare(
      "MATCH (:Company {name: $company})-[:MAKES]->(p) RETURN p.name AS product ORDER BY product");
  if (!makes.ok()) {
    std::cerr << makes.status().to_string() << "\n";
    return 1;
  }
  for (const char* company : {"Nvidia", "Amazon", "Groq"}) {
    kg::QueryResult r = makes.execute({{"company", company}});
    if (!r.ok()) {
      std::cerr << r.status().to_string() << "\n";
      return 1;
    }
    std::cout << "What does " << company << " make?";
    for (const kg::Row& row : r) std::cout << " " << row[0].to_string() << ";";
    std::cout << (r.empty() ? " nothing\n" : "\n");
  }

  // Errors are values, with the kind and the position of the culprit.
  kg::QueryResult bad = conn.query("MATCH (c:Company) RETURN nme");
  std::cout << "A typo: " << bad.status().to_string() << "\n";
  return 0;
}
