#include "query/parser/parser.hpp"

#include "common/utf8.hpp"
#include "query/lexer/lexer.hpp"
#include "query/parser/parser_impl.hpp"

namespace kg::query {

using namespace ast;

namespace {

// A statement must be well-formed UTF-8 (strings, names and comments alike): else a SyntaxError
// at the first byte that does not start a valid character.
Status check_utf8(std::string_view text) {
  if (kg::utf8::is_valid(text)) return Status();
  SourcePos pos{1, 1};
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (b >= 0x80 && (b < 0xC2 || b > 0xF4 || i + len > text.size() ||
                      !kg::utf8::is_valid(text.substr(i, len)))) {
      return Status::syntax_error(
          pos, "the statement is not valid UTF-8 (byte " + std::to_string(i + 1) + ")",
          "InvalidUtf8");
    }
    if (b == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
    i += len;
  }
  return Status::syntax_error(pos, "the statement is not valid UTF-8", "InvalidUtf8");
}

}  // namespace

Result<Statement> parse_statement(std::string_view text) {
  KG_TRY(check_utf8(text));
  KG_ASSIGN_OR_RETURN(std::vector<Token> tokens, tokenize(text));
  Parser parser(text, std::move(tokens));
  return parser.parse_statement();
}

// --- token helpers -------------------------------------------------------------------------------

Status Parser::unexpected(std::string_view expected) const {
  const Token& t = peek();
  std::string found = t.kind == TokenKind::kEof ? "end of input" : "'" + t.text + "'";
  if (t.kind == TokenKind::kString) found = "string '" + t.text + "'";
  return Status::syntax_error(
      t.pos, "Invalid input " + found + ": expected " + std::string(expected), "UnexpectedSyntax");
}

Status Parser::expect(TokenKind kind, std::string_view what) {
  if (match(kind)) return Status();
  return unexpected(std::string(token_kind_name(kind)) + " " + std::string(what));
}

Status Parser::expect_keyword(std::string_view word, std::string_view what) {
  if (match_keyword(word)) return Status();
  return unexpected(std::string(word) + " " + std::string(what));
}

Result<std::string> Parser::parse_symbolic_name(std::string_view what) {
  if (at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier)) return advance().text;
  return unexpected(what);
}

Result<std::string> Parser::parse_variable(std::string_view what) {
  return parse_symbolic_name(what);
}

bool Parser::at_clause_start() const {
  for (std::string_view kw : {"MATCH", "OPTIONAL", "UNWIND", "CREATE", "MERGE", "SET", "REMOVE",
                              "DELETE", "DETACH", "WITH", "RETURN", "CALL"})
    if (at_keyword(kw)) return true;
  return false;
}

// --- statements ----------------------------------------------------------------------------------

Result<Statement> Parser::parse_statement() {
  Statement st;
  if (match_keyword("EXPLAIN")) {
    st.mode = Statement::Mode::kExplain;
  } else if (match_keyword("PROFILE")) {
    st.mode = Statement::Mode::kProfile;
  }
  SourcePos pos = peek().pos;
  if (at_keyword("BEGIN") || at_keyword("COMMIT") || at_keyword("ROLLBACK")) {
    TransactionCommand cmd;
    cmd.pos = pos;
    cmd.kind = at_keyword("BEGIN")    ? TransactionCommand::Kind::kBegin
               : at_keyword("COMMIT") ? TransactionCommand::Kind::kCommit
                                      : TransactionCommand::Kind::kRollback;
    advance();
    match_keyword("TRANSACTION");
    st.body = cmd;
  } else if ((at_keyword("CREATE") && (at_keyword("INDEX", 1) || at_keyword("CONSTRAINT", 1))) ||
             (at_keyword("DROP")) || at_keyword("SHOW")) {
    KG_ASSIGN_OR_RETURN(st.body, parse_schema_command());
  } else {
    KG_ASSIGN_OR_RETURN(st.body, parse_query());
  }
  while (match(TokenKind::kSemicolon)) {
  }
  if (!at(TokenKind::kEof)) {
    if (at_keyword("UNION") || at_clause_start()) return unexpected("the end of the statement");
    return unexpected("a clause or the end of the statement");
  }
  return st;
}

