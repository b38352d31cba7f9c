// kg::Database: an open graph, the entry point of the embedding API (DESIGN.md §5).
//
//   kg::Database db("mygraph.db");
//   if (!db.ok()) { std::cerr << db.status().to_string(); return 1; }
//   auto txn = db.begin_write();
//   auto aws = txn->create_node({"Company"}, {{"name", "AWS"}});
//   ...
//   if (auto s = txn->commit(); !s.ok()) ...
//
// The constructor never throws; status() says whether the open succeeded. One process opens a
// graph at a time (a second open fails with kBusy "graph is locked by process N"). An existing
// graph is opened for reading, which writes nothing to its directory; the first write
// transaction or import opens it for writing (about 30 ms once; its I/O errors are that
// begin_write()'s or commit()'s).
// Thread-safety: a Database may be shared by threads; each Transaction belongs to one thread.
// Many read transactions and one write transaction may be open at once.
#pragma once

#include <memory>
#include <string>

#include "kg/options.hpp"
#include "kg/status.hpp"
#include "kg/transaction.hpp"

namespace kg {

namespace engine {
class Graph;
struct StorageOptions;
}  // namespace engine

class Database {
 public:
  // Opens, or creates when missing and options.create_if_missing, the graph in directory `path`.
  explicit Database(const std::string& path, const Options& options = {});
  // As above, with engine-level settings (engine/storage/store.hpp: the RocksDB Env of all file
  // I/O). For kg's own tests (tests/faults); engine headers are not installed, so applications
  // cannot name `storage`.
  Database(const std::string& path, const Options& options, const engine::StorageOptions& storage);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  bool ok() const { return status_.ok(); }
  // Why the open failed: kInvalidArgument (not a kg graph, other format version), kBusy (locked
  // by another process), kNotFound, kIOError, kCorruption.
  const Status& status() const { return status_; }
  const std::string& path() const { return path_; }
  // The graph's UUID (32 hex digits), fixed when it was created. Empty when the open failed.
  std::string uuid() const;

  // A transaction that reads a snapshot of the latest commit.
  Result<Transaction> begin_read();
  // The write transaction; waits up to Options::busy_timeout_ms for another one to end (kBusy).
  // The first one opens the graph for writing: kIOError or kCorruption when that fails.
  Result<Transaction> begin_write();

  // The engine behind this database, for kg's own layers (Connection). Null when !ok().
  engine::Graph* graph() const { return graph_.get(); }

 private:
  std::string path_;
  Status status_;
  std::unique_ptr<engine::Graph> graph_;
};

}  // namespace kg
