// Physical operators: pull-based, over batches of rows. A plan is a tree of operators; the root is
// pulled until it reports the end. Each row is a vector of values indexed by the slots the planner
// gave to variables (every row of a plan has the same width).
//
// Operators are built once per plan and reused: open() prepares one execution, reset() starts the
// operator (and its inputs) over, as an OPTIONAL MATCH does for each outer row.
// Thread-safety: an operator tree is used by one execution at a time.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kg/status.hpp"
#include "query/executor/exec_context.hpp"

namespace kg::query {

constexpr size_t kBatchSize = 1024;

using RowBatch = std::vector<Row>;

class Operator {
 public:
  virtual ~Operator() = default;

  // Starts over for a new execution or a new outer row.
  virtual void reset() {
    for (auto* child : children()) child->reset();
  }
  // Appends up to kBatchSize rows to `out` (which the caller passes empty). Returns false once no
  // rows will follow (rows appended by that same call still count).
  Result<bool> next(ExecContext& ctx, RowBatch& out);

  // EXPLAIN: the operator's one-line description ("Expand (a)-[:BUYS]->(b)").
  virtual std::string describe() const = 0;
  virtual std::vector<Operator*> children() const = 0;

  // PROFILE figures, counted by next().
  uint64_t rows_produced() const { return rows_; }
  double self_ms() const;
  // The plan below and including this operator, one operator per line, indented.
  std::string explain(bool with_profile, int depth = 0) const;

 protected:
  virtual Result<bool> produce(ExecContext& ctx, RowBatch& out) = 0;

 private:
  uint64_t rows_ = 0;
  std::chrono::nanoseconds time_{0};
};

using OperatorPtr = std::unique_ptr<Operator>;

// An operator that turns each input row into zero or more output rows, in order: subclasses say
// how one row starts (begin_row) and hand out its output rows one at a time (next_row).
class RowOperator : public Operator {
 public:
  explicit RowOperator(OperatorPtr input) : input_(std::move(input)) {}
  void reset() override;
  std::vector<Operator*> children() const override { return {input_.get()}; }

 protected:
  // Called for each batch of input rows, before begin_row() of its first row.
  virtual Status begin_batch(ExecContext&, const RowBatch&) { return Status(); }
  // Called for each input row before next_row().
  virtual Status begin_row(ExecContext& ctx, Row& in) = 0;
  // Writes the next output row for the current input into `out` (which holds a copy of the input
  // row); returns false when the current input row has no more output rows.
  virtual Result<bool> next_row(ExecContext& ctx, const Row& in, Row& out) = 0;
  // Whether next_row() gives at most one output row per input row (Filter, Project). Then `in`
  // and `out` are the same row, which moves to the output instead of being copied, and next_row()
  // is called once per input row.
  virtual bool one_row_per_input() const { return false; }

  Result<bool> produce(ExecContext& ctx, RowBatch& out) final;

  OperatorPtr input_;

 private:
  RowBatch in_batch_;
  size_t in_index_ = 0;
  bool input_done_ = false;
  bool in_row_ = false;
};

// Pulls every row of `op`. Used by blocking operators and by subplans.
Result<RowBatch> drain(Operator& op, ExecContext& ctx);

}  // namespace kg::query
