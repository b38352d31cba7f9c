// Transaction: graph-level reads and writes inside one transaction (DESIGN.md §3). Keeps every
// access path consistent on each write: node and relationship records, label entries, adjacency
// entries, property indexes (with unique constraints), statistics and the catalog.
//
// Reads see the snapshot taken at begin plus, in a write transaction, the transaction's own
// writes. Writes become visible to others, all at once, when commit() succeeds. A transaction
// destroyed without commit() rolls back. A write that fails before changing anything (a missing
// node, a unique-constraint violation, a value that cannot be stored) leaves the transaction
// usable; one that fails part way (a storage error) makes commit() fail and roll back.
//
// Errors: kEntityNotFound (a node or relationship that does not exist),
// kConstraintVerificationFailed (a unique constraint, or deleting a node that still has
// relationships), kInvalidArgument (a value that cannot be stored, an index that exists or does
// not), and storage errors. Thread-safety: not thread-safe; one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/storage/adjacency_index.hpp"
#include "engine/storage/degree_cursor.hpp"
#include "engine/storage/node_store.hpp"
#include "engine/storage/property_index.hpp"
#include "engine/storage/rel_store.hpp"
#include "engine/txn/kv_transaction.hpp"
#include "engine/types.hpp"

namespace kg::engine {

class Graph;

// How delete_node treats a node that still has relationships.
enum class DeleteMode {
  kRefuseIfConnected,  // fail now with kConstraintVerificationFailed
  kDetach,             // delete its relationships too (DETACH DELETE)
  kCheckAtCommit,      // delete the node now; commit() fails unless its relationships are deleted
                       // by then (Cypher's DELETE n, r in any order)
};

class Transaction {
 public:
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool is_write() const { return kv_.is_write(); }
  bool is_open() const { return kv_.is_open(); }
  Graph& graph() const { return graph_; }

  // Names what this transaction reads, for caches of derived data (analytics projections): two
  // transactions with the same version see the same graph. nullopt once this transaction has
  // written, since its view is then its own. (Graph::commit_sequence() is not used here: it is
  // bumped just after RocksDB's write, so a snapshot taken in between would get a stale number.)
  std::optional<uint64_t> snapshot_version() const {
    if (pending_writes() > 0) return std::nullopt;
    return kv_.snapshot_sequence();
  }

  // --- names ------------------------------------------------------------------------------------
  // Lookups see the names committed in this transaction's snapshot (and possibly later ones,
  // which no data in the snapshot carries) and this transaction's new ones.
  std::optional<uint32_t> find_name(NameKind kind, std::string_view name) const;
  std::optional<LabelId> find_label(std::string_view name) const;
  std::optional<TypeId> find_type(std::string_view name) const;
  std::optional<PropKeyId> find_prop_key(std::string_view name) const;
  // The name of an id ("" for an id no name has).
  std::string name_of(NameKind kind, uint32_t id) const;
  std::string label_name(LabelId id) const { return name_of(NameKind::kLabel, to_underlying(id)); }
  std::string type_name(TypeId id) const { return name_of(NameKind::kType, to_underlying(id)); }
  std::string prop_key_name(PropKeyId id) const {
    return name_of(NameKind::kPropKey, to_underlying(id));
  }
  // Every name of `kind` (committed in this snapshot or later, and this transaction's), by id.
  std::vector<std::pair<uint32_t, std::string>> names(NameKind kind) const;
  // The id of `name`, creating it when new. REQUIRES: is_write().
  Result<uint32_t> intern(NameKind kind, std::string_view name);
  Result<LabelId> intern_label(std::string_view name);
  Result<TypeId> intern_type(std::string_view name);
  Result<PropKeyId> intern_prop_key(std::string_view name);

  // --- nodes ------------------------------------------------------------------------------------
  // Creates a node. Null property values are dropped. REQUIRES: is_write().
  Result<NodeId> create_node(std::span<const LabelId> labels, PropertyMap properties);
  Result<std::optional<NodeRecord>> get_node(NodeId node) const;
  // get_node() of each of `nodes`, in one batched lookup. REQUIRES: `nodes` ascending.
  Result<std::vector<std::optional<NodeRecord>>> get_nodes(std::span<const NodeId> nodes) const;
  // Reads every property-index lookup, then node record, then adjacency list of this
  // transaction's snapshot into the record cache of its version of the graph
  // (Options::record_cache_bytes), until the cache is full. Does nothing in a write transaction,
  // which has no record cache.
  Status fill_record_cache() const {
    KG_TRY(property_index::fill_cache(kv_));
    KG_TRY(node_store::fill_cache(kv_));
    return adjacency_index::fill_cache(kv_);
  }
  // That cache, or null (a write transaction, Options::record_cache_bytes 0). Its records stay
  // valid while the transaction is open.
  const VersionCache* record_cache() const { return kv_.cache(); }
  // Sets one property; a null value removes it.
  Status set_node_property(NodeId node, PropKeyId key, Value value);
  // Replaces all properties (SET n = {...}); null values are dropped.
  Status replace_node_properties(NodeId node, PropertyMap properties);
  Status add_label(NodeId node, LabelId label);
  Status remove_label(NodeId node, LabelId label);
  // Deletes a node; a node that does not exist is not an error (it may have been deleted earlier
  // in this transaction).
  Status delete_node(NodeId node, DeleteMode mode);

