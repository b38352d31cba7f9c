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

}  // namespace

OperatorPtr make_sort(OperatorPtr input, std::vector<SortKey> keys, const ast::Expr* limit) {
  return std::make_unique<SortOperator>(std::move(input), std::move(keys), limit);
}

}  // namespace kg::query
