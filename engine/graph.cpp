#include "engine/graph.hpp"

#include <chrono>
#include <thread>

#include "engine/analytics/projection_cache.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/txn/bulk_write.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/txn/read_view.hpp"
#include "engine/txn/transaction.hpp"

namespace kg::engine {

Graph::Graph(std::unique_ptr<Store> store)
    : store_(std::move(store)),
      read_views_(std::make_unique<ReadViewPool>(store_->options().record_cache_bytes)),
      projections_(std::make_unique<analytics::ProjectionCache>()) {}
Graph::~Graph() = default;

Result<std::unique_ptr<Graph>> Graph::open(const std::string& path, const Options& options,
                                           const StorageOptions& storage) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::open(path, options, storage));
  std::unique_ptr<Graph> graph(new Graph(std::move(store)));
  KG_TRY(graph->load_state());
  return graph;
}

namespace {

Result<uint64_t> read_counter(const KvTransaction& kv, std::string_view key) {
  KG_ASSIGN_OR_RETURN(auto bytes, kv.get(Cf::kMeta, key));
  if (!bytes) return uint64_t{0};
  if (bytes->size() != 8)
    return Status::corruption("malformed meta record '" + std::string(key) + "'");
  return coding::get_u64be(bytes->data());
}

}  // namespace

Status Graph::load_state() {
  KvTransaction kv(*store_, KvTransaction::Mode::kRead);
  KG_ASSIGN_OR_RETURN(catalog_, Catalog::load(kv));
  KG_ASSIGN_OR_RETURN(next_node_id_, read_counter(kv, keys::kMetaNextNodeId));
  KG_ASSIGN_OR_RETURN(next_rel_id_, read_counter(kv, keys::kMetaNextRelId));
  return Status();
}

Result<std::unique_ptr<Transaction>> Graph::begin_read() {
  return std::unique_ptr<Transaction>(new Transaction(*this, std::unique_lock<std::timed_mutex>()));
}

namespace {

// Takes `lock` within `timeout`. std::timed_mutex::try_lock_for waits in pthread_mutex_clocklock,
// which ThreadSanitizer does not intercept (google/sanitizers#1620, llvm-project#62623): a lock
// taken there is invisible to it, so it reports the unlock as "unlock of an unlocked mutex" and
// misses what the lock protects. So the uncontended case, the common one, takes try_lock, which
// it sees; and a ThreadSanitizer build also waits by polling try_lock.
bool lock_within(std::unique_lock<std::timed_mutex>& lock, std::chrono::milliseconds timeout) {
  if (lock.try_lock()) return true;
#if defined(__SANITIZE_THREAD__)
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    if (lock.try_lock()) return true;
  }
  return false;
#else
  return lock.try_lock_for(timeout);
#endif
}

}  // namespace

Result<std::unique_lock<std::timed_mutex>> Graph::lock_writer() {
  std::unique_lock<std::timed_mutex> lock(writer_mu_, std::defer_lock);
  if (!lock_within(lock, std::chrono::milliseconds(store_->options().busy_timeout_ms)))
    return Status::busy("another write transaction is open on this graph (waited " +
                        std::to_string(store_->options().busy_timeout_ms) + " ms)");
  KG_TRY(store_->make_writable());  // an existing graph opens read-only
  return lock;
}

Result<std::unique_ptr<Transaction>> Graph::begin_write() {
  KG_ASSIGN_OR_RETURN(auto lock, lock_writer());
  return std::unique_ptr<Transaction>(new Transaction(*this, std::move(lock)));
}

Result<std::unique_ptr<BulkWrite>> Graph::begin_bulk() {
  KG_ASSIGN_OR_RETURN(auto lock, lock_writer());
  return std::unique_ptr<BulkWrite>(new BulkWrite(*this, std::move(lock)));
}

}  // namespace kg::engine
