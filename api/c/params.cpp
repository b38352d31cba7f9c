// The C API's query parameters: kg_params_*.
#include "api/c/c_api.hpp"

using kg::capi::guarded_void;

namespace {

void set(kg_params* params, const char* name, kg::Value value) {
  if (params == nullptr || name == nullptr) return;
  guarded_void([&] { params->map.insert_or_assign(std::string(name), std::move(value)); });
}

}  // namespace

extern "C" {

kg_params* kg_params_create(void) {
  try {
    return new kg_params();
  } catch (...) {
    return nullptr;
  }
}

void kg_params_destroy(kg_params* params) { delete params; }

void kg_params_clear(kg_params* params) {
  if (params != nullptr) params->map.clear();
}

void kg_params_set_null(kg_params* params, const char* name) { set(params, name, kg::Value()); }

void kg_params_set_bool(kg_params* params, const char* name, int value) {
  set(params, name, kg::Value(value != 0));
}

void kg_params_set_int(kg_params* params, const char* name, int64_t value) {
  set(params, name, kg::Value(value));
}

void kg_params_set_float(kg_params* params, const char* name, double value) {
  set(params, name, kg::Value(value));
}

void kg_params_set_string(kg_params* params, const char* name, const char* value) {
  if (value == nullptr) return kg_params_set_null(params, name);
  guarded_void([&] { set(params, name, kg::Value(std::string(value))); });
}

void kg_params_set_string_n(kg_params* params, const char* name, const char* value, size_t length) {
  if (value == nullptr) return kg_params_set_null(params, name);
  guarded_void([&] { set(params, name, kg::Value(std::string(value, length))); });
}

void kg_params_set_int_list(kg_params* params, const char* name, const int64_t* values,
                            size_t count) {
  guarded_void([&] {
    kg::List list;
    for (size_t i = 0; i < count; ++i) list.emplace_back(values[i]);
    set(params, name, kg::Value(std::move(list)));
  });
}

void kg_params_set_float_list(kg_params* params, const char* name, const double* values,
                              size_t count) {
  guarded_void([&] {
    kg::List list;
    for (size_t i = 0; i < count; ++i) list.emplace_back(values[i]);
    set(params, name, kg::Value(std::move(list)));
  });
}

void kg_params_set_string_list(kg_params* params, const char* name, const char* const* values,
                               size_t count) {
  guarded_void([&] {
    kg::List list;
    for (size_t i = 0; i < count; ++i)
      list.push_back(values[i] ? kg::Value(std::string(values[i])) : kg::Value());
    set(params, name, kg::Value(std::move(list)));
  });
}

void kg_params_set_value(kg_params* params, const char* name, const kg_value* value) {
  if (value == nullptr) return kg_params_set_null(params, name);
  guarded_void([&] { set(params, name, kg::capi::value_of(value)); });
}

}  // extern "C"
