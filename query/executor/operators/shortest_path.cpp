// ShortestPath: shortestPath((a)-[*..n]-(b)) and allShortestPaths(...) between two bound nodes,
// by breadth-first search over the adjacency index (no projection needed). One shortest path is
// found by a bidirectional search (from both ends, always growing the smaller frontier by a level);
// allShortestPaths, and a minimum length above 1, by a search from `a` alone.
#include <algorithm>
#include <unordered_map>

#include "query/executor/adjacency_walker.hpp"
#include "query/executor/evaluator.hpp"
#include "query/executor/id_hash_map.hpp"
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

  // A node reached by one side of the bidirectional search: the node it was reached from (itself
  // for the side's start) and the adjacency entry walked.
  struct Visit {
    NodeId via{};
    engine::AdjEntry edge{};
  };

  // One side of the bidirectional search.
  struct Side {
    Direction direction;
    IdHashMap<Visit> seen;
    std::vector<NodeId> frontier;
    int64_t depth = 0;
  };

  static Direction reversed(Direction d) {
    if (d == Direction::kOutgoing) return Direction::kIncoming;
    if (d == Direction::kIncoming) return Direction::kOutgoing;
    return Direction::kBoth;
  }

  // One shortest path from `from` to `to` (from != to, min_hops <= 1). Correct to stop at the
  // first node both sides reach: before a level is grown no node is reached by both, so every
  // path is longer than the two depths' sum; the first meeting gives a path one longer.
  Status search_bidirectional(ExecContext& ctx, NodeId from, NodeId to) {
    Side forward{spec_.expand.direction, IdHashMap<Visit>(), {from}, 0};
    Side backward{reversed(spec_.expand.direction), IdHashMap<Visit>(), {to}, 0};
    *forward.seen.try_emplace(to_underlying(from)).first = Visit{from, {}};
    *backward.seen.try_emplace(to_underlying(to)).first = Visit{to, {}};
    std::optional<AdjacencyWalker> forward_walker, backward_walker;
    const int64_t max_hops = spec_.expand.max_hops;
    std::optional<NodeId> meeting;
    while (!meeting && !forward.frontier.empty() && !backward.frontier.empty() &&
           (max_hops < 0 || forward.depth + backward.depth < max_hops)) {
      KG_TRY(ctx.check_interrupt());
      bool grow_forward = forward.frontier.size() <= backward.frontier.size();
      Side& side = grow_forward ? forward : backward;
      Side& other_side = grow_forward ? backward : forward;
      std::optional<AdjacencyWalker>& walker = grow_forward ? forward_walker : backward_walker;
      ++side.depth;
      std::vector<NodeId> next;
      for (NodeId n : side.frontier) {
        if (walker) {
          walker->reset(n);
        } else {
          walker.emplace(ctx.txn(), n, side.direction, types_);
        }
        for (; walker->valid(); walker->next()) {
          const engine::AdjEntry& e = walker->entry();
          if (side.seen.find(to_underlying(e.other)) != nullptr) continue;
          KG_ASSIGN_OR_RETURN(bool usable, walkable(ctx, e.rel));
          if (!usable) continue;
          *side.seen.try_emplace(to_underlying(e.other)).first = Visit{n, e};
          next.push_back(e.other);
          if (other_side.seen.find(to_underlying(e.other)) != nullptr) {
            meeting = e.other;
            break;
          }
        }
        KG_TRY(walker->status());
        if (meeting) break;
      }
      side.frontier = std::move(next);
    }
    if (!meeting) return Status();
    // from … meeting along the forward visits, then meeting … to along the backward ones.
    std::vector<NodeId> nodes;
    std::vector<Relationship> rels;
    for (NodeId at = *meeting; at != from;) {
      const Visit& v = *forward.seen.find(to_underlying(at));
      nodes.push_back(at);
      rels.push_back(relationship(ctx, v.via, v.edge));
      at = v.via;
    }
    nodes.push_back(from);
    std::reverse(nodes.begin(), nodes.end());
    std::reverse(rels.begin(), rels.end());
    for (NodeId at = *meeting; at != to;) {
      const Visit& v = *backward.seen.find(to_underlying(at));
      rels.push_back(relationship(ctx, v.via, v.edge));
      nodes.push_back(v.via);
      at = v.via;
    }
    Path p;
    for (NodeId n : nodes) p.nodes.push_back(ExecContext::node_ref(n).as_node());
    p.relationships = std::move(rels);
    results_.push_back(std::move(p));
    return Status();
  }

  // The relationship of adjacency entry `e`, walked from `node`: the same reference
  // AdjacencyWalker::rel_ref makes (id, ends and type).
  static Relationship relationship(ExecContext& ctx, NodeId node, const engine::AdjEntry& e) {
    bool outgoing = e.direction == Direction::kOutgoing;
    Relationship r;
    r.id = e.rel;
    r.type = ctx.txn().type_name(e.type);
    r.start = outgoing ? node : e.other;
    r.end = outgoing ? e.other : node;
    return r;
  }

  Status search(ExecContext& ctx, NodeId from, NodeId to) {
    if (from == to) {
      if (spec_.expand.min_hops == 0) {
        Path p;
        p.nodes.push_back(ExecContext::node_ref(from).as_node());
        results_.push_back(std::move(p));
      }
      return Status();
    }
    if (!spec_.all && spec_.expand.min_hops <= 1) return search_bidirectional(ctx, from, to);
    // depth of each reached node, and every parent edge at the previous depth
    std::unordered_map<NodeId, int64_t> depth{{from, 0}};
    std::unordered_map<NodeId, std::vector<Parent>> parents;
    std::vector<NodeId> frontier{from};
    int64_t d = 0;
    bool found = false;
    std::optional<AdjacencyWalker> w;
    while (!frontier.empty() && !found &&
           (spec_.expand.max_hops < 0 || d < spec_.expand.max_hops)) {
      KG_TRY(ctx.check_interrupt());
      ++d;
      std::vector<NodeId> next;
      for (NodeId n : frontier) {
        if (w) {
          w->reset(n);
        } else {
          w.emplace(ctx.txn(), n, spec_.expand.direction, types_);
        }
        for (; w->valid(); w->next()) {
          KG_ASSIGN_OR_RETURN(bool usable, walkable(ctx, w->entry().rel));
          if (!usable) continue;
          NodeId other = w->entry().other;
          auto it = depth.find(other);
          if (it == depth.end()) {
            depth.emplace(other, d);
            parents[other].push_back({n, w->entry()});
            next.push_back(other);
          } else if (it->second == d && spec_.all) {
            parents[other].push_back({n, w->entry()});
          }
          if (other == to) found = true;
        }
        KG_TRY(w->status());
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
      rels_rev.push_back(Value(relationship(ctx, parent.node, parent.edge)));
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
