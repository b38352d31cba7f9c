// Leaves and node scans: Start, NodeScan (all nodes or one label), IndexSeek, NodeById.
#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class StartOperator : public Operator {
 public:
  explicit StartOperator(std::shared_ptr<const size_t> width) : width_(std::move(width)) {}
  void reset() override { done_ = false; }
  std::string describe() const override { return "Start"; }
  std::vector<Operator*> children() const override { return {}; }

 protected:
  Result<bool> produce(ExecContext&, RowBatch& out) override {
    if (!done_) out.push_back(Row(*width_));
    done_ = true;
    return false;
  }

 private:
  std::shared_ptr<const size_t> width_;
  bool done_ = false;
};

class NodeScanOperator : public RowOperator {
 public:
  NodeScanOperator(OperatorPtr input, int slot, std::optional<std::string> label,
                   std::string variable)
      : RowOperator(std::move(input)),
        slot_(slot),
        label_(std::move(label)),
        variable_(std::move(variable)) {}

  std::string describe() const override {
    return label_ ? "NodeByLabelScan (" + variable_ + ":" + *label_ + ")"
                  : "AllNodesScan (" + variable_ + ")";
  }

  void reset() override {
    RowOperator::reset();
    cursor_.reset();  // it refers to the last execution's transaction
  }

 protected:
  Status begin_row(ExecContext& ctx, Row&) override {
    cursor_.reset();
    if (!label_) {
      cursor_.emplace(ctx.txn().scan_nodes());
    } else if (auto id = ctx.label(*label_)) {
      cursor_.emplace(ctx.txn().scan_label(*id));
    }
    first_ = true;
    return Status();
  }

  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (!cursor_) return false;
    if (!first_) cursor_->next();
    first_ = false;
    if (!cursor_->valid()) {
      KG_TRY(cursor_->status());
      return false;
    }
    out[static_cast<size_t>(slot_)] = ExecContext::node_ref(cursor_->node());
    return true;
  }

 private:
  int slot_;
  std::optional<std::string> label_;
  std::string variable_;
  std::optional<engine::node_store::NodeCursor> cursor_;
  bool first_ = true;
};

class IndexSeekOperator : public RowOperator {
 public:
  IndexSeekOperator(OperatorPtr input, IndexSeekSpec spec)
      : RowOperator(std::move(input)), spec_(std::move(spec)) {}

  std::string describe() const override {
    std::string what = spec_.value ? " = ..." : " in a range";
    return "NodeIndexSeek (" + spec_.variable + ":" + spec_.label + " {" + spec_.key + what + "})";
  }

  void reset() override {
    RowOperator::reset();
    cursor_.reset();  // it refers to the last execution's transaction
  }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    cursor_.reset();
    first_ = true;
    auto label = ctx.label(spec_.label);
    auto key = ctx.prop_key(spec_.key);
    if (!label || !key || !ctx.txn().find_index(*label, *key)) return Status();
    if (spec_.value) {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*spec_.value, in, ctx));
      if (v.is_null() || v.is_node() || v.is_relationship() || v.is_path()) return Status();
      recheck_.reset();
      if (v.is_list() || v.is_map()) recheck_ = std::make_pair(*key, v);
      cursor_.emplace(ctx.txn().index_seek(*label, *key, v));
      return Status();
    }
    std::optional<engine::property_index::Bound> lower, upper;
    if (spec_.lower) {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*spec_.lower, in, ctx));
      if (v.is_null()) return Status();
      lower = engine::property_index::Bound{v, spec_.lower_inclusive};
    }
    if (spec_.upper) {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*spec_.upper, in, ctx));
      if (v.is_null()) return Status();
      upper = engine::property_index::Bound{v, spec_.upper_inclusive};
    }
    // Only same-kind ranges of numbers or strings are index ranges; the planner keeps the
    // predicate as a filter too, so anything else simply finds nothing here.
    auto orderable = [](const Value& v) { return v.is_number() || v.is_string(); };
    if ((lower && !orderable(lower->value)) || (upper && !orderable(upper->value))) return Status();
    if (lower && upper && lower->value.is_number() != upper->value.is_number()) return Status();
    cursor_.emplace(ctx.txn().index_range(*label, *key, lower, upper));
    return Status();
  }

  Result<bool> next_row(ExecContext& ctx, const Row&, Row& out) override {
    if (!cursor_) return false;
    for (;;) {
      if (!first_) cursor_->next();
      first_ = false;
      if (!cursor_->valid()) {
        KG_TRY(cursor_->status());
        return false;
      }
      if (recheck_) {
        // The encoding equates lists and maps element by element; Cypher's = is null when an
        // element is null. Check the stored value itself.
        KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(cursor_->node()));
        const Value* stored =
            rec ? engine::find_property(rec->properties, recheck_->first) : nullptr;
        if (stored == nullptr || equals(*stored, recheck_->second) != Tri::kTrue) continue;
      }
      out[static_cast<size_t>(spec_.slot)] = ExecContext::node_ref(cursor_->node());
      return true;
    }
  }

 private:
  std::optional<std::pair<engine::PropKeyId, Value>> recheck_;
  IndexSeekSpec spec_;
  std::optional<engine::property_index::IndexCursor> cursor_;
  bool first_ = true;
};

class NodeByIdOperator : public RowOperator {
 public:
  NodeByIdOperator(OperatorPtr input, int slot, const ast::Expr* id, std::string variable)
      : RowOperator(std::move(input)), slot_(slot), id_(id), variable_(std::move(variable)) {}
  std::string describe() const override { return "NodeByIdSeek (" + variable_ + ")"; }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    found_.reset();
    KG_ASSIGN_OR_RETURN(Value v, evaluate(*id_, in, ctx));
    if (!v.is_int() || v.as_int() < 0) return Status();
    NodeId id{static_cast<uint64_t>(v.as_int())};
    KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(id));
    if (rec != nullptr) found_ = id;
    return Status();
  }
  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (!found_) return false;
    out[static_cast<size_t>(slot_)] = ExecContext::node_ref(*found_);
    found_.reset();
    return true;
  }
  bool one_row_per_input() const override { return true; }

 private:
  int slot_;
  const ast::Expr* id_;
  std::string variable_;
  std::optional<NodeId> found_;
};

}  // namespace

OperatorPtr make_start(std::shared_ptr<const size_t> width) {
  return std::make_unique<StartOperator>(std::move(width));
}

OperatorPtr make_node_scan(OperatorPtr input, int slot, std::optional<std::string> label,
                           std::string variable) {
  return std::make_unique<NodeScanOperator>(std::move(input), slot, std::move(label),
                                            std::move(variable));
}

OperatorPtr make_index_seek(OperatorPtr input, IndexSeekSpec spec) {
  return std::make_unique<IndexSeekOperator>(std::move(input), std::move(spec));
}

OperatorPtr make_node_by_id(OperatorPtr input, int slot, const ast::Expr* id,
                            std::string variable) {
  return std::make_unique<NodeByIdOperator>(std::move(input), slot, id, std::move(variable));
}

}  // namespace kg::query
