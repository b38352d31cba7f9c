// Expressions, by openCypher's precedence (lowest first): OR, XOR, AND, NOT, comparisons
// (chained: a < b < c means a < b AND b < c), string/list/null predicates, + -, * / %, ^,
// unary + -, then postfix property lookups, subscripts, slices and label checks.
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "query/parser/parser.hpp"
#include "query/parser/parser_impl.hpp"

namespace kg::query {

using namespace ast;

Status Parser::enter() {
  if (++depth_ > kMaxParseDepth) {
    return Status::syntax_error(peek().pos,
                                "the expression is nested too deeply (more than " +
                                    std::to_string(kMaxParseDepth) + " levels)",
                                "NestingTooDeep");
  }
  return Status();
}

Status Parser::link() {
  if (++links_ > kMaxOperatorChain) {
    return Status::syntax_error(tokens_[pos_ - 1].pos,
                                "the expression has too many operators in a row (more than " +
                                    std::to_string(kMaxOperatorChain) + ")",
                                "NestingTooDeep");
  }
  return Status();
}

ExprPtr Parser::binary(Op op, ExprPtr lhs, ExprPtr rhs) {
  auto e = make_expr(ExprKind::kBinary, lhs->pos, lhs->begin, rhs->end);
  e->op = op;
  e->children.push_back(std::move(lhs));
  e->children.push_back(std::move(rhs));
  return e;
}

Result<ExprPtr> Parser::parse_expression() {
  KG_TRY(enter());
  DepthScope scope(depth_);
  return parse_or();
}

Result<ExprPtr> Parser::parse_or() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_xor());
  while (match_keyword("OR")) {
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_xor());
    lhs = binary(Op::kOr, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

Result<ExprPtr> Parser::parse_xor() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_and());
  while (match_keyword("XOR")) {
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_and());
    lhs = binary(Op::kXor, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

Result<ExprPtr> Parser::parse_and() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_not());
  while (match_keyword("AND")) {
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_not());
    lhs = binary(Op::kAnd, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

Result<ExprPtr> Parser::parse_not() {
  if (at_keyword("NOT")) {
    KG_TRY(enter());
    DepthScope scope(depth_);
    const Token& t = advance();
    KG_ASSIGN_OR_RETURN(ExprPtr operand, parse_not());
    auto e = make_expr(ExprKind::kUnary, t.pos, t.begin, operand->end);
    e->op = Op::kNot;
    e->children.push_back(std::move(operand));
    return e;
  }
  return parse_comparison();
}

namespace {

std::optional<Op> comparison_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEq:
      return Op::kEq;
    case TokenKind::kNe:
      return Op::kNe;
    case TokenKind::kLt:
      return Op::kLt;
    case TokenKind::kGt:
      return Op::kGt;
    case TokenKind::kLe:
      return Op::kLe;
    case TokenKind::kGe:
      return Op::kGe;
    default:
      return std::nullopt;
  }
}

}  // namespace

Result<ExprPtr> Parser::parse_comparison() {
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_predicates());
  auto op = comparison_op(peek().kind);
  if (!op) return lhs;
  ExprPtr result;
  LinkScope links(links_);
  while (op) {
    advance();
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_predicates());
    ExprPtr next_lhs = rhs->clone();
    ExprPtr cmp = binary(*op, std::move(lhs), std::move(rhs));
    result = result ? binary(Op::kAnd, std::move(result), std::move(cmp)) : std::move(cmp);
    lhs = std::move(next_lhs);
    op = comparison_op(peek().kind);
  }
  return result;
}

Result<ExprPtr> Parser::parse_predicates() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_additive());
  for (;;) {
    if (at_keyword("IS")) {
      advance();
      KG_TRY(link());
      bool negated = match_keyword("NOT");
      KG_TRY(expect_keyword("NULL", negated ? "after IS NOT" : "after IS"));
      auto e = make_expr(negated ? ExprKind::kIsNotNull : ExprKind::kIsNull, lhs->pos, lhs->begin,
                         end_of_previous());
      e->children.push_back(std::move(lhs));
      lhs = std::move(e);
      continue;
    }
    Op op;
    if (at_keyword("STARTS") && at_keyword("WITH", 1)) {
      advance();
      advance();
      op = Op::kStartsWith;
    } else if (at_keyword("ENDS") && at_keyword("WITH", 1)) {
      advance();
      advance();
      op = Op::kEndsWith;
    } else if (match_keyword("CONTAINS")) {
      op = Op::kContains;
    } else if (match_keyword("IN")) {
      op = Op::kIn;
    } else if (match(TokenKind::kRegexMatch)) {
      op = Op::kRegex;
    } else {
      return lhs;
    }
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_additive());
    lhs = binary(op, std::move(lhs), std::move(rhs));
  }
}

