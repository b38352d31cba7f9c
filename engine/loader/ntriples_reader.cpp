#include "engine/loader/ntriples_reader.hpp"

#include <charconv>
#include <cstdlib>
#include <limits>

#include "common/utf8.hpp"

namespace kg::engine::loader {

namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

class LineParser {
 public:
  explicit LineParser(std::string_view s) : s_(s) {}

  Result<bool> parse(Triple& t) {
    skip_space();
    if (done() || peek() == '#') return false;
    KG_TRY(parse_subject(t.subject));
    KG_TRY(require_space());
    if (done() || peek() != '<') return error("the predicate must be an IRI");
    KG_TRY(parse_iri(t.predicate));
    KG_TRY(require_space());
    KG_TRY(parse_object(t.object));
    skip_space();
    if (done() || peek() != '.') return error("expected '.' at the end of the triple");
    ++pos_;
    skip_space();
    if (!done() && peek() != '#') return error("unexpected text after '.'");
    return true;
  }

 private:
  bool done() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }
  void skip_space() {
    while (!done() && (peek() == ' ' || peek() == '\t')) ++pos_;
  }
  Status require_space() {
    size_t before = pos_;
    skip_space();
    // Terms that end in '>' or '"' need no space after them; blank nodes do.
    if (pos_ == before && before > 0 && s_[before - 1] != '>' && s_[before - 1] != '"')
      return error("expected a space");
    return Status();
  }
  Status error(std::string_view reason) const {
    return Status::invalid_argument("column " + std::to_string(pos_ + 1) + ": " +
                                    std::string(reason));
  }

  Status parse_subject(Term& t) {
    if (done()) return error("a subject is missing");
    if (peek() == '<') return parse_iri(t);
    if (peek() == '_') return parse_blank(t);
    return error("the subject must be an IRI or a blank node");
  }

  Status parse_object(Term& t) {
    if (done()) return error("an object is missing");
    if (peek() == '<') return parse_iri(t);
    if (peek() == '_') return parse_blank(t);
    if (peek() == '"') return parse_literal(t);
    return error("the object must be an IRI, a blank node or a literal");
  }

  Result<char32_t> hex(int digits) {
    if (pos_ + static_cast<size_t>(digits) > s_.size()) return error("incomplete \\u escape");
    char32_t v = 0;
    for (int i = 0; i < digits; ++i) {
      char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<char32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<char32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<char32_t>(c - 'A' + 10);
      else
        return error("a \\u escape needs hex digits");
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
      return error("a \\u escape that is not a Unicode scalar value");
    return v;
  }

  // \uXXXX or \UXXXXXXXX; pos_ is at the letter.
  Status uchar(std::string& out) {
    char u = s_[pos_++];
    KG_ASSIGN_OR_RETURN(char32_t cp, hex(u == 'u' ? 4 : 8));
    kg::utf8::append(out, cp);
    return Status();
  }

  Status parse_iri(Term& t) {
    t.kind = TermKind::kIri;
    t.value.clear();
    t.datatype.clear();
    t.language.clear();
    return iri_text(t.value);
  }

  Status iri_text(std::string& out) {
    ++pos_;  // <
    for (;;) {
      if (done()) return error("an IRI is not closed with '>'");
      char c = s_[pos_];
      if (c == '>') {
        ++pos_;
        return Status();
      }
      if (c == '\\') {
        ++pos_;
        if (done() || (peek() != 'u' && peek() != 'U'))
          return error("only \\u escapes are allowed in an IRI");
        KG_TRY(uchar(out));
        continue;
      }
      if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' ||
          c == '|' || c == '^' || c == '`')
        return error(std::string("a character not allowed in an IRI: '") + c + "'");
      out.push_back(c);
      ++pos_;
    }
  }

  Status parse_blank(Term& t) {
    t.kind = TermKind::kBlank;
    t.value.clear();
    t.datatype.clear();
    t.language.clear();
    if (s_.substr(pos_, 2) != "_:") return error("a blank node starts with '_:'");
    pos_ += 2;
    size_t start = pos_;
    while (!done()) {
      unsigned char c = static_cast<unsigned char>(peek());
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.' || c >= 0x80;
      if (!ok) break;
      ++pos_;
    }
    // A label does not end in '.': that is the end of the triple.
    while (pos_ > start && s_[pos_ - 1] == '.') --pos_;
    if (pos_ == start) return error("a blank node needs a label");
    char first = s_[start];
    if (first == '-' || first == '.')
      return error("a blank node label may not start with '-' or '.'");
    t.value = std::string(s_.substr(start, pos_ - start));
    return Status();
  }