Result<Query> Parser::parse_query() {
  Query q;
  KG_ASSIGN_OR_RETURN(SingleQuery first, parse_single_query());
  q.parts.push_back(std::move(first));
  while (at_keyword("UNION")) {
    q.union_pos.push_back(peek().pos);
    advance();
    q.union_all.push_back(match_keyword("ALL"));
    KG_ASSIGN_OR_RETURN(SingleQuery next, parse_single_query());
    q.parts.push_back(std::move(next));
  }
  return q;
}

Result<SingleQuery> Parser::parse_single_query() {
  SingleQuery sq;
  if (!at_clause_start()) return unexpected("a clause (MATCH, CREATE, RETURN, ...)");
  while (at_clause_start()) {
    KG_ASSIGN_OR_RETURN(Clause c, parse_clause());
    sq.clauses.push_back(std::move(c));
  }
  return sq;
}

Result<Clause> Parser::parse_clause() {
  if (at_keyword("MATCH") || at_keyword("OPTIONAL")) return parse_match();
  if (at_keyword("UNWIND")) return parse_unwind();
  if (at_keyword("CREATE")) {
    Create c;
    c.pos = advance().pos;
    KG_ASSIGN_OR_RETURN(c.pattern, parse_pattern());
    return c;
  }
  if (at_keyword("MERGE")) return parse_merge();
  if (at_keyword("SET")) return parse_set();
  if (at_keyword("REMOVE")) return parse_remove();
  if (at_keyword("DELETE") || at_keyword("DETACH")) return parse_delete();
  if (at_keyword("WITH")) return parse_with();
  if (at_keyword("RETURN")) return parse_return();
  if (at_keyword("CALL")) return parse_call();
  return unexpected("a clause");
}

Result<Match> Parser::parse_match() {
  Match m;
  m.pos = peek().pos;
  if (match_keyword("OPTIONAL")) m.optional = true;
  KG_TRY(expect_keyword("MATCH", "after OPTIONAL"));
  KG_ASSIGN_OR_RETURN(m.pattern, parse_pattern());
  if (match_keyword("WHERE")) {
    KG_ASSIGN_OR_RETURN(m.where, parse_expression());
  }
  return m;
}

Result<Unwind> Parser::parse_unwind() {
  Unwind u;
  u.pos = advance().pos;
  KG_ASSIGN_OR_RETURN(u.list, parse_expression());
  KG_TRY(expect_keyword("AS", "after the UNWIND expression"));
  KG_ASSIGN_OR_RETURN(u.variable, parse_variable("a variable name after AS"));
  return u;
}

Result<Merge> Parser::parse_merge() {
  Merge m;
  m.pos = advance().pos;
  KG_ASSIGN_OR_RETURN(m.pattern, parse_pattern_part());
  while (at_keyword("ON")) {
    advance();
    bool on_create;
    if (match_keyword("CREATE")) {
      on_create = true;
    } else if (match_keyword("MATCH")) {
      on_create = false;
    } else {
      return unexpected("CREATE or MATCH after ON");
    }
    KG_TRY(expect_keyword("SET", on_create ? "after ON CREATE" : "after ON MATCH"));
    do {
      KG_ASSIGN_OR_RETURN(SetItem item, parse_set_item());
      (on_create ? m.on_create : m.on_match).push_back(std::move(item));
    } while (match(TokenKind::kComma));
  }
  return m;
}

Result<Set> Parser::parse_set() {
  Set s;
  s.pos = advance().pos;
  do {
    KG_ASSIGN_OR_RETURN(SetItem item, parse_set_item());
    s.items.push_back(std::move(item));
  } while (match(TokenKind::kComma));
  return s;
}

