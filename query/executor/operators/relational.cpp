// Row-at-a-time operators: Filter, Project, Unwind, Optional, Distinct, Skip, Limit,
// ProduceResults, Union, Eager.
#include <algorithm>
#include <unordered_set>

#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class FilterOperator : public RowOperator {
 public:
  FilterOperator(OperatorPtr input, const ast::Expr* predicate, std::string description)
      : RowOperator(std::move(input)),
        predicate_(predicate),
        description_(std::move(description)) {}
  std::string describe() const override { return "Filter " + description_; }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    KG_ASSIGN_OR_RETURN(Tri t, evaluate_predicate(*predicate_, in, ctx));
    pass_ = t == Tri::kTrue;
    return Status();
  }
  Result<bool> next_row(ExecContext&, const Row&, Row&) override {
    bool p = pass_;
    pass_ = false;
    return p;
  }
  bool one_row_per_input() const override { return true; }

 private:
  const ast::Expr* predicate_;
  std::string description_;
  bool pass_ = false;
};

class ProjectOperator : public RowOperator {
 public:
  ProjectOperator(OperatorPtr input, std::vector<ProjectItem> items, std::string description)
      : RowOperator(std::move(input)),
        items_(std::move(items)),
        description_(std::move(description)) {
    for (const ProjectItem& item : items_) {
      const ast::Expr& e = *item.expr;
      if (e.kind != ast::ExprKind::kProperty || e.children[0]->kind != ast::ExprKind::kVariable)
        continue;
      int slot = e.children[0]->slot;
      if (slot >= 0 && std::find(read_slots_.begin(), read_slots_.end(), slot) == read_slots_.end())
        read_slots_.push_back(slot);
    }
  }
  std::string describe() const override { return "Projection " + description_; }

 protected:
  // Items like `b.name` read a property of each row's node: the batch's nodes are read at once.
  Status begin_batch(ExecContext& ctx, const RowBatch& batch) override {
    if (read_slots_.empty() || batch.size() < 2) return Status();
    ids_.clear();
    for (const Row& row : batch) {
      for (int s : read_slots_) {
        const Value& v = row[static_cast<size_t>(s)];
        if (v.is_node()) ids_.push_back(v.as_node().id);
      }
    }
    return ctx.prefetch_nodes(ids_);
  }
  Status begin_row(ExecContext& ctx, Row& in) override {
    // Evaluate every item before assigning any, so items see the incoming row only.
    values_.clear();
    for (const ProjectItem& item : items_) {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*item.expr, in, ctx));
      values_.push_back(std::move(v));
    }
    pending_ = true;
    return Status();
  }
  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (!pending_) return false;
    pending_ = false;
    for (size_t i = 0; i < items_.size(); ++i)
      out[static_cast<size_t>(items_[i].slot)] = std::move(values_[i]);
    return true;
  }
  bool one_row_per_input() const override { return true; }

 private:
  std::vector<ProjectItem> items_;
  std::string description_;
  std::vector<int> read_slots_;  // node variables whose properties the items read
  std::vector<NodeId> ids_;      // scratch of begin_batch
  std::vector<Value> values_;
  bool pending_ = false;
};

class UnwindOperator : public RowOperator {
 public:
  UnwindOperator(OperatorPtr input, const ast::Expr* list, int slot, std::string variable)
      : RowOperator(std::move(input)), list_(list), slot_(slot), variable_(std::move(variable)) {}
  std::string describe() const override { return "Unwind (" + variable_ + ")"; }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    KG_ASSIGN_OR_RETURN(Value v, evaluate(*list_, in, ctx));
    items_.clear();
    next_ = 0;
    if (v.is_list()) {
      items_ = std::move(v.as_list());
    } else if (!v.is_null()) {
      items_.push_back(std::move(v));  // UNWIND of a single value yields it once
    }
    return Status();
  }
  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (next_ >= items_.size()) return false;
    out[static_cast<size_t>(slot_)] = std::move(items_[next_++]);
    return true;
  }

 private:
  const ast::Expr* list_;
  int slot_;
  std::string variable_;
  List items_;
  size_t next_ = 0;
};

