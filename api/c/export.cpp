// The C API's export: kg_database_export (kg/export.hpp).
#include "kg/export.hpp"

#include "api/c/c_api.hpp"

using kg::capi::guarded;
using kg::capi::null_argument;

extern "C" {

kg_code kg_database_export(kg_database* db, kg_export_format format, const char* out,
                           const char* query, const kg_params* params, kg_export_summary* summary,
                           char** errmsg) {
  return guarded(errmsg, [&]() -> kg::Status {
    if (db == nullptr) return null_argument("db");
    if (out == nullptr) return null_argument("out");
    kg::ExportOptions options;
    switch (format) {
      case KG_EXPORT_CSV:
        options.format = kg::ExportFormat::kCsv;
        break;
      case KG_EXPORT_JSONL:
        options.format = kg::ExportFormat::kJsonl;
        break;
      case KG_EXPORT_CYPHER:
        options.format = kg::ExportFormat::kCypher;
        break;
      case KG_EXPORT_DOT:
        options.format = kg::ExportFormat::kDot;
        break;
      default:
        return kg::Status::invalid_argument("unknown export format " +
                                            std::to_string(static_cast<int>(format)));
    }
    options.out = out;
    if (query != nullptr) options.query = query;
    if (params != nullptr) options.params = params->map;
    kg::Result<kg::ExportSummary> r = kg::export_graph(*db->db, options);
    if (!r.ok()) return r.error();
    if (summary != nullptr) {
      summary->nodes = r->nodes;
      summary->relationships = r->relationships;
    }
    return kg::Status();
  });
}

}  // extern "C"
