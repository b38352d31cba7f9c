// SubPlan: an operator tree run once per outer row — for OPTIONAL MATCH, pattern predicates and
// pattern comprehensions. Its leaf is an ArgumentOperator that yields the outer row.
#pragma once

#include "query/executor/operator.hpp"

namespace kg::query {

// Yields one row: the row given to set_row() (then nothing until reset()).
class ArgumentOperator : public Operator {
 public:
  void set_row(const Row& row) { row_ = row; }
  void reset() override { done_ = false; }
  std::string describe() const override { return "Argument"; }
  std::vector<Operator*> children() const override { return {}; }

 protected:
  Result<bool> produce(ExecContext&, RowBatch& out) override {
    if (!done_) out.push_back(row_);
    done_ = true;
    return false;
  }

 private:
  Row row_;
  bool done_ = false;
};

struct SubPlan {
  OperatorPtr root;
  ArgumentOperator* argument = nullptr;  // owned by `root`'s tree

  // Restarts the subplan on `outer`.
  void start(const Row& outer) {
    root->reset();
    argument->set_row(outer);
  }
};

}  // namespace kg::query
