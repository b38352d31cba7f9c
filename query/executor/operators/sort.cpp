// Sort (ORDER BY) in Cypher's total order, stable; with a limit, a top-N that keeps only the
// first rows; and TopCandidates, which only drops the rows that cannot be among the first N.
// With a limit, the buffer is pruned while rows arrive, so its memory follows the limit, not the
// input.
#include <algorithm>
#include <optional>

#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

enum class SortMode {
  kSort,        // every row, sorted (with a limit: the first `limit`, sorted)
  kCandidates,  // the rows within the first `limit` or tied with the last of them, input order
};

class SortOperator : public Operator {
 public:
  SortOperator(OperatorPtr input, std::vector<SortKey> keys, const ast::Expr* limit, SortMode mode)
      : input_(std::move(input)), keys_(std::move(keys)), limit_(limit), mode_(mode) {}
  std::string describe() const override {
    if (mode_ == SortMode::kCandidates) return "TopCandidates";
    return limit_ ? "Top" : "Sort";
  }
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    sorted_ = false;
    rows_.clear();
    cutoff_.reset();
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

  // Orders two key rows as the sort keys do (<0: `a` first).
  int compare(const Row& a, const Row& b) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      int c = order(a[i], b[i]);
      if (c != 0) return keys_[i].descending ? -c : c;
    }
    return 0;
  }

  // Drops the rows that rank after the n-th (n >= 1), keeping ties with it and the input order,
  // and remembers the n-th's keys as the cut-off. A row dropped now stays out: rows arriving
  // later can only move the cut-off forward, so a later row ranking after it is dropped on
  // arrival (see sort()).
  void prune(size_t n) {
    if (rows_.size() <= n) return;
    std::vector<size_t> ranked(rows_.size());
    for (size_t i = 0; i < ranked.size(); ++i) ranked[i] = i;
    auto nth = ranked.begin() + static_cast<std::ptrdiff_t>(n - 1);
    std::nth_element(ranked.begin(), nth, ranked.end(),
                     [&](size_t a, size_t b) { return compare(rows_[a].keys, rows_[b].keys) < 0; });
    cutoff_ = rows_[*nth].keys;
    std::erase_if(rows_, [&](const Keyed& k) { return compare(k.keys, *cutoff_) > 0; });
  }

  Status sort(ExecContext& ctx) {
    // The limit, when it is one the later Limit accepts (a non-negative integer); otherwise
    // every row stays, for Limit to report it.
    std::optional<size_t> limit;
    if (limit_) {
      Row empty;
      KG_ASSIGN_OR_RETURN(Value n, evaluate(*limit_, empty, ctx));
      if (n.is_int() && n.as_int() >= 0) limit = static_cast<size_t>(n.as_int());
    }
    for (;;) {
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
      for (Row& r : batch) {
        if (limit == 0u) continue;
        Keyed k;
        for (const SortKey& key : keys_) {
          KG_ASSIGN_OR_RETURN(Value v, evaluate(*key.expr, r, ctx));
          k.keys.push_back(std::move(v));
        }
        if (cutoff_ && compare(k.keys, *cutoff_) > 0) continue;  // cannot make the first rows
        k.row = std::move(r);
        rows_.push_back(std::move(k));
      }
      if (limit && *limit > 0 && rows_.size() >= 2 * *limit + kBatchSize) prune(*limit);
      if (!more) break;
      KG_TRY(ctx.check_interrupt());
    }
    if (limit && *limit > 0) prune(*limit);
    if (mode_ == SortMode::kCandidates) return Status();
    auto less = [&](const Keyed& a, const Keyed& b) { return compare(a.keys, b.keys) < 0; };
    // After pruning, rows beyond the limit are ties with the last kept one: a stable sort keeps
    // them in input order, and the cut drops them.
    std::stable_sort(rows_.begin(), rows_.end(), less);
    if (limit && *limit < rows_.size()) rows_.erase(rows_.begin() + *limit, rows_.end());
    return Status();
  }

  OperatorPtr input_;
  std::vector<SortKey> keys_;
  const ast::Expr* limit_;
  SortMode mode_;
  std::vector<Keyed> rows_;
  std::optional<Row> cutoff_;  // the keys of the last kept row after a prune; none before
  bool sorted_ = false;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr make_sort(OperatorPtr input, std::vector<SortKey> keys, const ast::Expr* limit) {
  return std::make_unique<SortOperator>(std::move(input), std::move(keys), limit, SortMode::kSort);
}

OperatorPtr make_top_candidates(OperatorPtr input, std::vector<SortKey> keys,
                                const ast::Expr* limit) {
  return std::make_unique<SortOperator>(std::move(input), std::move(keys), limit,
                                        SortMode::kCandidates);
}

}  // namespace kg::query
