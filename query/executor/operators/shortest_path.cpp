// ShortestPath: shortestPath((a)-[*..n]-(b)) and allShortestPaths(...) between two bound nodes,
// by breadth-first search over the adjacency index (no projection needed).
#include <unordered_map>

#include "query/executor/adjacency_walker.hpp"
#include "query/executor/evaluator.hpp"
#include "query/executor/operators/operators.hpp"

namespace kg::query {

namespace {

class ShortestPathOperator : public RowOperator {
 public:
  ShortestPathOperator(OperatorPtr input, ShortestPathSpec spec)
      : RowOperator(std::move(input)), spec_(std::move(spec)) {}

  std::string describe() const override {
    return std::string(spec_.all ? "AllShortestPaths " : "ShortestPath ") +
           spec_.expand.description;
  }
  void reset() override {
    RowOperator::reset();
    types_resolved_ = false;
  }

 protected:
  Status begin_row(ExecContext& ctx, Row& in) override {
    if (!types_resolved_) {
      types_ = resolve_types(spec_.expand.types, ctx);
      types_resolved_ = true;
    }
    results_.clear();
    next_ = 0;
    const Value& from = in[static_cast<size_t>(spec_.expand.from)];
    const Value& to = in[static_cast<size_t>(spec_.expand.to)];
    if (!from.is_node() || !to.is_node()) return Status();
    required_.clear();
    if (spec_.rel_properties != nullptr) {
      KG_ASSIGN_OR_RETURN(Value m, evaluate(*spec_.rel_properties, in, ctx));
      if (m.is_map()) {
        for (const auto& [k, v] : m.as_map()) {
          auto key = ctx.prop_key(k);
          if (!key || v.is_null()) return Status();  // no relationship can match
          required_.emplace_back(*key, v);
        }
      }
    }
    return search(ctx, from.as_node().id, to.as_node().id);
  }

  Result<bool> next_row(ExecContext&, const Row&, Row& out) override {
    if (next_ >= results_.size()) return false;
    const Path& p = results_[next_++];
    List rels;
    for (const Relationship& r : p.relationships) rels.push_back(Value(r));
    if (spec_.expand.rel >= 0) out[static_cast<size_t>(spec_.expand.rel)] = Value(std::move(rels));
    if (spec_.path_slot >= 0) out[static_cast<size_t>(spec_.path_slot)] = Value(p);
    return true;
  }

 private:
  // A parent edge, compact: the relationship's Value is made only for the paths returned.
  struct Parent {
    NodeId node;
    engine::AdjEntry edge;
  };

  Status search(ExecContext& ctx, NodeId from, NodeId to) {
    if (from == to) {
      if (spec_.expand.min_hops == 0) {
        Path p;
        p.nodes.push_back(ExecContext::node_ref(from).as_node());
        results_.push_back(std::move(p));
      }
      return Status();
    }
    // depth of each reached node, and every parent edge at the previous depth
    std::unordered_map<NodeId, int64_t> depth{{from, 0}};
    std::unordered_map<NodeId, std::vector<Parent>> parents;
    std::vector<NodeId> frontier{from};
    int64_t d = 0;
    bool found = false;
    while (!frontier.empty() && !found &&
           (spec_.expand.max_hops < 0 || d < spec_.expand.max_hops)) {
      KG_TRY(ctx.check_interrupt());
      ++d;
      std::vector<NodeId> next;
      for (NodeId n : frontier) {
        AdjacencyWalker w(ctx.txn(), n, spec_.expand.direction, types_);
        for (; w.valid(); w.next()) {
          KG_ASSIGN_OR_RETURN(bool usable, walkable(ctx, w.entry().rel));
          if (!usable) continue;
          NodeId other = w.entry().other;
          auto it = depth.find(other);
          if (it == depth.end()) {
            depth.emplace(other, d);
            parents[other].push_back({n, w.entry()});
            next.push_back(other);
          } else if (it->second == d && spec_.all) {
            parents[other].push_back({n, w.entry()});
          }
          if (other == to) found = true;
        }
        KG_TRY(w.status());
        if (found && !spec_.all) break;
      }
      frontier = std::move(next);
    }
    if (!found || d < spec_.expand.min_hops) return Status();
    // Walk back from `to`; every combination of parents is a shortest path (one when !all).
    std::vector<Value> rels_rev;
    std::vector<NodeId> nodes_rev{to};
    collect(ctx, to, from, parents, rels_rev, nodes_rev);
    return Status();
  }

  void collect(ExecContext& ctx, NodeId at, NodeId from,
               std::unordered_map<NodeId, std::vector<Parent>>& parents,
               std::vector<Value>& rels_rev, std::vector<NodeId>& nodes_rev) {
    if (at == from) {
      Path p;
      for (auto it = nodes_rev.rbegin(); it != nodes_rev.rend(); ++it)
        p.nodes.push_back(ExecContext::node_ref(*it).as_node());
      for (auto it = rels_rev.rbegin(); it != rels_rev.rend(); ++it)
        p.relationships.push_back(it->as_relationship());
      results_.push_back(std::move(p));
      return;
    }
    for (const Parent& parent : parents[at]) {
      // The same reference AdjacencyWalker::rel_ref makes: id, ends and type.
      const engine::AdjEntry& e = parent.edge;
      bool outgoing = e.direction == Direction::kOutgoing;
      Relationship r;
      r.id = e.rel;
      r.type = ctx.txn().type_name(e.type);
      r.start = outgoing ? parent.node : e.other;
      r.end = outgoing ? e.other : parent.node;
      rels_rev.push_back(Value(std::move(r)));
      nodes_rev.push_back(parent.node);
      collect(ctx, parent.node, from, parents, rels_rev, nodes_rev);
      rels_rev.pop_back();
      nodes_rev.pop_back();
      if (!spec_.all && !results_.empty()) return;
    }
  }

  // Whether a relationship has every required property value.
  Result<bool> walkable(ExecContext& ctx, RelId rel) {
    if (required_.empty()) return true;
    KG_ASSIGN_OR_RETURN(const engine::RelRecord* rec, ctx.rel_record(rel));
    if (rec == nullptr) return false;
    for (const auto& [key, value] : required_) {
      const Value* have = engine::find_property(rec->properties, key);
      if (have == nullptr || equals(*have, value) != Tri::kTrue) return false;
    }
    return true;
  }

  ShortestPathSpec spec_;
  std::vector<std::pair<engine::PropKeyId, Value>> required_;
  std::optional<std::vector<engine::TypeId>> types_;
  bool types_resolved_ = false;
  std::vector<Path> results_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr make_shortest_path(OperatorPtr input, ShortestPathSpec spec) {
  return std::make_unique<ShortestPathOperator>(std::move(input), std::move(spec));
}

}  // namespace kg::query
