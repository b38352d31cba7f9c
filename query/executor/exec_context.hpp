// ExecContext: everything one execution of a statement uses — its transaction, its parameters,
// caches of the node and relationship records it read, the counters of what it changed, and the
// interrupt flag.
//
// Inside the executor, nodes and relationships travel as references: a kg::Node holding only its
// id, a kg::Relationship holding its id, start and end. Properties and labels are read through
// this context (cached; writes invalidate), and materialize() turns references into full values
// for results and for functions.
// Thread-safety: not thread-safe; one execution on one thread.
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <unordered_map>

#include "engine/txn/transaction.hpp"
#include "engine/txn/version_cache.hpp"
#include "kg/query_result.hpp"
#include "query/executor/id_hash_map.hpp"
#include "query/executor/progress.hpp"
#include "query/functions/function_registry.hpp"

namespace kg::query {

using Row = std::vector<Value>;

class ExecContext : public FunctionContext {
 public:
  // REQUIRES: txn and params outlive the context, and no method is called once txn has ended.
  // `interrupt` may be null.
  ExecContext(engine::Transaction& txn, const Map& params, const std::atomic<bool>* interrupt);

  engine::Transaction& txn() { return txn_; }
  const Map& params() const { return params_; }
  QueryCounters& counters() { return counters_; }
  bool profiling() const { return profiling_; }
  void set_profiling(bool on) { profiling_ = on; }

  // kInterrupted when the statement was asked to stop.
  Status check_interrupt() const;
  // The flag check_interrupt() reads (may be null), for work that checks it itself.
  const std::atomic<bool>* interrupt_flag() const { return interrupt_; }
  // Where long-running work reports progress; null or empty: nowhere.
  // REQUIRES: `progress` outlives the context.
  void set_progress(const ProgressFn* progress) { progress_ = progress; }
  ProgressFn progress() const { return progress_ != nullptr ? *progress_ : ProgressFn(); }

  // The record of a node or relationship as this statement sees it; nullptr when it does not
  // exist (never did, or was deleted).
  Result<const engine::NodeRecord*> node_record(NodeId id);
  // Property `key` of node `id` (null when it has none); nullopt when the node does not exist.
  // Reads only that property of a record found in the transaction's record cache, without
  // decoding the record.
  Result<std::optional<Value>> node_property(NodeId id, engine::PropKeyId key);
  // The labels of node `id`, in id order; nullopt when the node does not exist. Read as
  // node_property() reads a property. The span is valid until the next call.
  Result<std::optional<std::span<const engine::LabelId>>> node_label_ids(NodeId id);
  Result<const engine::RelRecord*> rel_record(RelId id);
  // Reads the records of those of `ids` that node_record() has not read yet, in one batched
  // lookup, for an operator about to read properties of many nodes. Changes `ids`.
  Status prefetch_nodes(std::vector<NodeId>& ids);
  // Call after writing a node or relationship, so the next read sees the write.
  void invalidate(NodeId id);
  void invalidate(RelId id) { rels_.erase(id); }
  // Remembers a relationship deleted by this statement, so that type(r), startNode(r) and
  // endNode(r) still answer after DELETE r (its properties are gone).
  void remember_deleted(RelId id, const engine::RelRecord& record);

  static Value node_ref(NodeId id);
  static Value rel_ref(RelId id, NodeId start, NodeId end);

  // A deep copy of `v` with every node, relationship and path reference filled in (labels, type,
  // properties). A deleted entity keeps only its ids.
  Result<Value> materialize(const Value& v);
  // Whether `v` is or holds (in lists and maps) a node, relationship or path, i.e. whether
  // materialize(v) would differ from a copy of `v`.
  static bool has_references(const Value& v);

  // Interned ids of names, nullopt for names the graph has never seen.
  std::optional<engine::PropKeyId> prop_key(const std::string& name);
  std::optional<engine::LabelId> label(const std::string& name);
  std::optional<engine::TypeId> type(const std::string& name);

  // FunctionContext
  Result<Value> node(NodeId id) override;
  Result<List> node_labels(NodeId id) override;
  double random() override;

 private:
  // A node as this statement read it: decoded, or (`lazy`) still the stored record in the
  // transaction's record cache, decoded at the first need of more than one property.
  struct NodeEntry {
    std::optional<engine::NodeRecord> record;  // empty when the node does not exist, or lazy
    std::string_view stored;                   // when lazy
    bool lazy = false;
  };
  // The entry read for `id`, or nullptr when it was not read or was invalidated since.
  NodeEntry* cached_node(NodeId id);
  // The entry of `id`, from the record cache (lazy) when it holds the node. nullptr when neither
  // this statement nor the record cache has it.
  NodeEntry* find_node(NodeId id);
  // Caches an entry as id's (replacing an invalidated one) and returns it.
  NodeEntry& remember_node(NodeId id, NodeEntry entry);

  engine::Transaction& txn_;
  const Map& params_;
  const std::atomic<bool>* interrupt_;
  const ProgressFn* progress_ = nullptr;
  QueryCounters counters_;
  bool profiling_ = false;
  // The node records read, by id. node_records_ keeps them at stable addresses, without a heap
  // node each (a statement that reads thousands of nodes spent a tenth of its time allocating,
  // finding and, at its end, freeing std::unordered_map's nodes, each a cache miss); node_slots_
  // maps an id to 1 + its index there, or to 0 once invalidated.
  std::deque<NodeEntry> node_records_;
  IdHashMap<uint32_t> node_slots_;
  // The transaction's record cache (null for a write transaction). The lazy entries' records are
  // valid while the transaction is open: nothing reads them after it ends (a statement's results
  // are materialized before its commit).
  const engine::VersionCache* record_cache_;
  std::vector<engine::LabelId> labels_;  // node_label_ids()' of a lazy entry
  std::unordered_map<RelId, std::optional<engine::RelRecord>> rels_;
  std::unordered_map<RelId, engine::RelRecord> deleted_rels_;
  std::unordered_map<std::string, engine::PropKeyId> prop_keys_;
  std::optional<std::mt19937_64> rng_;  // seeded on first use: random_device costs ~10 us
};

// "Node 7 was deleted in this transaction" (EntityNotFound, DeletedEntityAccess).
Status deleted_entity(std::string_view what, uint64_t id);

}  // namespace kg::query
