#include "query/lexer/lexer.hpp"

#include <cctype>

#include "common/utf8.hpp"

namespace kg::query {

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEof:
      return "end of input";
    case TokenKind::kIdentifier:
      return "identifier";
    case TokenKind::kQuotedIdentifier:
      return "quoted identifier";
    case TokenKind::kInteger:
      return "integer";
    case TokenKind::kFloat:
      return "float";
    case TokenKind::kString:
      return "string";
    case TokenKind::kParameter:
      return "parameter";
    case TokenKind::kLParen:
      return "'('";
    case TokenKind::kRParen:
      return "')'";
    case TokenKind::kLBracket:
      return "'['";
    case TokenKind::kRBracket:
      return "']'";
    case TokenKind::kLBrace:
      return "'{'";
    case TokenKind::kRBrace:
      return "'}'";
    case TokenKind::kComma:
      return "','";
    case TokenKind::kDot:
      return "'.'";
    case TokenKind::kDotDot:
      return "'..'";
    case TokenKind::kColon:
      return "':'";
    case TokenKind::kSemicolon:
      return "';'";
    case TokenKind::kPipe:
      return "'|'";
    case TokenKind::kPlus:
      return "'+'";
    case TokenKind::kMinus:
      return "'-'";
    case TokenKind::kStar:
      return "'*'";
    case TokenKind::kSlash:
      return "'/'";
    case TokenKind::kPercent:
      return "'%'";
    case TokenKind::kCaret:
      return "'^'";
    case TokenKind::kEq:
      return "'='";
    case TokenKind::kNe:
      return "'<>'";
    case TokenKind::kLt:
      return "'<'";
    case TokenKind::kGt:
      return "'>'";
    case TokenKind::kLe:
      return "'<='";
    case TokenKind::kGe:
      return "'>='";
    case TokenKind::kRegexMatch:
      return "'=~'";
    case TokenKind::kPlusEq:
      return "'+='";
    case TokenKind::kDollar:
      return "'$'";
  }
  return "token";
}

bool Token::is_keyword(std::string_view word) const {
  if (kind != TokenKind::kIdentifier || text.size() != word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(text[i])) != word[i]) return false;
  return true;
}

namespace {

bool is_ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Result<std::vector<Token>> run() {
    std::vector<Token> tokens;
    for (;;) {
      bool space = false;
      KG_TRY(skip_space_and_comments(space));
      Token t;
      t.space_before = space;
      t.pos = pos();
      t.begin = static_cast<uint32_t>(i_);
      if (i_ >= text_.size()) {
        t.kind = TokenKind::kEof;
        t.end = t.begin;
        tokens.push_back(std::move(t));
        return tokens;
      }
      KG_TRY(next_token(t));
      t.end = static_cast<uint32_t>(i_);
      tokens.push_back(std::move(t));
    }
  }

 private:
  SourcePos pos() const { return SourcePos{line_, column_}; }
  char peek(size_t ahead = 0) const { return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\0'; }
  // Advances one byte; columns count code points (continuation bytes do not advance them).
  void advance() {
    unsigned char c = static_cast<unsigned char>(text_[i_++]);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column_;
    }
  }

  Status skip_space_and_comments(bool& space) {
    for (;;) {
      if (i_ >= text_.size()) return Status();
      unsigned char c = static_cast<unsigned char>(peek());
      if (std::isspace(c)) {
        space = true;
        advance();
      } else if (c == '/' && peek(1) == '/') {
        space = true;
        while (i_ < text_.size() && peek() != '\n') advance();
      } else if (c == '/' && peek(1) == '*') {
        space = true;
        SourcePos start = pos();
        advance();
        advance();
        while (i_ < text_.size() && !(peek() == '*' && peek(1) == '/')) advance();
        if (i_ >= text_.size())
          return Status::syntax_error(start, "unterminated comment: '/*' has no '*/'",
                                      "UnexpectedSyntax");
        advance();
        advance();
      } else {
        return Status();
      }
    }
  }