  Status parse_literal(Term& t) {
    t.kind = TermKind::kLiteral;
    t.value.clear();
    t.datatype.clear();
    t.language.clear();
    ++pos_;  // "
    for (;;) {
      if (done()) return error("a literal is not closed with '\"'");
      char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        break;
      }
      if (c == '\n' || c == '\r') return error("a line break in a literal must be escaped");
      if (c != '\\') {
        t.value.push_back(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (done()) return error("a literal is not closed with '\"'");
      char e = s_[pos_];
      switch (e) {
        case 't':
          t.value.push_back('\t');
          break;
        case 'b':
          t.value.push_back('\b');
          break;
        case 'n':
          t.value.push_back('\n');
          break;
        case 'r':
          t.value.push_back('\r');
          break;
        case 'f':
          t.value.push_back('\f');
          break;
        case '"':
          t.value.push_back('"');
          break;
        case '\'':
          t.value.push_back('\'');
          break;
        case '\\':
          t.value.push_back('\\');
          break;
        case 'u':
        case 'U':
          KG_TRY(uchar(t.value));
          continue;
        default:
          return error(std::string("unknown escape \\") + e);
      }
      ++pos_;
    }
    if (s_.substr(pos_, 2) == "^^") {
      pos_ += 2;
      if (done() || peek() != '<') return error("a datatype must be an IRI");
      return iri_text(t.datatype);
    }
    if (!done() && peek() == '@') {
      ++pos_;
      size_t start = pos_;
      while (!done() && ((peek() >= 'a' && peek() <= 'z') || (peek() >= 'A' && peek() <= 'Z') ||
                         (pos_ > start && (peek() == '-' || (peek() >= '0' && peek() <= '9')))))
        ++pos_;
      if (pos_ == start) return error("a language tag is missing after '@'");
      t.language = std::string(s_.substr(start, pos_ - start));
    }
    return Status();
  }

  std::string_view s_;
  size_t pos_ = 0;
};

Status not_a(const Term& t, std::string_view type) {
  return Status::invalid_argument("'" + t.value + "' is not an xsd:" + std::string(type));
}

}  // namespace

Result<bool> parse_ntriples_line(std::string_view line, Triple& out) {
  if (!kg::utf8::is_valid(line)) return Status::invalid_argument("the line is not valid UTF-8");
  return LineParser(line).parse(out);
}

Result<Value> literal_value(const Term& literal) {
  std::string_view dt = literal.datatype;
  if (dt.empty() || !dt.starts_with(kXsd)) return Value(literal.value);
  std::string_view type = dt.substr(kXsd.size());
  const std::string& text = literal.value;
  const char* b = text.data();
  const char* e = b + text.size();
  if (type == "integer" || type == "int" || type == "long" || type == "short" || type == "byte" ||
      type == "nonNegativeInteger" || type == "positiveInteger" || type == "negativeInteger" ||
      type == "nonPositiveInteger" || type == "unsignedLong" || type == "unsignedInt" ||
      type == "unsignedShort" || type == "unsignedByte") {
    if (b != e && *b == '+' && e - b > 1 && b[1] != '-') ++b;
    int64_t v = 0;
    auto [end, ec] = std::from_chars(b, e, v);
    if (b == e || end != e || ec == std::errc::invalid_argument) return not_a(literal, type);
    if (ec == std::errc::result_out_of_range)
      return Status::invalid_argument("'" + text + "' is out of the 64-bit integer range");
    return Value(v);
  }
  if (type == "double" || type == "float" || type == "decimal") {
    if (b != e && *b == '+' && e - b > 1 && b[1] != '-') ++b;
    std::string_view t(b, static_cast<size_t>(e - b));
    if (t == "INF") return Value(std::numeric_limits<double>::infinity());
    if (t == "-INF") return Value(-std::numeric_limits<double>::infinity());
    if (t == "NaN") return Value(std::numeric_limits<double>::quiet_NaN());
    double v = 0;
    auto [end, ec] = std::from_chars(b, e, v);
    if (b == e || end != e || ec == std::errc::invalid_argument) return not_a(literal, type);
    // from_chars would also take "inf" and "nan", which XSD spells INF and NaN.
    for (const char* p = b; p != e; ++p)
      if (*p == 'n' || *p == 'N' || *p == 'i' || *p == 'I') return not_a(literal, type);
    if (ec == std::errc::result_out_of_range) v = std::strtod(std::string(t).c_str(), nullptr);
    return Value(v);
  }
  if (type == "boolean") {
    if (text == "true" || text == "1") return Value(true);
    if (text == "false" || text == "0") return Value(false);
    return not_a(literal, type);
  }
  return Value(literal.value);
}

std::string_view local_name(std::string_view iri) {
  size_t cut = iri.find_last_of("#/:");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return iri;
  return iri.substr(cut + 1);
}

}  // namespace kg::engine::loader
