#include "query/executor/operator.hpp"

namespace kg::query {

Result<bool> Operator::next(ExecContext& ctx, RowBatch& out) {
  if (!ctx.profiling()) {
    size_t before = out.size();
    auto more = produce(ctx, out);
    rows_ += out.size() - before;
    return more;
  }
  auto start = std::chrono::steady_clock::now();
  size_t before = out.size();
  auto more = produce(ctx, out);
  rows_ += out.size() - before;
  time_ += std::chrono::steady_clock::now() - start;
  return more;
}

double Operator::self_ms() const {
  auto total = time_;
  for (const Operator* c : children())
    if (c != nullptr) total -= c->time_;
  return std::chrono::duration<double, std::milli>(total).count();
}

std::string Operator::explain(bool with_profile, int depth) const {
  std::string line(static_cast<size_t>(depth) * 2, ' ');
  line += describe();
  if (with_profile) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "  [rows=%llu, time=%.3f ms]",
                  static_cast<unsigned long long>(rows_), self_ms());
    line += buf;
  }
  line += "\n";
  for (const Operator* c : children())
    if (c != nullptr) line += c->explain(with_profile, depth + 1);
  return line;
}

void RowOperator::reset() {
  Operator::reset();
  in_batch_.clear();
  in_index_ = 0;
  input_done_ = false;
  in_row_ = false;
}

Result<bool> RowOperator::produce(ExecContext& ctx, RowBatch& out) {
  const bool in_place = one_row_per_input();
  while (out.size() < kBatchSize) {
    if (!in_row_) {
      if (in_index_ >= in_batch_.size()) {
        if (input_done_) return false;
        KG_TRY(ctx.check_interrupt());
        in_batch_.clear();
        in_index_ = 0;
        KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, in_batch_));
        input_done_ = !more;
        KG_TRY(begin_batch(ctx, in_batch_));
        continue;
      }
      KG_TRY(begin_row(ctx, in_batch_[in_index_]));
      in_row_ = true;
    }
    if (in_place) {
      Row& row = in_batch_[in_index_];
      KG_ASSIGN_OR_RETURN(bool got, next_row(ctx, row, row));
      in_row_ = false;
      ++in_index_;
      if (got) out.push_back(std::move(row));
      continue;
    }
    const Row& in = in_batch_[in_index_];
    Row row = in;
    KG_ASSIGN_OR_RETURN(bool got, next_row(ctx, in, row));
    if (!got) {
      in_row_ = false;
      ++in_index_;
      continue;
    }
    out.push_back(std::move(row));
  }
  return true;
}

Result<RowBatch> drain(Operator& op, ExecContext& ctx) {
  RowBatch all;
  for (;;) {
    RowBatch batch;
    KG_ASSIGN_OR_RETURN(bool more, op.next(ctx, batch));
    if (all.empty()) {
      all = std::move(batch);
    } else {
      for (Row& r : batch) all.push_back(std::move(r));
    }
    if (!more) return all;
    KG_TRY(ctx.check_interrupt());
  }
}

}  // namespace kg::query
