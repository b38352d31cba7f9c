// Patterns: (a:L {k: v})-[r:T|U*1..3 {k: v}]->(b), named parts p = ..., shortestPath(...).
#include <charconv>

#include "query/parser/parser_impl.hpp"

namespace kg::query {

using namespace ast;

Result<Pattern> Parser::parse_pattern() {
  Pattern pattern;
  do {
    KG_ASSIGN_OR_RETURN(PatternPart part, parse_pattern_part());
    pattern.push_back(std::move(part));
  } while (match(TokenKind::kComma));
  return pattern;
}

Result<PatternPart> Parser::parse_pattern_part() {
  SourcePos pos = peek().pos;
  std::string path_variable;
  if ((at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier)) &&
      peek(1).kind == TokenKind::kEq) {
    path_variable = advance().text;
    advance();
  }
  ShortestKind shortest = ShortestKind::kNone;
  if (at_keyword("SHORTESTPATH") || at_keyword("ALLSHORTESTPATHS")) {
    shortest = at_keyword("SHORTESTPATH") ? ShortestKind::kShortest : ShortestKind::kAllShortest;
    advance();
    KG_TRY(expect(TokenKind::kLParen, "after shortestPath"));
    KG_ASSIGN_OR_RETURN(PatternPart part, parse_pattern_chain(1));
    KG_TRY(expect(TokenKind::kRParen, "to close shortestPath(...)"));
    part.shortest = shortest;
    part.path_variable = std::move(path_variable);
    part.pos = pos;
    return part;
  }
  KG_ASSIGN_OR_RETURN(PatternPart part, parse_pattern_chain(0));
  part.path_variable = std::move(path_variable);
  part.pos = pos;
  return part;
}

Result<PatternPart> Parser::parse_pattern_chain(size_t min_rels) {
  PatternPart part;
  part.pos = peek().pos;
  if (!at(TokenKind::kLParen)) return unexpected("'(' to start a node pattern");
  KG_ASSIGN_OR_RETURN(NodePattern first, parse_node_pattern());
  part.nodes.push_back(std::move(first));
  while (at_rel_pattern_start()) {
    KG_ASSIGN_OR_RETURN(RelPattern rel, parse_rel_pattern());
    part.rels.push_back(std::move(rel));
    if (!at(TokenKind::kLParen)) return unexpected("'(' to start the node after a relationship");
    KG_ASSIGN_OR_RETURN(NodePattern node, parse_node_pattern());
    part.nodes.push_back(std::move(node));
  }
  if (part.rels.size() < min_rels) return unexpected("a relationship pattern such as -[:TYPE]->");
  return part;
}

bool Parser::at_rel_pattern_start() const {
  // -[, --, ->, <-: a relationship; a lone '-' followed by anything else is not.
  if (at(TokenKind::kLt)) return peek(1).kind == TokenKind::kMinus;
  if (!at(TokenKind::kMinus)) return false;
  TokenKind next = peek(1).kind;
  return next == TokenKind::kLBracket || next == TokenKind::kMinus || next == TokenKind::kGt;
}

Result<ExprPtr> Parser::parse_properties() {
  if (at(TokenKind::kLBrace)) return parse_map_literal();
  if (at(TokenKind::kParameter)) {
    const Token& t = advance();
    auto e = make_expr(ExprKind::kParameter, t.pos, t.begin, t.end);
    e->name = t.text;
    return e;
  }
  return unexpected("a map of properties or a parameter");
}

Result<NodePattern> Parser::parse_node_pattern() {
  NodePattern node;
  node.pos = peek().pos;
  KG_TRY(expect(TokenKind::kLParen, "to start a node pattern"));
  if (at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier))
    node.variable = advance().text;
  while (match(TokenKind::kColon)) {
    KG_ASSIGN_OR_RETURN(std::string label, parse_symbolic_name("a label name after ':'"));
    node.labels.push_back(std::move(label));
  }
  if (at(TokenKind::kLBrace) || at(TokenKind::kParameter)) {
    KG_ASSIGN_OR_RETURN(node.properties, parse_properties());
  }
  if (!match(TokenKind::kRParen)) return unexpected("')' to close the node pattern");
  return node;
}

namespace {

Result<int64_t> parse_hops(const Token& t) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
  if (ec != std::errc() || end != t.text.data() + t.text.size())
    return Status::syntax_error(t.pos, "invalid number of hops '" + t.text + "'",
                                "InvalidNumberLiteral");
  return v;
}

}  // namespace

Result<RelPattern> Parser::parse_rel_pattern() {
  RelPattern rel;
  rel.pos = peek().pos;
  bool left = match(TokenKind::kLt);
  KG_TRY(expect(TokenKind::kMinus, "in a relationship pattern"));
  if (match(TokenKind::kLBracket)) {
    if (at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier))
      rel.variable = advance().text;
    if (match(TokenKind::kColon)) {
      do {
        match(TokenKind::kColon);  // [:A|:B] is accepted like [:A|B]
        KG_ASSIGN_OR_RETURN(std::string type, parse_symbolic_name("a relationship type"));
        rel.types.push_back(std::move(type));
      } while (match(TokenKind::kPipe));
    }
    if (match(TokenKind::kStar)) {
      rel.variable_length = true;
      if (at(TokenKind::kInteger)) {
        KG_ASSIGN_OR_RETURN(int64_t n, parse_hops(advance()));
        rel.min_hops = n;
        if (!at(TokenKind::kDotDot)) rel.max_hops = n;  // *2 means exactly 2
      }
      if (match(TokenKind::kDotDot)) {
        if (at(TokenKind::kInteger)) {
          KG_ASSIGN_OR_RETURN(int64_t n, parse_hops(advance()));
          rel.max_hops = n;
        }
      }
    }
    if (at(TokenKind::kLBrace) || at(TokenKind::kParameter)) {
      KG_ASSIGN_OR_RETURN(rel.properties, parse_properties());
    }
    if (!match(TokenKind::kRBracket)) return unexpected("']' to close the relationship pattern");
  }
  KG_TRY(expect(TokenKind::kMinus, "to end the relationship pattern"));
  bool right = match(TokenKind::kGt);
  if (left && !right) {
    rel.direction = RelDirection::kIncoming;
  } else if (right && !left) {
    rel.direction = RelDirection::kOutgoing;
  } else {
    rel.direction = RelDirection::kUndirected;
  }
  return rel;
}

}  // namespace kg::query