Result<SetItem> Parser::parse_set_item() {
  SetItem item;
  item.pos = peek().pos;
  bool name_first = at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier);
  if (name_first && peek(1).kind == TokenKind::kColon) {
    item.kind = SetItem::Kind::kLabels;
    item.variable = advance().text;
    while (match(TokenKind::kColon)) {
      KG_ASSIGN_OR_RETURN(std::string label, parse_symbolic_name("a label name after ':'"));
      item.labels.push_back(std::move(label));
    }
    return item;
  }
  if (name_first && (peek(1).kind == TokenKind::kEq || peek(1).kind == TokenKind::kPlusEq)) {
    item.variable = advance().text;
    item.kind = advance().kind == TokenKind::kEq ? SetItem::Kind::kReplace : SetItem::Kind::kMerge;
    KG_ASSIGN_OR_RETURN(item.value, parse_expression());
    return item;
  }
  // target.key = value, where target may itself be an expression: (n).x, n.a.b ...
  KG_ASSIGN_OR_RETURN(ExprPtr target, parse_postfix());
  if (target->kind != ExprKind::kProperty)
    return Status::syntax_error(item.pos,
                                "SET needs a property (n.key = ...), a variable (n = {...}, "
                                "n += {...}) or labels (n:Label)",
                                "UnexpectedSyntax");
  item.kind = SetItem::Kind::kProperty;
  item.key = target->name;
  item.target = std::move(target->children[0]);
  KG_TRY(expect(TokenKind::kEq, "after the property to SET"));
  KG_ASSIGN_OR_RETURN(item.value, parse_expression());
  return item;
}

Result<Remove> Parser::parse_remove() {
  Remove r;
  r.pos = advance().pos;
  do {
    RemoveItem item;
    item.pos = peek().pos;
    bool name_first = at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier);
    if (name_first && peek(1).kind == TokenKind::kColon) {
      item.kind = RemoveItem::Kind::kLabels;
      item.variable = advance().text;
      while (match(TokenKind::kColon)) {
        KG_ASSIGN_OR_RETURN(std::string label, parse_symbolic_name("a label name after ':'"));
        item.labels.push_back(std::move(label));
      }
    } else {
      KG_ASSIGN_OR_RETURN(ExprPtr target, parse_postfix());
      if (target->kind != ExprKind::kProperty)
        return Status::syntax_error(item.pos, "REMOVE needs a property (n.key) or labels (n:Label)",
                                    "UnexpectedSyntax");
      item.kind = RemoveItem::Kind::kProperty;
      item.key = target->name;
      item.target = std::move(target->children[0]);
    }
    r.items.push_back(std::move(item));
  } while (match(TokenKind::kComma));
  return r;
}

Result<Delete> Parser::parse_delete() {
  Delete d;
  d.pos = peek().pos;
  if (match_keyword("DETACH")) d.detach = true;
  KG_TRY(expect_keyword("DELETE", "after DETACH"));
  do {
    KG_ASSIGN_OR_RETURN(ExprPtr e, parse_expression());
    d.targets.push_back(std::move(e));
  } while (match(TokenKind::kComma));
  return d;
}

Result<Projection> Parser::parse_projection(bool is_with) {
  Projection p;
  p.pos = peek().pos;
  if (match_keyword("DISTINCT")) p.distinct = true;
  if (match(TokenKind::kStar)) {
    p.star = true;
    if (!match(TokenKind::kComma)) goto modifiers;
  }
  do {
    ProjectionItem item;
    uint32_t begin = peek().begin;
    KG_ASSIGN_OR_RETURN(item.expr, parse_expression());
    if (match_keyword("AS")) {
      KG_ASSIGN_OR_RETURN(item.alias, parse_variable("a name after AS"));
      item.has_alias = true;
    } else {
      item.alias = std::string(text_.substr(begin, end_of_previous() - begin));
    }
    p.items.push_back(std::move(item));
  } while (match(TokenKind::kComma));
modifiers:
  if (at_keyword("ORDER")) {
    advance();
    KG_TRY(expect_keyword("BY", "after ORDER"));
    do {
      SortItem s;
      KG_ASSIGN_OR_RETURN(s.expr, parse_expression());
      if (match_keyword("DESC") || match_keyword("DESCENDING")) {
        s.descending = true;
      } else if (match_keyword("ASC") || match_keyword("ASCENDING")) {
        s.descending = false;
      }
      p.order_by.push_back(std::move(s));
    } while (match(TokenKind::kComma));
  }
  if (match_keyword("SKIP")) {
    KG_ASSIGN_OR_RETURN(p.skip, parse_expression());
  }
  if (match_keyword("LIMIT")) {
    KG_ASSIGN_OR_RETURN(p.limit, parse_expression());
  }
  (void)is_with;
  return p;
}

