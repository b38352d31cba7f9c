// Counts of relationships answered without making a row per relationship, as Neo4j's count store
// and its getDegree do. The planner uses them for an aggregation of count(*) (or count of the
// relationship, or of an end node: never null) directly over a MATCH of one relationship between
// nodes with no properties:
//   TypeCounts:   MATCH ()-[r]->() RETURN type(r), count(*)   from the statistics kept per type
//   DegreeCounts: MATCH ()-->(b) WITH b, count(*)             adjacency entries counted per node
#include "query/executor/adjacency_walker.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class TypeCountsOperator : public RowOperator {
 public:
  TypeCountsOperator(OperatorPtr input, TypeCountsSpec spec)
      : RowOperator(std::move(input)), spec_(std::move(spec)) {}
  std::string describe() const override { return "TypeCounts " + spec_.description; }

 protected:
  Status begin_row(ExecContext& ctx, Row&) override {
    counts_.clear();
    next_ = 0;
    std::vector<engine::TypeId> types;
    if (spec_.types.empty()) {
      for (const auto& [id, name] : ctx.txn().names(engine::NameKind::kType))
        types.push_back(engine::TypeId{id});
    } else if (auto resolved = resolve_types(spec_.types, ctx)) {
      types = *resolved;
    }
    uint64_t total = 0;
    for (engine::TypeId t : types) {
      KG_ASSIGN_OR_RETURN(uint64_t n, ctx.txn().type_count(t));
      total += n;
      if (n > 0 && spec_.type_slot >= 0) counts_.emplace_back(ctx.txn().type_name(t), n);
    }
    // Without a grouping key, one row, also for no relationships (count = 0).
    if (spec_.type_slot < 0) counts_.emplace_back("", total);
    return Status();
  }

  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (next_ >= counts_.size()) return false;
    const auto& [type, n] = counts_[next_++];
    if (spec_.type_slot >= 0) out[static_cast<size_t>(spec_.type_slot)] = Value(type);
    for (int slot : spec_.count_slots)
      out[static_cast<size_t>(slot)] = Value(static_cast<int64_t>(n));
    return true;
  }

 private:
  TypeCountsSpec spec_;
  std::vector<std::pair<std::string, uint64_t>> counts_;
  size_t next_ = 0;
};

// Unlabelled nodes: the engine's DegreeCursor, one pass over the adjacency index that reads no
// node record. A label: its nodes in id order, each one's relationships counted by a seek.
class DegreeCountsOperator : public RowOperator {
 public:
  DegreeCountsOperator(OperatorPtr input, DegreeCountsSpec spec)
      : RowOperator(std::move(input)), spec_(std::move(spec)) {}
  std::string describe() const override { return "DegreeCounts " + spec_.description; }
  void reset() override {
    RowOperator::reset();
    degrees_.reset();
    cursor_.reset();
    walker_.reset();
  }

 protected:
  Status begin_row(ExecContext& ctx, Row&) override {
    degrees_.reset();
    cursor_.reset();
    walker_.reset();
    types_ = resolve_types(spec_.types, ctx);
    if (!spec_.label) {
      degrees_.emplace(ctx.txn().degrees(spec_.direction, types_));
      return degrees_->status();
    }
    if (auto id = ctx.label(*spec_.label)) cursor_.emplace(ctx.txn().scan_label(*id));
    return Status();
  }

  Result<bool> next_row(ExecContext& ctx, const Row&, Row& out) override {
    if (degrees_) return next_of_all(ctx, out);
    if (!cursor_) return false;
    for (size_t seen = 0; cursor_->valid(); cursor_->next()) {
      if (++seen % 4096 == 0) KG_TRY(ctx.check_interrupt());
      NodeId node = cursor_->node();
      if (walker_) {
        walker_->reset(node);
      } else {
        walker_.emplace(ctx.txn(), node, spec_.direction, types_);
      }
      int64_t degree = 0;
      for (; walker_->valid(); walker_->next()) ++degree;
      KG_TRY(walker_->status());
      if (degree == 0) continue;  // no relationship: MATCH has no row for the node
      emit(node, degree, out);
      cursor_->next();
      return true;
    }
    KG_TRY(cursor_->status());
    return false;
  }

 private:
  Result<bool> next_of_all(ExecContext& ctx, Row& out) {
    if (!degrees_->valid()) {
      KG_TRY(degrees_->status());
      return false;
    }
    if (++emitted_ % 4096 == 0) KG_TRY(ctx.check_interrupt());
    emit(degrees_->node(), static_cast<int64_t>(degrees_->degree()), out);
    degrees_->next();
    return true;
  }

  void emit(NodeId node, int64_t degree, Row& out) const {
    out[static_cast<size_t>(spec_.node_slot)] = ExecContext::node_ref(node);
    for (int slot : spec_.count_slots) out[static_cast<size_t>(slot)] = Value(degree);
  }

  DegreeCountsSpec spec_;
  std::optional<std::vector<engine::TypeId>> types_;
  std::optional<engine::adjacency_index::DegreeCursor> degrees_;  // unlabelled
  size_t emitted_ = 0;
  std::optional<engine::node_store::NodeCursor> cursor_;  // labelled
  std::optional<AdjacencyWalker> walker_;
};

}  // namespace

OperatorPtr make_type_counts(OperatorPtr input, TypeCountsSpec spec) {
  return std::make_unique<TypeCountsOperator>(std::move(input), std::move(spec));
}

OperatorPtr make_degree_counts(OperatorPtr input, DegreeCountsSpec spec) {
  return std::make_unique<DegreeCountsOperator>(std::move(input), std::move(spec));
}

}  // namespace kg::query
