// The C API's bulk import: kg_import_options_*, kg_database_import (kg/import.hpp).
#include "kg/import.hpp"

#include "api/c/c_api.hpp"

using kg::capi::guarded;
using kg::capi::guarded_void;
using kg::capi::null_argument;

namespace {

// "Product:Chip" → {"Product", "Chip"}; empty parts are dropped.
std::vector<std::string> split_labels(const char* labels) {
  std::vector<std::string> out;
  if (labels == nullptr) return out;
  std::string_view rest(labels);
  while (!rest.empty()) {
    size_t colon = rest.find(':');
    std::string_view part = rest.substr(0, colon);
    if (!part.empty()) out.emplace_back(part);
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return out;
}

}  // namespace

extern "C" {

kg_import_options* kg_import_options_create(void) {
  try {
    return new kg_import_options();
  } catch (...) {
    return nullptr;
  }
}

void kg_import_options_destroy(kg_import_options* options) { delete options; }

void kg_import_options_add_nodes(kg_import_options* options, const char* labels, const char* file) {
  if (options == nullptr || file == nullptr) return;
  guarded_void([&] { options->options.nodes.push_back({split_labels(labels), {file}}); });
}

void kg_import_options_add_relationships(kg_import_options* options, const char* type,
                                         const char* file) {
  if (options == nullptr || file == nullptr) return;
  guarded_void([&] { options->options.relationships.push_back({type ? type : "", {file}}); });
}

void kg_import_options_add_jsonl(kg_import_options* options, const char* file) {
  if (options == nullptr || file == nullptr) return;
  guarded_void([&] { options->options.jsonl.emplace_back(file); });
}

void kg_import_options_add_ntriples(kg_import_options* options, const char* file) {
  if (options == nullptr || file == nullptr) return;
  guarded_void([&] { options->options.ntriples.emplace_back(file); });
}

void kg_import_options_set_delimiter(kg_import_options* options, char delimiter) {
  if (options != nullptr) options->options.delimiter = delimiter;
}

void kg_import_options_set_array_delimiter(kg_import_options* options, char delimiter) {
  if (options != nullptr) options->options.array_delimiter = delimiter;
}

void kg_import_options_set_quote(kg_import_options* options, char quote) {
  if (options != nullptr) options->options.quote = quote;
}

void kg_import_options_set_skip_bad_relationships(kg_import_options* options, int skip) {
  if (options != nullptr) options->options.skip_bad_relationships = skip != 0;
}

void kg_import_options_set_skip_duplicate_nodes(kg_import_options* options, int skip) {
  if (options != nullptr) options->options.skip_duplicate_nodes = skip != 0;
}

void kg_import_options_set_progress(kg_import_options* options, kg_import_progress_fn fn,
                                    void* user_data) {
  if (options == nullptr) return;
  if (fn == nullptr) {
    options->options.progress = nullptr;
    return;
  }
  guarded_void([&] {
    options->options.progress = [fn, user_data](const kg::ImportProgress& p) {
      fn(user_data, p.phase.c_str(), p.rows, p.bytes_read, p.bytes_total);
    };
  });
}

kg_code kg_database_import(kg_database* db, const kg_import_options* options,
                           kg_import_summary* summary, char** errmsg) {
  return guarded(errmsg, [&]() -> kg::Status {
    if (db == nullptr) return null_argument("db");
    if (options == nullptr) return null_argument("options");
    kg::Result<kg::ImportSummary> r = kg::import_files(*db->db, options->options);
    if (!r.ok()) return r.error();
    if (summary != nullptr) {
      summary->nodes = r->nodes;
      summary->relationships = r->relationships;
      summary->properties = r->properties;
      summary->skipped_nodes = r->skipped_nodes;
      summary->skipped_relationships = r->skipped_relationships;
      summary->bytes_read = r->bytes_read;
      summary->seconds = r->seconds;
    }
    return kg::Status();
  });
}

}  // extern "C"
