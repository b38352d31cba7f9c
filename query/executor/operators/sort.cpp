// Sort (ORDER BY) in Cypher's total order, stable; with a limit, a top-N that keeps only the
// first rows.
#include <algorithm>

#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class SortOperator : public Operator {
 public:
  SortOperator(OperatorPtr input, std::vector<SortKey> keys, const ast::Expr* limit)
      : input_(std::move(input)), keys_(std::move(keys)), limit_(limit) {}
  std::string describe() const override { return limit_ ? "Top" : "Sort"; }
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    sorted_ = false;
    rows_.clear();
    next_ = 0;
  }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    if (!sorted_) {
      KG_TRY(sort(ctx));
      sorted_ = true;
    }
    while (next_ < rows_.size() && out.size() < kBatchSize)
      out.push_back(std::move(rows_[next_++].row));
    return next_ < rows_.size();
  }

 private:
  struct Keyed {
    Row keys;
    Row row;
  };

  Status sort(ExecContext& ctx) {
    for (;;) {
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
      for (Row& r : batch) {
        Keyed k;
        for (const SortKey& key : keys_) {
          KG_ASSIGN_OR_RETURN(Value v, evaluate(*key.expr, r, ctx));
          k.keys.push_back(std::move(v));
        }
        k.row = std::move(r);
        rows_.push_back(std::move(k));
      }
      if (!more) break;
      KG_TRY(ctx.check_interrupt());
    }
    auto less = [&](const Keyed& a, const Keyed& b) {
      for (size_t i = 0; i < keys_.size(); ++i) {
        int c = order(a.keys[i], b.keys[i]);
        if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
      }
      return false;
    };
    if (limit_) {
      Row empty;
      KG_ASSIGN_OR_RETURN(Value n, evaluate(*limit_, empty, ctx));
      if (n.is_int() && n.as_int() >= 0 && static_cast<size_t>(n.as_int()) < rows_.size()) {
        auto mid = rows_.begin() + n.as_int();
        std::partial_sort(rows_.begin(), mid, rows_.end(), less);
        rows_.erase(mid, rows_.end());
        // partial_sort is not stable; equal keys keep input order by a final stable pass.
        std::stable_sort(rows_.begin(), rows_.end(), less);
        return Status();
      }
    }
    std::stable_sort(rows_.begin(), rows_.end(), less);
    return Status();
  }

  OperatorPtr input_;
  std::vector<SortKey> keys_;
  const ast::Expr* limit_;
  std::vector<Keyed> rows_;
  bool sorted_ = false;
  size_t next_ = 0;
};

class TopCandidatesOperator : public Operator {
 public:
  TopCandidatesOperator(OperatorPtr input, std::vector<SortKey> keys, const ast::Expr* limit)
      : input_(std::move(input)), keys_(std::move(keys)), limit_(limit) {}
  std::string describe() const override { return "TopCandidates"; }
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    done_ = false;
    rows_.clear();
    next_ = 0;
  }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    if (!done_) {
      KG_TRY(select(ctx));
      done_ = true;
    }
    while (next_ < rows_.size() && out.size() < kBatchSize)
      out.push_back(std::move(rows_[next_++].row));
    return next_ < rows_.size();
  }

 private:
  struct Keyed {
    Row keys;
    Row row;
  };

  Status select(ExecContext& ctx) {
    for (;;) {
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
      for (Row& r : batch) {
        Keyed k;
        for (const SortKey& key : keys_) {
          KG_ASSIGN_OR_RETURN(Value v, evaluate(*key.expr, r, ctx));
          k.keys.push_back(std::move(v));
        }
        k.row = std::move(r);
        rows_.push_back(std::move(k));
      }
      if (!more) break;
      KG_TRY(ctx.check_interrupt());
    }
    Row empty;
    KG_ASSIGN_OR_RETURN(Value n, evaluate(*limit_, empty, ctx));
    // A limit the later Limit rejects (negative, not an integer) or that keeps every row: all pass.
    if (!n.is_int() || n.as_int() < 0 || static_cast<size_t>(n.as_int()) >= rows_.size())
      return Status();
    auto compare = [&](const Row& a, const Row& b) {
      for (size_t i = 0; i < keys_.size(); ++i) {
        int c = order(a[i], b[i]);
        if (c != 0) return keys_[i].descending ? -c : c;
      }
      return 0;
    };
    if (n.as_int() == 0) {
      rows_.clear();
      return Status();
    }
    // The key of the row at position n - 1 in sorted order: the cut-off.
    std::vector<size_t> order_of(rows_.size());
    for (size_t i = 0; i < order_of.size(); ++i) order_of[i] = i;
    auto nth = order_of.begin() + (n.as_int() - 1);
    std::nth_element(order_of.begin(), nth, order_of.end(),
                     [&](size_t a, size_t b) { return compare(rows_[a].keys, rows_[b].keys) < 0; });
    Row cutoff = rows_[*nth].keys;
    std::erase_if(rows_, [&](const Keyed& k) { return compare(k.keys, cutoff) > 0; });
    return Status();
  }

  OperatorPtr input_;
  std::vector<SortKey> keys_;
  const ast::Expr* limit_;
  std::vector<Keyed> rows_;
  bool done_ = false;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr make_top_candidates(OperatorPtr input, std::vector<SortKey> keys,
                                const ast::Expr* limit) {
  return std::make_unique<TopCandidatesOperator>(std::move(input), std::move(keys), limit);
}

OperatorPtr make_sort(OperatorPtr input, std::vector<SortKey> keys, const ast::Expr* limit) {
  return std::make_unique<SortOperator>(std::move(input), std::move(keys), limit);
}

}  // namespace kg::query
