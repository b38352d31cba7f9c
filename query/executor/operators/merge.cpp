// Merge: MERGE pattern ON CREATE SET ... ON MATCH SET ...: for each input row, every match of the
// pattern (with ON MATCH applied), or else the pattern created (with ON CREATE applied). Matches
// see what earlier rows of the same MERGE created.
#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"
#include "query/executor/operators/update_operator.hpp"

namespace kg::query {

namespace {

class MergeOperator : public UpdateOperator {
 public:
  MergeOperator(OperatorPtr input, MergeSpec spec)
      : UpdateOperator(std::move(input)), spec_(std::move(spec)) {}
  std::string describe() const override { return "Merge " + spec_.description; }
  std::vector<Operator*> children() const override {
    return {input_.get(), spec_.match.root.get()};
  }

 protected:
  Status update_row(ExecContext& ctx, Row& row, RowBatch& out) override {
    for (const ast::Expr* props : spec_.property_maps) {
      KG_ASSIGN_OR_RETURN(Value m, evaluate(*props, row, ctx));
      bool has_null = m.is_null();
      if (m.is_map())
        for (const auto& [k, v] : m.as_map()) has_null = has_null || v.is_null();
      if (has_null)
        return Status(StatusCode::kSemanticError,
                      "cannot MERGE with a null property value (use a value, or MATCH)", props->pos,
                      "MergeReadOwnWrites");
    }
    spec_.match.start(row);
    KG_ASSIGN_OR_RETURN(RowBatch matches, drain(*spec_.match.root, ctx));
    if (!matches.empty()) {
      for (Row& m : matches) {
        for (const SetSpec& s : spec_.on_match) KG_TRY(apply_set(s, m, ctx));
        out.push_back(std::move(m));
      }
      return Status();
    }
    KG_TRY(create_in_row(spec_.create, row, ctx));
    for (const SetSpec& s : spec_.on_create) KG_TRY(apply_set(s, row, ctx));
    out.push_back(std::move(row));
    return Status();
  }

 private:
  MergeSpec spec_;
};

}  // namespace

OperatorPtr make_merge(OperatorPtr input, MergeSpec spec) {
  return std::make_unique<MergeOperator>(std::move(input), std::move(spec));
}

}  // namespace kg::query