Result<With> Parser::parse_with() {
  With w;
  w.pos = advance().pos;
  KG_ASSIGN_OR_RETURN(w.projection, parse_projection(true));
  if (match_keyword("WHERE")) {
    KG_ASSIGN_OR_RETURN(w.where, parse_expression());
  }
  return w;
}

Result<Return> Parser::parse_return() {
  Return r;
  r.pos = advance().pos;
  KG_ASSIGN_OR_RETURN(r.projection, parse_projection(false));
  return r;
}

Result<Call> Parser::parse_call() {
  Call c;
  c.pos = advance().pos;
  KG_ASSIGN_OR_RETURN(c.procedure, parse_symbolic_name("a procedure name after CALL"));
  while (match(TokenKind::kDot)) {
    KG_ASSIGN_OR_RETURN(std::string part, parse_symbolic_name("a procedure name after '.'"));
    c.procedure += "." + part;
  }
  if (match(TokenKind::kLParen)) {
    c.has_args = true;
    if (!at(TokenKind::kRParen)) {
      do {
        KG_ASSIGN_OR_RETURN(ExprPtr e, parse_expression());
        c.args.push_back(std::move(e));
      } while (match(TokenKind::kComma));
    }
    KG_TRY(expect(TokenKind::kRParen, "to close the procedure's arguments"));
  }
  if (match_keyword("YIELD")) {
    if (match(TokenKind::kStar)) {
      c.yield_star = true;
    } else {
      do {
        Call::YieldItem item;
        item.pos = peek().pos;
        KG_ASSIGN_OR_RETURN(item.field, parse_symbolic_name("a field name after YIELD"));
        item.alias = item.field;
        if (match_keyword("AS")) {
          KG_ASSIGN_OR_RETURN(item.alias, parse_variable("a name after AS"));
        }
        c.yields.push_back(std::move(item));
      } while (match(TokenKind::kComma));
    }
    if (match_keyword("WHERE")) {
      KG_ASSIGN_OR_RETURN(c.where, parse_expression());
    }
  }
  return c;
}

// --- schema commands -----------------------------------------------------------------------------

// Parses `(n:Label) ON (n.prop)` / `(n:Label) REQUIRE n.prop` pieces: `(var:Label)`.
Status Parser::parse_label_property(std::string& label, std::string& property,
                                    std::string& variable) {
  KG_TRY(expect(TokenKind::kLParen, "before the indexed pattern"));
  KG_ASSIGN_OR_RETURN(variable, parse_variable("a variable"));
  KG_TRY(expect(TokenKind::kColon, "before the label"));
  KG_ASSIGN_OR_RETURN(label, parse_symbolic_name("a label"));
  KG_TRY(expect(TokenKind::kRParen, "after the label"));
  (void)property;
  return Status();
}

