#include "engine/txn/transaction.hpp"

#include <algorithm>

#include "engine/graph.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/value_codec.hpp"

namespace kg::engine {

namespace {

std::string node_text(NodeId node) { return "node " + std::to_string(to_underlying(node)); }
std::string rel_text(RelId rel) { return "relationship " + std::to_string(to_underlying(rel)); }

Status entity_not_found(std::string what) {
  return Status(StatusCode::kEntityNotFound, std::move(what) + " does not exist");
}

// Drops null values and sorts by key; for a repeated key the last value wins.
PropertyMap normalized(PropertyMap props) {
  std::stable_sort(props.begin(), props.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  PropertyMap out;
  out.reserve(props.size());
  for (auto& p : props) {
    if (!out.empty() && out.back().first == p.first) out.pop_back();
    if (!p.second.is_null()) out.push_back(std::move(p));
  }
  return out;
}

std::string encode_u64(uint64_t v) {
  std::string s;
  coding::put_u64be(s, v);
  return s;
}

}  // namespace

Transaction::Transaction(Graph& graph, std::unique_lock<std::timed_mutex> writer_lock)
    : graph_(graph),
      kv_(*graph.store_,
          writer_lock.owns_lock() ? KvTransaction::Mode::kWrite : KvTransaction::Mode::kRead,
          graph.read_views_.get()),
      writer_lock_(std::move(writer_lock)),
      indexes_(graph.catalog_->indexes()) {
  if (writer_lock_.owns_lock()) {  // the counters belong to the writer
    start_next_node_id_ = graph.next_node_id_;
    start_next_rel_id_ = graph.next_rel_id_;
  }
}

Transaction::~Transaction() {
  if (kv_.is_open()) rollback();
}

Status Transaction::require_write() const {
  if (!kv_.is_write()) return Status::invalid_argument("write in a read-only transaction");
  if (!kv_.is_open()) return Status::invalid_argument("write in a transaction that has ended");
  return Status();
}

// --- names
// ----------------------------------------------------------------------------------------

// A commit's data is visible to snapshots taken after its write, and the in-memory Catalog learns
// its new names a moment later (Transaction::end publishes after kv_.commit()). A read
// transaction whose snapshot fell in between would not find those names in the Catalog although
// its snapshot holds their data, so a name the Catalog does not know is looked up in the
// snapshot's `catalog` column family too. A write transaction holds the writer lock, so every
// commit it can see is published. A failed lookup counts as unknown, as a missing name does.
std::optional<uint32_t> Transaction::find_name(NameKind kind, std::string_view name) const {
  if (auto id = graph_.catalog_->find(kind, name)) return id;
  const auto& fresh = new_names_[static_cast<size_t>(kind) - 1];
  if (auto it = fresh.find(std::string(name)); it != fresh.end()) return it->second;
  if (kv_.is_write()) return std::nullopt;
  auto stored = kv_.get(Cf::kCatalog, keys::catalog_name_key(kind, name));
  if (!stored.ok() || !stored->has_value() || (*stored)->size() != 4) return std::nullopt;
  return coding::get_u32be((*stored)->data());
}

std::optional<LabelId> Transaction::find_label(std::string_view name) const {
  auto id = find_name(NameKind::kLabel, name);
  return id ? std::optional<LabelId>(LabelId{*id}) : std::nullopt;
}

std::optional<TypeId> Transaction::find_type(std::string_view name) const {
  auto id = find_name(NameKind::kType, name);
  return id ? std::optional<TypeId>(TypeId{*id}) : std::nullopt;
}

std::optional<PropKeyId> Transaction::find_prop_key(std::string_view name) const {
  auto id = find_name(NameKind::kPropKey, name);
  return id ? std::optional<PropKeyId>(PropKeyId{*id}) : std::nullopt;
}

std::string Transaction::name_of(NameKind kind, uint32_t id) const {
  if (auto name = graph_.catalog_->name(kind, id)) return *name;
  for (const auto& n : delta_.names)
    if (n.kind == kind && n.id == id) return n.name;
  if (kv_.is_write()) return "";
  auto stored = kv_.get(Cf::kCatalog, keys::catalog_id_key(kind, id));  // as in find_name()
  return stored.ok() && stored->has_value() ? **stored : std::string();
}

std::vector<std::pair<uint32_t, std::string>> Transaction::names(NameKind kind) const {
  auto all = graph_.catalog_->names(kind);
  for (const auto& n : delta_.names)
    if (n.kind == kind) all.emplace_back(n.id, n.name);
  if (kv_.is_write()) return all;
  // Names this snapshot holds that the Catalog has not been told of yet (see find_name()). Ids
  // are handed out in order, so they are the ones after the Catalog's.
  for (auto id = static_cast<uint32_t>(all.size());; ++id) {
    auto stored = kv_.get(Cf::kCatalog, keys::catalog_id_key(kind, id));
    if (!stored.ok() || !stored->has_value()) break;
    all.emplace_back(id, **stored);
  }
  return all;
}

Result<uint32_t> Transaction::intern(NameKind kind, std::string_view name) {
  return tracked([&]() -> Result<uint32_t> {
    if (auto id = find_name(kind, name)) return *id;
    KG_TRY(require_write());
    auto& fresh = new_names_[static_cast<size_t>(kind) - 1];
    uint32_t id = graph_.catalog_->next_id(kind) + static_cast<uint32_t>(fresh.size());
    KG_TRY(kv_.put(Cf::kCatalog, keys::catalog_name_key(kind, name), [&] {
      std::string v;
      coding::put_u32be(v, id);
      return v;
    }()));
    KG_TRY(kv_.put(Cf::kCatalog, keys::catalog_id_key(kind, id), name));
    fresh.emplace(std::string(name), id);
    delta_.names.push_back({kind, id, std::string(name)});
    return id;
  });
}

Result<LabelId> Transaction::intern_label(std::string_view name) {
  KG_ASSIGN_OR_RETURN(uint32_t id, intern(NameKind::kLabel, name));
  return LabelId{id};
}

Result<TypeId> Transaction::intern_type(std::string_view name) {
  KG_ASSIGN_OR_RETURN(uint32_t id, intern(NameKind::kType, name));
  return TypeId{id};
}

Result<PropKeyId> Transaction::intern_prop_key(std::string_view name) {
  KG_ASSIGN_OR_RETURN(uint32_t id, intern(NameKind::kPropKey, name));
  return PropKeyId{id};
}

// --- statistics
// -----------------------------------------------------------------------------------

void Transaction::add_count(std::string key, int64_t delta) {
  ++count_changes_;
  count_deltas_[std::move(key)] += delta;
}

Result<uint64_t> Transaction::read_count(const std::string& key) const {
  KG_ASSIGN_OR_RETURN(auto bytes, kv_.get(Cf::kMeta, key));
  int64_t stored = 0;
  if (bytes) {
    if (bytes->size() != 8) return Status::corruption("malformed statistics record '" + key + "'");
    stored = static_cast<int64_t>(coding::get_u64be(bytes->data()));
  }
  auto it = count_deltas_.find(key);
  if (it != count_deltas_.end()) stored += it->second;
  return static_cast<uint64_t>(std::max<int64_t>(stored, 0));
}

Result<uint64_t> Transaction::node_count() const {
  return read_count(std::string(keys::kMetaNodeCount));
}
Result<uint64_t> Transaction::relationship_count() const {
  return read_count(std::string(keys::kMetaRelCount));
}
Result<uint64_t> Transaction::label_count(LabelId label) const {
  return read_count(keys::meta_label_count_key(label));
}
Result<uint64_t> Transaction::type_count(TypeId type) const {
  return read_count(keys::meta_type_count_key(type));
}

// --- nodes
// ----------------------------------------------------------------------------------------

Status Transaction::check_properties(const PropertyMap& props) const {
  for (const auto& [key, value] : props) {
    if (!values::is_storable(value))
      return Status::type_error({},
                                "property '" + prop_key_name(key) + "' cannot hold a " +
                                    std::string(value_type_name(value.type())) +
                                    " (or a list or map containing one)",
                                "InvalidPropertyType");
  }
  return Status();
}

Status Transaction::check_unique(const IndexDef& index, const Value& value, NodeId self) const {
  KG_ASSIGN_OR_RETURN(auto other,
                      property_index::find_other(kv_, index.label, index.key, value, self));
  if (!other) return Status();
  return Status(StatusCode::kConstraintVerificationFailed,
                "node " + std::to_string(to_underlying(*other)) + " already has label `" +
                    label_name(index.label) + "` and property `" + prop_key_name(index.key) +
                    "` = " + value.to_literal() + ", which must be unique",
                {}, "UniquenessConstraintViolation");
}

Status Transaction::write_node(NodeId node, const NodeRecord* before, const NodeRecord& after) {
  static const NodeRecord kNoNode;
  const NodeRecord& old = before != nullptr ? *before : kNoNode;
  auto indexed_value = [](const NodeRecord& r, const IndexDef& index) -> const Value* {
    return r.has_label(index.label) ? find_property(r.properties, index.key) : nullptr;
  };
  // Check every unique constraint before writing anything, so a violation leaves no trace.
  for (const IndexDef& index : indexes_) {
    const Value* now = indexed_value(after, index);
    if (index.unique && now != nullptr) KG_TRY(check_unique(index, *now, node));
  }
  if (before == nullptr) add_count(std::string(keys::kMetaNodeCount), 1);

  for (LabelId l : old.labels) {
    if (!after.has_label(l)) {
      KG_TRY(node_store::remove_label_entry(kv_, l, node));
      add_count(keys::meta_label_count_key(l), -1);
    }
  }
  for (LabelId l : after.labels) {
    if (!old.has_label(l)) {
      KG_TRY(node_store::add_label_entry(kv_, l, node));
      add_count(keys::meta_label_count_key(l), 1);
    }
  }

  for (const IndexDef& index : indexes_) {
    const Value* was = indexed_value(old, index);
    const Value* now = indexed_value(after, index);
    if (was != nullptr && now != nullptr && *was == *now) continue;
    if (was != nullptr) KG_TRY(property_index::remove(kv_, index.label, index.key, *was, node));
    if (now != nullptr) KG_TRY(property_index::add(kv_, index.label, index.key, *now, node));
  }
  return node_store::put(kv_, node, after);
}

Result<NodeRecord> Transaction::load_node(NodeId node) const {
  KG_ASSIGN_OR_RETURN(auto record, node_store::get(kv_, node));
  if (!record) return entity_not_found(node_text(node));
  return std::move(*record);
}

Result<bool> Transaction::node_exists(NodeId node) {
  // Ids are allocated densely and never reused, so while no node was ever deleted (the count of
  // nodes equals the next id) a node exists exactly when its id is below the next id: no read.
  if (!no_node_deleted_) {
    KG_ASSIGN_OR_RETURN(uint64_t count, read_count(std::string(keys::kMetaNodeCount)));
    no_node_deleted_ = count == graph_.next_node_id_;
  }
  if (*no_node_deleted_) return to_underlying(node) < graph_.next_node_id_;
  KG_ASSIGN_OR_RETURN(auto bytes, kv_.get(Cf::kNodes, keys::node_key(node)));
  return bytes.has_value();
}

Result<NodeId> Transaction::create_node(std::span<const LabelId> labels, PropertyMap properties) {
  return tracked([&]() -> Result<NodeId> {
    KG_TRY(require_write());
    NodeRecord record;
    record.labels.assign(labels.begin(), labels.end());
    std::sort(record.labels.begin(), record.labels.end());
    record.labels.erase(std::unique(record.labels.begin(), record.labels.end()),
                        record.labels.end());
    record.properties = normalized(std::move(properties));
    KG_TRY(check_properties(record.properties));
    NodeId id{graph_.next_node_id_++};
    KG_TRY(write_node(id, nullptr, record));
    return id;
  });
}

Result<std::optional<NodeRecord>> Transaction::get_node(NodeId node) const {
  return node_store::get(kv_, node);
}

Result<std::vector<std::optional<NodeRecord>>> Transaction::get_nodes(
    std::span<const NodeId> nodes) const {
  return node_store::get_many(kv_, nodes);
}

Status Transaction::set_node_property(NodeId node, PropKeyId key, Value value) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(NodeRecord before, load_node(node));
    NodeRecord after = before;
    if (!put_property(after.properties, key, std::move(value))) return Status();
    KG_TRY(check_properties(after.properties));
    return write_node(node, &before, after);
  });
}