Result<ExprPtr> Parser::parse_additive() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_multiplicative());
  for (;;) {
    Op op;
    if (match(TokenKind::kPlus)) {
      op = Op::kAdd;
    } else if (match(TokenKind::kMinus)) {
      op = Op::kSub;
    } else {
      return lhs;
    }
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_multiplicative());
    lhs = binary(op, std::move(lhs), std::move(rhs));
  }
}

Result<ExprPtr> Parser::parse_multiplicative() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_power());
  for (;;) {
    Op op;
    if (match(TokenKind::kStar)) {
      op = Op::kMul;
    } else if (match(TokenKind::kSlash)) {
      op = Op::kDiv;
    } else if (match(TokenKind::kPercent)) {
      op = Op::kMod;
    } else {
      return lhs;
    }
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_power());
    lhs = binary(op, std::move(lhs), std::move(rhs));
  }
}

Result<ExprPtr> Parser::parse_power() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr lhs, parse_unary());
  while (match(TokenKind::kCaret)) {
    KG_TRY(link());
    KG_ASSIGN_OR_RETURN(ExprPtr rhs, parse_unary());
    lhs = binary(Op::kPow, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

Result<ExprPtr> Parser::parse_unary() {
  if (at(TokenKind::kMinus) || at(TokenKind::kPlus)) {
    KG_TRY(enter());
    DepthScope scope(depth_);
    const Token& t = advance();
    bool negative = t.kind == TokenKind::kMinus;
    // A negative number literal is one literal, so that -9223372036854775808 is in range.
    if (negative && (at(TokenKind::kInteger) || at(TokenKind::kFloat))) {
      KG_ASSIGN_OR_RETURN(ExprPtr lit, parse_number(true, t.pos, t.begin));
      return lit;
    }
    KG_ASSIGN_OR_RETURN(ExprPtr operand, parse_unary());
    auto e = make_expr(ExprKind::kUnary, t.pos, t.begin, operand->end);
    e->op = negative ? Op::kNeg : Op::kPos;
    e->children.push_back(std::move(operand));
    return e;
  }
  return parse_postfix();
}

Result<ExprPtr> Parser::parse_postfix() {
  LinkScope links(links_);
  KG_ASSIGN_OR_RETURN(ExprPtr e, parse_atom());
  for (;;) {
    if (at(TokenKind::kDot)) {
      advance();
      KG_TRY(link());
      KG_ASSIGN_OR_RETURN(std::string key, parse_symbolic_name("a property name after '.'"));
      auto p = make_expr(ExprKind::kProperty, e->pos, e->begin, end_of_previous());
      p->name = std::move(key);
      p->children.push_back(std::move(e));
      e = std::move(p);
    } else if (at(TokenKind::kLBracket)) {
      advance();
      KG_TRY(link());
      ExprPtr from, to;
      bool slice = false;
      if (!at(TokenKind::kDotDot)) {
        KG_ASSIGN_OR_RETURN(from, parse_expression());
      }
      if (match(TokenKind::kDotDot)) {
        slice = true;
        if (!at(TokenKind::kRBracket)) {
          KG_ASSIGN_OR_RETURN(to, parse_expression());
        }
      }
      if (!slice && !from) return unexpected("an index or a slice inside '[ ]'");
      KG_TRY(expect(TokenKind::kRBracket, "to close the subscript"));
      auto s = make_expr(slice ? ExprKind::kSlice : ExprKind::kSubscript, e->pos, e->begin,
                         end_of_previous());
      s->children.push_back(std::move(e));
      s->children.push_back(std::move(from));
      if (slice) s->children.push_back(std::move(to));
      e = std::move(s);
    } else if (at(TokenKind::kColon) && (peek(1).kind == TokenKind::kIdentifier ||
                                         peek(1).kind == TokenKind::kQuotedIdentifier)) {
      auto l = make_expr(ExprKind::kLabelCheck, e->pos, e->begin, 0);
      while (match(TokenKind::kColon)) {
        KG_ASSIGN_OR_RETURN(std::string label, parse_symbolic_name("a label name after ':'"));
        l->keys.push_back(std::move(label));
      }
      l->end = end_of_previous();
      l->children.push_back(std::move(e));
      e = std::move(l);
    } else {
      return e;
    }
  }
}

Result<ExprPtr> Parser::parse_number(bool negative, SourcePos pos, uint32_t begin) {
  const Token& t = advance();
  auto e = make_expr(ExprKind::kLiteral, pos, begin, t.end);
  if (t.kind == TokenKind::kFloat) {
    std::string text = (negative ? "-" : "") + t.text;
    double d = std::strtod(text.c_str(), nullptr);
    if (std::isinf(d))
      return Status::syntax_error(pos, "float literal out of range: " + text,
                                  "FloatingPointOverflow");
    e->value = Value(d);
    return e;
  }
  std::string_view digits = t.text;
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
    base = 16;
    digits.remove_prefix(2);
  } else if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'o' || digits[1] == 'O')) {
    base = 8;
    digits.remove_prefix(2);
  }
  uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  uint64_t limit = negative ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1;
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && magnitude > limit))
    return Status::syntax_error(
        pos, "integer literal out of range: " + std::string(negative ? "-" : "") + t.text,
        "IntegerOverflow");
  if (ec != std::errc() || end != digits.data() + digits.size())
    return Status::syntax_error(pos, "invalid number literal '" + t.text + "'",
                                "InvalidNumberLiteral");
  e->value =
      Value(negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude));
  return e;
}

