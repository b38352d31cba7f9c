// The C API's connections and queries: kg_connection_*.
#include "api/c/c_api.hpp"

using kg::capi::guarded;
using kg::capi::guarded_void;
using kg::capi::null_argument;

namespace kg::capi {

std::unique_ptr<kg_result> make_result(QueryResult r) {
  auto handle = std::make_unique<kg_result>();
  handle->result = std::move(r);
  if (!handle->result.ok()) handle->error_message = handle->result.status().to_string();
  handle->summary = handle->result.counters().to_string();
  return handle;
}

kg_code fail_with_result(const Status& error, kg_result** out_result) {
  try {
    *out_result = make_result(QueryResult(error)).release();
  } catch (...) {
    *out_result = nullptr;
  }
  return to_code(error.code());
}

}  // namespace kg::capi

using kg::capi::fail_with_result;

extern "C" {

kg_code kg_connection_open(kg_database* db, kg_connection** out_conn, char** errmsg) {
  return guarded(errmsg, [&]() -> kg::Status {
    if (out_conn == nullptr) return null_argument("out_conn");
    *out_conn = nullptr;
    if (db == nullptr) return null_argument("db");
    auto handle = std::make_unique<kg_connection>();
    handle->conn = std::make_unique<kg::Connection>(*db->db);
    *out_conn = handle.release();
    return kg::Status();
  });
}

void kg_connection_close(kg_connection* conn) {
  guarded_void([&] { delete conn; });
}

void kg_connection_interrupt(kg_connection* conn) {
  if (conn != nullptr) conn->conn->interrupt();
}

kg_code kg_connection_query(kg_connection* conn, const char* statement, const kg_params* params,
                            kg_result** out_result) {
  if (out_result == nullptr) return KG_INVALID_ARGUMENT;
  if (conn == nullptr) return fail_with_result(null_argument("conn"), out_result);
  if (statement == nullptr) return fail_with_result(null_argument("statement"), out_result);
  try {
    static const kg::Map kNoParams;
    auto handle =
        kg::capi::make_result(conn->conn->query(statement, params ? params->map : kNoParams));
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

}  // extern "C"
