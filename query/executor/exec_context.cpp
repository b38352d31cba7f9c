#include "query/executor/exec_context.hpp"

#include <algorithm>

namespace kg::query {

ExecContext::ExecContext(engine::Transaction& txn, const Map& params,
                         const std::atomic<bool>* interrupt)
    : txn_(txn), params_(params), interrupt_(interrupt), record_cache_(txn.record_cache()) {}

Status ExecContext::check_interrupt() const {
  if (interrupt_ != nullptr && interrupt_->load(std::memory_order_relaxed))
    return Status(StatusCode::kInterrupted, "the statement was interrupted");
  return Status();
}

Result<const engine::NodeRecord*> ExecContext::node_record(NodeId id) {
  NodeEntry* entry = find_node(id);
  if (entry == nullptr) {
    KG_ASSIGN_OR_RETURN(auto read, txn_.get_node(id));
    entry = &remember_node(id, NodeEntry{std::move(read), {}, false});
  }
  if (entry->lazy) {
    KG_ASSIGN_OR_RETURN(entry->record, engine::node_store::decode_stored(entry->stored, id));
    entry->lazy = false;
  }
  return entry->record ? &*entry->record : nullptr;
}

Result<std::optional<Value>> ExecContext::node_property(NodeId id, engine::PropKeyId key) {
  NodeEntry* entry = find_node(id);
  if (entry != nullptr && entry->lazy) {
    KG_ASSIGN_OR_RETURN(Value v, engine::node_store::stored_property(entry->stored, id, key));
    return std::optional<Value>(std::move(v));
  }
  const engine::NodeRecord* rec = nullptr;
  if (entry != nullptr) {
    rec = entry->record ? &*entry->record : nullptr;
  } else {
    KG_ASSIGN_OR_RETURN(rec, node_record(id));
  }
  if (rec == nullptr) return std::optional<Value>();
  const Value* v = engine::find_property(rec->properties, key);
  return std::optional<Value>(v != nullptr ? *v : Value());
}

Result<std::optional<std::span<const engine::LabelId>>> ExecContext::node_label_ids(NodeId id) {
  using Labels = std::optional<std::span<const engine::LabelId>>;
  NodeEntry* entry = find_node(id);
  if (entry != nullptr && entry->lazy) {
    KG_ASSIGN_OR_RETURN(labels_, engine::node_store::stored_labels(entry->stored, id));
    return Labels(labels_);
  }
  const engine::NodeRecord* rec = nullptr;
  if (entry != nullptr) {
    rec = entry->record ? &*entry->record : nullptr;
  } else {
    KG_ASSIGN_OR_RETURN(rec, node_record(id));
  }
  if (rec == nullptr) return Labels();
  return Labels(rec->labels);
}

ExecContext::NodeEntry* ExecContext::cached_node(NodeId id) {
  const uint32_t* slot = node_slots_.find(to_underlying(id));
  return slot != nullptr && *slot != 0 ? &node_records_[*slot - 1] : nullptr;
}

ExecContext::NodeEntry* ExecContext::find_node(NodeId id) {
  if (NodeEntry* entry = cached_node(id)) return entry;
  if (record_cache_ == nullptr) return nullptr;
  auto stored = record_cache_->nodes.find(to_underlying(id));
  if (!stored) return nullptr;
  return &remember_node(id, NodeEntry{std::nullopt, *stored, true});
}

ExecContext::NodeEntry& ExecContext::remember_node(NodeId id, NodeEntry entry) {
  node_records_.push_back(std::move(entry));
  *node_slots_.try_emplace(to_underlying(id)).first = static_cast<uint32_t>(node_records_.size());
  return node_records_.back();
}

void ExecContext::invalidate(NodeId id) {
  if (uint32_t* slot = node_slots_.find(to_underlying(id))) *slot = 0;
}

Status ExecContext::prefetch_nodes(std::vector<NodeId>& ids) {
  std::erase_if(ids, [&](NodeId id) { return find_node(id) != nullptr; });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() < 2) return Status();  // node_record() reads one as cheaply
  KG_ASSIGN_OR_RETURN(auto records, txn_.get_nodes(ids));
  for (size_t i = 0; i < ids.size(); ++i)
    remember_node(ids[i], NodeEntry{std::move(records[i]), {}, false});
  return Status();
}

