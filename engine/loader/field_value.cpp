#include "engine/loader/field_value.hpp"

#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "common/utf8.hpp"

namespace kg::engine::loader {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view s) {
  constexpr size_t kMax = 40;
  std::string out = "'";
  out += s.size() > kMax ? std::string(s.substr(0, kMax)) + "..." : std::string(s);
  return out + "'";
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

const char* int_name(uint8_t bits) {
  switch (bits) {
    case 8:
      return "a byte";
    case 16:
      return "a short";
    case 32:
      return "an int";
    default:
      return "an integer";
  }
}

}  // namespace

Result<Value> parse_scalar(std::string_view text, FieldType type) {
  switch (type.kind) {
    case ScalarKind::kString:
      if (!kg::utf8::is_valid(text)) return Status::invalid_argument("the text is not valid UTF-8");
      return Value(text);
    case ScalarKind::kInt: {
      std::string_view t = trim(text);
      if (t.size() > 1 && t[0] == '+' && t[1] != '-') t.remove_prefix(1);
      int64_t v = 0;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (t.empty() || ec == std::errc::invalid_argument || end != t.data() + t.size())
        return Status::invalid_argument(quoted(text) + " is not " + int_name(type.int_bits));
      if (ec == std::errc::result_out_of_range ||
          (type.int_bits < 64 &&
           (v < -(int64_t{1} << (type.int_bits - 1)) || v >= (int64_t{1} << (type.int_bits - 1)))))
        return Status::invalid_argument(quoted(text) + " is out of range for " +
                                        int_name(type.int_bits));
      return Value(v);
    }
    case ScalarKind::kFloat: {
      std::string_view t = trim(text);
      if (t.size() > 1 && t[0] == '+' && t[1] != '-') t.remove_prefix(1);
      double v = 0;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (t.empty() || ec == std::errc::invalid_argument || end != t.data() + t.size())
        return Status::invalid_argument(quoted(text) + " is not a number");
      if (ec == std::errc::result_out_of_range)  // ±Infinity or ±0, as strtod rounds them
        v = std::strtod(std::string(t).c_str(), nullptr);
      return Value(v);
    }
    case ScalarKind::kBool: {
      std::string_view t = trim(text);
      if (iequals(t, "true")) return Value(true);
      if (iequals(t, "false")) return Value(false);
      return Status::invalid_argument(quoted(text) + " is not a boolean (true or false)");
    }
  }
  return Status::internal("unknown field type");
}

Result<Value> parse_field(const CsvField& field, FieldType type, char array_delimiter) {
  if (field.text.empty()) {
    if (!field.quoted) return Value();
    if (type.array) return Value(List{});
    if (type.kind == ScalarKind::kString) return Value(std::string());
    return Value();
  }
  if (!type.array) return parse_scalar(field.text, type);
  List items;
  std::string_view rest = field.text;
  FieldType element = type;
  element.array = false;
  for (;;) {
    size_t cut = rest.find(array_delimiter);
    KG_ASSIGN_OR_RETURN(Value v, parse_scalar(rest.substr(0, cut), element));
    items.push_back(std::move(v));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }
  return Value(std::move(items));
}

}  // namespace kg::engine::loader
