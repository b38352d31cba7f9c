#include "kg/import.hpp"

#include "api/guard.hpp"
#include "engine/graph.hpp"
#include "engine/loader/bulk_loader.hpp"

namespace kg {

Result<ImportSummary> import_files(Database& db, const ImportOptions& options) {
  if (db.graph() == nullptr)
    return Status(StatusCode::kInvalidArgument,
                  "the database is not open: " + db.status().to_string());
  return api::guarded(
      [&]() -> Result<ImportSummary> { return engine::loader::bulk_import(*db.graph(), options); });
}

}  // namespace kg
