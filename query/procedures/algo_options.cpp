#include "query/procedures/algo_options.hpp"

#include <algorithm>
#include <cmath>

namespace kg::query {

namespace {

constexpr std::string_view kCommon[] = {"labels", "types", "weight", "defaultWeight", "write"};

std::string join(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

Status AlgoOptions::error(std::string_view name, std::string_view what) const {
  return Status(StatusCode::kProcedureError,
                procedure_ + ": option `" + std::string(name) + "` " + std::string(what), {},
                "InvalidArgument");
}

Result<AlgoOptions> AlgoOptions::parse(std::string_view procedure, const Value& options,
                                       std::span<const std::string_view> own) {
  AlgoOptions out;
  out.procedure_ = std::string(procedure);
  if (options.is_null()) return out;
  if (!options.is_map())
    return Status(StatusCode::kProcedureError,
                  out.procedure_ + ": options must be a map, not " +
                      std::string(value_type_name(options.type())),
                  {}, "InvalidArgument");
  out.options_ = options.as_map();
  std::vector<std::string_view> allowed(std::begin(kCommon), std::end(kCommon));
  allowed.insert(allowed.end(), own.begin(), own.end());
  for (const auto& [name, value] : out.options_) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return out.error(name, "is unknown; the options are " + join(allowed));
  }
  auto names = [&](std::string_view name) -> Result<std::vector<std::string>> {
    std::vector<std::string> list;
    auto it = out.options_.find(name);
    if (it == out.options_.end() || it->second.is_null()) return list;
    const Value& v = it->second;
    if (v.is_string()) return std::vector<std::string>{v.as_string()};
    if (!v.is_list()) return out.error(name, "must be a list of strings");
    for (const Value& e : v.as_list()) {
      if (!e.is_string()) return out.error(name, "must be a list of strings");
      list.push_back(e.as_string());
    }
    return list;
  };
  KG_ASSIGN_OR_RETURN(out.projection_.labels, names("labels"));
  KG_ASSIGN_OR_RETURN(out.projection_.types, names("types"));
  KG_ASSIGN_OR_RETURN(auto weight, out.string("weight"));
  if (weight) out.projection_.weight = *weight;
  KG_ASSIGN_OR_RETURN(out.projection_.default_weight,
                      out.number("defaultWeight", 1.0, -HUGE_VAL, HUGE_VAL));
  KG_ASSIGN_OR_RETURN(out.write_, out.string("write"));
  if (out.write_ && out.write_->empty()) return out.error("write", "must name a property");
  return out;
}

Result<double> AlgoOptions::number(std::string_view name, double fallback, double min,
                                   double max) const {
  auto it = options_.find(name);
  if (it == options_.end() || it->second.is_null()) return fallback;
  if (!it->second.is_number())
    return error(name, "must be a number, not " + std::string(value_type_name(it->second.type())));
  double v = it->second.as_number();
  if (!(v >= min && v <= max))
    return error(name, "must be between " + Value(min).to_string() + " and " +
                           Value(max).to_string() + ", not " + it->second.to_string());
  return v;
}

Result<int64_t> AlgoOptions::integer(std::string_view name, int64_t fallback, int64_t min,
                                     int64_t max) const {
  auto it = options_.find(name);
  if (it == options_.end() || it->second.is_null()) return fallback;
  if (!it->second.is_int())
    return error(name,
                 "must be an integer, not " + std::string(value_type_name(it->second.type())));
  int64_t v = it->second.as_int();
  if (v < min || v > max)
    return error(name, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                           ", not " + std::to_string(v));
  return v;
}

Result<std::optional<std::string>> AlgoOptions::string(std::string_view name) const {
  auto it = options_.find(name);
  if (it == options_.end() || it->second.is_null()) return std::optional<std::string>();
  if (!it->second.is_string())
    return error(name, "must be a string, not " + std::string(value_type_name(it->second.type())));
  return std::optional<std::string>(it->second.as_string());
}

Result<std::string> AlgoOptions::choice(std::string_view name, std::string_view fallback,
                                        std::span<const std::string_view> choices) const {
  KG_ASSIGN_OR_RETURN(auto v, string(name));
  if (!v) return std::string(fallback);
  if (std::find(choices.begin(), choices.end(), *v) == choices.end())
    return error(name, "must be one of " + join(choices) + ", not '" + *v + "'");
  return *v;
}

Result<engine::analytics::Orientation> AlgoOptions::orientation(
    engine::analytics::Orientation fallback) const {
  using engine::analytics::Orientation;
  constexpr std::string_view kChoices[] = {"out", "in", "both"};
  std::string_view def = fallback == Orientation::kOutgoing   ? "out"
                         : fallback == Orientation::kIncoming ? "in"
                                                              : "both";
  KG_ASSIGN_OR_RETURN(std::string v, choice("direction", def, kChoices));
  if (v == "out") return Orientation::kOutgoing;
  if (v == "in") return Orientation::kIncoming;
  return Orientation::kBoth;
}

}  // namespace kg::query
