// ProcedureCall: CALL proc(args) YIELD ..., once per input row.
#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"
#include "query/procedures/procedures.hpp"

namespace kg::query {

namespace {

class ProcedureCallOperator : public RowOperator {
 public:
  ProcedureCallOperator(OperatorPtr input, ProcedureCallSpec spec)
      : RowOperator(std::move(input)),
        spec_(std::move(spec)),
        procedure_(find_procedure(spec_.procedure)) {}
  std::string describe() const override { return "ProcedureCall " + spec_.procedure; }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    rows_.clear();
    next_ = 0;
    if (procedure_ == nullptr) return Status::internal("unknown procedure " + spec_.procedure);
    std::vector<Value> args;
    for (const ast::Expr* e : spec_.args) {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*e, in, ctx));
      args.push_back(std::move(v));
    }
    args.resize(procedure_->inputs.size());  // left-out optional arguments are null
    auto rows = procedure_->run(args, ctx);
    if (!rows) {
      // A bad argument is the CALL's fault: point at it. Interruptions and storage errors are not.
      const Status& e = rows.error();
      bool argument =
          e.code() == StatusCode::kProcedureError || e.code() == StatusCode::kInvalidArgument;
      if (e.pos().known() || !argument) return e;
      return Status(e.code(), e.message(), spec_.pos, e.detail());
    }
    rows_ = std::move(*rows);
    return Status();
  }
  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (next_ >= rows_.size()) return false;
    std::vector<Value>& r = rows_[next_++];
    for (const auto& [field, slot] : spec_.yields) {
      for (size_t i = 0; i < procedure_->outputs.size(); ++i)
        if (procedure_->outputs[i] == field) out[static_cast<size_t>(slot)] = r[i];
    }
    return true;
  }

 private:
  ProcedureCallSpec spec_;
  const Procedure* procedure_;
  std::vector<std::vector<Value>> rows_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr make_procedure_call(OperatorPtr input, ProcedureCallSpec spec) {
  return std::make_unique<ProcedureCallOperator>(std::move(input), std::move(spec));
}

}  // namespace kg::query
