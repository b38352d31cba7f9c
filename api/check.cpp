#include "kg/check.hpp"

#include "api/guard.hpp"
#include "engine/check/consistency_checker.hpp"
#include "engine/graph.hpp"

namespace kg {

namespace {

Result<CheckReport> check_store(const engine::Store& store) {
  KG_ASSIGN_OR_RETURN(engine::check::CheckReport r, engine::check::check_consistency(store));
  CheckReport out;
  out.nodes = r.nodes;
  out.relationships = r.relationships;
  out.index_entries = r.index_entries;
  out.violation_count = r.violation_count;
  for (auto& v : r.violations) out.violations.push_back({std::move(v.kind), std::move(v.message)});
  return out;
}

}  // namespace

Result<CheckReport> check_graph(Database& db) {
  if (db.graph() == nullptr)
    return Status(StatusCode::kInvalidArgument,
                  "the database is not open: " + db.status().to_string());
  return api::guarded([&]() { return check_store(db.graph()->store()); });
}

Result<CheckReport> check_graph(const std::string& path, const Options& options) {
  return api::guarded([&]() -> Result<CheckReport> {
    Options o = options;
    o.create_if_missing = false;
    KG_ASSIGN_OR_RETURN(std::unique_ptr<engine::Store> store, engine::Store::open(path, o));
    return check_store(*store);
  });
}

}  // namespace kg
