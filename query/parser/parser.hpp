// The Cypher parser: a hand-written recursive-descent parser from tokens to the AST of one
// statement. Errors are SyntaxError at the line:column of the offending token, with openCypher's
// detail code where one applies (UnexpectedSyntax, InvalidNumberLiteral, IntegerOverflow, ...).
#pragma once

#include <string_view>

#include "kg/status.hpp"
#include "query/ast/statement.hpp"

namespace kg::query {

// Parses one statement; a trailing ';' is allowed. Nesting deeper than kMaxParseDepth (brackets,
// parentheses, operators) is a SyntaxError rather than a stack overflow.
Result<ast::Statement> parse_statement(std::string_view text);

// Each level costs the parser about 13 frames: some 4-8 KB of stack in a release build, 20 KB
// under AddressSanitizer. 500 levels overflowed a 2 MB thread stack (release) and the 8 MB main
// stack (ASan; found by fuzzing, tests/fuzz/regressions/cypher/); 200 fit both.
constexpr int kMaxParseDepth = 200;
// Operators in left-associative chains (1 + 1 + ..., a AND b AND ..., x.a.b..., x[0][0]...)
// nest the tree as deeply as brackets do; more than this many in the chains around one operand
// is a SyntaxError (NestingTooDeep) rather than a stack overflow after parsing.
constexpr int kMaxOperatorChain = 5000;

}  // namespace kg::query
