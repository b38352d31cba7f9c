// Tokens of the Cypher lexer. Keywords are not separate kinds: Cypher lets most keywords serve as
// names (`n.count`, `:Order`), so the parser asks `is_keyword("MATCH")` of identifier tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/status.hpp"

namespace kg::query {

enum class TokenKind : uint8_t {
  kEof,
  kIdentifier,        // name or keyword; text as written
  kQuotedIdentifier,  // `name`, text unescaped; never a keyword
  kInteger,           // text as written (decimal, 0x hex, 0o octal), range checked by the parser
  kFloat,             // text as written
  kString,            // text unescaped
  kParameter,         // $name or $0; text without the '$'
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kDot,
  kDotDot,
  kColon,
  kSemicolon,
  kPipe,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kCaret,
  kEq,
  kNe,  // = and <> (or !=)
  kLt,
  kGt,
  kLe,
  kGe,
  kRegexMatch,  // =~
  kPlusEq,      // +=
  kDollar,      // a lone '$' (an error later)
};

std::string_view token_kind_name(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kEof;
  std::string text;
  SourcePos pos;
  uint32_t begin = 0;  // byte offsets of the token in the statement text
  uint32_t end = 0;
  // Whether whitespace or a comment came right before this token.
  bool space_before = false;

  // Case-insensitive comparison of an unquoted identifier with `word` (upper case).
  bool is_keyword(std::string_view word) const;
};

}  // namespace kg::query
