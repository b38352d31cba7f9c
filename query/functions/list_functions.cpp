// Functions over lists (and strings where Cypher allows both): size, head, last, tail, range,
// reverse, isEmpty. A null argument gives null; an argument of another kind is a kTypeError
// "InvalidArgumentValue", except in range() (see there).
#include <cstdint>
#include <string>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/function_args.hpp"
#include "query/functions/utf8.hpp"

namespace kg::query::functions {

namespace {

// range() refuses to build a longer list. A Value is 112 bytes, so the longest list allowed takes
// 1.9 GB; at 2^26 elements one call asked for 7.5 GB in a single allocation.
constexpr uint64_t kMaxRangeElements = uint64_t{1} << 24;

// size(list) is its number of elements, size(string) its number of code points.
Result<Value> size(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_list()) return Value(v.as_list().size());
  if (v.is_string()) return Value(utf8::length(v.as_string()));
  return invalid_argument("size", "LIST or STRING", v);
}

// head([]) and last([]) are null.
Result<Value> head(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_list()) return invalid_argument("head", "LIST", v);
  return v.as_list().empty() ? Value() : v.as_list().front();
}

Result<Value> last(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_list()) return invalid_argument("last", "LIST", v);
  return v.as_list().empty() ? Value() : v.as_list().back();
}

// tail([]) is [].
Result<Value> tail(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (!v.is_list()) return invalid_argument("tail", "LIST", v);
  const List& l = v.as_list();
  if (l.empty()) return Value(List{});
  return Value(List(l.begin() + 1, l.end()));
}

// reverse(string) reverses its code points; reverse(list) its elements.
Result<Value> reverse(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_list()) return Value(List(v.as_list().rbegin(), v.as_list().rend()));
  if (!v.is_string()) return invalid_argument("reverse", "STRING or LIST", v);
  std::string_view s = v.as_string();
  std::string out(s.size(), '\0');
  size_t end = s.size();
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    utf8::next(s, pos);
    end -= pos - start;
    s.copy(out.data() + end, pos - start, start);
  }
  return Value(std::move(out));
}

Result<Value> is_empty(std::span<const Value> args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Value();
  if (v.is_list()) return Value(v.as_list().empty());
  if (v.is_map()) return Value(v.as_map().empty());
  if (v.is_string()) return Value(v.as_string().empty());
  return invalid_argument("isEmpty", "LIST, MAP or STRING", v);
}

// range(start, end[, step]): the integers from start to end inclusive, `step` apart (default 1);
// [] when the step goes away from `end`. Non-integer arguments are a kArgumentError
// "InvalidArgumentType" (TCK List11 [5]); step 0 a kArgumentError "NumberOutOfRange" (List11 [4]).
Result<Value> range(std::span<const Value> args, FunctionContext&) {
  if (any_null(args)) return Value();
  for (const Value& v : args) {
    if (!v.is_int()) {
      return Status(StatusCode::kArgumentError,
                    "range(): expected INTEGER arguments, got " + describe(v), {},
                    "InvalidArgumentType");
    }
  }
  int64_t start = args[0].as_int();
  int64_t end = args[1].as_int();
  int64_t step = args.size() > 2 ? args[2].as_int() : 1;
  if (step == 0) return number_out_of_range("range", "step must not be 0");
  // Count in unsigned arithmetic: end - start may not fit in int64, and neither may the count
  // (range(-2^63, 2^63 - 1) has 2^64 elements).
  uint64_t count = 0;
  if ((step > 0 && end >= start) || (step < 0 && end <= start)) {
    uint64_t distance = step > 0 ? static_cast<uint64_t>(end) - static_cast<uint64_t>(start)
                                 : static_cast<uint64_t>(start) - static_cast<uint64_t>(end);
    uint64_t magnitude =
        step > 0 ? static_cast<uint64_t>(step) : uint64_t{0} - static_cast<uint64_t>(step);
    uint64_t steps = distance / magnitude;
    if (steps >= kMaxRangeElements) {
      return number_out_of_range("range", "the list would have more than " +
                                              std::to_string(kMaxRangeElements) + " elements");
    }
    count = steps + 1;
  }
  List out;
  out.reserve(count);
  // Step in unsigned arithmetic so the value past the last element cannot overflow.
  uint64_t value = static_cast<uint64_t>(start);
  for (uint64_t i = 0; i < count; ++i, value += static_cast<uint64_t>(step))
    out.emplace_back(static_cast<int64_t>(value));
  return Value(std::move(out));
}

constexpr ScalarFunction kListFunctions[] = {
    {"size", 1, 1, &size},   {"head", 1, 1, &head},       {"last", 1, 1, &last},
    {"tail", 1, 1, &tail},   {"reverse", 1, 1, &reverse}, {"isEmpty", 1, 1, &is_empty},
    {"range", 2, 3, &range},
};

}  // namespace

std::span<const ScalarFunction> list_functions() { return kListFunctions; }

}  // namespace kg::query::functions
