// Aggregate: groups rows by key values (Cypher's equivalence: null ≡ null, 1 ≡ 1.0) and computes
// aggregate functions per group. Without keys, an empty input still gives one row (count = 0).
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "query/executor/evaluator.hpp"
#include "query/executor/id_hash_map.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class AggregateOperator : public Operator {
 public:
  AggregateOperator(OperatorPtr input, std::vector<ProjectItem> keys,
                    std::vector<AggregateSpec> aggregates, std::shared_ptr<const size_t> width)
      : input_(std::move(input)),
        keys_(std::move(keys)),
        aggregates_(std::move(aggregates)),
        width_(std::move(width)) {
    for (const AggregateSpec& a : aggregates_) {
      count_star_.push_back(a.function == "count(*)");
      plain_count_.push_back(a.function == "count");
    }
  }

  std::string describe() const override {
    std::string d = "Aggregation (";
    for (size_t i = 0; i < aggregates_.size(); ++i) d += (i ? ", " : "") + aggregates_[i].function;
    return d + ")";
  }
  std::vector<Operator*> children() const override { return {input_.get()}; }
  void reset() override {
    Operator::reset();
    groups_.clear();
    index_.clear();
    node_index_ = IdHashMap<size_t>();
    done_ = false;
    next_ = 0;
  }

 protected:
  Result<bool> produce(ExecContext& ctx, RowBatch& out) override {
    if (!done_) {
      KG_TRY(consume(ctx));
      done_ = true;
    }
    while (next_ < groups_.size() && out.size() < kBatchSize) {
      Group& g = groups_[next_++];
      Row row = std::move(g.first_row);
      for (size_t i = 0; i < keys_.size(); ++i) row[static_cast<size_t>(keys_[i].slot)] = g.key[i];
      for (size_t i = 0; i < aggregates_.size(); ++i) {
        Value v;
        if (count_star_[i]) {
          v = Value(static_cast<int64_t>(g.count_star));
        } else {
          KG_ASSIGN_OR_RETURN(v, g.states[i].aggregator->result());
        }
        row[static_cast<size_t>(aggregates_[i].slot)] = std::move(v);
      }
      out.push_back(std::move(row));
    }
    return next_ < groups_.size();
  }

 private:
  // One aggregate of one group. For DISTINCT it keeps what it has seen: nodes and relationships
  // by id (they are equal exactly when their ids are), made on first use; other values by
  // Cypher's equivalence.
  struct State {
    std::unique_ptr<Aggregator> aggregator;
    std::optional<IdHashMap<char>> seen_nodes;
    std::optional<IdHashMap<char>> seen_rels;
    std::unordered_set<Value, ValueHash, ValueEquivalent> seen;
  };

  // Whether a DISTINCT aggregate sees `v` for the first time (it then remembers it).
  static bool first_sighting(State& s, const Value& v) {
    if (v.is_node()) {
      if (!s.seen_nodes) s.seen_nodes.emplace();
      return s.seen_nodes->try_emplace(to_underlying(v.as_node().id)).second;
    }
    if (v.is_relationship()) {
      if (!s.seen_rels) s.seen_rels.emplace();
      return s.seen_rels->try_emplace(to_underlying(v.as_relationship().id)).second;
    }
    return s.seen.insert(v).second;
  }

  struct Group {
    Row key;
    Row first_row;
    uint64_t count_star = 0;
    std::vector<State> states;
  };

  // Adds a group; `indexed` puts its key in index_ (node_group keeps its own index).
  Status new_group(Row key, const Row& first, bool indexed = true) {
    Group g;
    g.key = key;
    g.first_row = first;
    for (const AggregateSpec& a : aggregates_) {
      State s;
      if (a.function != "count(*)") {
        const AggregateFunction* fn = find_aggregate_function(a.function);
        if (fn == nullptr) return Status::internal("unknown aggregate " + a.function);
        s.aggregator = fn->make();
      }
      g.states.push_back(std::move(s));
    }
    if (indexed) index_.emplace(std::move(key), groups_.size());
    groups_.push_back(std::move(g));
    return Status();
  }

  Status consume(ExecContext& ctx) {
    for (;;) {
      RowBatch batch;
      KG_ASSIGN_OR_RETURN(bool more, input_->next(ctx, batch));
      for (Row& row : batch) KG_TRY(add(ctx, row));
      if (!more) break;
      KG_TRY(ctx.check_interrupt());
    }
    if (groups_.empty() && keys_.empty()) KG_TRY(new_group(Row{}, Row(*width_)));
    return Status();
  }

  // The group of a row whose one grouping key is a node variable: found by the node's id in a
  // flat map, with no key row built or hashed (grouping by a node is the common case:
  // MATCH ()-->(b) WITH b, count(*) …). nullptr when the key is something else.
  Result<Group*> node_group(const Row& row) {
    if (keys_.size() != 1 || keys_[0].expr->kind != ast::ExprKind::kVariable ||
        keys_[0].expr->slot < 0)
      return nullptr;
    const Value& v = row[static_cast<size_t>(keys_[0].expr->slot)];
    if (!v.is_node()) return nullptr;
    auto [index, inserted] = node_index_.try_emplace(to_underlying(v.as_node().id));
    if (inserted) {
      *index = groups_.size();
      KG_TRY(new_group(Row{v}, row, /*indexed=*/false));
    }
    return &groups_[*index];
  }

  Status add(ExecContext& ctx, Row& row) {
    if (keys_.empty()) {  // one group: no key to build or look up
      if (groups_.empty()) KG_TRY(new_group(Row{}, row, /*indexed=*/false));
      return accumulate(ctx, groups_[0], row);
    }
    KG_ASSIGN_OR_RETURN(Group * by_node, node_group(row));
    if (by_node != nullptr) return accumulate(ctx, *by_node, row);
    Row key;
    key.reserve(keys_.size());
    for (const ProjectItem& k : keys_) {
      KG_ASSIGN_OR_RETURN(Value v, evaluate(*k.expr, row, ctx));
      key.push_back(std::move(v));
    }
    auto it = index_.find(key);
    if (it == index_.end()) {
      KG_TRY(new_group(std::move(key), row));
      it = index_.find(groups_.back().key);
    }
    return accumulate(ctx, groups_[it->second], row);
  }

  Status accumulate(ExecContext& ctx, Group& g, Row& row) {
    ++g.count_star;
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      const AggregateSpec& a = aggregates_[i];
      if (count_star_[i]) continue;
      std::vector<Value>& args = args_;
      args.clear();
      for (const ast::Expr* e : a.args) {
        KG_ASSIGN_OR_RETURN(Value v, evaluate(*e, row, ctx));
        if (!plain_count_[i] &&
            (v.is_node() || v.is_relationship() || v.is_path() || v.is_list() || v.is_map())) {
          KG_ASSIGN_OR_RETURN(v, ctx.materialize(v));
        }
        args.push_back(std::move(v));
      }
      State& s = g.states[i];
      if (a.distinct && !args.empty()) {
        if (args[0].is_null()) continue;
        if (!first_sighting(s, args[0])) continue;
      }
      Status st = s.aggregator->add(args);
      if (!st.ok() && !st.pos().known() && !a.args.empty())
        st = Status(st.code(), st.message(), a.args[0]->pos, st.detail());
      KG_TRY(st);
    }
    return Status();
  }

  OperatorPtr input_;
  std::vector<ProjectItem> keys_;
  std::vector<AggregateSpec> aggregates_;
  std::vector<bool> count_star_;   // per aggregate: count(*)
  std::vector<bool> plain_count_;  // per aggregate: count(x), which needs no materialized x
  std::vector<Value> args_;        // one row's arguments of one aggregate (reused)
  std::vector<Group> groups_;      // in order of first appearance
  std::unordered_map<Row, size_t, RowHash, RowEquivalent> index_;
  IdHashMap<size_t> node_index_;  // node id → group, when the one key is a node (node_group)
  bool done_ = false;
  size_t next_ = 0;
  std::shared_ptr<const size_t> width_;
};

}  // namespace

OperatorPtr make_aggregate(OperatorPtr input, std::vector<ProjectItem> keys,
                           std::vector<AggregateSpec> aggregates,
                           std::shared_ptr<const size_t> width) {
  return std::make_unique<AggregateOperator>(std::move(input), std::move(keys),
                                             std::move(aggregates), std::move(width));
}

}  // namespace kg::query
