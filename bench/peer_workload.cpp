#include "bench/peer_workload.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kg::bench {

void die(std::string_view what, std::string_view why) {
  std::fprintf(stderr, "%s: %.*s: %.*s\n", program_invocation_short_name,
               static_cast<int>(what.size()), what.data(), static_cast<int>(why.size()),
               why.data());
  std::exit(1);
}

const Json& Json::operator[](const std::string& key) const {
  auto it = object.find(key);
  if (it == object.end()) die("JSON", "no field " + key);
  return it->second;
}

namespace {

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : s_(text) {}

  Json parse() {
    Json v = value();
    ws();
    if (i_ != s_.size()) fail("trailing text");
    return v;
  }

 private:
  [[noreturn]] void fail(const char* why) {
    die("JSON", std::string(why) + " at " + std::to_string(i_));
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  char peek() {
    ws();
    if (i_ >= s_.size()) fail("unexpected end");
    return s_[i_];
  }
  void expect(char c) {
    if (peek() != c) fail("unexpected character");
    ++i_;
  }

  Json value() {
    char c = peek();
    Json v;
    if (c == '{') {
      v.kind = Json::kObject;
      ++i_;
      if (peek() == '}') {
        ++i_;
        return v;
      }
      for (;;) {
        std::string key = str();
        expect(':');
        v.object.emplace(std::move(key), value());
        if (peek() == ',') {
          ++i_;
          continue;
        }
        expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.kind = Json::kArray;
      ++i_;
      if (peek() == ']') {
        ++i_;
        return v;
      }
      for (;;) {
        v.array.push_back(value());
        if (peek() == ',') {
          ++i_;
          continue;
        }
        expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.kind = Json::kString;
      v.string = str();
      return v;
    }
    if (s_.compare(i_, 4, "null") == 0) {
      i_ += 4;
      return v;
    }
    if (s_.compare(i_, 4, "true") == 0) {
      i_ += 4;
      v.kind = Json::kNumber;
      v.number = 1;
      return v;
    }
    if (s_.compare(i_, 5, "false") == 0) {
      i_ += 5;
      v.kind = Json::kNumber;
      return v;
    }
    size_t end = i_;
    while (end < s_.size() &&
           std::string_view("+-0123456789.eE").find(s_[end]) != std::string_view::npos)
      ++end;
    if (end == i_) fail("not a JSON value");
    v.kind = Json::kNumber;
    v.number = std::strtod(std::string(s_.substr(i_, end - i_)).c_str(), nullptr);
    i_ = end;
    return v;
  }

  std::string str() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= s_.size()) fail("bad escape");
      char e = s_[i_++];
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'u': {  // BMP code point to UTF-8 (gen.js names are ASCII; kept for completeness)
          if (i_ + 4 > s_.size()) fail("bad \\u escape");
          unsigned cp =
              static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
          i_ += 4;
          if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
          } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
          break;
        }
        default:
          out.push_back(e);
      }
    }
    expect('"');
    return out;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

Json read_json(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) die(file.string(), "cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  return JsonParser(text).parse();
}

std::vector<std::string> strings_of(const Json& array) {
  std::vector<std::string> out;
  for (const Json& v : array.array) out.push_back(v.string);
  return out;
}

}  // namespace kg::bench
