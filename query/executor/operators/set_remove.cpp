// Set and Remove: SET n.k = v, n = {map}, n += {map}, n:Label; REMOVE n.k, n:Label.
#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"
#include "query/executor/operators/update_operator.hpp"

namespace kg::query {

namespace {

Status set_one(const Value& target, const std::string& key, const Value& value, ExecContext& ctx,
               SourcePos pos) {
  KG_TRY(check_property_value(value, pos));
  KG_ASSIGN_OR_RETURN(engine::PropKeyId id, ctx.txn().intern_prop_key(key));
  if (target.is_node()) {
    NodeId node = target.as_node().id;
    KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(node));
    if (rec == nullptr) return Status();  // deleted earlier in the statement: nothing to set
    KG_TRY(ctx.txn().set_node_property(node, id, value));
    ctx.invalidate(node);
  } else {
    RelId rel = target.as_relationship().id;
    KG_ASSIGN_OR_RETURN(const engine::RelRecord* rec, ctx.rel_record(rel));
    if (rec == nullptr) return Status();
    KG_TRY(ctx.txn().set_relationship_property(rel, id, value));
    ctx.invalidate(rel);
  }
  ++ctx.counters().properties_set;
  return Status();
}

Status require_entity(const Value& v, SourcePos pos, std::string_view what) {
  if (v.is_node() || v.is_relationship()) return Status();
  return Status::type_error(pos,
                            std::string(what) + " needs a node or a relationship, not " +
                                std::string(value_type_name(v.type())),
                            "InvalidArgumentType");
}

// The properties `source` stands for in SET n = source / n += source: a map or an entity's.
Result<Map> property_source(const Value& source, ExecContext& ctx, SourcePos pos) {
  if (source.is_map()) return source.as_map();
  if (source.is_node() || source.is_relationship()) {
    KG_ASSIGN_OR_RETURN(Value m, ctx.materialize(source));
    return m.is_node() ? m.as_node().properties : m.as_relationship().properties;
  }
  return Status::type_error(
      pos, "SET needs a MAP of properties, not " + std::string(value_type_name(source.type())),
      "InvalidArgumentType");
}

}  // namespace

Status apply_set(const SetSpec& spec, Row& row, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(Value target, evaluate(*spec.target, row, ctx));
  if (target.is_null()) return Status();  // SET on a null from OPTIONAL MATCH does nothing
  SourcePos pos = spec.target->pos;
  switch (spec.kind) {
    case ast::SetItem::Kind::kProperty: {
      KG_TRY(require_entity(target, pos, "SET"));
      KG_ASSIGN_OR_RETURN(Value value, evaluate(*spec.value, row, ctx));
      return set_one(target, spec.key, value, ctx, spec.value->pos);
    }
    case ast::SetItem::Kind::kReplace:
    case ast::SetItem::Kind::kMerge: {
      KG_TRY(require_entity(target, pos, "SET"));
      KG_ASSIGN_OR_RETURN(Value source, evaluate(*spec.value, row, ctx));
      if (source.is_null() && spec.kind == ast::SetItem::Kind::kMerge) return Status();
      Map props;
      if (!source.is_null()) {
        KG_ASSIGN_OR_RETURN(props, property_source(source, ctx, spec.value->pos));
      }
      if (spec.kind == ast::SetItem::Kind::kReplace) {
        // Remove what the new map does not have, then set the rest.
        KG_ASSIGN_OR_RETURN(Value current, ctx.materialize(target));
        const Map& old =
            current.is_node() ? current.as_node().properties : current.as_relationship().properties;
        for (const auto& [k, v] : old)
          if (props.find(k) == props.end()) KG_TRY(set_one(target, k, Value(), ctx, pos));
      }
      for (const auto& [k, v] : props) KG_TRY(set_one(target, k, v, ctx, spec.value->pos));
      return Status();
    }
    case ast::SetItem::Kind::kLabels: {
      if (!target.is_node())
        return Status::type_error(pos, "labels can only be set on a node", "InvalidArgumentType");
      NodeId node = target.as_node().id;
      KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(node));
      if (rec == nullptr) return Status();
      for (const auto& name : spec.labels) {
        KG_ASSIGN_OR_RETURN(engine::LabelId id, ctx.txn().intern_label(name));
        KG_ASSIGN_OR_RETURN(rec, ctx.node_record(node));
        if (rec->has_label(id)) continue;
        KG_TRY(ctx.txn().add_label(node, id));
        ctx.invalidate(node);
        ++ctx.counters().labels_added;
      }
      return Status();
    }
  }
  return Status();
}

namespace {

class SetOperator : public UpdateOperator {
 public:
  SetOperator(OperatorPtr input, std::vector<SetSpec> items)
      : UpdateOperator(std::move(input)), items_(std::move(items)) {}
  std::string describe() const override { return "SetProperties"; }

 protected:
  Status update_row(ExecContext& ctx, Row& row, RowBatch& out) override {
    for (const SetSpec& item : items_) KG_TRY(apply_set(item, row, ctx));
    out.push_back(std::move(row));
    return Status();
  }

 private:
  std::vector<SetSpec> items_;
};

class RemoveOperator : public UpdateOperator {
 public:
  RemoveOperator(OperatorPtr input, std::vector<RemoveSpec> items)
      : UpdateOperator(std::move(input)), items_(std::move(items)) {}
  std::string describe() const override { return "Remove"; }

 protected:
  Status update_row(ExecContext& ctx, Row& row, RowBatch& out) override {
    for (const RemoveSpec& item : items_) {
      KG_ASSIGN_OR_RETURN(Value target, evaluate(*item.target, row, ctx));
      if (target.is_null()) continue;
      if (item.kind == ast::RemoveItem::Kind::kProperty) {
        KG_TRY(require_entity(target, item.target->pos, "REMOVE"));
        KG_ASSIGN_OR_RETURN(Value current, property_of(target, item.key, ctx, item.target->pos));
        if (current.is_null()) continue;
        KG_TRY(set_one(target, item.key, Value(), ctx, item.target->pos));
        continue;
      }
      if (!target.is_node())
        return Status::type_error(item.target->pos, "labels can only be removed from a node",
                                  "InvalidArgumentType");
      NodeId node = target.as_node().id;
      for (const auto& name : item.labels) {
        auto id = ctx.label(name);
        if (!id) continue;
        KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(node));
        if (rec == nullptr || !rec->has_label(*id)) continue;
        KG_TRY(ctx.txn().remove_label(node, *id));
        ctx.invalidate(node);
        ++ctx.counters().labels_removed;
      }
    }
    out.push_back(std::move(row));
    return Status();
  }

 private:
  std::vector<RemoveSpec> items_;
};

}  // namespace

OperatorPtr make_set(OperatorPtr input, std::vector<SetSpec> items) {
  return std::make_unique<SetOperator>(std::move(input), std::move(items));
}

OperatorPtr make_remove(OperatorPtr input, std::vector<RemoveSpec> items) {
  return std::make_unique<RemoveOperator>(std::move(input), std::move(items));
}

}  // namespace kg::query