Status Transaction::replace_node_properties(NodeId node, PropertyMap properties) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(NodeRecord before, load_node(node));
    NodeRecord after = before;
    after.properties = normalized(std::move(properties));
    KG_TRY(check_properties(after.properties));
    return write_node(node, &before, after);
  });
}

Status Transaction::add_label(NodeId node, LabelId label) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(NodeRecord before, load_node(node));
    if (before.has_label(label)) return Status();
    NodeRecord after = before;
    after.labels.insert(std::lower_bound(after.labels.begin(), after.labels.end(), label), label);
    return write_node(node, &before, after);
  });
}

Status Transaction::remove_label(NodeId node, LabelId label) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(NodeRecord before, load_node(node));
    if (!before.has_label(label)) return Status();
    NodeRecord after = before;
    std::erase(after.labels, label);
    return write_node(node, &before, after);
  });
}

Status Transaction::delete_node(NodeId node, DeleteMode mode) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(auto record, node_store::get(kv_, node));
    if (!record) return Status();

    switch (mode) {
      case DeleteMode::kDetach: {
        // Collect first: deleting while the cursor is open would invalidate it.
        std::vector<RelId> rels;
        auto c = expand(node, Direction::kBoth);
        for (; c.valid(); c.next()) rels.push_back(c.entry().rel);
        KG_TRY(c.status());
        for (RelId rel : rels) KG_TRY(delete_relationship(rel));
        break;
      }
      case DeleteMode::kRefuseIfConnected: {
        KG_ASSIGN_OR_RETURN(bool connected, adjacency_index::has_any(kv_, node));
        if (connected)
          return Status(StatusCode::kConstraintVerificationFailed,
                        "cannot delete " + node_text(node) +
                            " because it still has relationships; delete them first or use DETACH "
                            "DELETE",
                        {}, "DeleteConnectedNode");
        break;
      }
      case DeleteMode::kCheckAtCommit:
        deleted_connected_.insert(node);
        break;
    }

    for (LabelId l : record->labels) {
      KG_TRY(node_store::remove_label_entry(kv_, l, node));
      add_count(keys::meta_label_count_key(l), -1);
    }
    for (const IndexDef& index : indexes_) {
      if (!record->has_label(index.label)) continue;
      if (const Value* v = find_property(record->properties, index.key))
        KG_TRY(property_index::remove(kv_, index.label, index.key, *v, node));
    }
    add_count(std::string(keys::kMetaNodeCount), -1);
    no_node_deleted_ = false;
    return node_store::erase(kv_, node);
  });
}

