#include "query/ast/clause.hpp"
#include "query/ast/expression.hpp"
#include "query/ast/pattern.hpp"

namespace kg::query::ast {

ExprPtr make_expr(ExprKind kind, SourcePos pos, uint32_t begin, uint32_t end) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->pos = pos;
  e->begin = begin;
  e->end = end;
  return e;
}

ExprPtr Expr::clone() const {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->pos = pos;
  e->begin = begin;
  e->end = end;
  e->value = value;
  e->name = name;
  e->function = function;
  e->op = op;
  e->distinct = distinct;
  e->has_test = has_test;
  e->has_else = has_else;
  for (const auto& c : children) e->children.push_back(c ? c->clone() : nullptr);
  e->keys = keys;
  e->pattern = pattern;  // patterns are immutable once parsed: sharing is safe
  e->subquery = subquery;
  e->slot = slot;
  e->slot2 = slot2;
  e->scalar = scalar;
  e->subplan = subplan;
  return e;
}

PatternPart clone_pattern_part(const PatternPart& part) {
  PatternPart p;
  p.pos = part.pos;
  p.path_variable = part.path_variable;
  p.shortest = part.shortest;
  for (const auto& n : part.nodes) {
    NodePattern c;
    c.pos = n.pos;
    c.variable = n.variable;
    c.labels = n.labels;
    c.properties = n.properties ? n.properties->clone() : nullptr;
    p.nodes.push_back(std::move(c));
  }
  for (const auto& r : part.rels) {
    RelPattern c;
    c.pos = r.pos;
    c.variable = r.variable;
    c.types = r.types;
    c.properties = r.properties ? r.properties->clone() : nullptr;
    c.direction = r.direction;
    c.variable_length = r.variable_length;
    c.min_hops = r.min_hops;
    c.max_hops = r.max_hops;
    p.rels.push_back(std::move(c));
  }
  return p;
}

SourcePos clause_pos(const Clause& clause) {
  return std::visit([](const auto& c) { return c.pos; }, clause);
}

std::string clause_name(const Clause& clause) {
  struct Namer {
    std::string operator()(const Match& m) const { return m.optional ? "OPTIONAL MATCH" : "MATCH"; }
    std::string operator()(const Create&) const { return "CREATE"; }
    std::string operator()(const Merge&) const { return "MERGE"; }
    std::string operator()(const Set&) const { return "SET"; }
    std::string operator()(const Remove&) const { return "REMOVE"; }
    std::string operator()(const Delete& d) const { return d.detach ? "DETACH DELETE" : "DELETE"; }
    std::string operator()(const With&) const { return "WITH"; }
    std::string operator()(const Return&) const { return "RETURN"; }
    std::string operator()(const Unwind&) const { return "UNWIND"; }
    std::string operator()(const Call&) const { return "CALL"; }
  };
  return std::visit(Namer{}, clause);
}

}  // namespace kg::query::ast