Result<const engine::RelRecord*> ExecContext::rel_record(RelId id) {
  auto it = rels_.find(id);
  if (it == rels_.end()) {
    KG_ASSIGN_OR_RETURN(auto record, txn_.get_relationship(id));
    it = rels_.emplace(id, std::move(record)).first;
  }
  return it->second ? &*it->second : nullptr;
}

void ExecContext::remember_deleted(RelId id, const engine::RelRecord& record) {
  deleted_rels_.emplace(id, record);
}

Value ExecContext::node_ref(NodeId id) {
  Node n;
  n.id = id;
  return Value(std::move(n));
}

Value ExecContext::rel_ref(RelId id, NodeId start, NodeId end) {
  Relationship r;
  r.id = id;
  r.start = start;
  r.end = end;
  return Value(std::move(r));
}

Result<Value> ExecContext::materialize(const Value& v) {
  switch (v.type()) {
    case ValueType::kNode: {
      NodeId id = v.as_node().id;
      KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, node_record(id));
      if (rec == nullptr) return node_ref(id);
      return Value(txn_.node_value(id, *rec));
    }
    case ValueType::kRelationship: {
      const Relationship& r = v.as_relationship();
      KG_ASSIGN_OR_RETURN(const engine::RelRecord* rec, rel_record(r.id));
      if (rec == nullptr) {
        auto it = deleted_rels_.find(r.id);
        if (it == deleted_rels_.end()) return v;
        engine::RelRecord bare = it->second;
        bare.properties.clear();
        return Value(txn_.relationship_value(r.id, bare));
      }
      return Value(txn_.relationship_value(r.id, *rec));
    }
    case ValueType::kPath: {
      Path p;
      for (const Node& n : v.as_path().nodes) {
        KG_ASSIGN_OR_RETURN(Value m, materialize(Value(n)));
        p.nodes.push_back(m.as_node());
      }
      for (const Relationship& r : v.as_path().relationships) {
        KG_ASSIGN_OR_RETURN(Value m, materialize(Value(r)));
        p.relationships.push_back(m.as_relationship());
      }
      return Value(std::move(p));
    }
    case ValueType::kList: {
      List out;
      out.reserve(v.as_list().size());
      for (const Value& e : v.as_list()) {
        KG_ASSIGN_OR_RETURN(Value m, materialize(e));
        out.push_back(std::move(m));
      }
      return Value(std::move(out));
    }
    case ValueType::kMap: {
      Map out;
      for (const auto& [k, e] : v.as_map()) {
        KG_ASSIGN_OR_RETURN(Value m, materialize(e));
        out.emplace(k, std::move(m));
      }
      return Value(std::move(out));
    }
    default:
      return v;
  }
}

std::optional<engine::PropKeyId> ExecContext::prop_key(const std::string& name) {
  auto it = prop_keys_.find(name);
  if (it != prop_keys_.end()) return it->second;
  auto id = txn_.find_prop_key(name);
  if (id) prop_keys_.emplace(name, *id);
  return id;
}

std::optional<engine::LabelId> ExecContext::label(const std::string& name) {
  return txn_.find_label(name);
}

std::optional<engine::TypeId> ExecContext::type(const std::string& name) {
  return txn_.find_type(name);
}

Result<Value> ExecContext::node(NodeId id) {
  KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, node_record(id));
  if (rec == nullptr) return deleted_entity("node", to_underlying(id));
  return Value(txn_.node_value(id, *rec));
}

Result<List> ExecContext::node_labels(NodeId id) {
  KG_ASSIGN_OR_RETURN(auto labels, node_label_ids(id));
  if (!labels) return deleted_entity("node", to_underlying(id));
  List out;
  out.reserve(labels->size());
  for (engine::LabelId l : *labels) out.emplace_back(txn_.label_name(l));
  return out;
}

bool ExecContext::has_references(const Value& v) {
  switch (v.type()) {
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      return true;
    case ValueType::kList:
      for (const Value& e : v.as_list())
        if (has_references(e)) return true;
      return false;
    case ValueType::kMap:
      for (const auto& [k, e] : v.as_map())
        if (has_references(e)) return true;
      return false;
    default:
      return false;
  }
}

double ExecContext::random() {
  if (!rng_) rng_.emplace(std::random_device{}());
  return std::uniform_real_distribution<double>(0.0, 1.0)(*rng_);
}

Status deleted_entity(std::string_view what, uint64_t id) {
  return Status(StatusCode::kEntityNotFound,
                std::string(what) + " " + std::to_string(id) + " was deleted in this transaction",
                {}, "DeletedEntityAccess");
}

}  // namespace kg::query
