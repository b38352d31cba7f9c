// Planning counts without rows: an aggregation that only counts the rows of a one-relationship
// MATCH becomes TypeCounts (statistics per type) or DegreeCounts (an adjacency count per node),
// see relationship_counts.cpp. Every other aggregation is planned as usual.
#include "query/functions/case_mapping.hpp"
#include "query/planner/planner.hpp"

namespace kg::query {

using ast::Expr;
using ast::ExprKind;

namespace {

bool is_variable(const Expr* e, int slot) {
  return slot >= 0 && e != nullptr && e->kind == ExprKind::kVariable && e->slot == slot;
}

}  // namespace

void Planner::note_bare_hop(const ast::Match& m, const Operator* input, const Operator* root,
                            const Scope& scope) {
  bare_hop_.reset();
  if (input != start_ || m.optional || m.where || m.pattern.size() != 1) return;
  const ast::PatternPart& part = m.pattern[0];
  if (!part.path_variable.empty() || part.shortest != ast::ShortestKind::kNone ||
      part.rels.size() != 1)
    return;
  const ast::RelPattern& r = part.rels[0];
  if (r.variable_length || r.properties || r.direction == ast::RelDirection::kUndirected) return;
  BareHop hop;
  hop.root = root;
  hop.rel = &r;
  auto slot_of = [&](const std::string& name) {
    auto it = scope.find(name);
    return name.empty() || it == scope.end() ? -1 : it->second.slot;
  };
  for (int i = 0; i < 2; ++i) {
    const ast::NodePattern& n = part.nodes[static_cast<size_t>(i)];
    if (n.properties) return;
    hop.nodes[i] = &n;
    hop.node_slots[i] = slot_of(n.variable);
  }
  // (a)-->(a) matches self-loops only.
  if (hop.node_slots[0] >= 0 && hop.node_slots[0] == hop.node_slots[1]) return;
  hop.rel_slot = slot_of(r.variable);
  bare_hop_ = hop;
}

OperatorPtr Planner::counts_instead_of_aggregation(const std::vector<ProjectItem>& keys,
                                                   const std::vector<AggregateSpec>& aggregates,
                                                   const Operator* input) {
  if (!bare_hop_ || bare_hop_->root != input || aggregates.empty()) return nullptr;
  const BareHop& hop = *bare_hop_;
  // Every aggregate counts the rows: count(*), or count of the relationship or an end node,
  // which are never null in these rows.
  std::vector<int> count_slots;
  for (const AggregateSpec& a : aggregates) {
    bool counts_rows =
        a.function == "count(*)" ||
        (a.function == "count" && !a.distinct && a.args.size() == 1 &&
         (is_variable(a.args[0], hop.rel_slot) || is_variable(a.args[0], hop.node_slots[0]) ||
          is_variable(a.args[0], hop.node_slots[1])));
    if (!counts_rows) return nullptr;
    count_slots.push_back(a.slot);
  }
  std::string text = node_text(*hop.nodes[0]) +
                     (hop.rel->direction == ast::RelDirection::kIncoming ? "<-" : "-") + "[" +
                     hop.rel->variable;
  for (size_t i = 0; i < hop.rel->types.size(); ++i)
    text += (i == 0 ? ":" : "|") + hop.rel->types[i];
  text += std::string("]") + (hop.rel->direction == ast::RelDirection::kOutgoing ? "->" : "-") +
          node_text(*hop.nodes[1]);

  // Grouped by nothing or by type(r), over unlabelled nodes: the statistics per type.
  bool by_type = keys.size() == 1 && keys[0].expr->kind == ExprKind::kCall &&
                 to_lower_case(keys[0].expr->name) == "type" &&
                 keys[0].expr->children.size() == 1 &&
                 is_variable(keys[0].expr->children[0].get(), hop.rel_slot);
  if ((keys.empty() || by_type) && hop.nodes[0]->labels.empty() && hop.nodes[1]->labels.empty()) {
    TypeCountsSpec spec;
    spec.types = hop.rel->types;
    spec.type_slot = by_type ? keys[0].slot : -1;
    spec.count_slots = std::move(count_slots);
    spec.description = text;
    return make_type_counts(make_start(plan_.width), std::move(spec));
  }

  // Grouped by one end node (with at most one label), the other end unlabelled: a degree count.
  if (keys.size() != 1) return nullptr;
  for (int end = 0; end < 2; ++end) {
    const ast::NodePattern& node = *hop.nodes[end];
    const ast::NodePattern& other = *hop.nodes[1 - end];
    if (!is_variable(keys[0].expr, hop.node_slots[end]) || node.labels.size() > 1 ||
        !other.labels.empty())
      continue;
    bool outgoing_from_node = (hop.rel->direction == ast::RelDirection::kOutgoing) == (end == 0);
    DegreeCountsSpec spec;
    spec.node_slot = keys[0].slot;
    if (!node.labels.empty()) spec.label = node.labels[0];
    spec.direction = outgoing_from_node ? Direction::kOutgoing : Direction::kIncoming;
    spec.types = hop.rel->types;
    spec.count_slots = std::move(count_slots);
    spec.description = text;
    return make_degree_counts(make_start(plan_.width), std::move(spec));
  }
  return nullptr;
}

}  // namespace kg::query