// --- relationships
// --------------------------------------------------------------------------------

Result<RelRecord> Transaction::load_relationship(RelId rel) const {
  KG_ASSIGN_OR_RETURN(auto record, rel_store::get(kv_, rel));
  if (!record) return entity_not_found(rel_text(rel));
  return std::move(*record);
}

Result<RelId> Transaction::create_relationship(NodeId src, TypeId type, NodeId dst,
                                               PropertyMap properties) {
  return tracked([&]() -> Result<RelId> {
    KG_TRY(require_write());
    for (NodeId end : {src, dst}) {
      KG_ASSIGN_OR_RETURN(bool exists, node_exists(end));
      if (!exists) return entity_not_found(node_text(end) + " (an end of a new relationship)");
    }
    RelRecord record{type, src, dst, normalized(std::move(properties))};
    KG_TRY(check_properties(record.properties));
    RelId id{graph_.next_rel_id_++};
    KG_TRY(rel_store::put(kv_, id, record));
    KG_TRY(adjacency_index::add(kv_, id, record));
    add_count(std::string(keys::kMetaRelCount), 1);
    add_count(keys::meta_type_count_key(type), 1);
    return id;
  });
}

Result<std::optional<RelRecord>> Transaction::get_relationship(RelId rel) const {
  return rel_store::get(kv_, rel);
}

