#include "tests/fuzz/small_graph.hpp"

#include <memory>

#include "kg/connection.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace kg::fuzz {

namespace {

constexpr const char* kStatements[] = {
    "CREATE INDEX FOR (c:Company) ON (c.name)",
    "CREATE CONSTRAINT FOR (p:Product) REQUIRE p.sku IS UNIQUE",
    "CREATE (:Company {name: 'AWS', founded: 2006, public: true, revenue: 90.8,"
    " tags: ['cloud', 'retail']}),"
    " (:Company {name: 'Nvidia', founded: 1993, public: true, ratios: [0.5, 1.5]}),"
    " (:Company {name: 'Groq', founded: 2016, public: false}),"
    " (:Company:Foundry {name: 'TSMC', founded: 1987}),"
    " (:Product {name: 'Blackwell', sku: 'B200', units: [1, 2, 3]}),"
    " (:Product {name: 'H100', sku: 'H100'}),"
    " (:Product {name: 'Trainium', sku: 'TRN1', note: 'caf\u00e9 \U0001F680'}),"
    " (:Person {name: 'Ada', email: 'ada@example.com'})",
    "MATCH (aws:Company {name: 'AWS'}), (nv:Company {name: 'Nvidia'}),"
    " (groq:Company {name: 'Groq'}), (tsmc:Company {name: 'TSMC'}),"
    " (b:Product {name: 'Blackwell'}), (h:Product {name: 'H100'}), (t:Product {name: 'Trainium'}),"
    " (ada:Person)"
    " CREATE (aws)-[:BUYS {units: 1000000, w: 2.5}]->(b), (aws)-[:MAKES]->(t),"
    " (nv)-[:MAKES]->(b), (nv)-[:MAKES]->(h), (nv)-[:LICENSES {source: 'press'}]->(groq),"
    " (tsmc)-[:SUPPLIES {since: 2016, w: 1.0}]->(nv), (groq)-[:CITES {confidence: 0.5}]->(groq),"
    " (ada)-[:WORKS_AT {since: 2020}]->(aws), (ada)-[:KNOWS]->(ada)",
};

// Opens and fills the graph.
std::unique_ptr<Database> build(const std::string& dir) {
  Options options;
  options.sync_writes = false;
  options.block_cache_bytes = 8 << 20;
  auto db = std::make_unique<Database>(dir + "/small_graph", options);
  if (!db->ok()) fail("small_graph", "cannot open: " + db->status().to_string());
  Connection conn(*db);
  for (const char* statement : kStatements) {
    auto r = conn.query(statement);
    if (!r.ok()) fail("small_graph", std::string(statement) + ": " + r.status().to_string());
  }
  return db;
}

}  // namespace

Database& small_graph() {
  // Statics are destroyed in the reverse order of their construction: the scratch directory is
  // made first, so it is removed last; the graph is opened in its initializer, so it is closed
  // before RocksDB's own statics (made by the first open) are destroyed at exit.
  const std::string& dir = scratch_dir();
  static std::unique_ptr<Database> db = build(dir);  // process lifetime: see fuzz_targets.hpp
  return *db;
}

}  // namespace kg::fuzz
