// The Cypher lexer: statement text → tokens with line:column positions (1-based; columns count
// Unicode code points, as editors do).
#pragma once

#include <string_view>
#include <vector>

#include "kg/status.hpp"
#include "query/lexer/token.hpp"

namespace kg::query {

// All tokens of `text`, ending with one kEof token. SyntaxError at the position of an unterminated
// string or comment, a bad escape, or a character Cypher does not use.
Result<std::vector<Token>> tokenize(std::string_view text);

}  // namespace kg::query
