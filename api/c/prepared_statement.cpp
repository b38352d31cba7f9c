// The C API's prepared statements: kg_connection_prepare, kg_prepared_statement_*.
#include "api/c/c_api.hpp"

using kg::capi::fail_with_result;
using kg::capi::null_argument;

namespace {

kg_prepared_statement* failed_statement(const kg::Status& status) {
  auto* stmt = new kg_prepared_statement();
  stmt->status = status;
  stmt->error_message = status.to_string();
  return stmt;
}

}  // namespace

extern "C" {

kg_code kg_connection_prepare(kg_connection* conn, const char* statement,
                              kg_prepared_statement** out_stmt) {
  if (out_stmt == nullptr) return KG_INVALID_ARGUMENT;
  *out_stmt = nullptr;
  try {
    if (conn == nullptr || statement == nullptr) {
      kg::Status error = null_argument(conn == nullptr ? "conn" : "statement");
      *out_stmt = failed_statement(error);
      return kg::capi::to_code(error.code());
    }
    auto stmt = std::make_unique<kg_prepared_statement>();
    stmt->stmt.emplace(conn->conn->prepare(statement));
    stmt->status = stmt->stmt->status();
    if (!stmt->status.ok()) stmt->error_message = stmt->status.to_string();
    kg_code code = kg::capi::to_code(stmt->status.code());
    *out_stmt = stmt.release();
    return code;
  } catch (...) {
    kg::Status error = kg::Status::internal("unexpected exception");
    try {
      *out_stmt = failed_statement(error);
    } catch (...) {
    }
    return KG_INTERNAL;
  }
}

kg_code kg_prepared_statement_error_code(const kg_prepared_statement* stmt) {
  if (stmt == nullptr) return KG_INVALID_ARGUMENT;
  return kg::capi::to_code(stmt->status.code());
}

const char* kg_prepared_statement_error_message(const kg_prepared_statement* stmt) {
  if (stmt == nullptr) return "";
  return stmt->error_message.c_str();
}

kg_code kg_prepared_statement_execute(kg_prepared_statement* stmt, const kg_params* params,
                                      kg_result** out_result) {
  if (out_result == nullptr) return KG_INVALID_ARGUMENT;
  if (stmt == nullptr) return fail_with_result(null_argument("stmt"), out_result);
  if (!stmt->stmt) return fail_with_result(stmt->status, out_result);
  try {
    static const kg::Map kNoParams;
    auto handle = kg::capi::make_result(stmt->stmt->execute(params ? params->map : kNoParams));
    kg_code code = kg::capi::to_code(handle->result.status().code());
    *out_result = handle.release();
    return code;
  } catch (const std::exception& e) {
    return fail_with_result(kg::Status::internal(std::string("unexpected exception: ") + e.what()),
                            out_result);
  } catch (...) {
    return fail_with_result(kg::Status::internal("unexpected exception"), out_result);
  }
}

void kg_prepared_statement_destroy(kg_prepared_statement* stmt) { delete stmt; }

}  // extern "C"
