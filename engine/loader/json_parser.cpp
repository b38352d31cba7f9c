#include "engine/loader/json_parser.hpp"

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

#include "common/utf8.hpp"

namespace kg::engine::loader {

namespace {

constexpr int kMaxDepth = 1000;

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : s_(text) {}

  Result<Value> parse_document() {
    skip_space();
    KG_ASSIGN_OR_RETURN(Value v, parse_value(0));
    skip_space();
    if (pos_ != s_.size()) return error("unexpected text after the JSON value");
    return v;
  }

 private:
  Status error(std::string_view reason) const {
    return Status::invalid_argument("column " + std::to_string(pos_ + 1) + ": " +
                                    std::string(reason));
  }

  void skip_space() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Result<Value> parse_value(int depth) {
    if (pos_ >= s_.size()) return error("a value is missing");
    char c = s_[pos_];
    switch (c) {
      case '{':
        return parse_object(depth + 1);
      case '[':
        return parse_array(depth + 1);
      case '"': {
        std::string str;
        KG_TRY(parse_string(str));
        return Value(std::move(str));
      }
      case 't':
        if (literal("true")) return Value(true);
        break;
      case 'f':
        if (literal("false")) return Value(false);
        break;
      case 'n':
        if (literal("null")) return Value();
        break;
      // Not JSON, but what Python's json module and kg's own JSON output (DESIGN §6, the JSON
      // Lines export) write for non-finite floats, so that such graphs round-trip.
      case 'N':
        if (literal("NaN")) return Value(std::numeric_limits<double>::quiet_NaN());
        break;
      case 'I':
        if (literal("Infinity")) return Value(std::numeric_limits<double>::infinity());
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
        break;
    }
    return error("expected a JSON value");
  }

  Result<Value> parse_object(int depth) {
    if (depth > kMaxDepth) return error("nested too deeply");
    ++pos_;  // {
    Map map;
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return Value(std::move(map));
    }
    for (;;) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"') return error("expected a key in quotes");
      size_t key_pos = pos_;
      std::string key;
      KG_TRY(parse_string(key));
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != ':') return error("expected ':' after the key");
      ++pos_;
      skip_space();
      KG_ASSIGN_OR_RETURN(Value v, parse_value(depth));
      if (!map.emplace(std::move(key), std::move(v)).second) {
        pos_ = key_pos;
        return error("a key appears twice in one object");
      }
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return Value(std::move(map));
      }
      return error("expected ',' or '}' in an object");
    }
  }

  Result<Value> parse_array(int depth) {
    if (depth > kMaxDepth) return error("nested too deeply");
    ++pos_;  // [
    List list;
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return Value(std::move(list));
    }
    for (;;) {
      skip_space();
      KG_ASSIGN_OR_RETURN(Value v, parse_value(depth));
      list.push_back(std::move(v));
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return Value(std::move(list));
      }
      return error("expected ',' or ']' in an array");
    }
  }

  Result<Value> parse_number() {
    size_t start = pos_;
    if (s_[pos_] == '-') {
      ++pos_;
      if (literal("Infinity")) return Value(-std::numeric_limits<double>::infinity());
    }
    if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9') return error("expected a digit");
    if (s_[pos_] == '0') {
      ++pos_;
      if (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9')
        return error("a number may not start with 0");
    } else {
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    }
    bool is_float = false;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      is_float = true;
      ++pos_;
      if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9')
        return error("expected a digit after '.'");
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      is_float = true;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9')
        return error("expected a digit in the exponent");
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    }
    const char* b = s_.data() + start;
    const char* e = s_.data() + pos_;
    if (!is_float) {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(b, e, v);
      if (ec != std::errc() || end != e) {
        pos_ = start;
        return error("integer out of the 64-bit range");
      }
      return Value(v);
    }
    double d = 0;
    auto [end, ec] = std::from_chars(b, e, d);
    if (ec == std::errc::result_out_of_range) {
      d = std::strtod(std::string(b, e).c_str(), nullptr);  // ±Infinity or ±0, as strtod rounds
    } else if (ec != std::errc() || end != e) {
      pos_ = start;
      return error("malformed number");
    }
    return Value(d);
  }

  Result<uint32_t> hex4() {
    if (pos_ + 4 > s_.size()) return error("\\u needs four hex digits");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_ + static_cast<size_t>(i)];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<uint32_t>(c - 'A' + 10);
      else
        return error("\\u needs four hex digits");
    }
    pos_ += 4;
    return v;
  }

  Status parse_string(std::string& out) {
    ++pos_;             // opening quote
    size_t run = pos_;  // start of bytes to copy as they are
    for (;;) {
      if (pos_ >= s_.size()) return error("a string is not closed");
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        out.append(s_.substr(run, pos_ - run));
        ++pos_;
        break;
      }
      if (c < 0x20) return error("a control character in a string must be escaped");
      if (c != '\\') {
        ++pos_;
        continue;
      }
      out.append(s_.substr(run, pos_ - run));
      ++pos_;
      if (pos_ >= s_.size()) return error("a string is not closed");
      char e = s_[pos_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
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
        case 'u': {
          KG_ASSIGN_OR_RETURN(uint32_t cp, hex4());
          if (cp >= 0xDC00 && cp <= 0xDFFF) return error("a lone low surrogate in \\u");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (s_.substr(pos_, 2) != "\\u") return error("a lone high surrogate in \\u");
            pos_ += 2;
            KG_ASSIGN_OR_RETURN(uint32_t low, hex4());
            if (low < 0xDC00 || low > 0xDFFF) return error("a lone high surrogate in \\u");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          kg::utf8::append(out, static_cast<char32_t>(cp));
          break;
        }
        default:
          --pos_;
          return error(std::string("unknown escape \\") + e);
      }
      run = pos_;
    }
    return Status();
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

Result<Value> parse_json(std::string_view text) {
  if (!kg::utf8::is_valid(text)) return Status::invalid_argument("the line is not valid UTF-8");
  return JsonParser(text).parse_document();
}

}  // namespace kg::engine::loader
