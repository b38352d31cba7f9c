// The basic aggregate functions: count, sum, avg, min, max, collect. Each ignores null values.
// On an empty group (or only nulls): count → 0, sum → 0, collect → [], avg / min / max → null.
#include <cstdint>
#include <memory>
#include <string>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/function_args.hpp"
#include "query/values/comparison.hpp"

namespace kg::query::functions {

namespace {

// count(x): the number of non-null values.
class Count final : public Aggregator {
 public:
  Status add(std::span<const Value> args) override {
    if (!args[0].is_null()) ++count_;
    return Status();
  }
  Result<Value> result() override { return Value(count_); }

 private:
  int64_t count_ = 0;
};

// sum(x): INTEGERs add up to an INTEGER (overflow is a kArithmeticError "IntegerOverflow"); from
// the first FLOAT on, the sum is a FLOAT, as if the values were added one by one in order.
class Sum final : public Aggregator {
 public:
  Status add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status();
    if (v.is_int() && !is_float_) {
      if (__builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) {
        return Status(StatusCode::kArithmeticError,
                      "sum(): the INTEGER sum overflows the 64-bit range", {}, "IntegerOverflow");
      }
      return Status();
    }
    if (!v.is_number()) return invalid_argument("sum", "INTEGER or FLOAT values", v);
    if (!is_float_) {
      is_float_ = true;
      float_sum_ = static_cast<double>(int_sum_);
    }
    float_sum_ += v.as_number();
    return Status();
  }
  Result<Value> result() override {
    if (is_float_) return Value(float_sum_);
    return Value(int_sum_);
  }

 private:
  bool is_float_ = false;
  int64_t int_sum_ = 0;
  double float_sum_ = 0;
};

// avg(x): the mean as a FLOAT. INTEGERs are summed exactly (no overflow), FLOATs in order.
class Avg final : public Aggregator {
 public:
  Status add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status();
    if (v.is_int()) {
      int_sum_ += v.as_int();
    } else if (v.is_float()) {
      float_sum_ += v.as_float();
    } else {
      return invalid_argument("avg", "INTEGER or FLOAT values", v);
    }
    ++count_;
    return Status();
  }
  Result<Value> result() override {
    if (count_ == 0) return Value();
    long double sum = static_cast<long double>(int_sum_) + float_sum_;
    return Value(static_cast<double>(sum / count_));
  }

 private:
  __int128 int_sum_ = 0;
  double float_sum_ = 0;
  int64_t count_ = 0;
};

// min(x) / max(x): the least / greatest value in ORDER BY's order (query::order), which also
// ranks values of different kinds: list < string < boolean < number (TCK Aggregation2 [11], [12]).
// Of values that compare equal (1 and 1.0), the first one seen wins.
template <bool kMax>
class Extreme final : public Aggregator {
 public:
  Status add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status();
    if (best_.is_null()) {
      best_ = v;
      return Status();
    }
    int c = order(v, best_);
    if (v.is_number() && best_.is_number() && compare(v, best_) == Cmp::kEqual) c = 0;
    if (kMax ? c > 0 : c < 0) best_ = v;
    return Status();
  }
  Result<Value> result() override { return best_; }

 private:
  Value best_;
};

// collect(x): the non-null values in the order they came.
class Collect final : public Aggregator {
 public:
  Status add(std::span<const Value> args) override {
    if (!args[0].is_null()) values_.push_back(args[0]);
    return Status();
  }
  Result<Value> result() override { return Value(values_); }

 private:
  List values_;
};

template <typename T>
std::unique_ptr<Aggregator> make() {
  return std::make_unique<T>();
}

constexpr AggregateFunction kBasicAggregates[] = {
    {"count", 1, 1, &make<Count>},       {"sum", 1, 1, &make<Sum>},
    {"avg", 1, 1, &make<Avg>},           {"min", 1, 1, &make<Extreme<false>>},
    {"max", 1, 1, &make<Extreme<true>>}, {"collect", 1, 1, &make<Collect>},
};

}  // namespace

std::span<const AggregateFunction> basic_aggregates() { return kBasicAggregates; }

}  // namespace kg::query::functions
