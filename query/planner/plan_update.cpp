// Planning CREATE, MERGE, SET, REMOVE and DELETE, with openCypher's compile-time checks.
#include "query/planner/planner.hpp"

namespace kg::query {

using ast::Expr;
using ast::ExprKind;

Result<CreateSpec> Planner::create_spec(ast::Pattern& pattern, Scope& scope, bool merge,
                                        const Scope* preassigned) {
  const char* clause = merge ? "MERGE" : "CREATE";
  CreateSpec spec;
  auto slot_for_new = [&](const std::string& name) {
    if (!name.empty() && preassigned != nullptr) {
      auto it = preassigned->find(name);
      if (it != preassigned->end()) return it->second.slot;
    }
    return new_slot();
  };
  for (ast::PatternPart& part : pattern) {
    std::vector<int> node_slots, rel_slots;
    for (ast::NodePattern& n : part.nodes) {
      CreateNodeSpec ns;
      auto it = n.variable.empty() ? scope.end() : scope.find(n.variable);
      if (it != scope.end()) {
        if (it->second.kind != VarKind::kNode && it->second.kind != VarKind::kAny)
          return Status::syntax_error(n.pos, "Variable `" + n.variable + "` is not a node",
                                      "VariableTypeConflict");
        if (!n.labels.empty() || n.properties || part.rels.empty())
          return Status::syntax_error(n.pos,
                                      "Variable `" + n.variable + "` is already declared; " +
                                          clause + " cannot create it again",
                                      "VariableAlreadyBound");
        ns.bound = true;
        ns.slot = it->second.slot;
      } else {
        ns.slot = slot_for_new(n.variable);
        ns.labels = n.labels;
        if (n.properties) {
          KG_TRY(bind(*n.properties, scope));
          ns.properties = n.properties.get();
        }
        if (!n.variable.empty()) scope[n.variable] = Var{ns.slot, VarKind::kNode};
      }
      node_slots.push_back(ns.slot);
      spec.nodes.push_back(std::move(ns));
    }
    for (size_t i = 0; i < part.rels.size(); ++i) {
      ast::RelPattern& r = part.rels[i];
      if (!r.variable.empty() && scope.count(r.variable) != 0)
        return Status::syntax_error(r.pos,
                                    "Variable `" + r.variable + "` is already declared; " + clause +
                                        " cannot create it again",
                                    "VariableAlreadyBound");
      if (r.types.size() != 1)
        return Status::syntax_error(
            r.pos, std::string("A single relationship type must be given to ") + clause,
            "NoSingleRelationshipType");
      if (r.variable_length)
        return Status::syntax_error(
            r.pos, std::string(clause) + " cannot create a variable-length relationship",
            "CreatingVarLength");
      if (r.direction == ast::RelDirection::kUndirected && !merge)
        return Status::syntax_error(r.pos, "Only directed relationships can be created",
                                    "RequiresDirectedRelationship");
      CreateRelSpec rs;
      rs.slot = slot_for_new(r.variable);
      rs.type = r.types[0];
      bool incoming = r.direction == ast::RelDirection::kIncoming;
      rs.from = node_slots[incoming ? i + 1 : i];
      rs.to = node_slots[incoming ? i : i + 1];
      if (r.properties) {
        KG_TRY(bind(*r.properties, scope));
        rs.properties = r.properties.get();
      }
      if (!r.variable.empty()) scope[r.variable] = Var{rs.slot, VarKind::kRel};
      rel_slots.push_back(rs.slot);
      spec.rels.push_back(std::move(rs));
    }
    if (!part.path_variable.empty()) {
      if (scope.count(part.path_variable) != 0 &&
          (preassigned == nullptr || preassigned->count(part.path_variable) == 0))
        return Status::syntax_error(part.pos,
                                    "Variable `" + part.path_variable + "` is already declared",
                                    "VariableAlreadyBound");
      auto build = ast::make_expr(ExprKind::kBuildPath, part.pos, 0, 0);
      for (size_t i = 0; i < node_slots.size(); ++i) {
        build->children.push_back(variable_ref("", node_slots[i]));
        if (i < rel_slots.size()) build->children.push_back(variable_ref("", rel_slots[i]));
      }
      CreatePathSpec ps;
      ps.slot = slot_for_new(part.path_variable);
      ps.build = own(std::move(build));
      scope[part.path_variable] = Var{ps.slot, VarKind::kPath};
      spec.paths.push_back(ps);
    }
  }
  return spec;
}

Result<OperatorPtr> Planner::plan_create(ast::Create& c, OperatorPtr input, Scope& scope) {
  for (const auto& part : c.pattern)
    if (part.shortest != ast::ShortestKind::kNone)
      return Status::syntax_error(part.pos, "CREATE cannot create a shortestPath",
                                  "UnexpectedSyntax");
  KG_ASSIGN_OR_RETURN(CreateSpec spec, create_spec(c.pattern, scope, false, nullptr));
  return make_create(std::move(input), std::move(spec));
}

Result<OperatorPtr> Planner::plan_merge(ast::Merge& m, OperatorPtr input, Scope& scope) {
  MergeSpec spec;
  // The match side, on a copy of the pattern, declares the new variables in `matched`.
  Scope matched = scope;
  auto argument = std::make_unique<ArgumentOperator>();
  ArgumentOperator* arg = argument.get();
  auto pattern = std::make_shared<ast::Pattern>();
  pattern->push_back(ast::clone_pattern_part(m.pattern));
  plan_.patterns.push_back(pattern);
  // Validate first with the create side's rules (types, directions, bound variables).
  {
    Scope probe = scope;
    ast::Pattern check;
    check.push_back(ast::clone_pattern_part(m.pattern));
    KG_ASSIGN_OR_RETURN(CreateSpec unused, create_spec(check, probe, true, nullptr));
    (void)unused;
  }
  for (auto& n : pattern->front().nodes)
    if (n.properties && n.properties->kind == ExprKind::kParameter)
      return Status(StatusCode::kSyntaxError,
                    "Parameter maps cannot be used in MERGE patterns (use a literal map, e.g. "
                    "{name: $name})",
                    n.properties->pos, "InvalidParameterUse");
  KG_ASSIGN_OR_RETURN(OperatorPtr match,
                      plan_pattern(*pattern, nullptr, std::move(argument), matched));
  spec.match.root = std::move(match);
  spec.match.argument = arg;

  ast::Pattern create_pattern;
  create_pattern.push_back(ast::clone_pattern_part(m.pattern));
  plan_.patterns.push_back(std::make_shared<ast::Pattern>(std::move(create_pattern)));
  Scope created = scope;
  KG_ASSIGN_OR_RETURN(spec.create, create_spec(*plan_.patterns.back(), created, true, &matched));
  for (const auto& part : *plan_.patterns.back()) {
    for (const auto& n : part.nodes)
      if (n.properties) spec.property_maps.push_back(n.properties.get());
    for (const auto& r : part.rels)
      if (r.properties) spec.property_maps.push_back(r.properties.get());
  }
  scope = std::move(matched);
  KG_ASSIGN_OR_RETURN(spec.on_create, set_specs(m.on_create, scope));
  KG_ASSIGN_OR_RETURN(spec.on_match, set_specs(m.on_match, scope));
  spec.description = m.pattern.path_variable;
  return make_merge(std::move(input), std::move(spec));
}

Result<std::vector<SetSpec>> Planner::set_specs(std::vector<ast::SetItem>& items, Scope& scope) {
  std::vector<SetSpec> specs;
  for (ast::SetItem& item : items) {
    SetSpec s;
    s.kind = item.kind;
    if (item.kind == ast::SetItem::Kind::kProperty) {
      KG_TRY(bind(*item.target, scope));
      s.target = item.target.get();
      s.key = item.key;
    } else {
      auto it = scope.find(item.variable);
      if (it == scope.end())
        return Status::syntax_error(item.pos, "Variable `" + item.variable + "` not defined",
                                    "UndefinedVariable");
      s.target = own(variable_ref(item.variable, it->second.slot, item.pos));
      s.labels = item.labels;
    }
    if (item.value) {
      KG_TRY(bind(*item.value, scope));
      s.value = item.value.get();
    }
    specs.push_back(std::move(s));
  }
  return specs;
}

Result<OperatorPtr> Planner::plan_remove(ast::Remove& r, OperatorPtr input, Scope& scope) {
  std::vector<RemoveSpec> specs;
  for (ast::RemoveItem& item : r.items) {
    RemoveSpec s;
    s.kind = item.kind;
    if (item.kind == ast::RemoveItem::Kind::kProperty) {
      KG_TRY(bind(*item.target, scope));
      s.target = item.target.get();
      s.key = item.key;
    } else {
      auto it = scope.find(item.variable);
      if (it == scope.end())
        return Status::syntax_error(item.pos, "Variable `" + item.variable + "` not defined",
                                    "UndefinedVariable");
      s.target = own(variable_ref(item.variable, it->second.slot, item.pos));
      s.labels = item.labels;
    }
    specs.push_back(std::move(s));
  }
  return make_remove(std::move(input), std::move(specs));
}

Result<OperatorPtr> Planner::plan_delete(ast::Delete& d, OperatorPtr input, Scope& scope) {
  std::vector<const Expr*> targets;
  for (auto& t : d.targets) {
    switch (t->kind) {
      case ExprKind::kLiteral:
      case ExprKind::kBinary:
      case ExprKind::kUnary:
      case ExprKind::kLabelCheck:
      case ExprKind::kMap:
        return Status::syntax_error(
            t->pos, "DELETE needs a node, a relationship or a path expression", "InvalidDelete");
      default:
        break;
    }
    KG_TRY(bind(*t, scope));
    targets.push_back(t.get());
  }
  return make_delete(std::move(input), std::move(targets), d.detach);
}

}  // namespace kg::query