Status Transaction::write_relationship(RelId rel, const RelRecord& before, const RelRecord& after) {
  if (before.properties == after.properties) return Status();
  KG_TRY(check_properties(after.properties));
  return rel_store::put(kv_, rel, after);
}

Status Transaction::set_relationship_property(RelId rel, PropKeyId key, Value value) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(RelRecord before, load_relationship(rel));
    RelRecord after = before;
    put_property(after.properties, key, std::move(value));
    return write_relationship(rel, before, after);
  });
}

Status Transaction::replace_relationship_properties(RelId rel, PropertyMap properties) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(RelRecord before, load_relationship(rel));
    RelRecord after = before;
    after.properties = normalized(std::move(properties));
    return write_relationship(rel, before, after);
  });
}

Status Transaction::delete_relationship(RelId rel) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    KG_ASSIGN_OR_RETURN(auto record, rel_store::get(kv_, rel));
    if (!record) return Status();
    KG_TRY(adjacency_index::remove(kv_, rel, *record));
    add_count(std::string(keys::kMetaRelCount), -1);
    add_count(keys::meta_type_count_key(record->type), -1);
    return rel_store::erase(kv_, rel);
  });
}

// --- values
// ---------------------------------------------------------------------------------------

Map Transaction::properties_value(const PropertyMap& properties) const {
  Map m;
  for (const auto& [key, value] : properties) m.emplace(prop_key_name(key), value);
  return m;
}

