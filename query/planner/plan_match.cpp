// Planning MATCH and patterns: declare the pattern's variables, pick a start node for each part
// (bound > index seek > id seek > label scan > all nodes), expand outward from it, and apply each
// predicate as soon as its variables are bound.
#include <algorithm>

#include "query/planner/planner.hpp"

namespace kg::query {

using ast::Expr;
using ast::ExprKind;
using ast::NodePattern;
using ast::PatternPart;
using ast::RelPattern;

namespace {

std::string kind_name(Planner::VarKind k) {
  switch (k) {
    case Planner::VarKind::kNode:
      return "a node";
    case Planner::VarKind::kRel:
      return "a relationship";
    case Planner::VarKind::kRelList:
      return "a list of relationships";
    case Planner::VarKind::kPath:
      return "a path";
    case Planner::VarKind::kList:
      return "a list";
    default:
      return "a value";
  }
}

// "-[r:T]->" for EXPLAIN, between two node_text()s.
std::string rel_text(const RelPattern& r, bool forward) {
  std::string inner = r.variable;
  for (size_t i = 0; i < r.types.size(); ++i) inner += (i ? "|" : ":") + r.types[i];
  if (r.variable_length) inner += "*";
  ast::RelDirection d = r.direction;
  if (!forward && d != ast::RelDirection::kUndirected)
    d = d == ast::RelDirection::kOutgoing ? ast::RelDirection::kIncoming
                                          : ast::RelDirection::kOutgoing;
  std::string left = d == ast::RelDirection::kIncoming ? "<-" : "-";
  std::string right = d == ast::RelDirection::kOutgoing ? "->" : "-";
  return left + "[" + inner + "]" + right;
}

Direction direction_of(ast::RelDirection d, bool forward) {
  if (d == ast::RelDirection::kUndirected) return Direction::kBoth;
  bool out = d == ast::RelDirection::kOutgoing;
  if (!forward) out = !out;
  return out ? Direction::kOutgoing : Direction::kIncoming;
}

// A predicate waiting for its variables to be bound.
struct Pending {
  Expr* expr;
  std::set<int> slots;
  bool applied = false;
};

}  // namespace

// Slots of one pattern part's elements, named or anonymous.
struct PartSlots {
  std::vector<int> nodes;
  std::vector<int> rels;
  int path = -1;
};

Result<OperatorPtr> Planner::plan_match(ast::Match& m, OperatorPtr input, Scope& scope) {
  Scope inner = scope;
  if (!m.optional) {
    const Operator* before = input.get();
    KG_ASSIGN_OR_RETURN(OperatorPtr root,
                        plan_pattern(m.pattern, m.where.get(), std::move(input), scope));
    note_bare_hop(m, before, root.get(), scope);
    return root;
  }
  auto argument = std::make_unique<ArgumentOperator>();
  ArgumentOperator* arg = argument.get();
  KG_ASSIGN_OR_RETURN(OperatorPtr sub,
                      plan_pattern(m.pattern, m.where.get(), std::move(argument), inner));
  std::vector<int> null_slots;
  for (const auto& [name, var] : inner)
    if (scope.count(name) == 0) null_slots.push_back(var.slot);
  scope = std::move(inner);
  SubPlan subplan;
  subplan.root = std::move(sub);
  subplan.argument = arg;
  return make_optional(std::move(input), std::move(subplan), std::move(null_slots));
}

Result<OperatorPtr> Planner::plan_pattern(ast::Pattern& pattern, Expr* where, OperatorPtr root,
                                          Scope& scope) {
  std::set<int> bound;
  for (const auto& [name, var] : scope) bound.insert(var.slot);
  const Scope before = scope;

  // 1. Declare every element's variable (and give anonymous ones a slot).
  std::vector<PartSlots> parts(pattern.size());
  std::set<std::string> rels_in_pattern;
  auto declare = [&](const std::string& name, VarKind kind, SourcePos pos) -> Result<int> {
    if (name.empty()) return new_slot();
    auto it = scope.find(name);
    if (it != scope.end()) {
      VarKind have = it->second.kind;
      if (kind == VarKind::kPath)
        return Status::syntax_error(pos, "Variable `" + name + "` is already declared",
                                    "VariableAlreadyBound");
      bool compatible = have == kind || have == VarKind::kAny ||
                        (have == VarKind::kList && kind == VarKind::kRelList);
      if (!compatible)
        return Status::syntax_error(pos,
                                    "Variable `" + name + "` is already " + kind_name(have) +
                                        ", it cannot be " + kind_name(kind),
                                    "VariableTypeConflict");
      return it->second.slot;
    }
    int slot = new_slot();
    scope[name] = Var{slot, kind};
    return slot;
  };
  for (size_t p = 0; p < pattern.size(); ++p) {
    PatternPart& part = pattern[p];
    for (const NodePattern& n : part.nodes) {
      KG_ASSIGN_OR_RETURN(int slot, declare(n.variable, VarKind::kNode, n.pos));
      parts[p].nodes.push_back(slot);
    }
    for (const RelPattern& r : part.rels) {
      if (!r.variable.empty()) {
        if (rels_in_pattern.count(r.variable) != 0)
          return Status::syntax_error(r.pos,
                                      "Cannot use the same relationship variable `" + r.variable +
                                          "` for several relationships of one pattern",
                                      "RelationshipUniquenessViolation");
        rels_in_pattern.insert(r.variable);
      }
      VarKind kind = r.variable_length ? VarKind::kRelList : VarKind::kRel;
      KG_ASSIGN_OR_RETURN(int slot, declare(r.variable, kind, r.pos));
      parts[p].rels.push_back(slot);
    }
  }
  for (size_t p = 0; p < pattern.size(); ++p) {
    if (pattern[p].path_variable.empty()) continue;
    KG_ASSIGN_OR_RETURN(parts[p].path,
                        declare(pattern[p].path_variable, VarKind::kPath, pattern[p].pos));
  }

  // 2. Predicates: WHERE's conjuncts, plus the pattern's own labels and property maps.
  std::vector<Pending> pending;
  auto add_pending = [&](Expr* e) {
    Pending p{e, {}};
    collect_slots(*e, p.slots, local_slots_);
    pending.push_back(std::move(p));
  };
  std::vector<Expr*> conjuncts;
  split_conjuncts(where, conjuncts);
  for (Expr* c : conjuncts) {
    KG_TRY(bind(*c, scope, false, /*predicate=*/true));
    add_pending(c);
  }
  // label_checks[slot] = index into pending of the label check of that node, to consume on scan.
  std::map<int, size_t> label_checks;
  auto property_filters = [&](int slot, const std::string& name, const Expr* props, bool list,
                              SourcePos pos) -> Status {
    if (props == nullptr) return Status();
    if (props->kind != ExprKind::kMap)
      return Status(StatusCode::kSyntaxError,
                    "Parameter maps cannot be used in MATCH patterns (use a literal map, e.g. "
                    "{name: $name})",
                    pos, "InvalidParameterUse");
    for (size_t i = 0; i < props->keys.size(); ++i) {
      ast::ExprPtr value = props->children[i]->clone();
      KG_TRY(bind(*value, before));  // inline values see what was bound before the pattern
      ast::ExprPtr eq = ast::make_expr(ExprKind::kBinary, props->pos, props->begin, props->end);
      eq->op = ast::Op::kEq;
      if (!list) {
        auto prop = ast::make_expr(ExprKind::kProperty, props->pos, 0, 0);
        prop->name = props->keys[i];
        prop->children.push_back(variable_ref(name, slot, props->pos));
        eq->children.push_back(std::move(prop));
        eq->children.push_back(std::move(value));
        add_pending(own(std::move(eq)));
        continue;
      }
      // Var-length: every relationship of the list has the property value.
      int local = new_slot();
      local_slots_.insert(local);
      auto prop = ast::make_expr(ExprKind::kProperty, props->pos, 0, 0);
      prop->name = props->keys[i];
      prop->children.push_back(variable_ref("", local, props->pos));
      eq->children.push_back(std::move(prop));
      eq->children.push_back(std::move(value));
      auto all = ast::make_expr(ExprKind::kQuantifier, props->pos, 0, 0);
      all->function = "all";
      all->slot = local;
      all->children.push_back(variable_ref(name, slot, props->pos));
      all->children.push_back(std::move(eq));
      add_pending(own(std::move(all)));
    }
    return Status();
  };
  for (size_t p = 0; p < pattern.size(); ++p) {
    const PatternPart& part = pattern[p];
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      const NodePattern& n = part.nodes[i];
      int slot = parts[p].nodes[i];
      if (!n.labels.empty()) {
        auto check = ast::make_expr(ExprKind::kLabelCheck, n.pos, 0, 0);
        check->keys = n.labels;
        check->children.push_back(variable_ref(n.variable, slot, n.pos));
        label_checks[slot] = pending.size();
        add_pending(own(std::move(check)));
      }
      KG_TRY(property_filters(slot, n.variable, n.properties.get(), false, n.pos));
    }
    for (size_t i = 0; i < part.rels.size(); ++i) {
      const RelPattern& r = part.rels[i];
      KG_TRY(property_filters(parts[p].rels[i], r.variable, r.properties.get(), r.variable_length,
                              r.pos));
    }
  }