Result<ExprPtr> Parser::parse_atom() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::kInteger:
    case TokenKind::kFloat:
      return parse_number(false, t.pos, t.begin);
    case TokenKind::kString: {
      advance();
      auto e = make_expr(ExprKind::kLiteral, t.pos, t.begin, t.end);
      e->value = Value(t.text);
      return e;
    }
    case TokenKind::kParameter: {
      advance();
      auto e = make_expr(ExprKind::kParameter, t.pos, t.begin, t.end);
      e->name = t.text;
      return e;
    }
    case TokenKind::kLBracket:
      return parse_list_or_comprehension();
    case TokenKind::kLBrace:
      return parse_map_literal();
    case TokenKind::kLParen:
      return parse_parenthesized_or_pattern();
    case TokenKind::kQuotedIdentifier: {
      advance();
      auto e = make_expr(ExprKind::kVariable, t.pos, t.begin, t.end);
      e->name = t.text;
      if (at(TokenKind::kLBrace)) return parse_map_projection(std::move(e));
      return e;
    }
    case TokenKind::kIdentifier:
      break;
    default:
      return unexpected("an expression");
  }
  if (t.is_keyword("TRUE") || t.is_keyword("FALSE") || t.is_keyword("NULL")) {
    advance();
    auto e = make_expr(ExprKind::kLiteral, t.pos, t.begin, t.end);
    if (!t.is_keyword("NULL")) e->value = Value(t.is_keyword("TRUE"));
    return e;
  }
  if (t.is_keyword("CASE")) return parse_case();
  if (t.is_keyword("EXISTS") && peek(1).kind == TokenKind::kLBrace) return parse_exists_subquery();
  // name( or a.b.c( is a function call; anything else is a variable.
  size_t ahead = 1;
  while (peek(ahead).kind == TokenKind::kDot &&
         (peek(ahead + 1).kind == TokenKind::kIdentifier ||
          peek(ahead + 1).kind == TokenKind::kQuotedIdentifier))
    ahead += 2;
  if (peek(ahead).kind == TokenKind::kLParen) return parse_function_call();
  advance();
  auto e = make_expr(ExprKind::kVariable, t.pos, t.begin, t.end);
  e->name = t.text;
  if (at(TokenKind::kLBrace)) return parse_map_projection(std::move(e));
  return e;
}

