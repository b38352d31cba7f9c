#include "tests/crash/crash_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "kg/kg.hpp"

namespace kg::crash {

namespace {

int fail(int code, const std::string& what, const Status& s) {
  std::cerr << "crash writer: " << what << ": " << s.to_string() << "\n";
  return code;
}

// One statement per kind of change; each starts by creating the transaction's marker.
// $t is the transaction number, $k and $k2 small random keys (so statements hit earlier nodes).
constexpr const char* kStatements[] = {
    // create nodes and a relationship
    "CREATE (:Txn {n: $t}) CREATE (:T {k: $k, born: $t})-[:R {w: $t}]->(:T {k: $k2, born: $t})",
    // set properties and a label
    "CREATE (:Txn {n: $t}) WITH 1 AS one MATCH (a:T {k: $k}) SET a.v = $t, a:Hot",
    // merge under a unique constraint
    "CREATE (:Txn {n: $t}) MERGE (u:U {u: $k}) ON CREATE SET u.c = 1 ON MATCH SET u.c = u.c + 1",
    // relate existing nodes
    "CREATE (:Txn {n: $t}) WITH 1 AS one MATCH (a:T {k: $k}), (b:T {k: $k2}) "
    "WITH a, b LIMIT 3 CREATE (a)-[:R {w: $t}]->(b)",
    // remove a label and a property
    "CREATE (:Txn {n: $t}) WITH 1 AS one MATCH (a:Hot {k: $k}) REMOVE a:Hot, a.v",
    // delete relationships
    "CREATE (:Txn {n: $t}) WITH 1 AS one MATCH (:T {k: $k})-[r:R]->() DELETE r",
    // detach delete nodes
    "CREATE (:Txn {n: $t}) WITH 1 AS one MATCH (a:T {k: $k}) DETACH DELETE a",
    // replace all properties
    "CREATE (:Txn {n: $t}) WITH 1 AS one MATCH (a:T {k: $k}) SET a = {k: $k, replaced: $t}",
};
constexpr size_t kNumStatements = sizeof(kStatements) / sizeof(kStatements[0]);

Status write_import_file(const std::string& path, int64_t t, int64_t k) {
  std::ofstream out(path, std::ios::trunc);
  std::string n = std::to_string(t);
  out << R"({"type":"node","id":1,"labels":["Txn"],"properties":{"n":)" << n << "}}\n"
      << R"({"type":"node","id":2,"labels":["T","Imported"],"properties":{"k":)" << k
      << R"(,"born":)" << n << "}}\n"
      << R"({"type":"node","id":3,"labels":["T"],"properties":{"k":)" << k + 1 << "}}\n"
      << R"({"type":"relationship","label":"R","start":2,"end":3,"properties":{"w":)" << n
      << "}}\n";
  out.close();
  if (!out) return Status(StatusCode::kIOError, "cannot write " + path);
  return Status();
}

}  // namespace

int run_writer(const std::string& db_dir, const std::string& log_path, int64_t first,
               uint64_t seed) {
  int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log < 0) return fail(3, "open " + log_path, Status(StatusCode::kIOError, "open failed"));
  Database db(db_dir);
  if (!db.ok()) return fail(4, "open the graph", db.status());
  Connection conn(db);
  std::mt19937_64 rng(seed);
  std::string import_file = db_dir + ".import.jsonl";
  // A planted fault, to show that the parent notices a lost commit: log before committing.
  const bool log_early = std::getenv("KG_CRASH_LOG_EARLY") != nullptr;
  auto report = [&](int64_t t) {
    std::string line = std::to_string(t) + "\n";
    return ::write(log, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
           ::fdatasync(log) == 0;
  };
  for (int64_t t = first;; ++t) {
    if (log_early && !report(t))
      return fail(8, "write " + log_path, Status(StatusCode::kIOError, "write failed"));
    int64_t k = std::uniform_int_distribution<int64_t>(0, 40)(rng);
    int64_t k2 = std::uniform_int_distribution<int64_t>(0, 40)(rng);
    size_t kind = std::uniform_int_distribution<size_t>(0, kNumStatements)(rng);
    if (kind == kNumStatements) {
      if (Status s = write_import_file(import_file, t, k); !s.ok())
        return fail(5, "import file", s);
      ImportOptions o;
      o.jsonl = {import_file};
      o.temp_dir = std::filesystem::path(db_dir).parent_path().string();
      Result<ImportSummary> r = import_files(db, o);
      if (!r) return fail(6, "import of transaction " + std::to_string(t), r.error());
    } else {
      QueryResult r =
          conn.query(kStatements[kind], {{"t", Value(t)}, {"k", Value(k)}, {"k2", Value(k2)}});
      if (!r.ok()) return fail(7, "transaction " + std::to_string(t), r.status());
    }
    if (!log_early && !report(t))
      return fail(8, "write " + log_path, Status(StatusCode::kIOError, "write failed"));
  }
}

}  // namespace kg::crash
