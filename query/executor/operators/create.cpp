// Create: CREATE's nodes, relationships and paths for each input row.
#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"
#include "query/executor/operators/update_operator.hpp"

namespace kg::query {

Status check_property_value(const Value& v, SourcePos pos) {
  auto bad = [&](std::string_view what) {
    return Status::type_error(pos,
                              "a property value cannot be " + std::string(what) +
                                  "; use null, booleans, numbers, strings or lists of them",
                              "InvalidPropertyType");
  };
  switch (v.type()) {
    case ValueType::kMap:
      return bad("a MAP");
    case ValueType::kNode:
    case ValueType::kRelationship:
    case ValueType::kPath:
      return bad("a " + std::string(value_type_name(v.type())));
    case ValueType::kList:
      for (const Value& e : v.as_list()) {
        if (e.is_list() || e.is_map() || e.is_node() || e.is_relationship() || e.is_path())
          return bad("a LIST containing a " + std::string(value_type_name(e.type())));
      }
      return Status();
    default:
      return Status();
  }
}

namespace {

// The property map of a pattern element, interned; null values are dropped.
Result<engine::PropertyMap> properties_of(const ast::Expr* e, Row& row, ExecContext& ctx,
                                          QueryCounters& counters) {
  engine::PropertyMap props;
  if (e == nullptr) return props;
  KG_ASSIGN_OR_RETURN(Value v, evaluate(*e, row, ctx));
  if (v.is_null()) return props;
  if (!v.is_map())
    return Status::type_error(
        e->pos, "properties must be a MAP, not " + std::string(value_type_name(v.type())),
        "InvalidArgumentType");
  for (const auto& [key, value] : v.as_map()) {
    if (value.is_null()) continue;
    KG_TRY(check_property_value(value, e->pos));
    KG_ASSIGN_OR_RETURN(engine::PropKeyId id, ctx.txn().intern_prop_key(key));
    props.emplace_back(id, value);
    ++counters.properties_set;
  }
  return props;
}

class CreateOperator : public UpdateOperator {
 public:
  CreateOperator(OperatorPtr input, CreateSpec spec)
      : UpdateOperator(std::move(input)), spec_(std::move(spec)) {}
  std::string describe() const override { return "Create"; }

 protected:
  Status update_row(ExecContext& ctx, Row& row, RowBatch& out) override {
    KG_TRY(create_in_row(spec_, row, ctx));
    out.push_back(std::move(row));
    return Status();
  }

 private:
  CreateSpec spec_;
};

}  // namespace

Status create_in_row(const CreateSpec& spec, Row& row, ExecContext& ctx) {
  QueryCounters& counters = ctx.counters();
  for (const CreateNodeSpec& n : spec.nodes) {
    if (n.bound) continue;
    std::vector<engine::LabelId> labels;
    for (const auto& name : n.labels) {
      KG_ASSIGN_OR_RETURN(engine::LabelId id, ctx.txn().intern_label(name));
      labels.push_back(id);
    }
    KG_ASSIGN_OR_RETURN(engine::PropertyMap props, properties_of(n.properties, row, ctx, counters));
    KG_ASSIGN_OR_RETURN(NodeId id, ctx.txn().create_node(labels, std::move(props)));
    row[static_cast<size_t>(n.slot)] = ExecContext::node_ref(id);
    ++counters.nodes_created;
    counters.labels_added += labels.size();
  }
  for (const CreateRelSpec& r : spec.rels) {
    const Value& from = row[static_cast<size_t>(r.from)];
    const Value& to = row[static_cast<size_t>(r.to)];
    if (!from.is_node() || !to.is_node())
      return Status(StatusCode::kSemanticError,
                    "cannot create a relationship to or from a null node", {}, "NullNode");
    KG_ASSIGN_OR_RETURN(engine::TypeId type, ctx.txn().intern_type(r.type));
    KG_ASSIGN_OR_RETURN(engine::PropertyMap props, properties_of(r.properties, row, ctx, counters));
    NodeId src = from.as_node().id, dst = to.as_node().id;
    KG_ASSIGN_OR_RETURN(RelId id, ctx.txn().create_relationship(src, type, dst, std::move(props)));
    row[static_cast<size_t>(r.slot)] = ExecContext::rel_ref(id, src, dst);
    ++counters.relationships_created;
  }
  for (const CreatePathSpec& p : spec.paths) {
    KG_ASSIGN_OR_RETURN(Value path, evaluate(*p.build, row, ctx));
    row[static_cast<size_t>(p.slot)] = std::move(path);
  }
  return Status();
}

OperatorPtr make_create(OperatorPtr input, CreateSpec spec) {
  return std::make_unique<CreateOperator>(std::move(input), std::move(spec));
}

}  // namespace kg::query
