// After an import, a small column family is one table file (Store::merge_small_column_families):
// every file costs each later open its own open and parse. A constraint created before the import
// leaves catalog entries in the memtable, which the ingest flushes into a file of their own.
#include <rocksdb/db.h>
#include <rocksdb/metadata.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <string>

#include "engine/graph.hpp"
#include "engine/storage/store.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import.hpp"
#include "tests/support/temp_dir.hpp"

using kg::Connection;
using kg::Database;
using kg::ImportOptions;
using kg::engine::Cf;

namespace {

// The number of table files column family `cf` of `db`'s graph is in.
size_t table_files(const Database& db, Cf cf) {
  const kg::engine::Store& store = db.graph()->store();
  rocksdb::ColumnFamilyMetaData meta;
  store.db()->GetColumnFamilyMetaData(store.cf(cf), &meta);
  size_t files = 0;
  for (const auto& level : meta.levels) files += level.files.size();
  return files;
}

// Imports `people` people with unique names, each knowing the next, and one :Person:Pilot, into
// `db`'s graph. The new label's catalog entries span the constraint's.
void import_people(Database& db, const kg::testing::TempDir& dir, int people) {
  std::ofstream nodes(dir.sub("people.csv")), pilots(dir.sub("pilots.csv")),
      rels(dir.sub("knows.csv"));
  nodes << ":ID,name\n";
  pilots << ":ID,name\n" << people << ",pilot\n";
  rels << ":START_ID,:END_ID\n";
  for (int i = 0; i < people; ++i) {
    nodes << i << ",person " << i << "\n";
    rels << i << "," << (i + 1) % people << "\n";
  }
  nodes.close();
  pilots.close();
  rels.close();
  ImportOptions o;
  o.nodes.push_back({{"Person"}, {dir.sub("people.csv")}});
  o.nodes.push_back({{"Person", "Pilot"}, {dir.sub("pilots.csv")}});
  o.relationships.push_back({"KNOWS", {dir.sub("knows.csv")}});
  auto r = kg::import_files(db, o);
  INFO(r.status().to_string());
  REQUIRE(r.ok());
}

}  // namespace

TEST_CASE("import: leaves the catalog in one table file, answering the same",
          "[loader][import][store]") {
  kg::testing::TempDir dir;
  {
    Database db(dir.sub("g"));
    REQUIRE(db.ok());
    Connection conn(db);
    // The constraint's catalog entries (label, key, index) overlap the import's catalog file.
    REQUIRE(conn.query("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE").ok());
    SECTION("in the memtable: the ingest flushes them to a file of their own") {
      import_people(db, dir, 1000);
      CHECK(table_files(db, Cf::kCatalog) == 1);
      // meta's header, also in the memtable, overlaps the import's meta file too.
      CHECK(table_files(db, Cf::kMeta) == 1);
    }
    SECTION("flushed to a file before the import") {
      REQUIRE(db.graph()->store().flush().ok());
      REQUIRE(table_files(db, Cf::kCatalog) == 1);
      import_people(db, dir, 1000);
      CHECK(table_files(db, Cf::kCatalog) == 1);
    }
  }
  // Reopened read-only: the catalog in its one file still names the constraint's index, and the
  // counts and lookups see the whole import.
  Database db(dir.sub("g"));
  REQUIRE(db.ok());
  Connection conn(db);
  auto count = conn.query("MATCH (p:Person) RETURN count(p) AS n");
  REQUIRE(count.ok());
  CHECK(count[0][0].as_int() == 1001);
  auto found = conn.query("MATCH (p:Person {name: 'person 417'})-[:KNOWS]->(q) RETURN q.name");
  REQUIRE(found.ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0][0].as_string() == "person 418");
  auto dup = conn.query("CREATE (:Person {name: 'person 5'})");
  CHECK_FALSE(dup.ok());  // the unique constraint came through the merge
}
