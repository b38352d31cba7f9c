// Expand: one hop from a bound node, binding the relationship and the node at its other end (or
// checking them, when bound already).
#include "query/executor/adjacency_walker.hpp"
#include "query/executor/operators/expand_common.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class ExpandOperator : public RowOperator {
 public:
  ExpandOperator(OperatorPtr input, ExpandSpec spec)
      : RowOperator(std::move(input)), spec_(std::move(spec)) {}

  std::string describe() const override { return "Expand " + spec_.description; }
  void reset() override {
    RowOperator::reset();
    types_resolved_ = false;
    walker_.reset();  // it refers to the last execution's transaction
    active_ = false;
  }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    active_ = false;
    if (!types_resolved_) {
      types_ = resolve_types(spec_.types, ctx);
      types_resolved_ = true;
      walker_.reset();
    }
    const Value& from = in[static_cast<size_t>(spec_.from)];
    if (!from.is_node()) return Status();  // null from an OPTIONAL MATCH: nothing to expand
    // One walker (one RocksDB iterator) for the input rows of an execution, while the
    // transaction does not write: an iterator made before a write may not see it.
    if (walker_ && walker_writes_ == ctx.txn().pending_writes()) {
      walker_->reset(from.as_node().id);
    } else {
      walker_.emplace(ctx.txn(), from.as_node().id, spec_.direction, types_);
      walker_writes_ = ctx.txn().pending_writes();
    }
    active_ = true;
    first_ = true;
    return Status();
  }

  Result<bool> next_row(ExecContext&, const Row& in, Row& out) override {
    if (!active_) return false;
    for (;;) {
      if (!first_) walker_->next();
      first_ = false;
      if (!walker_->valid()) {
        KG_TRY(walker_->status());
        return false;
      }
      const engine::AdjEntry& e = walker_->entry();
      if (spec_.to_bound) {
        const Value& to = in[static_cast<size_t>(spec_.to)];
        if (!to.is_node() || to.as_node().id != e.other) continue;
      }
      if (spec_.rel_bound) {
        const Value& rel = in[static_cast<size_t>(spec_.rel)];
        if (!rel.is_relationship() || rel.as_relationship().id != e.rel) continue;
      }
      if (rel_used(in, spec_.distinct_from, e.rel)) continue;
      out[static_cast<size_t>(spec_.rel)] = walker_->rel_ref();
      out[static_cast<size_t>(spec_.to)] = ExecContext::node_ref(e.other);
      return true;
    }
  }

 private:
  ExpandSpec spec_;
  std::optional<std::vector<engine::TypeId>> types_;
  bool types_resolved_ = false;
  std::optional<AdjacencyWalker> walker_;
  size_t walker_writes_ = 0;  // the transaction's writes when walker_ was made
  bool active_ = false;       // walker_ walks the current input row's node
  bool first_ = true;
};

}  // namespace

bool rel_used(const Row& row, const std::vector<int>& slots, RelId rel) {
  for (int s : slots) {
    const Value& v = row[static_cast<size_t>(s)];
    if (v.is_relationship() && v.as_relationship().id == rel) return true;
    if (v.is_list()) {
      for (const Value& r : v.as_list())
        if (r.is_relationship() && r.as_relationship().id == rel) return true;
    }
  }
  return false;
}

OperatorPtr make_expand(OperatorPtr input, ExpandSpec spec) {
  return std::make_unique<ExpandOperator>(std::move(input), std::move(spec));
}

}  // namespace kg::query