Result<ExprPtr> Parser::parse_map_projection(ExprPtr variable) {
  SourcePos pos = variable->pos;
  uint32_t begin = variable->begin;
  auto e = make_expr(ExprKind::kMapProjection, pos, begin, 0);
  e->name = variable->name;
  advance();  // {
  if (!at(TokenKind::kRBrace)) {
    do {
      if (match(TokenKind::kDot)) {
        if (match(TokenKind::kStar)) {
          e->keys.push_back("*");
        } else {
          KG_ASSIGN_OR_RETURN(std::string key, parse_symbolic_name("a property name after '.'"));
          e->keys.push_back(std::move(key));
        }
        e->children.push_back(nullptr);
      } else {
        const Token& name = peek();
        KG_ASSIGN_OR_RETURN(std::string key, parse_symbolic_name("a key, .property or .*"));
        if (match(TokenKind::kColon)) {
          KG_ASSIGN_OR_RETURN(ExprPtr value, parse_expression());
          e->keys.push_back(std::move(key));
          e->children.push_back(std::move(value));
        } else {  // a variable selector: {x} means {x: x}
          auto v = make_expr(ExprKind::kVariable, name.pos, name.begin, name.end);
          v->name = key;
          e->keys.push_back(std::move(key));
          e->children.push_back(std::move(v));
        }
      }
    } while (match(TokenKind::kComma));
  }
  KG_TRY(expect(TokenKind::kRBrace, "to close the map projection"));
  e->end = end_of_previous();
  return e;
}

Result<ExprPtr> Parser::parse_list_or_comprehension() {
  const Token& open = advance();  // [
  SourcePos pos = open.pos;
  uint32_t begin = open.begin;
  // [x IN list WHERE pred | projection]
  if ((at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier)) && at_keyword("IN", 1)) {
    auto e = make_expr(ExprKind::kListComprehension, pos, begin, 0);
    e->name = advance().text;
    advance();  // IN
    KG_ASSIGN_OR_RETURN(ExprPtr list, parse_expression());
    e->children.push_back(std::move(list));
    ExprPtr where, projection;
    if (match_keyword("WHERE")) {
      KG_ASSIGN_OR_RETURN(where, parse_expression());
    }
    if (match(TokenKind::kPipe)) {
      KG_ASSIGN_OR_RETURN(projection, parse_expression());
    }
    e->children.push_back(std::move(where));
    e->children.push_back(std::move(projection));
    KG_TRY(expect(TokenKind::kRBracket, "to close the list comprehension"));
    e->end = end_of_previous();
    return e;
  }
  // [p = (a)-->(b) WHERE pred | projection]
  if (at(TokenKind::kLParen) ||
      ((at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier)) &&
       peek(1).kind == TokenKind::kEq && peek(2).kind == TokenKind::kLParen)) {
    size_t save = pos_;
    int save_depth = depth_;
    std::string path_variable;
    if (!at(TokenKind::kLParen)) {
      path_variable = advance().text;
      advance();
    }
    // As in parse_parenthesized_or_pattern: a position where a pattern failed is not tried again,
    // or nested `[(` would parse what they hold twice per level (a 1.5 KB statement took 1.3 s;
    // found by fuzzing, tests/fuzz/regressions/cypher/).
    const size_t chain_start = pos_;
    Result<PatternPart> chain = Status::syntax_error(tokens_[chain_start].pos, "not a pattern");
    if (!not_a_pattern_.contains(chain_start)) {
      chain = parse_pattern_chain(1);
      if (!chain.ok()) {
        if (chain.error().detail() == "NestingTooDeep") return chain.error();
        not_a_pattern_.insert(chain_start);
      }
    }
    if (chain.ok() && (at_keyword("WHERE") || at(TokenKind::kPipe))) {
      auto e = make_expr(ExprKind::kPatternComprehension, pos, begin, 0);
      chain->path_variable = std::move(path_variable);
      e->pattern = std::make_shared<PatternPart>(std::move(*chain));
      ExprPtr where, projection;
      if (match_keyword("WHERE")) {
        KG_ASSIGN_OR_RETURN(where, parse_expression());
      }
      KG_TRY(expect(TokenKind::kPipe, "and a projection in the pattern comprehension"));
      KG_ASSIGN_OR_RETURN(projection, parse_expression());
      e->children.push_back(std::move(where));
      e->children.push_back(std::move(projection));
      KG_TRY(expect(TokenKind::kRBracket, "to close the pattern comprehension"));
      e->end = end_of_previous();
      return e;
    }
    pos_ = save;
    depth_ = save_depth;
  }
  auto e = make_expr(ExprKind::kList, pos, begin, 0);
  if (!at(TokenKind::kRBracket)) {
    do {
      KG_ASSIGN_OR_RETURN(ExprPtr item, parse_expression());
      e->children.push_back(std::move(item));
    } while (match(TokenKind::kComma));
  }
  KG_TRY(expect(TokenKind::kRBracket, "to close the list"));
  e->end = end_of_previous();
  return e;
}

