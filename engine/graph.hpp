// Graph: one open graph (DESIGN.md §2–3): its Store, its Catalog, and the rules of transactions —
// many concurrent read transactions and one write transaction at a time. This, with Transaction,
// is the narrow facade the query layer and the API call.
//
// Thread-safety: all methods are thread-safe. Each Transaction is used by one thread at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "engine/catalog/catalog.hpp"
#include "engine/storage/store.hpp"
#include "kg/options.hpp"
#include "kg/status.hpp"

namespace kg::engine {

class BulkWrite;
class ReadViewPool;
class Transaction;
namespace analytics {
class ProjectionCache;
}

class Graph {
 public:
  // Opens or creates the graph in directory `path` (see Store::open for the errors).
  static Result<std::unique_ptr<Graph>> open(const std::string& path, const Options& options,
                                             const StorageOptions& storage = {});
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  // A read transaction on a snapshot of the latest commit.
  Result<std::unique_ptr<Transaction>> begin_read();
  // The write transaction. Waits up to Options::busy_timeout_ms while another write transaction
  // of this process is open, then fails with kBusy.
  Result<std::unique_ptr<Transaction>> begin_write();
  // A bulk import's hold on the graph (engine/loader): the writer lock, like begin_write, until the
  // BulkWrite ends. Errors as begin_write.
  Result<std::unique_ptr<BulkWrite>> begin_bulk();

  const Catalog& catalog() const { return *catalog_; }
  Store& store() { return *store_; }
  const Store& store() const { return *store_; }
  // Incremented by every successful commit that wrote something; caches compare it.
  uint64_t commit_sequence() const { return commit_sequence_.load(std::memory_order_acquire); }
  // The analytics projections kept for this graph (engine/analytics/projection_cache.hpp).
  analytics::ProjectionCache& projections() { return *projections_; }

 private:
  friend class BulkWrite;
  friend class Transaction;
  explicit Graph(std::unique_ptr<Store> store);
  Status load_state();
  // Takes writer_mu_, waiting up to Options::busy_timeout_ms (else kBusy), and makes the store
  // writable (Store::make_writable and its errors).
  Result<std::unique_lock<std::timed_mutex>> lock_writer();

  std::unique_ptr<Store> store_;
  // Snapshots and iterators that read transactions pass on while the graph is unchanged
  // (engine/txn/read_view.hpp). Declared after store_: its views close before the database.
  std::unique_ptr<ReadViewPool> read_views_;
  std::unique_ptr<Catalog> catalog_;
  std::timed_mutex writer_mu_;
  // Next ids to allocate. Guarded by writer_mu_ (only the write transaction reads or changes them).
  uint64_t next_node_id_ = 0;
  uint64_t next_rel_id_ = 0;
  std::atomic<uint64_t> commit_sequence_{0};
  std::unique_ptr<analytics::ProjectionCache> projections_;
};

}  // namespace kg::engine
