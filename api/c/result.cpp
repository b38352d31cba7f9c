// The C API's results: kg_result_* (errors, columns, the row cursor and typed getters).
#include "api/c/c_api.hpp"

namespace {

// The value at `column` of the current row, or null when there is none.
const kg::Value* cell(const kg_result* result, size_t column) {
  if (result == nullptr || !result->row || *result->row >= result->result.size()) return nullptr;
  if (column >= result->result.columns().size()) return nullptr;
  const kg::Row& row = result->result[*result->row];
  return column < row.size() ? &row[column] : nullptr;
}

// Stores the typed content of cell `column` through `get`, or says why it cannot.
template <typename Check, typename Get>
kg_code get_typed(const kg_result* result, size_t column, Check check, Get get) {
  const kg::Value* v = cell(result, column);
  if (v == nullptr) return KG_INVALID_ARGUMENT;
  if (!(v->*check)()) return KG_TYPE_ERROR;
  get(*v);
  return KG_OK;
}

}  // namespace

extern "C" {

void kg_result_destroy(kg_result* result) { delete result; }

kg_code kg_result_error_code(const kg_result* result) {
  if (result == nullptr) return KG_INVALID_ARGUMENT;
  return kg::capi::to_code(result->result.status().code());
}

const char* kg_result_error_message(const kg_result* result) {
  return result ? result->error_message.c_str() : "";
}

const char* kg_result_error_detail(const kg_result* result) {
  return result ? result->result.status().detail().c_str() : "";
}

uint32_t kg_result_error_line(const kg_result* result) {
  return result ? result->result.status().pos().line : 0;
}

uint32_t kg_result_error_column(const kg_result* result) {
  return result ? result->result.status().pos().column : 0;
}

size_t kg_result_column_count(const kg_result* result) {
  return result ? result->result.columns().size() : 0;
}

const char* kg_result_column_name(const kg_result* result, size_t column) {
  if (result == nullptr || column >= result->result.columns().size()) return nullptr;
  return result->result.columns()[column].c_str();
}

size_t kg_result_row_count(const kg_result* result) { return result ? result->result.size() : 0; }

const char* kg_result_summary(const kg_result* result) {
  return result ? result->summary.c_str() : "";
}

uint64_t kg_result_counter(const kg_result* result, kg_counter counter) {
  if (result == nullptr) return 0;
  const kg::QueryCounters& c = result->result.counters();
  switch (counter) {
    case KG_NODES_CREATED:
      return c.nodes_created;
    case KG_NODES_DELETED:
      return c.nodes_deleted;
    case KG_RELATIONSHIPS_CREATED:
      return c.relationships_created;
    case KG_RELATIONSHIPS_DELETED:
      return c.relationships_deleted;
    case KG_PROPERTIES_SET:
      return c.properties_set;
    case KG_LABELS_ADDED:
      return c.labels_added;
    case KG_LABELS_REMOVED:
      return c.labels_removed;
  }
  return 0;
}

int kg_result_next(kg_result* result) {
  if (result == nullptr) return 0;
  size_t next = result->row ? *result->row + 1 : 0;
  if (next >= result->result.size()) {
    result->row = result->result.size();  // stays past the end
    return 0;
  }
  result->row = next;
  return 1;
}

void kg_result_reset(kg_result* result) {
  if (result != nullptr) result->row.reset();
}

kg_value_type kg_result_type(const kg_result* result, size_t column) {
  const kg::Value* v = cell(result, column);
  return v ? static_cast<kg_value_type>(v->type()) : KG_TYPE_NULL;
}

int kg_result_is_null(const kg_result* result, size_t column) {
  const kg::Value* v = cell(result, column);
  return v == nullptr || v->is_null();
}

kg_code kg_result_get_bool(const kg_result* result, size_t column, int* out) {
  if (out == nullptr) return KG_INVALID_ARGUMENT;
  return get_typed(result, column, &kg::Value::is_bool,
                   [&](const kg::Value& v) { *out = v.as_bool() ? 1 : 0; });
}

kg_code kg_result_get_int(const kg_result* result, size_t column, int64_t* out) {
  if (out == nullptr) return KG_INVALID_ARGUMENT;
  return get_typed(result, column, &kg::Value::is_int,
                   [&](const kg::Value& v) { *out = v.as_int(); });
}

kg_code kg_result_get_float(const kg_result* result, size_t column, double* out) {
  if (out == nullptr) return KG_INVALID_ARGUMENT;
  return get_typed(result, column, &kg::Value::is_float,
                   [&](const kg::Value& v) { *out = v.as_float(); });
}

kg_code kg_result_get_string(const kg_result* result, size_t column, const char** out) {
  if (out == nullptr) return KG_INVALID_ARGUMENT;
  return get_typed(result, column, &kg::Value::is_string,
                   [&](const kg::Value& v) { *out = v.as_string().c_str(); });
}

const kg_value* kg_result_get_value(const kg_result* result, size_t column) {
  const kg::Value* v = cell(result, column);
  if (v == nullptr) return nullptr;
  try {
    // Views are cached in the result; handing one out does not change what the result shows.
    return kg::capi::view_of(const_cast<kg_result*>(result), v);
  } catch (...) {
    return nullptr;
  }
}

}  // extern "C"