Node Transaction::node_value(NodeId node, const NodeRecord& record) const {
  Node n;
  n.id = node;
  n.labels.reserve(record.labels.size());
  for (LabelId l : record.labels) n.labels.push_back(label_name(l));
  n.properties = properties_value(record.properties);
  return n;
}

Relationship Transaction::relationship_value(RelId rel, const RelRecord& record) const {
  return Relationship{rel, type_name(record.type), record.src, record.dst,
                      properties_value(record.properties)};
}

Result<std::optional<Node>> Transaction::node_value(NodeId node) const {
  KG_ASSIGN_OR_RETURN(auto record, node_store::get(kv_, node));
  if (!record) return std::optional<Node>();
  return std::optional<Node>(node_value(node, *record));
}

Result<std::optional<Relationship>> Transaction::relationship_value(RelId rel) const {
  KG_ASSIGN_OR_RETURN(auto record, rel_store::get(kv_, rel));
  if (!record) return std::optional<Relationship>();
  return std::optional<Relationship>(relationship_value(rel, *record));
}

// --- scans
// ----------------------------------------------------------------------------------------

node_store::NodeCursor Transaction::scan_nodes() const { return node_store::scan_all(kv_); }

node_store::NodeCursor Transaction::scan_label(LabelId label) const {
  return node_store::scan_label(kv_, label);
}

rel_store::RelCursor Transaction::scan_relationships() const { return rel_store::scan_all(kv_); }

adjacency_index::AdjacencyCursor Transaction::expand(NodeId node, Direction dir,
                                                     std::optional<TypeId> type) const {
  return adjacency_index::AdjacencyCursor(kv_, node, dir, type);
}

adjacency_index::DegreeCursor Transaction::degrees(Direction dir,
                                                   std::optional<std::vector<TypeId>> types) const {
  return adjacency_index::DegreeCursor(kv_, dir, std::move(types));
}

// --- property indexes
// -----------------------------------------------------------------------------

std::optional<IndexDef> Transaction::find_index(LabelId label, PropKeyId key) const {
  for (const IndexDef& d : indexes_)
    if (d.label == label && d.key == key) return d;
  return std::nullopt;
}

std::optional<IndexDef> Transaction::find_index_by_name(std::string_view name) const {
  for (const IndexDef& d : indexes_)
    if (d.name == name) return d;
  return std::nullopt;
}

Status Transaction::create_index(LabelId label, PropKeyId key, bool unique, std::string name) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    if (find_index(label, key))
      return Status::invalid_argument("an index on :" + label_name(label) + "(" +
                                      prop_key_name(key) + ") already exists");
    if (name.empty())
      name = (unique ? "constraint_" : "index_") + label_name(label) + "_" + prop_key_name(key);
    if (find_index_by_name(name))
      return Status::invalid_argument("an index or constraint named `" + name + "` already exists");
    IndexDef def{label, key, unique, name};
    // Collect the entries first (no cursor may be open while writing), keyed by their index key so
    // that equal values are neighbours; check uniqueness before writing any of them.
    std::vector<NodeId> nodes;
    auto c = scan_label(label);
    for (; c.valid(); c.next()) nodes.push_back(c.node());
    KG_TRY(c.status());
    std::map<std::string, std::pair<NodeId, Value>> entries;  // value prefix · node → (node, value)
    for (NodeId node : nodes) {
      KG_ASSIGN_OR_RETURN(NodeRecord record, load_node(node));
      const Value* v = find_property(record.properties, key);
      if (v == nullptr) continue;
      entries.emplace(keys::index_key(label, key, *v, node), std::make_pair(node, *v));
    }
    if (unique) {
      const std::pair<NodeId, Value>* previous = nullptr;
      std::string previous_prefix;
      for (const auto& [k, entry] : entries) {
        std::string prefix = keys::index_value_prefix(label, key, entry.second);
        if (previous != nullptr && prefix == previous_prefix)
          return Status(StatusCode::kConstraintVerificationFailed,
                        "cannot create the unique constraint on :" + label_name(label) + "(" +
                            prop_key_name(key) + "): nodes " +
                            std::to_string(to_underlying(previous->first)) + " and " +
                            std::to_string(to_underlying(entry.first)) + " both have the value " +
                            entry.second.to_literal(),
                        {}, "ConstraintCreationFailed");
        previous = &entry;
        previous_prefix = std::move(prefix);
      }
    }
    for (const auto& [k, entry] : entries) KG_TRY(kv_.put(Cf::kPropIndex, k, ""));
    KG_TRY(kv_.put(Cf::kCatalog, keys::catalog_index_key(label, key),
                   std::string(1, unique ? 1 : 0) + def.name));
    indexes_.push_back(def);
    delta_.created_indexes.push_back(def);
    return Status();
  });
}