Result<SchemaCommand> Parser::parse_schema_command() {
  SchemaCommand cmd;
  cmd.pos = peek().pos;
  auto property_of = [&](const std::string& variable) -> Status {
    KG_ASSIGN_OR_RETURN(std::string v, parse_variable("the indexed variable"));
    if (v != variable)
      return Status::syntax_error(previous().pos,
                                  "expected `" + variable + "`, the variable of the pattern",
                                  "UndefinedVariable");
    KG_TRY(expect(TokenKind::kDot, "before the property"));
    KG_ASSIGN_OR_RETURN(cmd.property, parse_symbolic_name("a property name"));
    return Status();
  };
  if (match_keyword("SHOW")) {
    if (match_keyword("INDEX") || match_keyword("INDEXES")) {
      cmd.kind = SchemaCommand::Kind::kShowIndexes;
    } else if (match_keyword("CONSTRAINT") || match_keyword("CONSTRAINTS")) {
      cmd.kind = SchemaCommand::Kind::kShowConstraints;
    } else {
      return unexpected("INDEXES or CONSTRAINTS after SHOW");
    }
    return cmd;
  }
  bool create = match_keyword("CREATE");
  if (!create) KG_TRY(expect_keyword("DROP", "or CREATE"));
  bool index = match_keyword("INDEX");
  if (!index) KG_TRY(expect_keyword("CONSTRAINT", "or INDEX"));
  cmd.kind =
      create ? (index ? SchemaCommand::Kind::kCreateIndex : SchemaCommand::Kind::kCreateConstraint)
             : (index ? SchemaCommand::Kind::kDropIndex : SchemaCommand::Kind::kDropConstraint);
  // Old syntax: CREATE INDEX ON :Label(prop) / DROP INDEX ON :Label(prop).
  if (index && at_keyword("ON") && peek(1).kind == TokenKind::kColon) {
    advance();
    advance();
    KG_ASSIGN_OR_RETURN(cmd.label, parse_symbolic_name("a label"));
    KG_TRY(expect(TokenKind::kLParen, "before the property"));
    KG_ASSIGN_OR_RETURN(cmd.property, parse_symbolic_name("a property name"));
    KG_TRY(expect(TokenKind::kRParen, "after the property"));
    return cmd;
  }
  if ((at(TokenKind::kIdentifier) || at(TokenKind::kQuotedIdentifier)) && !at_keyword("IF") &&
      !at_keyword("FOR") && !at_keyword("ON"))
    cmd.name = advance().text;
  if (at_keyword("IF")) {
    advance();
    if (create) {
      KG_TRY(expect_keyword("NOT", "after IF"));
      KG_TRY(expect_keyword("EXISTS", "after IF NOT"));
      cmd.if_not_exists = true;
    } else {
      KG_TRY(expect_keyword("EXISTS", "after IF"));
      cmd.if_exists = true;
    }
  }
  if (!create) {
    if (!cmd.name.empty() && !at_keyword("ON")) return cmd;  // DROP INDEX name
    if (!at_keyword("ON")) return unexpected("an index or constraint name");
  }
  std::string variable;
  if (index) {
    KG_TRY(expect_keyword("FOR", "in CREATE INDEX ... FOR (n:Label) ON (n.property)"));
    KG_TRY(parse_label_property(cmd.label, cmd.property, variable));
    KG_TRY(expect_keyword("ON", "in CREATE INDEX ... FOR (n:Label) ON (n.property)"));
    KG_TRY(expect(TokenKind::kLParen, "before the indexed property"));
    KG_TRY(property_of(variable));
    KG_TRY(expect(TokenKind::kRParen, "after the indexed property"));
    return cmd;
  }
  // Constraints: FOR (n:Label) REQUIRE n.p IS UNIQUE, or ON (n:Label) ASSERT n.p IS UNIQUE.
  bool old_syntax = false;
  if (match_keyword("ON")) {
    old_syntax = true;
  } else {
    KG_TRY(expect_keyword("FOR",
                          "in CREATE CONSTRAINT ... FOR (n:Label) REQUIRE n.property IS UNIQUE"));
  }
  KG_TRY(parse_label_property(cmd.label, cmd.property, variable));
  if (old_syntax) {
    KG_TRY(expect_keyword("ASSERT", "in CONSTRAINT ON (n:Label) ASSERT n.property IS UNIQUE"));
  } else {
    KG_TRY(
        expect_keyword("REQUIRE", "in CONSTRAINT ... FOR (n:Label) REQUIRE n.property IS UNIQUE"));
  }
  bool parens = match(TokenKind::kLParen);
  KG_TRY(property_of(variable));
  if (parens) KG_TRY(expect(TokenKind::kRParen, "after the property"));
  KG_TRY(expect_keyword("IS", "after the property (only IS UNIQUE constraints exist)"));
  KG_TRY(expect_keyword("UNIQUE", "(only IS UNIQUE constraints exist)"));
  return cmd;
}

}  // namespace kg::query