Result<ExprPtr> Parser::parse_map_literal() {
  const Token& open = advance();  // {
  auto e = make_expr(ExprKind::kMap, open.pos, open.begin, 0);
  if (!at(TokenKind::kRBrace)) {
    do {
      KG_ASSIGN_OR_RETURN(std::string key, parse_symbolic_name("a key in the map"));
      KG_TRY(expect(TokenKind::kColon, "after the map key"));
      KG_ASSIGN_OR_RETURN(ExprPtr value, parse_expression());
      e->keys.push_back(std::move(key));
      e->children.push_back(std::move(value));
    } while (match(TokenKind::kComma));
  }
  KG_TRY(expect(TokenKind::kRBrace, "to close the map"));
  e->end = end_of_previous();
  return e;
}

Result<ExprPtr> Parser::parse_case() {
  const Token& t = advance();  // CASE
  auto e = make_expr(ExprKind::kCase, t.pos, t.begin, 0);
  if (!at_keyword("WHEN")) {
    KG_ASSIGN_OR_RETURN(ExprPtr test, parse_expression());
    e->has_test = true;
    e->children.push_back(std::move(test));
  }
  if (!at_keyword("WHEN")) return unexpected("WHEN in the CASE expression");
  while (match_keyword("WHEN")) {
    KG_ASSIGN_OR_RETURN(ExprPtr when, parse_expression());
    KG_TRY(expect_keyword("THEN", "after the WHEN condition"));
    KG_ASSIGN_OR_RETURN(ExprPtr then, parse_expression());
    e->children.push_back(std::move(when));
    e->children.push_back(std::move(then));
  }
  if (match_keyword("ELSE")) {
    KG_ASSIGN_OR_RETURN(ExprPtr otherwise, parse_expression());
    e->has_else = true;
    e->children.push_back(std::move(otherwise));
  }
  KG_TRY(expect_keyword("END", "to close the CASE expression"));
  e->end = end_of_previous();
  return e;
}

Result<ExprPtr> Parser::parse_function_call() {
  const Token& first = peek();
  SourcePos pos = first.pos;
  uint32_t begin = first.begin;
  std::string name = advance().text;
  while (match(TokenKind::kDot)) name += "." + advance().text;
  advance();  // (
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::string lname = lower(name);

  if (lname == "count" && at(TokenKind::kStar)) {
    advance();
    KG_TRY(expect(TokenKind::kRParen, "after count(*"));
    return make_expr(ExprKind::kCountStar, pos, begin, end_of_previous());
  }
  if ((lname == "all" || lname == "any" || lname == "none" || lname == "single") &&
      (at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier)) && at_keyword("IN", 1)) {
    auto e = make_expr(ExprKind::kQuantifier, pos, begin, 0);
    e->function = lname;
    e->name = advance().text;
    advance();  // IN
    KG_ASSIGN_OR_RETURN(ExprPtr list, parse_expression());
    ExprPtr where;
    if (match_keyword("WHERE")) {
      KG_ASSIGN_OR_RETURN(where, parse_expression());
    }
    e->children.push_back(std::move(list));
    e->children.push_back(std::move(where));
    KG_TRY(expect(TokenKind::kRParen, "to close " + lname + "(...)"));
    e->end = end_of_previous();
    return e;
  }
  if (lname == "reduce") {
    auto e = make_expr(ExprKind::kReduce, pos, begin, 0);
    KG_ASSIGN_OR_RETURN(std::string acc, parse_variable("the accumulator of reduce"));
    e->keys.push_back(std::move(acc));
    KG_TRY(expect(TokenKind::kEq, "after the accumulator of reduce"));
    KG_ASSIGN_OR_RETURN(ExprPtr init, parse_expression());
    KG_TRY(expect(TokenKind::kComma, "after the initial value of reduce"));
    KG_ASSIGN_OR_RETURN(e->name, parse_variable("the variable of reduce"));
    KG_TRY(expect_keyword("IN", "in reduce"));
    KG_ASSIGN_OR_RETURN(ExprPtr list, parse_expression());
    KG_TRY(expect(TokenKind::kPipe, "before the expression of reduce"));
    KG_ASSIGN_OR_RETURN(ExprPtr step, parse_expression());
    e->children.push_back(std::move(init));
    e->children.push_back(std::move(list));
    e->children.push_back(std::move(step));
    KG_TRY(expect(TokenKind::kRParen, "to close reduce(...)"));
    e->end = end_of_previous();
    return e;
  }
  if (lname == "exists") {
    auto e = make_expr(ExprKind::kExists, pos, begin, 0);
    KG_ASSIGN_OR_RETURN(ExprPtr arg, parse_expression());
    e->children.push_back(std::move(arg));
    KG_TRY(expect(TokenKind::kRParen, "to close exists(...)"));
    e->end = end_of_previous();
    return e;
  }
  auto e = make_expr(ExprKind::kCall, pos, begin, 0);
  e->name = std::move(name);
  if (match_keyword("DISTINCT")) e->distinct = true;
  if (!at(TokenKind::kRParen)) {
    do {
      KG_ASSIGN_OR_RETURN(ExprPtr arg, parse_expression());
      e->children.push_back(std::move(arg));
    } while (match(TokenKind::kComma));
  }
  KG_TRY(expect(TokenKind::kRParen, "to close the function call"));
  e->end = end_of_previous();
  return e;
}

