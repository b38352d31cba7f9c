// AlgoOptions: the options map of an algo.* procedure, checked — `CALL algo.pagerank({labels:
// ['Company'], types: ['SUPPLIES'], damping: 0.9, write: 'rank'})`.
//
// Every procedure takes the projection options `labels` and `types` (lists of strings), `weight`
// (a relationship property name) and `defaultWeight` (a number), plus its own. An unknown name, or
// a value of the wrong type or out of range, is a ProcedureError (detail InvalidArgument) that
// names the procedure and the option.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/analytics/projection.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::query {

class AlgoOptions {
 public:
  // `options` is a map or null (no options). `own` lists the names this procedure takes besides
  // the projection's.
  static Result<AlgoOptions> parse(std::string_view procedure, const Value& options,
                                   std::span<const std::string_view> own);

  const engine::analytics::ProjectionSpec& projection() const { return projection_; }

  // An option's value, or `fallback` when it is absent or null.
  Result<double> number(std::string_view name, double fallback, double min, double max) const;
  Result<int64_t> integer(std::string_view name, int64_t fallback, int64_t min, int64_t max) const;
  Result<std::optional<std::string>> string(std::string_view name) const;
  // One of `choices` (e.g. 'out', 'in', 'both'); `fallback` when absent.
  Result<std::string> choice(std::string_view name, std::string_view fallback,
                             std::span<const std::string_view> choices) const;
  Result<engine::analytics::Orientation> orientation(engine::analytics::Orientation fallback) const;

  // The property to write results to (`write: 'rank'`), when given.
  const std::optional<std::string>& write() const { return write_; }

  // A ProcedureError about option `name`.
  Status error(std::string_view name, std::string_view what) const;

 private:
  std::string procedure_;
  Map options_;
  engine::analytics::ProjectionSpec projection_;
  std::optional<std::string> write_;
};

}  // namespace kg::query
