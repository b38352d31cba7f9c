// The C API's handles (include/kg/kg.h) and the helpers its files share. Internal to api/c/.
//
// Each handle is a struct that owns the C++ object it stands for. A kg_value is a view of a
// value inside a kg_result (a kg::Value, or a kg::Node / kg::Relationship of a path); the result
// keeps the views it hands out, one per element, so their addresses stay valid until it is
// destroyed.
#pragma once

#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import_options.hpp"
#include "kg/kg.h"
#include "kg/options.hpp"
#include "kg/prepared_statement.hpp"
#include "kg/query_result.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

struct kg_options {
  kg::Options options;
};

struct kg_database {
  std::unique_ptr<kg::Database> db;
};

struct kg_connection {
  std::unique_ptr<kg::Connection> conn;
};

struct kg_params {
  kg::Map map;
};

struct kg_value {
  // Exactly one is set.
  const kg::Value* value = nullptr;
  const kg::Node* node = nullptr;
  const kg::Relationship* relationship = nullptr;
  kg_result* owner = nullptr;
};

struct kg_result {
  kg::QueryResult result;
  std::string error_message;  // Status::to_string() of a failed statement, "" otherwise
  std::string summary;        // counters().to_string()
  // The current row; nullopt before the first row.
  std::optional<size_t> row;
  // The views handed out, by (address, kind).
  std::map<std::pair<const void*, int>, std::unique_ptr<kg_value>> views;
};

struct kg_prepared_statement {
  // Empty when there was no connection to prepare on; `status` says why.
  std::optional<kg::PreparedStatement> stmt;
  kg::Status status;
  std::string error_message;  // status.to_string(), "" when ok
};

struct kg_import_options {
  kg::ImportOptions options;
};

namespace kg::capi {

inline kg_code to_code(StatusCode code) { return static_cast<kg_code>(code); }

// A malloc'd copy of `s`, for the caller to free with kg_free; null when out of memory.
inline char* copy_string(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p != nullptr) std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

// Reports `status` through an errmsg argument (which may be null) and returns its code.
inline kg_code report(const Status& status, char** errmsg) {
  if (errmsg != nullptr) *errmsg = status.ok() ? nullptr : copy_string(status.to_string());
  return to_code(status.code());
}

// Runs `f` (returning a Status) and reports its outcome through errmsg; an exception becomes
// KG_INTERNAL, so nothing crosses the C ABI.
template <typename F>
kg_code guarded(char** errmsg, F&& f) {
  try {
    return report(f(), errmsg);
  } catch (const std::exception& e) {
    return report(Status::internal(std::string("unexpected exception: ") + e.what()), errmsg);
  } catch (...) {
    return report(Status::internal("unexpected exception"), errmsg);
  }
}

// Runs `f`, which returns nothing; an exception (out of memory) is dropped.
template <typename F>
void guarded_void(F&& f) noexcept {
  try {
    f();
  } catch (...) {
  }
}

inline Status null_argument(const char* what) {
  return Status::invalid_argument(std::string(what) + " is NULL");
}

// Stores a result holding `error` in *out_result (null when even that fails) and returns the
// error's code.
kg_code fail_with_result(const Status& error, kg_result** out_result);

// A result handle for `r`. Throws std::bad_alloc (callers are guarded).
std::unique_ptr<kg_result> make_result(QueryResult r);

// The stable view of an element of `owner`.
const kg_value* view_of(kg_result* owner, const Value* value);
const kg_value* view_of(kg_result* owner, const Node* node);
const kg_value* view_of(kg_result* owner, const Relationship* rel);

// A copy of what a view shows, as a kg::Value.
Value value_of(const kg_value* view);

}  // namespace kg::capi