class OptionalOperator : public RowOperator {
 public:
  OptionalOperator(OperatorPtr input, SubPlan subplan, std::vector<int> null_slots)
      : RowOperator(std::move(input)),
        subplan_(std::move(subplan)),
        null_slots_(std::move(null_slots)) {}
  std::string describe() const override { return "Optional"; }
  std::vector<Operator*> children() const override { return {input_.get(), subplan_.root.get()}; }
  void reset() override {
    RowOperator::reset();
    subplan_.root->reset();
  }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    subplan_.start(in);
    KG_ASSIGN_OR_RETURN(rows_, drain(*subplan_.root, ctx));
    next_ = 0;
    if (rows_.empty()) {
      Row padded = in;
      for (int s : null_slots_) padded[static_cast<size_t>(s)] = Value();
      rows_.push_back(std::move(padded));
    }
    return Status();
  }
  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (next_ >= rows_.size()) return false;
    out = std::move(rows_[next_++]);
    return true;
  }

 private:
  SubPlan subplan_;
  std::vector<int> null_slots_;
  RowBatch rows_;
  size_t next_ = 0;
};

class DistinctOperator : public RowOperator {
 public:
  DistinctOperator(OperatorPtr input, std::vector<int> slots)
      : RowOperator(std::move(input)), slots_(std::move(slots)) {}
  std::string describe() const override { return "Distinct"; }
  void reset() override {
    RowOperator::reset();
    seen_.clear();
  }

 protected:
  Status begin_row(ExecContext&, Row& in) override {
    // Entities compare by identity, values by equivalence (nested entities too).
    Row key;
    key.reserve(slots_.size());
    for (int s : slots_) key.push_back(in[static_cast<size_t>(s)]);
    pass_ = seen_.insert(std::move(key)).second;
    return Status();
  }
  Result<bool> next_row(ExecContext&, const Row&, Row&) override {
    bool p = pass_;
    pass_ = false;
    return p;
  }
  bool one_row_per_input() const override { return true; }

 private:
  std::vector<int> slots_;
  std::unordered_set<Row, RowHash, RowEquivalent> seen_;
  bool pass_ = false;
};

// Evaluates a SKIP or LIMIT count: a non-negative integer.
Result<uint64_t> count_of(const ast::Expr& e, ExecContext& ctx, std::string_view what) {
  Row empty;
  KG_ASSIGN_OR_RETURN(Value v, evaluate(e, empty, ctx));
  if (!v.is_int())
    return Status(StatusCode::kSyntaxError,
                  std::string(what) + " needs a non-negative INTEGER, not " + v.to_literal(), e.pos,
                  "InvalidArgumentType");
  if (v.as_int() < 0)
    return Status(StatusCode::kSyntaxError,
                  std::string(what) + " needs a non-negative INTEGER, not " + v.to_literal(), e.pos,
                  "NegativeIntegerArgument");
  return static_cast<uint64_t>(v.as_int());
}

class SkipOperator : public Operator {
 public:
  SkipOperator(OperatorPtr input, const ast::Expr* count)
      : input_(std::move(input)), count_(count) {}
  std::string describe() const override { return "Skip"; }
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    remaining_.reset();
  }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    if (!remaining_) {
      KG_ASSIGN_OR_RETURN(remaining_, count_of(*count_, ctx, "SKIP"));
    }
    for (;;) {
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
      for (Row& r : batch) {
        if (*remaining_ > 0) {
          --*remaining_;
        } else {
          out.push_back(std::move(r));
        }
      }
      if (!more) return false;
      if (!out.empty()) return true;
    }
  }

 private:
  OperatorPtr input_;
  const ast::Expr* count_;
  std::optional<uint64_t> remaining_;
};

class LimitOperator : public Operator {
 public:
  LimitOperator(OperatorPtr input, const ast::Expr* count, bool exhaust)
      : input_(std::move(input)), count_(count), exhaust_(exhaust) {}
  std::string describe() const override { return "Limit"; }
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    remaining_.reset();
  }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    if (!remaining_) {
      KG_ASSIGN_OR_RETURN(remaining_, count_of(*count_, ctx, "LIMIT"));
    }
    while (*remaining_ > 0) {  // stop pulling as soon as the limit is reached
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
      for (Row& r : batch) {
        if (*remaining_ == 0) break;
        --*remaining_;
        out.push_back(std::move(r));
      }
      if (!more) return false;
      if (!out.empty() && *remaining_ > 0) return true;
    }
    if (exhaust_) KG_TRY(drain(*input_, ctx).status());
    return false;
  }

 private:
  OperatorPtr input_;
  const ast::Expr* count_;
  bool exhaust_;
  std::optional<uint64_t> remaining_;
};

