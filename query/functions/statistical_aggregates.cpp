// Statistical aggregate functions: stDev, stDevP, percentileCont, percentileDisc. Each ignores
// null values and takes INTEGERs and FLOATs; any other value is a kTypeError
// "InvalidArgumentValue".
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "query/functions/builtin_functions.hpp"
#include "query/functions/function_args.hpp"
#include "query/values/comparison.hpp"

namespace kg::query::functions {

namespace {

// stDev(x) (sample, divides by n - 1) and stDevP(x) (population, divides by n), as a FLOAT.
// As in Neo4j, a group of fewer than two values (or none) gives 0.0, not null. Uses Welford's
// running mean and sum of squared deviations.
template <bool kPopulation>
class StandardDeviation final : public Aggregator {
 public:
  Status add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status();
    if (!v.is_number()) return invalid_argument(name(), "INTEGER or FLOAT values", v);
    double x = v.as_number();
    ++count_;
    double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    squares_ += delta * (x - mean_);
    return Status();
  }
  Result<Value> result() override {
    if (count_ < 2) return Value(0.0);
    double n = static_cast<double>(kPopulation ? count_ : count_ - 1);
    return Value(std::sqrt(squares_ / n));
  }

 private:
  static std::string_view name() { return kPopulation ? "stDevP" : "stDev"; }

  int64_t count_ = 0;
  double mean_ = 0;
  double squares_ = 0;
};

// percentileCont(x, p) and percentileDisc(x, p). `p` must be a number in [0, 1] on every row with
// a non-null value (else a kArgumentError "NumberOutOfRange", TCK Aggregation6 [3]-[5]); the first
// row's `p` is used. An empty group gives null.
//  - percentileDisc: the smallest value v of the sorted group whose rank i (1-based) satisfies
//    i >= p * n (the first for p = 0); the value itself, INTEGER or FLOAT.
//  - percentileCont: linear interpolation between the two values around position p * (n - 1) of
//    the sorted group, as a FLOAT.
template <bool kContinuous>
class Percentile final : public Aggregator {
 public:
  Status add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return Status();
    if (!v.is_number()) return invalid_argument(name(), "INTEGER or FLOAT values", v);
    const Value& p = args[1];
    if (!p.is_number()) return invalid_argument(name(), "a percentile as a number", p);
    double percentile = p.as_number();
    if (!(percentile >= 0.0 && percentile <= 1.0)) {
      return number_out_of_range(
          name(), "the percentile must be between 0.0 and 1.0, got " + p.to_string());
    }
    if (values_.empty()) percentile_ = percentile;
    values_.push_back(v);
    return Status();
  }

  Result<Value> result() override {
    if (values_.empty()) return Value();
    std::sort(values_.begin(), values_.end(),
              [](const Value& a, const Value& b) { return order(a, b) < 0; });
    size_t n = values_.size();
    if (percentile_ == 1.0 || n == 1) return last();
    if constexpr (kContinuous) {
      double position = percentile_ * static_cast<double>(n - 1);
      auto below = static_cast<size_t>(std::floor(position));
      auto above = static_cast<size_t>(std::ceil(position));
      double low = values_[below].as_number();
      if (below == above) return Value(low);
      double high = values_[above].as_number();
      return Value(low * (static_cast<double>(above) - position) +
                   high * (position - static_cast<double>(below)));
    } else {
      double position = percentile_ * static_cast<double>(n);
      auto index = static_cast<size_t>(position);
      if (static_cast<double>(index) == position && index > 0) --index;
      return values_[std::min(index, n - 1)];
    }
  }

 private:
  static std::string_view name() { return kContinuous ? "percentileCont" : "percentileDisc"; }
  Value last() const { return kContinuous ? Value(values_.back().as_number()) : values_.back(); }

  double percentile_ = 0;
  std::vector<Value> values_;
};

template <typename T>
std::unique_ptr<Aggregator> make() {
  return std::make_unique<T>();
}

constexpr AggregateFunction kStatisticalAggregates[] = {
    {"stDev", 1, 1, &make<StandardDeviation<false>>},
    {"stDevP", 1, 1, &make<StandardDeviation<true>>},
    {"percentileCont", 2, 2, &make<Percentile<true>>},
    {"percentileDisc", 2, 2, &make<Percentile<false>>},
};

}  // namespace

std::span<const AggregateFunction> statistical_aggregates() { return kStatisticalAggregates; }

}  // namespace kg::query::functions
