// Delete: DELETE and DETACH DELETE of nodes, relationships and paths. A plain DELETE of a node
// that still has relationships fails when the transaction commits unless they were deleted too
// (so DELETE n, r works in any order).
#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"
#include "query/executor/operators/update_operator.hpp"

namespace kg::query {

namespace {

class DeleteOperator : public UpdateOperator {
 public:
  DeleteOperator(OperatorPtr input, std::vector<const ast::Expr*> targets, bool detach)
      : UpdateOperator(std::move(input)), targets_(std::move(targets)), detach_(detach) {}
  std::string describe() const override { return detach_ ? "DetachDelete" : "Delete"; }

 protected:
  Status update_row(ExecContext& ctx, Row& row, RowBatch& out) override {
    for (const ast::Expr* t : targets_) {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*t, row, ctx));
      KG_TRY(delete_value(ctx, v, t->pos));
    }
    out.push_back(std::move(row));
    return Status();
  }

 private:
  Status delete_rel(ExecContext& ctx, RelId rel) {
    KG_ASSIGN_OR_RETURN(const engine::RelRecord* rec, ctx.rel_record(rel));
    if (rec == nullptr) return Status();
    ctx.remember_deleted(rel, *rec);
    KG_TRY(ctx.txn().delete_relationship(rel));
    ctx.invalidate(rel);
    ++ctx.counters().relationships_deleted;
    return Status();
  }

  Status delete_node(ExecContext& ctx, NodeId node) {
    KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(node));
    if (rec == nullptr) return Status();
    if (detach_) {
      std::vector<RelId> rels;
      auto c = ctx.txn().expand(node, Direction::kBoth);
      for (; c.valid(); c.next()) rels.push_back(c.entry().rel);
      KG_TRY(c.status());
      for (RelId r : rels) KG_TRY(delete_rel(ctx, r));
    }
    KG_TRY(ctx.txn().delete_node(node, engine::DeleteMode::kCheckAtCommit));
    ctx.invalidate(node);
    ++ctx.counters().nodes_deleted;
    return Status();
  }

  Status delete_value(ExecContext& ctx, const Value& v, SourcePos pos) {
    switch (v.type()) {
      case ValueType::kNull:
        return Status();
      case ValueType::kNode:
        return delete_node(ctx, v.as_node().id);
      case ValueType::kRelationship:
        return delete_rel(ctx, v.as_relationship().id);
      case ValueType::kPath:
        for (const Relationship& r : v.as_path().relationships) KG_TRY(delete_rel(ctx, r.id));
        for (const Node& n : v.as_path().nodes) KG_TRY(delete_node(ctx, n.id));
        return Status();
      case ValueType::kList:
        for (const Value& e : v.as_list()) KG_TRY(delete_value(ctx, e, pos));
        return Status();
      default:
        return Status::type_error(pos,
                                  "DELETE needs a node, a relationship or a path, not " +
                                      std::string(value_type_name(v.type())),
                                  "InvalidArgumentType");
    }
  }

  std::vector<const ast::Expr*> targets_;
  bool detach_;
};

}  // namespace

OperatorPtr make_delete(OperatorPtr input, std::vector<const ast::Expr*> targets, bool detach) {
  return std::make_unique<DeleteOperator>(std::move(input), std::move(targets), detach);
}

}  // namespace kg::query
