#include "kg/transaction.hpp"

#include <algorithm>

#include "api/guard.hpp"
#include "engine/txn/transaction.hpp"

namespace kg {

using api::guarded;
using engine::LabelId;
using engine::PropertyMap;
using engine::PropKeyId;
using engine::TypeId;

Transaction::Transaction(std::unique_ptr<engine::Transaction> txn) : txn_(std::move(txn)) {}
Transaction::Transaction(Transaction&&) noexcept = default;
Transaction& Transaction::operator=(Transaction&&) noexcept = default;
Transaction::~Transaction() = default;  // the engine transaction rolls back if still open

bool Transaction::is_write() const { return txn_ && txn_->is_write(); }
bool Transaction::is_open() const { return txn_ && txn_->is_open(); }

namespace {

Result<PropertyMap> intern_properties(engine::Transaction& txn, const Map& properties) {
  PropertyMap props;
  props.reserve(properties.size());
  for (const auto& [key, value] : properties) {
    if (value.is_null()) continue;
    KG_ASSIGN_OR_RETURN(PropKeyId id, txn.intern_prop_key(key));
    props.emplace_back(id, value);
  }
  return props;
}

}  // namespace

Result<NodeId> Transaction::create_node(const std::vector<std::string>& labels,
                                        const Map& properties) {
  return guarded([&]() -> Result<NodeId> {
    std::vector<LabelId> ids;
    for (const auto& l : labels) {
      KG_ASSIGN_OR_RETURN(LabelId id, txn_->intern_label(l));
      ids.push_back(id);
    }
    KG_ASSIGN_OR_RETURN(PropertyMap props, intern_properties(*txn_, properties));
    return txn_->create_node(ids, std::move(props));
  });
}

Result<RelId> Transaction::create_relationship(NodeId start, std::string_view type, NodeId end,
                                               const Map& properties) {
  return guarded([&]() -> Result<RelId> {
    KG_ASSIGN_OR_RETURN(TypeId type_id, txn_->intern_type(type));
    KG_ASSIGN_OR_RETURN(PropertyMap props, intern_properties(*txn_, properties));
    return txn_->create_relationship(start, type_id, end, std::move(props));
  });
}

Status Transaction::set_property(NodeId node, std::string_view key, const Value& value) {
  return guarded([&]() -> Status {
    KG_ASSIGN_OR_RETURN(PropKeyId id, txn_->intern_prop_key(key));
    return txn_->set_node_property(node, id, value);
  });
}

Status Transaction::set_property(RelId rel, std::string_view key, const Value& value) {
  return guarded([&]() -> Status {
    KG_ASSIGN_OR_RETURN(PropKeyId id, txn_->intern_prop_key(key));
    return txn_->set_relationship_property(rel, id, value);
  });
}

Status Transaction::add_label(NodeId node, std::string_view label) {
  return guarded([&]() -> Status {
    KG_ASSIGN_OR_RETURN(LabelId id, txn_->intern_label(label));
    return txn_->add_label(node, id);
  });
}

Status Transaction::remove_label(NodeId node, std::string_view label) {
  return guarded([&]() -> Status {
    auto id = txn_->find_label(label);
    if (!id) return Status();  // no node carries it
    return txn_->remove_label(node, *id);
  });
}

Status Transaction::delete_node(NodeId node, bool detach) {
  return guarded([&]() -> Status {
    return txn_->delete_node(
        node, detach ? engine::DeleteMode::kDetach : engine::DeleteMode::kRefuseIfConnected);
  });
}

Status Transaction::delete_relationship(RelId rel) {
  return guarded([&]() -> Status { return txn_->delete_relationship(rel); });
}

Status Transaction::create_index(std::string_view label, std::string_view key) {
  return guarded([&]() -> Status {
    KG_ASSIGN_OR_RETURN(LabelId l, txn_->intern_label(label));
    KG_ASSIGN_OR_RETURN(PropKeyId k, txn_->intern_prop_key(key));
    return txn_->create_index(l, k, /*unique=*/false);
  });
}

Status Transaction::create_unique_constraint(std::string_view label, std::string_view key) {
  return guarded([&]() -> Status {
    KG_ASSIGN_OR_RETURN(LabelId l, txn_->intern_label(label));
    KG_ASSIGN_OR_RETURN(PropKeyId k, txn_->intern_prop_key(key));
    return txn_->create_index(l, k, /*unique=*/true);
  });
}

Status Transaction::drop_index(std::string_view label, std::string_view key) {
  return guarded([&]() -> Status {
    auto l = txn_->find_label(label);
    auto k = txn_->find_prop_key(key);
    if (!l || !k)
      return Status::not_found("there is no index on :" + std::string(label) + "(" +
                               std::string(key) + ")");
    return txn_->drop_index(*l, *k);
  });
}

Result<std::optional<Node>> Transaction::get_node(NodeId node) const {
  return guarded([&] { return txn_->node_value(node); });
}

Result<std::optional<Relationship>> Transaction::get_relationship(RelId rel) const {
  return guarded([&] { return txn_->relationship_value(rel); });
}

namespace {

// Materializes the nodes a cursor yields, in its order.
template <typename Cursor>
Result<std::vector<Node>> collect_nodes(const engine::Transaction& txn, Cursor cursor) {
  std::vector<NodeId> ids;
  for (; cursor.valid(); cursor.next()) ids.push_back(cursor.node());
  KG_TRY(cursor.status());
  std::vector<Node> nodes;
  nodes.reserve(ids.size());
  for (NodeId id : ids) {
    KG_ASSIGN_OR_RETURN(auto node, txn.node_value(id));
    if (!node)
      return Status::corruption("an index lists node " + std::to_string(to_underlying(id)) +
                                ", which does not exist");
    nodes.push_back(std::move(*node));
  }
  return nodes;
}

}  // namespace

Result<std::vector<Node>> Transaction::nodes_with_label(std::string_view label) const {
  return guarded([&]() -> Result<std::vector<Node>> {
    auto id = txn_->find_label(label);
    if (!id) return std::vector<Node>();
    return collect_nodes(*txn_, txn_->scan_label(*id));
  });
}

Result<std::vector<Relationship>> Transaction::relationships(
    NodeId node, Direction direction, std::optional<std::string_view> type) const {
  return guarded([&]() -> Result<std::vector<Relationship>> {
    std::optional<TypeId> type_id;
    if (type) {
      type_id = txn_->find_type(*type);
      if (!type_id) return std::vector<Relationship>();
    }
    std::vector<RelId> ids;
    auto c = txn_->expand(node, direction, type_id);
    for (; c.valid(); c.next()) ids.push_back(c.entry().rel);
    KG_TRY(c.status());
    std::vector<Relationship> rels;
    for (RelId id : ids) {
      KG_ASSIGN_OR_RETURN(auto rel, txn_->relationship_value(id));
      if (!rel)
        return Status::corruption("an adjacency entry lists relationship " +
                                  std::to_string(to_underlying(id)) + ", which does not exist");
      rels.push_back(std::move(*rel));
    }
    return rels;
  });
}

Result<std::vector<Node>> Transaction::find_nodes(std::string_view label, std::string_view key,
                                                  const Value& value) const {
  return guarded([&]() -> Result<std::vector<Node>> {
    auto l = txn_->find_label(label);
    auto k = txn_->find_prop_key(key);
    if (!l || !k || value.is_null()) return std::vector<Node>();
    if (txn_->find_index(*l, *k)) return collect_nodes(*txn_, txn_->index_seek(*l, *k, value));
    // No index: scan the label and compare as Cypher's = does for the stored kinds of values.
    KG_ASSIGN_OR_RETURN(std::vector<Node> all, collect_nodes(*txn_, txn_->scan_label(*l)));
    std::vector<Node> out;
    for (Node& n : all) {
      auto it = n.properties.find(key);
      if (it == n.properties.end()) continue;
      const Value& v = it->second;
      bool equal = (v.is_number() && value.is_number())
                       ? (v.is_int() && value.is_int() ? v.as_int() == value.as_int()
                                                       : v.as_number() == value.as_number())
                       : v == value;
      if (equal) out.push_back(std::move(n));
    }
    return out;
  });
}

Result<std::vector<Node>> Transaction::find_nodes_in_range(
    std::string_view label, std::string_view key, const std::optional<RangeBound>& lower,
    const std::optional<RangeBound>& upper) const {
  return guarded([&]() -> Result<std::vector<Node>> {
    if (!lower && !upper) return Status::invalid_argument("a range needs at least one bound");
    if ((lower && lower->value.is_null()) || (upper && upper->value.is_null()))
      return std::vector<Node>();
    auto l = txn_->find_label(label);
    auto k = txn_->find_prop_key(key);
    if (!l || !k || !txn_->find_index(*l, *k))
      return Status::not_found("there is no index on :" + std::string(label) + "(" +
                               std::string(key) + ")");
    auto to_engine = [](const std::optional<RangeBound>& b) {
      return b ? std::optional<engine::property_index::Bound>({b->value, b->inclusive})
               : std::nullopt;
    };
    return collect_nodes(*txn_, txn_->index_range(*l, *k, to_engine(lower), to_engine(upper)));
  });
}

namespace {

// The names of `kind` whose statistic (by `count`) is above zero, sorted.
template <typename CountFn>
Result<std::vector<std::string>> names_in_use(const engine::Transaction& txn, engine::NameKind kind,
                                              CountFn count) {
  std::vector<std::string> out;
  for (const auto& [id, name] : txn.names(kind)) {
    KG_ASSIGN_OR_RETURN(uint64_t n, count(id));
    if (n > 0) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Result<std::vector<std::string>> Transaction::labels() const {
  return guarded([&] {
    return names_in_use(*txn_, engine::NameKind::kLabel,
                        [&](uint32_t id) { return txn_->label_count(LabelId{id}); });
  });
}

Result<std::vector<std::string>> Transaction::relationship_types() const {
  return guarded([&] {
    return names_in_use(*txn_, engine::NameKind::kType,
                        [&](uint32_t id) { return txn_->type_count(TypeId{id}); });
  });
}

Result<uint64_t> Transaction::count_nodes(std::optional<std::string_view> label) const {
  return guarded([&]() -> Result<uint64_t> {
    if (!label) return txn_->node_count();
    auto id = txn_->find_label(*label);
    return id ? txn_->label_count(*id) : Result<uint64_t>(uint64_t{0});
  });
}

Result<uint64_t> Transaction::count_relationships(std::optional<std::string_view> type) const {
  return guarded([&]() -> Result<uint64_t> {
    if (!type) return txn_->relationship_count();
    auto id = txn_->find_type(*type);
    return id ? txn_->type_count(*id) : Result<uint64_t>(uint64_t{0});
  });
}

Status Transaction::commit() {
  if (!txn_) return Status::invalid_argument("commit of a moved-from transaction");
  return guarded([&] { return txn_->commit(); });
}

void Transaction::rollback() {
  if (txn_) txn_->rollback();
}

}  // namespace kg