Status Transaction::drop_index(LabelId label, PropKeyId key) {
  return tracked([&]() -> Status {
    KG_TRY(require_write());
    auto def = find_index(label, key);
    if (!def)
      return Status::not_found("there is no index on :" + label_name(label) + "(" +
                               prop_key_name(key) + ")");
    std::vector<std::string> entries;
    auto c = kv_.scan_prefix(Cf::kPropIndex, keys::index_prefix(label, key));
    for (; c.valid(); c.next()) entries.emplace_back(c.key());
    KG_TRY(c.status());  // a scan cut short by a read error would leave entries behind
    for (const auto& k : entries) KG_TRY(kv_.del(Cf::kPropIndex, k));
    KG_TRY(kv_.del(Cf::kCatalog, keys::catalog_index_key(label, key)));
    std::erase(indexes_, *def);
    std::erase(delta_.created_indexes, *def);
    delta_.dropped_indexes.push_back(*def);
    return Status();
  });
}

property_index::IndexCursor Transaction::index_seek(LabelId label, PropKeyId key,
                                                    const Value& value) const {
  return property_index::seek(kv_, label, key, value);
}

property_index::IndexCursor Transaction::index_range(
    LabelId label, PropKeyId key, const std::optional<property_index::Bound>& lower,
    const std::optional<property_index::Bound>& upper) const {
  return property_index::range(kv_, label, key, lower, upper);
}

// --- end
// ------------------------------------------------------------------------------------------

Status Transaction::commit() {
  if (!kv_.is_open()) return Status::invalid_argument("commit of a transaction that has ended");
  if (!kv_.is_write()) {
    end(false);
    return Status();
  }
  if (!failed_.ok()) {
    rollback();
    return Status(
        failed_.code(),
        "the transaction cannot commit because a write failed part way: " + failed_.message(),
        failed_.pos(), failed_.detail());
  }
  Status s;
  for (NodeId node : deleted_connected_) {
    auto connected = adjacency_index::has_any(kv_, node);
    if (!connected) {
      s = connected.error();
    } else if (*connected) {
      s = Status(StatusCode::kConstraintVerificationFailed,
                 "cannot delete " + node_text(node) +
                     " because it still has relationships; delete them first or use DETACH DELETE",
                 {}, "DeleteConnectedNode");
    }
    if (!s.ok()) break;
  }
  for (const auto& [key, delta] : count_deltas_) {
    if (!s.ok()) break;
    if (delta == 0) continue;
    auto current = read_count(key);  // includes the delta
    if (!current) {
      s = current.error();
      break;
    }
    s = kv_.put(Cf::kMeta, key, encode_u64(*current));
  }
  if (s.ok() && graph_.next_node_id_ != start_next_node_id_)
    s = kv_.put(Cf::kMeta, keys::kMetaNextNodeId, encode_u64(graph_.next_node_id_));
  if (s.ok() && graph_.next_rel_id_ != start_next_rel_id_)
    s = kv_.put(Cf::kMeta, keys::kMetaNextRelId, encode_u64(graph_.next_rel_id_));
  if (!s.ok()) {
    rollback();
    return s;
  }
  bool wrote = kv_.pending_writes() > 0;
  s = kv_.commit();
  end(s.ok());
  if (s.ok() && wrote) graph_.commit_sequence_.fetch_add(1, std::memory_order_acq_rel);
  return s;
}

void Transaction::rollback() {
  if (!kv_.is_open()) return;
  kv_.rollback();
  end(false);
}

void Transaction::end(bool committed) {
  if (writer_lock_.owns_lock()) {
    if (committed) {
      graph_.catalog_->publish(delta_);
    } else {
      // Ids handed out by a rolled-back transaction were never written: hand them out again.
      graph_.next_node_id_ = start_next_node_id_;
      graph_.next_rel_id_ = start_next_rel_id_;
    }
    writer_lock_.unlock();
  }
  if (kv_.is_open()) kv_.rollback();
}

}  // namespace kg::engine
