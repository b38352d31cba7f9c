// UpdateOperator: the shape of every writing clause (CREATE, MERGE, SET, REMOVE, DELETE). It
// reads all of its input before it writes anything, so the reads of earlier clauses never see
// this clause's writes (Cypher's clause-at-a-time semantics, Neo4j's "Eager"), and no storage
// cursor is open while it writes.
#pragma once

#include "query/executor/operator.hpp"

namespace kg::query {

class UpdateOperator : public Operator {
 public:
  explicit UpdateOperator(OperatorPtr input) : input_(std::move(input)) {}
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    pending_.clear();
    done_ = false;
    next_ = 0;
  }

 protected:
  // Applies the clause to one input row, appending the resulting rows (usually the row itself).
  virtual Status update_row(ExecContext& ctx, Row& row, RowBatch& out) = 0;

  Result<bool> produce(ExecContext& ctx, RowBatch& out) final {
    if (!done_) {
      KG_ASSIGN_OR_RETURN(RowBatch input, drain(*input_, ctx));
      for (Row& row : input) {
        KG_TRY(ctx.check_interrupt());
        KG_TRY(update_row(ctx, row, pending_));
      }
      done_ = true;
    }
    while (next_ < pending_.size() && out.size() < kBatchSize)
      out.push_back(std::move(pending_[next_++]));
    return next_ < pending_.size();
  }

  OperatorPtr input_;

 private:
  RowBatch pending_;
  bool done_ = false;
  size_t next_ = 0;
};

// Checks that a value may be stored as a property by Cypher: null, a boolean, a number, a string,
// or a list of those (Neo4j's property types). TypeError "InvalidPropertyType" otherwise.
Status check_property_value(const Value& v, SourcePos pos);

}  // namespace kg::query