// EXISTS { MATCH ... } (a full subquery, which may end with RETURN) or EXISTS { pattern [WHERE
// predicate] } (short for EXISTS { MATCH pattern [WHERE predicate] }).
Result<ExprPtr> Parser::parse_exists_subquery() {
  const Token& first = advance();  // EXISTS
  auto e = make_expr(ExprKind::kExistsSubquery, first.pos, first.begin, 0);
  advance();  // {
  KG_TRY(enter());
  DepthScope scope(depth_);
  auto query = std::make_shared<SingleQuery>();
  if (at_clause_start()) {
    while (at_clause_start()) {
      KG_ASSIGN_OR_RETURN(Clause c, parse_clause());
      query->clauses.push_back(std::move(c));
    }
  } else {
    Match m;
    m.pos = peek().pos;
    KG_ASSIGN_OR_RETURN(m.pattern, parse_pattern());
    if (match_keyword("WHERE")) {
      KG_ASSIGN_OR_RETURN(m.where, parse_expression());
    }
    query->clauses.push_back(std::move(m));
  }
  KG_TRY(expect(TokenKind::kRBrace, "to close EXISTS { ... }"));
  e->subquery = std::move(query);
  e->end = end_of_previous();
  return e;
}

Result<ExprPtr> Parser::parse_parenthesized_or_pattern() {
  // A relationship pattern used as an expression: (a)-[:T]->(b).
  // Trying the pattern and then the expression parses what the parentheses hold twice, and
  // nested parentheses made that exponential (a 600-byte statement ran for minutes; found by
  // fuzzing, tests/fuzz/regressions/query/). So a position where the pattern failed is not tried
  // again, and a pattern nested too deeply is an error at once (the expression is as deep).
  size_t save = pos_;
  int save_depth = depth_;
  if (!not_a_pattern_.contains(save)) {
    auto chain = parse_pattern_chain(1);
    if (chain.ok()) {
      const Token& first = tokens_[save];
      auto e = make_expr(ExprKind::kPatternPredicate, first.pos, first.begin, end_of_previous());
      e->pattern = std::make_shared<PatternPart>(std::move(*chain));
      return e;
    }
    if (chain.error().detail() == "NestingTooDeep") return chain.error();
    not_a_pattern_.insert(save);
  }
  pos_ = save;
  depth_ = save_depth;
  const Token& open = advance();  // (
  KG_ASSIGN_OR_RETURN(ExprPtr inner, parse_expression());
  KG_TRY(expect(TokenKind::kRParen, "to close the parenthesized expression"));
  inner->begin = open.begin;
  inner->end = end_of_previous();
  return inner;
}

}  // namespace kg::query
