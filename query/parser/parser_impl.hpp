// The parser's internal state, shared by parser.cpp (statements and clauses),
// parse_pattern.cpp and parse_expression.cpp. Not part of any interface.
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

#include "query/ast/statement.hpp"
#include "query/lexer/token.hpp"

namespace kg::query {

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  Result<ast::Statement> parse_statement();

 private:
  // --- tokens ---
  const Token& peek(size_t ahead = 0) const {
    size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  const Token& previous() const { return tokens_[pos_ - 1]; }
  const Token& advance() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool at(TokenKind kind) const { return peek().kind == kind; }
  bool at_keyword(std::string_view word, size_t ahead = 0) const {
    return peek(ahead).is_keyword(word);
  }
  bool match(TokenKind kind) {
    if (!at(kind)) return false;
    advance();
    return true;
  }
  bool match_keyword(std::string_view word) {
    if (!at_keyword(word)) return false;
    advance();
    return true;
  }
  Status expect(TokenKind kind, std::string_view what);
  Status expect_keyword(std::string_view word, std::string_view what);
  // "unexpected 'X' <where>: expected <expected>" at the current token.
  Status unexpected(std::string_view expected) const;
  Result<std::string> parse_symbolic_name(std::string_view what);
  Result<std::string> parse_variable(std::string_view what);
  bool at_clause_start() const;
  uint32_t end_of_previous() const { return pos_ == 0 ? 0 : tokens_[pos_ - 1].end; }

  // --- statements and clauses (parser.cpp) ---
  Result<ast::Query> parse_query();
  Result<ast::SingleQuery> parse_single_query();
  Result<ast::Clause> parse_clause();
  Result<ast::SchemaCommand> parse_schema_command();
  Result<ast::Match> parse_match();
  Result<ast::Unwind> parse_unwind();
  Result<ast::Merge> parse_merge();
  Result<ast::Set> parse_set();
  Result<ast::SetItem> parse_set_item();
  Result<ast::Remove> parse_remove();
  Result<ast::Delete> parse_delete();
  Result<ast::With> parse_with();
  Result<ast::Return> parse_return();
  Result<ast::Projection> parse_projection(bool is_with);
  Result<ast::Call> parse_call();
  Status parse_label_property(std::string& label, std::string& property, std::string& variable);

  // --- patterns (parse_pattern.cpp) ---
  Result<ast::Pattern> parse_pattern();
  Result<ast::PatternPart> parse_pattern_part();
  // The chain (a)-[r]->(b)...; `min_rels` relationships at least.
  Result<ast::PatternPart> parse_pattern_chain(size_t min_rels);
  Result<ast::NodePattern> parse_node_pattern();
  Result<ast::RelPattern> parse_rel_pattern();
  bool at_rel_pattern_start() const;
  Result<ast::ExprPtr> parse_properties();

  // --- expressions (parse_expression.cpp) ---
  Result<ast::ExprPtr> parse_expression();
  Result<ast::ExprPtr> parse_or();
  Result<ast::ExprPtr> parse_xor();
  Result<ast::ExprPtr> parse_and();
  Result<ast::ExprPtr> parse_not();
  Result<ast::ExprPtr> parse_comparison();
  Result<ast::ExprPtr> parse_predicates();
  Result<ast::ExprPtr> parse_additive();
  Result<ast::ExprPtr> parse_multiplicative();
  Result<ast::ExprPtr> parse_power();
  Result<ast::ExprPtr> parse_unary();
  Result<ast::ExprPtr> parse_postfix();
  Result<ast::ExprPtr> parse_atom();
  Result<ast::ExprPtr> parse_number(bool negative, SourcePos pos, uint32_t begin);
  Result<ast::ExprPtr> parse_list_or_comprehension();
  Result<ast::ExprPtr> parse_map_literal();
  Result<ast::ExprPtr> parse_case();
  Result<ast::ExprPtr> parse_function_call();
  Result<ast::ExprPtr> parse_parenthesized_or_pattern();
  Result<ast::ExprPtr> parse_map_projection(ast::ExprPtr variable);
  Result<ast::ExprPtr> parse_exists_subquery();
  ast::ExprPtr binary(ast::Op op, ast::ExprPtr lhs, ast::ExprPtr rhs);
  Status enter();  // depth guard
  void leave() { --depth_; }
  // Chain guard: each operator of a left-associative chain (a + b + c, a AND b, x.a.b, x[0][1])
  // nests the tree one level deeper without recursing here, but the binder, the evaluator and
  // the AST's destructor recurse over it. Counts the links of the chains being parsed.
  Status link();

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  int links_ = 0;
  // Token positions where a parenthesis does not start a pattern expression (see
  // parse_parenthesized_or_pattern).
  std::unordered_set<size_t> not_a_pattern_;
};

// Restores the count of chain links when a chain's parse function returns.
struct LinkScope {
  explicit LinkScope(int& l) : l_(l), saved_(l) {}
  ~LinkScope() { l_ = saved_; }
  int& l_;
  int saved_;
};

// Guards recursion: `KG_DEPTH_GUARD();` at the top of a recursive parse function.
struct DepthScope {
  explicit DepthScope(int& d) : d_(d) {}
  ~DepthScope() { --d_; }
  int& d_;
};

}  // namespace kg::query