  // --- relationships ----------------------------------------------------------------------------
  // Creates src -[type]-> dst. kEntityNotFound unless both nodes exist.
  Result<RelId> create_relationship(NodeId src, TypeId type, NodeId dst, PropertyMap properties);
  Result<std::optional<RelRecord>> get_relationship(RelId rel) const;
  Status set_relationship_property(RelId rel, PropKeyId key, Value value);
  Status replace_relationship_properties(RelId rel, PropertyMap properties);
  // Deletes a relationship; one that does not exist is not an error.
  Status delete_relationship(RelId rel);

  // --- values for results: records with their names resolved ----------------------------------
  Result<std::optional<Node>> node_value(NodeId node) const;
  Result<std::optional<Relationship>> relationship_value(RelId rel) const;
  Node node_value(NodeId node, const NodeRecord& record) const;
  Relationship relationship_value(RelId rel, const RelRecord& record) const;
  Map properties_value(const PropertyMap& properties) const;

  // --- scans: cursors live no longer than the transaction, and see writes made before they were
  // opened (a write during iteration invalidates their position; see KvCursor) ---
  node_store::NodeCursor scan_nodes() const;
  node_store::NodeCursor scan_label(LabelId label) const;
  rel_store::RelCursor scan_relationships() const;
  adjacency_index::AdjacencyCursor expand(NodeId node, Direction dir,
                                          std::optional<TypeId> type = std::nullopt) const;
  // Every node's number of relationships in `dir` (kOutgoing or kIncoming), of `types` when given,
  // in node-id order, nodes without any left out: one pass over the adjacency index.
  adjacency_index::DegreeCursor degrees(
      Direction dir, std::optional<std::vector<TypeId>> types = std::nullopt) const;

  // --- property indexes -------------------------------------------------------------------------
  std::vector<IndexDef> indexes() const { return indexes_; }
  std::optional<IndexDef> find_index(LabelId label, PropKeyId key) const;
  // Creates an index and fills it from the label's nodes. With `unique`, fails with
  // kConstraintVerificationFailed when two of them share a value. kInvalidArgument when an index
  // on (label, key) or one named `name` exists. An empty name gets "index_<label>_<key>" (or
  // "constraint_..." when unique).
  Status create_index(LabelId label, PropKeyId key, bool unique, std::string name = {});
  std::optional<IndexDef> find_index_by_name(std::string_view name) const;
  // kNotFound when there is no such index.
  Status drop_index(LabelId label, PropKeyId key);
  // REQUIRES: find_index(label, key); value not null.
  property_index::IndexCursor index_seek(LabelId label, PropKeyId key, const Value& value) const;
  property_index::IndexCursor index_range(LabelId label, PropKeyId key,
                                          const std::optional<property_index::Bound>& lower,
                                          const std::optional<property_index::Bound>& upper) const;

  // --- statistics (exact for this transaction's view) ------------------------------------------
  Result<uint64_t> node_count() const;
  Result<uint64_t> relationship_count() const;
  Result<uint64_t> label_count(LabelId label) const;
  Result<uint64_t> type_count(TypeId type) const;

  // --- end
  // ----------------------------------------------------------------------------------------
  // Commits atomically. On failure nothing was written and the transaction is rolled back.
  Status commit();
  void rollback();

  // Writes buffered so far (for progress and memory limits).
  size_t pending_writes() const { return kv_.pending_writes(); }

 private:
  friend class Graph;
  Transaction(Graph& graph, std::unique_lock<std::timed_mutex> writer_lock);

  Status require_write() const;
  // Runs one write operation; when it fails after changing state, the transaction may not commit.
  template <typename F>
  auto tracked(F&& op) -> decltype(op()) {
    const uint64_t before = mutations();
    auto result = op();
    if (!result.ok() && mutations() != before && failed_.ok()) failed_ = Status(result.status());
    return result;
  }
  uint64_t mutations() const { return kv_.pending_writes() + count_changes_; }
  // Brings every access path from `before` to `after` for one node (labels, indexes, statistics).
  Status write_node(NodeId node, const NodeRecord* before, const NodeRecord& after);
  Status write_relationship(RelId rel, const RelRecord& before, const RelRecord& after);
  Status check_unique(const IndexDef& index, const Value& value, NodeId self) const;
  Status check_properties(const PropertyMap& props) const;
  Result<NodeRecord> load_node(NodeId node) const;
  // Whether a node exists, for a write transaction (uses the id counter when it can).
  Result<bool> node_exists(NodeId node);
  Result<RelRecord> load_relationship(RelId rel) const;
  void add_count(std::string key, int64_t delta);
  Result<uint64_t> read_count(const std::string& key) const;
  void end(bool committed);

  Graph& graph_;
  KvTransaction kv_;
  std::unique_lock<std::timed_mutex> writer_lock_;  // held by write transactions
  CatalogDelta delta_;
  // Names this transaction created, by kind (index kind - 1).
  std::unordered_map<std::string, uint32_t> new_names_[3];
  std::vector<IndexDef> indexes_;
  std::map<std::string, int64_t> count_deltas_;   // meta statistics key → delta
  std::unordered_set<NodeId> deleted_connected_;  // kCheckAtCommit nodes to verify
  uint64_t count_changes_ = 0;
  // Known once asked: no node was ever deleted in this graph, this transaction included.
  std::optional<bool> no_node_deleted_;
  Status failed_;  // the first write that failed part way
  uint64_t start_next_node_id_ = 0;
  uint64_t start_next_rel_id_ = 0;
};

}  // namespace kg::engine
