// Tests of the aggregate functions (query/functions/aggregates.cpp, statistical_aggregates.cpp):
// results over groups, empty groups, nulls, mixed values and errors. DISTINCT is the caller's job
// and is not tested here.
#include "query/functions/function_registry.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace kg::query {
namespace {

constexpr int64_t kMaxInt = std::numeric_limits<int64_t>::max();

// Feeds `rows` (each one call's arguments) to a fresh aggregator of `name`; the result as a Cypher
// literal, or "<ErrorType> <detail>" of the first error.
std::string aggregate_rows(std::string_view name, const std::vector<std::vector<Value>>& rows) {
  const AggregateFunction* f = find_aggregate_function(name);
  REQUIRE(f != nullptr);
  std::unique_ptr<Aggregator> agg = f->make();
  auto error = [](const Status& s) {
    return std::string(status_code_name(s.code())) + " " + s.detail();
  };
  for (const std::vector<Value>& args : rows) {
    REQUIRE(args.size() >= f->min_args);
    REQUIRE(args.size() <= f->max_args);
    Status s = agg->add(args);
    if (!s.ok()) return error(s);
  }
  Result<Value> r = agg->result();
  return r.has_value() ? r->to_literal() : error(r.error());
}

// One-argument aggregate over `values`.
std::string aggregate(std::string_view name, const List& values) {
  std::vector<std::vector<Value>> rows;
  for (const Value& v : values) rows.push_back({v});
  return aggregate_rows(name, rows);
}

// A percentile aggregate over `values`, with `percentile` on every row.
std::string percentile(std::string_view name, const List& values, const Value& percentile) {
  std::vector<std::vector<Value>> rows;
  for (const Value& v : values) rows.push_back({v, percentile});
  return aggregate_rows(name, rows);
}

const Value kNull;

TEST_CASE("aggregates: count", "[query][functions]") {
  CHECK(aggregate("count", {33, kNull, 42}) == "2");  // TCK Aggregation1 [1]
  CHECK(aggregate("count", {}) == "0");               // TCK Aggregation8 [1]
  CHECK(aggregate("count", {kNull, kNull}) == "0");   // TCK Aggregation8 [2]
  CHECK(aggregate("count", {List{}, Map{}, ""}) == "3");
}

TEST_CASE("aggregates: sum", "[query][functions]") {
  CHECK(aggregate("sum", {33, kNull, 42}) == "75");  // TCK Aggregation3 [1]
  List range;
  for (int64_t i = 1000000; i < 1003000; ++i) range.emplace_back(i);
  CHECK(aggregate("sum", range) == "3004498500");  // TCK Aggregation3 [2]
  CHECK(aggregate("sum", {}) == "0");
  CHECK(aggregate("sum", {kNull}) == "0");
  CHECK(aggregate("sum", {1, 2.5}) == "3.5");
  CHECK(aggregate("sum", {1, 2.0}) == "3.0");  // any FLOAT makes the sum a FLOAT
  CHECK(aggregate("sum", {0.5, 1}) == "1.5");
  CHECK(aggregate("sum", {kMaxInt, 1}) == "ArithmeticError IntegerOverflow");
  CHECK(aggregate("sum", {kMaxInt, -1, 1}) == "9223372036854775807");
  CHECK(aggregate("sum", {1, "a"}) == "TypeError InvalidArgumentValue");
  CHECK(aggregate("sum", List{Value(List{1})}) == "TypeError InvalidArgumentValue");
}

TEST_CASE("aggregates: avg", "[query][functions]") {
  CHECK(aggregate("avg", {58, 70, 55, 55, 71}) == "61.8");  // Neo4j docs
  CHECK(aggregate("avg", {1, 1}) == "1.0");                 // TCK Return6 [8]: a FLOAT
  CHECK(aggregate("avg", {1, 2}) == "1.5");
  CHECK(aggregate("avg", {1, kNull, 2.0}) == "1.5");
  CHECK(aggregate("avg", {}) == "null");                                   // TCK Return4 [7]
  CHECK(aggregate("avg", {kNull}) == "null");                              // TCK Return6 [17]
  CHECK(aggregate("avg", {kMaxInt, kMaxInt}) == "9223372036854775808.0");  // no overflow
  CHECK(aggregate("avg", {true}) == "TypeError InvalidArgumentValue");
}

TEST_CASE("aggregates: min and max", "[query][functions]") {
  CHECK(aggregate("max", {1, 2, 0, kNull, -1}) == "2");                     // TCK Aggregation2 [1]
  CHECK(aggregate("min", {1, 2, 0, kNull, -1}) == "-1");                    // [2]
  CHECK(aggregate("max", {1.0, 2.0, 0.5, kNull}) == "2.0");                 // [3]
  CHECK(aggregate("min", {1.0, 2.0, 0.5, kNull}) == "0.5");                 // [4]
  CHECK(aggregate("max", {1, 2.0, 5, kNull, 3.2, 0.1}) == "5");             // [5]
  CHECK(aggregate("min", {1, 2.0, 5, kNull, 3.2, 0.1}) == "0.1");           // [6]
  CHECK(aggregate("max", {"a", "b", "B", kNull, "abc", "abc1"}) == "'b'");  // [7]
  CHECK(aggregate("min", {"a", "b", "B", kNull, "abc", "abc1"}) == "'B'");  // [8]
  CHECK(aggregate("max", {List{1}, List{2}, List{2, 1}}) == "[2, 1]");      // [9]
  CHECK(aggregate("min", {List{1}, List{2}, List{2, 1}}) == "[1]");         // [10]
  CHECK(aggregate("max", {1, "a", kNull, List{1, 2}, 0.2, "b"}) == "1");    // [11]
  CHECK(aggregate("min", {1, "a", kNull, List{1, 2}, 0.2, "b"}) == "[1, 2]");  // [12]
  // Neo4j docs: strings rank below numbers, lists below strings.
  CHECK(aggregate("min", {1, "a", kNull, 0.2, "b", "1", "99"}) == "'1'");
  CHECK(aggregate("max", {List{1, "a", 89}, List{1, 2}}) == "[1, 2]");
  CHECK(aggregate("max", {true, false}) == "true");
  CHECK(aggregate("max", {1, 1.0}) == "1");  // equal numbers: the first one wins
  CHECK(aggregate("min", {1.0, 1}) == "1.0");
  CHECK(aggregate("max", {0.5, std::numeric_limits<double>::quiet_NaN()}) == "NaN");
  CHECK(aggregate("max", {}) == "null");
  CHECK(aggregate("min", {kNull}) == "null");
}

TEST_CASE("aggregates: collect", "[query][functions]") {
  CHECK(aggregate("collect", {1, kNull, "a", 2.0}) == "[1, 'a', 2.0]");
  CHECK(aggregate("collect", {}) == "[]");              // TCK Aggregation5 [1]
  CHECK(aggregate("collect", {kNull, kNull}) == "[]");  // TCK Aggregation8 [3]
  CHECK(aggregate("collect", List{Value(List{kNull})}) == "[[null]]");
}

TEST_CASE("aggregates: stDev and stDevP", "[query][functions]") {
  CHECK(aggregate("stDev", {58, 70, 55}) == "7.937253933193772");  // Neo4j docs
  CHECK(aggregate("stDevP", {58, 70, 55}) == "6.48074069840786");  // Neo4j docs
  CHECK(aggregate("stDev", {58, kNull, 70.0, 55}) == "7.937253933193772");
  CHECK(aggregate("stDev", {2, 4, 4, 4, 5, 5, 7, 9}) == "2.138089935299395");
  CHECK(aggregate("stDevP", {2, 4, 4, 4, 5, 5, 7, 9}) == "2.0");
  // Neo4j: stDev(null) returns 0; so does a single value.
  CHECK(aggregate("stDev", {}) == "0.0");
  CHECK(aggregate("stDevP", {kNull}) == "0.0");
  CHECK(aggregate("stDev", {5}) == "0.0");
  CHECK(aggregate("stDevP", {5}) == "0.0");
  CHECK(aggregate("stDev", {1, "a"}) == "TypeError InvalidArgumentValue");
}

TEST_CASE("aggregates: percentileDisc and percentileCont", "[query][functions]") {
  List prices{10.0, 20.0, 30.0};
  // TCK Aggregation6 [1] and [2]
  CHECK(percentile("percentileDisc", prices, 0.0) == "10.0");
  CHECK(percentile("percentileDisc", prices, 0.5) == "20.0");
  CHECK(percentile("percentileDisc", prices, 1.0) == "30.0");
  CHECK(percentile("percentileCont", prices, 0.0) == "10.0");
  CHECK(percentile("percentileCont", prices, 0.5) == "20.0");
  CHECK(percentile("percentileCont", prices, 1.0) == "30.0");
  // Neo4j docs, unsorted input.
  List ages{58, 70, 55, 55, 71};
  CHECK(percentile("percentileDisc", ages, 0.5) == "58");  // stays an INTEGER
  CHECK(percentile("percentileCont", ages, 0.4) == "56.8");
  CHECK(percentile("percentileCont", ages, 0.5) == "58.0");
  CHECK(percentile("percentileDisc", ages, 0.2) == "55");
  CHECK(percentile("percentileDisc", ages, 0.21) == "55");
  CHECK(percentile("percentileDisc", ages, 0.41) == "58");
  CHECK(percentile("percentileCont", {1, 2}, 0.25) == "1.25");
  CHECK(percentile("percentileCont", {7}, 0.3) == "7.0");
  CHECK(percentile("percentileDisc", {7}, 0.3) == "7");
  CHECK(percentile("percentileDisc", {1, 2, 3, 4}, 1) == "4");  // an INTEGER percentile is fine
  CHECK(percentile("percentileDisc", {}, 0.5) == "null");
  CHECK(percentile("percentileCont", {kNull, kNull}, 0.5) == "null");
  CHECK(percentile("percentileCont", {kNull, 2, kNull, 4}, 0.5) == "3.0");
  // TCK Aggregation6 [3] and [4]
  for (const Value& bad : {Value(1000), Value(-1), Value(1.1)}) {
    INFO(bad.to_literal());
    CHECK(percentile("percentileCont", {10.0}, bad) == "ArgumentError NumberOutOfRange");
    CHECK(percentile("percentileDisc", {10.0}, bad) == "ArgumentError NumberOutOfRange");
  }
  // TCK Aggregation6 [5]: percentileDisc(0.90, deg) with degrees above 2.
  std::vector<std::vector<Value>> rows;
  for (int64_t deg = 3; deg <= 11; ++deg) rows.push_back({0.90, deg});
  CHECK(aggregate_rows("percentileDisc", rows) == "ArgumentError NumberOutOfRange");
  CHECK(percentile("percentileCont", {1.0}, "0.5") == "TypeError InvalidArgumentValue");
  CHECK(percentile("percentileCont", {"a"}, 0.5) == "TypeError InvalidArgumentValue");
}

}  // namespace
}  // namespace kg::query
