#include "query/procedures/procedures.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/check/consistency_checker.hpp"
#include "engine/graph.hpp"

namespace kg::query {

namespace {

using Rows = std::vector<std::vector<Value>>;

// Names of `kind` whose statistic is above zero, sorted.
template <typename Count>
Result<std::vector<std::pair<std::string, uint64_t>>> used_names(ExecContext& ctx,
                                                                 engine::NameKind kind,
                                                                 Count count) {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const auto& [id, name] : ctx.txn().names(kind)) {
    KG_ASSIGN_OR_RETURN(uint64_t n, count(id));
    if (n > 0) out.emplace_back(name, n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<Rows> labels(std::span<const Value>, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(auto names, used_names(ctx, engine::NameKind::kLabel, [&](uint32_t id) {
                        return ctx.txn().label_count(engine::LabelId{id});
                      }));
  Rows rows;
  for (auto& [name, n] : names) rows.push_back({Value(name)});
  return rows;
}

Result<Rows> relationship_types(std::span<const Value>, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(auto names, used_names(ctx, engine::NameKind::kType, [&](uint32_t id) {
                        return ctx.txn().type_count(engine::TypeId{id});
                      }));
  Rows rows;
  for (auto& [name, n] : names) rows.push_back({Value(name)});
  return rows;
}

Result<Rows> property_keys(std::span<const Value>, ExecContext& ctx) {
  std::vector<std::string> names;
  for (const auto& [id, name] : ctx.txn().names(engine::NameKind::kPropKey)) names.push_back(name);
  std::sort(names.begin(), names.end());
  Rows rows;
  for (auto& name : names) rows.push_back({Value(name)});
  return rows;
}

// One row per label and relationship type in use: kind, name, count, and the property keys seen
// on up to 1000 of its elements.
Result<Rows> schema(std::span<const Value>, ExecContext& ctx) {
  constexpr size_t kSample = 1000;
  Rows rows;
  auto keys_of = [&](const engine::PropertyMap& props, std::set<std::string>& keys) {
    for (const auto& [k, v] : props) keys.insert(ctx.txn().prop_key_name(k));
  };
  for (const auto& [id, name] : ctx.txn().names(engine::NameKind::kLabel)) {
    KG_ASSIGN_OR_RETURN(uint64_t n, ctx.txn().label_count(engine::LabelId{id}));
    if (n == 0) continue;
    std::set<std::string> keys;
    size_t seen = 0;
    auto c = ctx.txn().scan_label(engine::LabelId{id});
    for (; c.valid() && seen < kSample; c.next(), ++seen) {
      KG_ASSIGN_OR_RETURN(const engine::NodeRecord* rec, ctx.node_record(c.node()));
      if (rec != nullptr) keys_of(rec->properties, keys);
    }
    KG_TRY(c.status());
    List key_list(keys.begin(), keys.end());
    rows.push_back({Value("label"), Value(name), Value(static_cast<int64_t>(n)), Value(key_list)});
  }
  std::map<uint32_t, std::set<std::string>> type_keys;
  std::map<uint32_t, size_t> type_seen;
  size_t scanned = 0;
  auto rels = ctx.txn().scan_relationships();
  for (; rels.valid() && scanned < 100 * kSample; rels.next(), ++scanned) {
    KG_ASSIGN_OR_RETURN(engine::RelRecord rec, rels.record());
    uint32_t t = to_underlying(rec.type);
    if (type_seen[t]++ < kSample) keys_of(rec.properties, type_keys[t]);
  }
  KG_TRY(rels.status());
  for (const auto& [id, name] : ctx.txn().names(engine::NameKind::kType)) {
    KG_ASSIGN_OR_RETURN(uint64_t n, ctx.txn().type_count(engine::TypeId{id}));
    if (n == 0) continue;
    const auto& keys = type_keys[id];
    List key_list(keys.begin(), keys.end());
    rows.push_back(
        {Value("relationship"), Value(name), Value(static_cast<int64_t>(n)), Value(key_list)});
  }
  return rows;
}

Result<Rows> indexes(std::span<const Value>, ExecContext& ctx) {
  Rows rows;
  for (const engine::IndexDef& d : ctx.txn().indexes()) {
    std::string label = ctx.txn().label_name(d.label);
    std::string key = ctx.txn().prop_key_name(d.key);
    rows.push_back({Value(d.name), Value(d.unique ? "UNIQUENESS" : "RANGE"), Value(label),
                    Value(List{Value(key)}), Value(d.unique)});
  }
  return rows;
}

// One row per broken invariant of the latest commit (docs/check.md): kind, message. None when the
// graph is consistent. Reads its own snapshot, so this statement's own writes are not checked.
Result<Rows> check(std::span<const Value>, ExecContext& ctx) {
  KG_ASSIGN_OR_RETURN(engine::check::CheckReport report,
                      engine::check::check_consistency(ctx.txn().graph().store()));
  Rows rows;
  for (auto& v : report.violations) rows.push_back({Value(v.kind), Value(v.message)});
  if (report.violation_count > report.violations.size())
    rows.push_back(
        {Value("more"), Value(std::to_string(report.violation_count - report.violations.size()) +
                              " more violations not listed")});
  return rows;
}

const std::vector<Procedure>& table() {
  static const std::vector<Procedure> kProcedures = [] {
    std::vector<Procedure> all = {
        {"db.labels", {}, {"label"}, &labels},
        {"db.relationshipTypes", {}, {"relationshipType"}, &relationship_types},
        {"db.propertyKeys", {}, {"propertyKey"}, &property_keys},
        {"db.schema", {}, {"kind", "name", "count", "propertyKeys"}, &schema},
        {"db.indexes", {}, {"name", "type", "label", "properties", "unique"}, &indexes},
        {"db.check", {}, {"kind", "message"}, &check},
    };
    for (const Procedure& p : algo_procedures()) all.push_back(p);
    return all;
  }();
  return kProcedures;
}

}  // namespace

const Procedure* find_procedure(std::string_view name) {
  for (const Procedure& p : table())
    if (p.name == name) return &p;
  return nullptr;
}

std::span<const Procedure> all_procedures() { return table(); }

}  // namespace kg::query
