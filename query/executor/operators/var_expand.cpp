// VarExpand: variable-length relationships (-[*min..max]->), enumerated depth first. A
// relationship appears at most once in one path (openCypher's relationship uniqueness); nodes may
// repeat.
#include <algorithm>
#include <deque>

#include "query/executor/adjacency_walker.hpp"
#include "query/executor/operators/expand_common.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class VarExpandOperator : public RowOperator {
 public:
  VarExpandOperator(OperatorPtr input, ExpandSpec spec)
      : RowOperator(std::move(input)), spec_(std::move(spec)) {}

  std::string describe() const override { return "VarLengthExpand " + spec_.description; }
  void reset() override {
    RowOperator::reset();
    types_resolved_ = false;
  }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    if (!types_resolved_) {
      types_ = resolve_types(spec_.types, ctx);
      types_resolved_ = true;
    }
    stack_.clear();
    path_.clear();
    const Value& from = in[static_cast<size_t>(spec_.from)];
    if (!from.is_node()) {
      zero_pending_ = false;
      return Status();
    }
    from_ = from.as_node().id;
    zero_pending_ = spec_.min_hops == 0;
    if (spec_.max_hops != 0) stack_.emplace_back(ctx.txn(), from_, spec_.direction, types_);
    return Status();
  }

  Result<bool> next_row(ExecContext& ctx, const Row& in, Row& out) override {
    if (zero_pending_) {
      zero_pending_ = false;
      if (target_ok(in, from_)) {
        out[static_cast<size_t>(spec_.rel)] = Value(List{});
        out[static_cast<size_t>(spec_.to)] = ExecContext::node_ref(from_);
        return true;
      }
    }
    while (!stack_.empty()) {
      KG_TRY(ctx.check_interrupt());
      Frame& top = stack_.back();
      if (!top.first) top.walker.next();
      top.first = false;
      if (!top.walker.valid()) {
        KG_TRY(top.walker.status());
        stack_.pop_back();
        if (!path_.empty()) path_.pop_back();
        continue;
      }
      const engine::AdjEntry& e = top.walker.entry();
      if (in_path(e.rel) || rel_used(in, spec_.distinct_from, e.rel)) continue;
      path_.push_back(top.walker.rel_ref());
      const int64_t depth = static_cast<int64_t>(path_.size());
      bool result = depth >= spec_.min_hops && target_ok(in, e.other);
      if (result) {
        List rels(path_.begin(), path_.end());
        if (spec_.reverse) std::reverse(rels.begin(), rels.end());
        if (spec_.rel_bound && !same_rels(in[static_cast<size_t>(spec_.rel)], rels)) {
          result = false;
        } else {
          out[static_cast<size_t>(spec_.rel)] = Value(std::move(rels));
          out[static_cast<size_t>(spec_.to)] = ExecContext::node_ref(e.other);
        }
      }
      if (spec_.max_hops < 0 || depth < spec_.max_hops) {
        stack_.emplace_back(ctx.txn(), e.other, spec_.direction, types_);
      } else {
        path_.pop_back();
      }
      if (result) return true;
    }
    return false;
  }

 private:
  struct Frame {
    Frame(const engine::Transaction& txn, NodeId node, Direction dir,
          const std::optional<std::vector<engine::TypeId>>& types)
        : walker(txn, node, dir, types) {}
    AdjacencyWalker walker;
    bool first = true;
  };

  bool target_ok(const Row& in, NodeId node) const {
    if (!spec_.to_bound) return true;
    const Value& to = in[static_cast<size_t>(spec_.to)];
    return to.is_node() && to.as_node().id == node;
  }
  // A bound list of relationships matches a path with the same relationships in order.
  static bool same_rels(const Value& bound, const List& rels) {
    if (!bound.is_list() || bound.as_list().size() != rels.size()) return false;
    for (size_t i = 0; i < rels.size(); ++i) {
      const Value& b = bound.as_list()[i];
      if (!b.is_relationship() || b.as_relationship().id != rels[i].as_relationship().id)
        return false;
    }
    return true;
  }
  bool in_path(RelId rel) const {
    for (const Value& r : path_)
      if (r.as_relationship().id == rel) return true;
    return false;
  }

  ExpandSpec spec_;
  std::optional<std::vector<engine::TypeId>> types_;
  bool types_resolved_ = false;
  std::deque<Frame> stack_;
  std::vector<Value> path_;  // the relationships of the current path, as references
  NodeId from_{};
  bool zero_pending_ = false;
};

}  // namespace

OperatorPtr make_var_expand(OperatorPtr input, ExpandSpec spec) {
  return std::make_unique<VarExpandOperator>(std::move(input), std::move(spec));
}

}  // namespace kg::query
