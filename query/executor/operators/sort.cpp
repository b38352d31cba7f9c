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

  // Orders two key rows as the sort keys do (<0: `a` first).
  int compare(const Row& a, const Row& b) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      int c = order(a[i], b[i]);
      if (c != 0) return keys_[i].descending ? -c : c;
    }
    return 0;
  }

  // Drops the rows that rank after the n-th (n >= 1), keeping ties with it and the input order.
  // A row dropped now stays out: rows arriving later can only move the cut-off forward.
  void prune(size_t n) {
    if (rows_.size() <= n) return;
    std::vector<size_t> ranked(rows_.size());
    for (size_t i = 0; i < ranked.size(); ++i) ranked[i] = i;
    auto nth = ranked.begin() + static_cast<std::ptrdiff_t>(n - 1);
    std::nth_element(ranked.begin(), nth, ranked.end(),
                     [&](size_t a, size_t b) { return compare(rows_[a].keys, rows_[b].keys) < 0; });
    Row cutoff = rows_[*nth].keys;
    std::erase_if(rows_, [&](const Keyed& k) { return compare(k.keys, cutoff) > 0; });
  }

  Status select(ExecContext& ctx) {
    Row empty;
    KG_ASSIGN_OR_RETURN(Value n, evaluate(*limit_, empty, ctx));
    // A limit the later Limit rejects (negative, not an integer): every row passes, for it to
    // report. Otherwise the buffer is pruned whenever it holds twice the limit (and a batch), so
    // its memory stays near the limit's, not the input's.
    const bool valid = n.is_int() && n.as_int() >= 0;
    const size_t limit = valid ? static_cast<size_t>(n.as_int()) : 0;
    const size_t prune_at = 2 * limit + kBatchSize;
    for (;;) {
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
      for (Row& r : batch) {
        if (valid && limit == 0) continue;
        Keyed k;
        for (const SortKey& key : keys_) {
          KG_ASSIGN_OR_RETURN(Value v, evaluate(*key.expr, r, ctx));
          k.keys.push_back(std::move(v));
        }
        k.row = std::move(r);
        rows_.push_back(std::move(k));
      }
      if (valid && limit > 0 && rows_.size() >= prune_at) prune(limit);
      if (!more) break;
      KG_TRY(ctx.check_interrupt());
    }
    if (valid && limit > 0) prune(limit);
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