  auto apply_ready = [&](OperatorPtr op) -> OperatorPtr {
    for (Pending& p : pending) {
      if (p.applied || p.slots.count(-1) != 0) continue;
      if (!std::includes(bound.begin(), bound.end(), p.slots.begin(), p.slots.end())) continue;
      p.applied = true;
      op = make_filter(std::move(op), p.expr, "");
    }
    return op;
  };
  root = apply_ready(std::move(root));

  // 3. Each part: a start node, then expansions to the right and to the left.
  std::vector<int> match_rels;
  for (size_t p = 0; p < pattern.size(); ++p) {
    PatternPart& part = pattern[p];
    PartSlots& slots = parts[p];

    auto bind_node = [&](size_t i) -> Status {
      int slot = slots.nodes[i];
      if (bound.count(slot) != 0) return Status();
      const NodePattern& n = part.nodes[i];
      // An index seek on a label and a property compared for equality (inline or in WHERE) with
      // something already bound, or an id seek, or a label scan, or all nodes.
      auto depends_on_bound = [&](const Expr& e) {
        std::set<int> s;
        collect_slots(e, s, local_slots_);
        return s.count(-1) == 0 && std::includes(bound.begin(), bound.end(), s.begin(), s.end());
      };
      auto is_prop_of_node = [&](const Expr& e, std::string* key) {
        if (e.kind != ExprKind::kProperty) return false;
        const Expr& obj = *e.children[0];
        if (obj.kind != ExprKind::kVariable || obj.slot != slot) return false;
        *key = e.name;
        return true;
      };
      for (const std::string& label : n.labels) {
        auto label_id = txn_.find_label(label);
        if (!label_id) continue;
        for (Pending& pend : pending) {
          if (pend.applied) continue;
          Expr& c = *pend.expr;
          if (c.kind != ExprKind::kBinary) continue;
          std::string key;
          const Expr* value = nullptr;
          bool lower_side = false;
          ast::Op op = c.op;
          if (is_prop_of_node(*c.children[0], &key) && depends_on_bound(*c.children[1])) {
            value = c.children[1].get();
          } else if (is_prop_of_node(*c.children[1], &key) && depends_on_bound(*c.children[0])) {
            value = c.children[0].get();
            // Mirror the comparison: 5 < n.x is n.x > 5.
            if (op == ast::Op::kLt)
              op = ast::Op::kGt;
            else if (op == ast::Op::kGt)
              op = ast::Op::kLt;
            else if (op == ast::Op::kLe)
              op = ast::Op::kGe;
            else if (op == ast::Op::kGe)
              op = ast::Op::kLe;
          } else {
            continue;
          }
          auto key_id = txn_.find_prop_key(key);
          if (!key_id || !txn_.find_index(*label_id, *key_id)) continue;
          IndexSeekSpec spec;
          spec.slot = slot;
          spec.variable = n.variable;
          spec.label = label;
          spec.key = key;
          switch (op) {
            case ast::Op::kEq:
              spec.value = value;
              break;
            case ast::Op::kGt:
            case ast::Op::kGe:
              lower_side = true;
              spec.lower = value;
              spec.lower_inclusive = op == ast::Op::kGe;
              break;
            case ast::Op::kLt:
            case ast::Op::kLe:
              spec.upper = value;
              spec.upper_inclusive = op == ast::Op::kLe;
              break;
            default:
              continue;
          }
          (void)lower_side;
          // An equality seek returns exactly the Cypher-equal nodes (it re-checks lists and maps,
          // whose nulls the encoding cannot judge), so the comparison needs no filter.
          if (op == ast::Op::kEq) pend.applied = true;
          root = make_index_seek(std::move(root), std::move(spec));
          // The seek implies the label; the comparison stays as a filter (it also checks NaN,
          // ranges across kinds and nulls exactly as Cypher does).
          auto lc = label_checks.find(slot);
          if (lc != label_checks.end() && n.labels.size() == 1) pending[lc->second].applied = true;
          bound.insert(slot);
          return Status();
        }
      }
      // id(n) = expr
      for (Pending& pend : pending) {
        if (pend.applied) continue;
        Expr& c = *pend.expr;
        if (c.kind != ExprKind::kBinary || c.op != ast::Op::kEq) continue;
        for (int side = 0; side < 2; ++side) {
          const Expr& call = *c.children[side];
          const Expr& other = *c.children[1 - side];
          if (call.kind != ExprKind::kCall || call.scalar == nullptr || call.children.size() != 1)
            continue;
          std::string fname = call.name;
          for (char& ch : fname)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          const Expr& arg = *call.children[0];
          if (fname != "id" || arg.kind != ExprKind::kVariable || arg.slot != slot ||
              !depends_on_bound(other))
            continue;
          root = make_node_by_id(std::move(root), slot, &other, n.variable);
          bound.insert(slot);
          return Status();
        }
      }
      // The label with the fewest nodes.
      std::optional<std::string> best;
      uint64_t best_count = UINT64_MAX;
      for (const std::string& label : n.labels) {
        uint64_t count = 0;
        if (auto id = txn_.find_label(label)) {
          auto c = txn_.label_count(*id);
          count = c.ok() ? *c : 0;
        }
        if (count < best_count) {
          best = label;
          best_count = count;
        }
      }
      root = make_node_scan(std::move(root), slot, best, n.variable);
      auto lc = label_checks.find(slot);
      if (lc != label_checks.end() && n.labels.size() == 1) pending[lc->second].applied = true;
      bound.insert(slot);
      return Status();
    };

    auto expand = [&](size_t rel_index, bool forward) -> Status {
      const RelPattern& r = part.rels[rel_index];
      size_t from_i = forward ? rel_index : rel_index + 1;
      size_t to_i = forward ? rel_index + 1 : rel_index;
      ExpandSpec spec;
      spec.from = slots.nodes[from_i];
      spec.to = slots.nodes[to_i];
      spec.rel = slots.rels[rel_index];
      spec.direction = direction_of(r.direction, forward);
      spec.types = r.types;
      spec.to_bound = bound.count(spec.to) != 0;
      spec.rel_bound = bound.count(spec.rel) != 0;
      spec.distinct_from = match_rels;
      spec.description =
          node_text(part.nodes[from_i]) + rel_text(r, forward) + node_text(part.nodes[to_i]);
      if (r.variable_length) {
        spec.reverse = !forward;
        spec.min_hops = r.min_hops.value_or(1);
        spec.max_hops = r.max_hops.value_or(-1);
        if (spec.min_hops < 0 || (spec.max_hops >= 0 && spec.max_hops < spec.min_hops)) {
          spec.max_hops = 0;
          spec.min_hops = 1;  // an empty range: matches nothing
        }
        root = make_var_expand(std::move(root), std::move(spec));
      } else {
        root = make_expand(std::move(root), std::move(spec));
      }
      bound.insert(slots.rels[rel_index]);
      bound.insert(slots.nodes[to_i]);
      match_rels.push_back(slots.rels[rel_index]);
      root = apply_ready(std::move(root));
      return Status();
    };

    if (part.shortest != ast::ShortestKind::kNone) {
      if (part.rels.size() != 1)
        return Status::syntax_error(part.pos,
                                    "shortestPath needs a pattern with exactly one relationship",
                                    "InvalidArgumentType");
      KG_TRY(bind_node(0));
      root = apply_ready(std::move(root));
      KG_TRY(bind_node(1));
      root = apply_ready(std::move(root));
      const RelPattern& r = part.rels[0];
      ShortestPathSpec spec;
      spec.expand.from = slots.nodes[0];
      spec.expand.to = slots.nodes[1];
      spec.expand.rel = slots.rels[0];
      spec.expand.direction = direction_of(r.direction, true);
      spec.expand.types = r.types;
      spec.expand.min_hops = r.variable_length ? r.min_hops.value_or(1) : 1;
      spec.expand.max_hops = r.variable_length ? r.max_hops.value_or(-1) : 1;
      spec.expand.description =
          node_text(part.nodes[0]) + rel_text(r, true) + node_text(part.nodes[1]);
      spec.path_slot = slots.path;
      spec.all = part.shortest == ast::ShortestKind::kAllShortest;
      if (r.properties && r.properties->kind == ExprKind::kMap) {
        KG_TRY(bind(*r.properties, before));
        spec.rel_properties = r.properties.get();
      }
      root = make_shortest_path(std::move(root), std::move(spec));
      bound.insert(slots.rels[0]);
      if (slots.path >= 0) bound.insert(slots.path);
      match_rels.push_back(slots.rels[0]);
      root = apply_ready(std::move(root));
      continue;
    }

    // The start: a bound node, else the node with the best access path.
    size_t start = 0;
    int best_score = 100;
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      int score = 3;
      if (bound.count(slots.nodes[i]) != 0) {
        score = 0;
      } else if (!part.nodes[i].labels.empty()) {
        score = 2;
        for (const auto& label : part.nodes[i].labels) {
          auto l = txn_.find_label(label);
          if (!l) {
            score = 1;  // a label nobody has: matches nothing, cheapest of all
            continue;
          }
          for (const auto& def : txn_.indexes())
            if (def.label == *l) score = std::min(score, 1);
        }
      }
      if (score < best_score) {
        best_score = score;
        start = i;
      }
    }
    KG_TRY(bind_node(start));
    root = apply_ready(std::move(root));
    for (size_t i = start; i < part.rels.size(); ++i) KG_TRY(expand(i, true));
    for (size_t i = start; i-- > 0;) KG_TRY(expand(i, false));

    if (slots.path >= 0) {
      auto build = ast::make_expr(ExprKind::kBuildPath, part.pos, 0, 0);
      for (size_t i = 0; i < part.nodes.size(); ++i) {
        build->children.push_back(variable_ref(part.nodes[i].variable, slots.nodes[i]));
        if (i < part.rels.size())
          build->children.push_back(variable_ref(part.rels[i].variable, slots.rels[i]));
      }
      std::vector<ProjectItem> items{{own(std::move(build)), slots.path}};
      root = make_project(std::move(root), std::move(items), "(" + part.path_variable + ")");
      bound.insert(slots.path);
      root = apply_ready(std::move(root));
    }
  }

  // Whatever is left (pattern predicates, which depend on everything).
  for (Pending& p : pending) {
    if (p.applied) continue;
    p.applied = true;
    root = make_filter(std::move(root), p.expr, "");
  }
  return root;
}

std::string node_text(const ast::NodePattern& n) {
  std::string s = "(" + n.variable;
  for (const auto& l : n.labels) s += ":" + l;
  return s + ")";
}

}  // namespace kg::query
