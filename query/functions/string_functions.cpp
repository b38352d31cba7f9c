// String functions: toUpper, toLower (and their aliases upper, lower), trim, ltrim, rtrim,
// substring, left, right, replace, split, char_length, character_length.
//
// Positions and lengths count Unicode code points (see utf8.hpp). A null string gives null; an
// argument of another kind is a kTypeError "InvalidArgumentValue". As in Neo4j, substring(),
// left() and right() refuse a null or negative position or length when the string is not null:
// null is a kTypeError, a negative number a kArgumentError "NumberOutOfRange".
#include <cstdint>
#include <string>
#include <vector>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/case_mapping.hpp"
#include "query/functions/function_args.hpp"
#include "query/functions/utf8.hpp"

namespace kg::query::functions {

namespace {

// A position or length argument: a non-negative INTEGER.
Result<size_t> count_arg(std::string_view fn, std::string_view what, const Value& v) {
  if (!v.is_int()) return invalid_argument(fn, std::string(what) + " as an INTEGER", v);
  if (v.as_int() < 0) {
    return number_out_of_range(
        fn, std::string(what) + " must not be negative, got " + std::to_string(v.as_int()));
  }
  return static_cast<size_t>(v.as_int());
}

Result<Value> to_upper(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("toUpper", args[0]));
  return Value(to_upper_case(s));
}

Result<Value> to_lower(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("toLower", args[0]));
  return Value(to_lower_case(s));
}

Result<Value> trim(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("trim", args[0]));
  return Value(utf8::trim(s));
}

Result<Value> ltrim(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("ltrim", args[0]));
  return Value(utf8::trim(s, true, false));
}

Result<Value> rtrim(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("rtrim", args[0]));
  return Value(utf8::trim(s, false, true));
}

// substring(original, start[, length]): `length` code points (default: all) from code point
// `start` (0-based); '' when start is past the end.
Result<Value> substring(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("substring", args[0]));
  KG_ASSIGN_OR_RETURN(size_t start, count_arg("substring", "start", args[1]));
  std::string_view rest = s.substr(utf8::offset_of(s, start));
  if (args.size() < 3) return Value(rest);
  KG_ASSIGN_OR_RETURN(size_t length, count_arg("substring", "length", args[2]));
  return Value(rest.substr(0, utf8::offset_of(rest, length)));
}

// left(original, length): the first `length` code points.
Result<Value> left(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("left", args[0]));
  KG_ASSIGN_OR_RETURN(size_t length, count_arg("left", "length", args[1]));
  return Value(s.substr(0, utf8::offset_of(s, length)));
}

// right(original, length): the last `length` code points.
Result<Value> right(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("right", args[0]));
  KG_ASSIGN_OR_RETURN(size_t length, count_arg("right", "length", args[1]));
  size_t total = utf8::length(s);
  if (length >= total) return args[0];
  return Value(s.substr(utf8::offset_of(s, total - length)));
}

// replace(original, search, replacement): every occurrence of `search`, left to right, replaced.
// An empty `search` matches before every code point and at the end (as Java's String.replace):
// replace('ab', '', '-') = '-a-b-'.
Result<Value> replace(std::span<const Value> args, FunctionContext&) {
  if (any_null(args)) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("replace", args[0]));
  KG_ASSIGN_OR_RETURN(std::string_view search, string_arg("replace", args[1]));
  KG_ASSIGN_OR_RETURN(std::string_view replacement, string_arg("replace", args[2]));
  std::string out;
  if (search.empty()) {
    out.append(replacement);
    for (size_t pos = 0; pos < s.size();) {
      size_t start = pos;
      utf8::next(s, pos);
      out.append(s.substr(start, pos - start));
      out.append(replacement);
    }
    return Value(std::move(out));
  }
  size_t offset = 0;
  for (size_t hit; (hit = s.find(search, offset)) != std::string_view::npos;) {
    out.append(s.substr(offset, hit - offset));
    out.append(replacement);
    offset = hit + search.size();
  }
  out.append(s.substr(offset));
  return Value(std::move(out));
}

// The code points of `s`, each as a string.
List code_points(std::string_view s) {
  List out;
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    utf8::next(s, pos);
    out.emplace_back(s.substr(start, pos - start));
  }
  return out;
}

// split(original, delimiter): the parts of `original` between occurrences of `delimiter` (a
// STRING, or a LIST of STRINGs any of which delimits), empty parts kept: split('a,,b,', ',') =
// ['a', '', 'b', '']. An empty delimiter splits into code points.
Result<Value> split(std::span<const Value> args, FunctionContext&) {
  if (any_null(args)) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("split", args[0]));
  std::vector<std::string_view> delimiters;
  if (args[1].is_string()) {
    delimiters.push_back(args[1].as_string());
  } else if (args[1].is_list()) {
    for (const Value& d : args[1].as_list()) {
      if (!d.is_string()) return invalid_argument("split", "STRING delimiters", d);
      delimiters.push_back(d.as_string());
    }
  } else {
    return invalid_argument("split", "a STRING or a LIST of STRINGs as delimiter", args[1]);
  }
  std::erase_if(delimiters, [](std::string_view d) { return d.empty(); });
  if (delimiters.empty()) return Value(code_points(s));
  List parts;
  size_t offset = 0;
  while (true) {
    // The earliest delimiter from `offset`; the longest one among those found there.
    size_t hit = std::string_view::npos;
    size_t hit_size = 0;
    for (std::string_view d : delimiters) {
      size_t at = s.find(d, offset);
      if (at < hit || (at == hit && at != std::string_view::npos && d.size() > hit_size)) {
        hit = at;
        hit_size = d.size();
      }
    }
    if (hit == std::string_view::npos) break;
    parts.emplace_back(s.substr(offset, hit - offset));
    offset = hit + hit_size;
  }
  parts.emplace_back(s.substr(offset));
  return Value(std::move(parts));
}

// char_length(string) and character_length(string): its number of code points.
Result<Value> char_length(std::span<const Value> args, FunctionContext&) {
  if (args[0].is_null()) return Value();
  KG_ASSIGN_OR_RETURN(std::string_view s, string_arg("char_length", args[0]));
  return Value(utf8::length(s));
}

constexpr ScalarFunction kStringFunctions[] = {
    {"toUpper", 1, 1, &to_upper},
    {"upper", 1, 1, &to_upper},
    {"toLower", 1, 1, &to_lower},
    {"lower", 1, 1, &to_lower},
    {"trim", 1, 1, &trim},
    {"ltrim", 1, 1, &ltrim},
    {"rtrim", 1, 1, &rtrim},
    {"substring", 2, 3, &substring},
    {"left", 2, 2, &left},
    {"right", 2, 2, &right},
    {"replace", 3, 3, &replace},
    {"split", 2, 2, &split},
    {"char_length", 1, 1, &char_length},
    {"character_length", 1, 1, &char_length},
};

}  // namespace

std::span<const ScalarFunction> string_functions() { return kStringFunctions; }

}  // namespace kg::query::functions