class ProduceResultsOperator : public Operator {
 public:
  ProduceResultsOperator(OperatorPtr input, std::vector<int> slots)
      : input_(std::move(input)), slots_(std::move(slots)) {}
  std::string describe() const override { return "ProduceResults"; }
  std::vector<Operator*> children() const override { return {input_.get()}; }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    RowBatch batch;
    KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
    for (Row& r : batch) {
      Row compact;
      compact.reserve(slots_.size());
      for (int s : slots_) compact.push_back(std::move(r[static_cast<size_t>(s)]));
      out.push_back(std::move(compact));
    }
    return more;
  }

 private:
  OperatorPtr input_;
  std::vector<int> slots_;
};

class UnionOperator : public Operator {
 public:
  UnionOperator(std::vector<OperatorPtr> inputs, bool distinct)
      : inputs_(std::move(inputs)), distinct_(distinct) {}
  std::string describe() const override { return distinct_ ? "Union" : "UnionAll"; }
  std::vector<Operator*> children() const override {
    std::vector<Operator*> c;
    for (const auto& i : inputs_) c.push_back(i.get());
    return c;
  }
  void reset() override {
    Operator::reset();
    current_ = 0;
    seen_.clear();
  }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    while (current_ < inputs_.size()) {
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, inputs_[current_]->next(ctx, batch));
      if (!more) ++current_;
      for (Row& r : batch) {
        if (distinct_ && !seen_.insert(r).second) continue;
        out.push_back(std::move(r));
      }
      if (!out.empty()) return current_ < inputs_.size();
    }
    return false;
  }

 private:
  std::vector<OperatorPtr> inputs_;
  bool distinct_;
  size_t current_ = 0;
  std::unordered_set<Row, RowHash, RowEquivalent> seen_;
};

class EagerOperator : public Operator {
 public:
  explicit EagerOperator(OperatorPtr input) : input_(std::move(input)) {}
  std::string describe() const override { return "Eager"; }
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    rows_.reset();
    next_ = 0;
  }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    if (!rows_) {
      KG_ASSIGN_OR_RETURN(rows_, drain(*input_, ctx));
    }
    while (next_ < rows_->size() && out.size() < kBatchSize)
      out.push_back(std::move((*rows_)[next_++]));
    return next_ < rows_->size();
  }

 private:
  OperatorPtr input_;
  std::optional<RowBatch> rows_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr make_filter(OperatorPtr input, const ast::Expr* predicate, std::string description) {
  return std::make_unique<FilterOperator>(std::move(input), predicate, std::move(description));
}
OperatorPtr make_project(OperatorPtr input, std::vector<ProjectItem> items,
                         std::string description) {
  return std::make_unique<ProjectOperator>(std::move(input), std::move(items),
                                           std::move(description));
}
OperatorPtr make_unwind(OperatorPtr input, const ast::Expr* list, int slot, std::string variable) {
  return std::make_unique<UnwindOperator>(std::move(input), list, slot, std::move(variable));
}
OperatorPtr make_optional(OperatorPtr input, SubPlan subplan, std::vector<int> null_slots) {
  return std::make_unique<OptionalOperator>(std::move(input), std::move(subplan),
                                            std::move(null_slots));
}
OperatorPtr make_distinct(OperatorPtr input, std::vector<int> slots) {
  return std::make_unique<DistinctOperator>(std::move(input), std::move(slots));
}
OperatorPtr make_skip(OperatorPtr input, const ast::Expr* count) {
  return std::make_unique<SkipOperator>(std::move(input), count);
}
OperatorPtr make_limit(OperatorPtr input, const ast::Expr* count, bool exhaust) {
  return std::make_unique<LimitOperator>(std::move(input), count, exhaust);
}
OperatorPtr make_produce_results(OperatorPtr input, std::vector<int> slots) {
  return std::make_unique<ProduceResultsOperator>(std::move(input), std::move(slots));
}
OperatorPtr make_union(std::vector<OperatorPtr> inputs, bool distinct) {
  return std::make_unique<UnionOperator>(std::move(inputs), distinct);
}
OperatorPtr make_eager(OperatorPtr input) {
  return std::make_unique<EagerOperator>(std::move(input));
}

}  // namespace kg::query