  Status next_token(Token& t) {
    unsigned char c = static_cast<unsigned char>(peek());
    if (is_ident_start(c)) {
      size_t start = i_;
      while (i_ < text_.size() && is_ident_char(static_cast<unsigned char>(peek()))) advance();
      t.kind = TokenKind::kIdentifier;
      t.text = std::string(text_.substr(start, i_ - start));
      return Status();
    }
    if (std::isdigit(c) || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))))
      return number(t);
    switch (c) {
      case '\'':
      case '"':
        return string(t, static_cast<char>(c));
      case '`':
        return quoted_identifier(t);
      case '$':
        return parameter(t);
    }
    auto one = [&](TokenKind kind) {
      t.kind = kind;
      t.text = std::string(1, static_cast<char>(c));
      advance();
      return Status();
    };
    auto two = [&](TokenKind kind) {
      t.kind = kind;
      t.text = std::string(text_.substr(i_, 2));
      advance();
      advance();
      return Status();
    };
    switch (c) {
      case '(':
        return one(TokenKind::kLParen);
      case ')':
        return one(TokenKind::kRParen);
      case '[':
        return one(TokenKind::kLBracket);
      case ']':
        return one(TokenKind::kRBracket);
      case '{':
        return one(TokenKind::kLBrace);
      case '}':
        return one(TokenKind::kRBrace);
      case ',':
        return one(TokenKind::kComma);
      case '.':
        return peek(1) == '.' ? two(TokenKind::kDotDot) : one(TokenKind::kDot);
      case ':':
        return one(TokenKind::kColon);
      case ';':
        return one(TokenKind::kSemicolon);
      case '|':
        return one(TokenKind::kPipe);
      case '+':
        return peek(1) == '=' ? two(TokenKind::kPlusEq) : one(TokenKind::kPlus);
      case '-':
        return one(TokenKind::kMinus);
      case '*':
        return one(TokenKind::kStar);
      case '/':
        return one(TokenKind::kSlash);
      case '%':
        return one(TokenKind::kPercent);
      case '^':
        return one(TokenKind::kCaret);
      case '=':
        return peek(1) == '~' ? two(TokenKind::kRegexMatch) : one(TokenKind::kEq);
      case '<':
        if (peek(1) == '=') return two(TokenKind::kLe);
        if (peek(1) == '>') return two(TokenKind::kNe);
        return one(TokenKind::kLt);
      case '>':
        return peek(1) == '=' ? two(TokenKind::kGe) : one(TokenKind::kGt);
      case '!':
        if (peek(1) == '=') return two(TokenKind::kNe);
        break;
    }
    std::string shown =
        c >= 0x20 && c < 0x7f ? std::string(1, static_cast<char>(c)) : "\\x" + std::to_string(c);
    return Status::syntax_error(pos(), "unexpected character '" + shown + "'", "UnexpectedSyntax");
  }

  Status number(Token& t) {
    size_t start = i_;
    SourcePos p = pos();
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O')) {
      bool hex = peek(1) == 'x' || peek(1) == 'X';
      advance();
      advance();
      while (i_ < text_.size() && is_ident_char(static_cast<unsigned char>(peek()))) advance();
      t.kind = TokenKind::kInteger;
      t.text = std::string(text_.substr(start, i_ - start));
      std::string_view digits = std::string_view(t.text).substr(2);
      bool valid = !digits.empty();
      for (char d : digits)
        valid = valid &&
                (hex ? std::isxdigit(static_cast<unsigned char>(d)) != 0 : d >= '0' && d <= '7');
      if (!valid)
        return Status::syntax_error(p, "invalid number literal '" + t.text + "'",
                                    "InvalidNumberLiteral");
      return Status();
    }
    bool is_float = false;
    while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
    if (peek() == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))) {
      is_float = true;
      advance();
      while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      size_t save_i = i_;
      uint32_t save_col = column_;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (std::isdigit(static_cast<unsigned char>(peek()))) {
        is_float = true;
        while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
      } else {
        i_ = save_i;
        column_ = save_col;
      }
    }
    // A number glued to letters (123abc) is not a number.
    if (is_ident_start(static_cast<unsigned char>(peek()))) {
      while (i_ < text_.size() && is_ident_char(static_cast<unsigned char>(peek()))) advance();
      return Status::syntax_error(
          p, "invalid number literal '" + std::string(text_.substr(start, i_ - start)) + "'",
          "InvalidNumberLiteral");
    }
    t.kind = is_float ? TokenKind::kFloat : TokenKind::kInteger;
    t.text = std::string(text_.substr(start, i_ - start));
    return Status();
  }

  Status string(Token& t, char quote) {
    SourcePos start = pos();
    advance();
    std::string out;
    for (;;) {
      if (i_ >= text_.size())
        return Status::syntax_error(start, "unterminated string literal", "UnexpectedSyntax");
      char c = peek();
      if (c == quote) {
        advance();
        break;
      }
      if (c != '\\') {
        out.push_back(c);
        advance();
        continue;
      }
      SourcePos esc = pos();
      advance();
      if (i_ >= text_.size())
        return Status::syntax_error(start, "unterminated string literal", "UnexpectedSyntax");
      char e = peek();
      advance();
      switch (e) {
        case '\\':
          out.push_back('\\');
          break;
        case '\'':
          out.push_back('\'');
          break;
        case '"':
          out.push_back('"');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u':
        case 'U': {
          size_t n = e == 'u' ? 4 : 8;
          uint32_t cp = 0;
          for (size_t k = 0; k < n; ++k) {
            char h = peek();
            if (!std::isxdigit(static_cast<unsigned char>(h)))
              return Status::syntax_error(esc,
                                          "invalid unicode escape: \\" + std::string(1, e) +
                                              " needs " + std::to_string(n) + " hex digits",
                                          "InvalidUnicodeLiteral");
            cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                     ? h - '0'
                                                     : std::tolower(h) - 'a' + 10);
            advance();
          }
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return Status::syntax_error(esc, "invalid unicode code point in escape",
                                        "InvalidUnicodeLiteral");
          kg::utf8::append(out, cp);
          break;
        }
        default:
          return Status::syntax_error(esc, "invalid escape sequence '\\" + std::string(1, e) + "'",
                                      "InvalidEscapeSequence");
      }
    }
    t.kind = TokenKind::kString;
    t.text = std::move(out);
    return Status();
  }

  Status quoted_identifier(Token& t) {
    SourcePos start = pos();
    advance();
    std::string out;
    for (;;) {
      if (i_ >= text_.size())
        return Status::syntax_error(start, "unterminated quoted name: '`' has no closing '`'",
                                    "UnexpectedSyntax");
      if (peek() == '`') {
        if (peek(1) == '`') {  // `` inside a quoted name is one backtick
          out.push_back('`');
          advance();
          advance();
          continue;
        }
        advance();
        break;
      }
      out.push_back(peek());
      advance();
    }
    t.kind = TokenKind::kQuotedIdentifier;
    t.text = std::move(out);
    return Status();
  }

  Status parameter(Token& t) {
    advance();  // $
    size_t start = i_;
    if (peek() == '`') {
      Token q;
      KG_TRY(quoted_identifier(q));
      t.kind = TokenKind::kParameter;
      t.text = q.text;
      return Status();
    }
    while (i_ < text_.size() && is_ident_char(static_cast<unsigned char>(peek()))) advance();
    if (i_ == start) {
      t.kind = TokenKind::kDollar;
      t.text = "$";
      return Status();
    }
    t.kind = TokenKind::kParameter;
    t.text = std::string(text_.substr(start, i_ - start));
    return Status();
  }

  std::string_view text_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  uint32_t column_ = 1;
};

}  // namespace

Result<std::vector<Token>> tokenize(std::string_view text) { return Lexer(text).run(); }

}  // namespace kg::query
