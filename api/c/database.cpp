// The C API's options and databases: kg_options_*, kg_database_*.
#include "api/c/c_api.hpp"

using kg::capi::guarded;
using kg::capi::guarded_void;
using kg::capi::null_argument;

extern "C" {

kg_options* kg_options_create(void) {
  try {
    return new kg_options();
  } catch (...) {
    return nullptr;
  }
}

void kg_options_destroy(kg_options* options) { delete options; }

void kg_options_set_create_if_missing(kg_options* options, int value) {
  if (options != nullptr) options->options.create_if_missing = value != 0;
}

void kg_options_set_sync_writes(kg_options* options, int value) {
  if (options != nullptr) options->options.sync_writes = value != 0;
}

void kg_options_set_block_cache_bytes(kg_options* options, uint64_t bytes) {
  if (options != nullptr) options->options.block_cache_bytes = bytes;
}

void kg_options_set_record_cache_bytes(kg_options* options, uint64_t bytes) {
  if (options != nullptr) options->options.record_cache_bytes = bytes;
}

void kg_options_set_busy_timeout_ms(kg_options* options, uint32_t ms) {
  if (options != nullptr) options->options.busy_timeout_ms = ms;
}

kg_code kg_database_open(const char* path, const kg_options* options, kg_database** out_db,
                         char** errmsg) {
  return guarded(errmsg, [&]() -> kg::Status {
    if (out_db == nullptr) return null_argument("out_db");
    *out_db = nullptr;
    if (path == nullptr) return null_argument("path");
    auto handle = std::make_unique<kg_database>();
    handle->db = std::make_unique<kg::Database>(path, options ? options->options : kg::Options());
    if (!handle->db->ok()) return handle->db->status();
    *out_db = handle.release();
    return kg::Status();
  });
}

void kg_database_close(kg_database* db) {
  guarded_void([&] { delete db; });
}

}  // extern "C"
