#include "engine/storage/rocksdb_status.hpp"

namespace kg::engine {

Status from_rocksdb(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return Status();
  StatusCode code = StatusCode::kInternal;
  switch (s.code()) {
    case rocksdb::Status::kNotFound:
      code = StatusCode::kNotFound;
      break;
    case rocksdb::Status::kCorruption:
      code = StatusCode::kCorruption;
      break;
    case rocksdb::Status::kNotSupported:
      code = StatusCode::kNotSupported;
      break;
    case rocksdb::Status::kInvalidArgument:
      code = StatusCode::kInvalidArgument;
      break;
    case rocksdb::Status::kIOError:
      code = StatusCode::kIOError;
      break;
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTimedOut:
    case rocksdb::Status::kTryAgain:
      code = StatusCode::kBusy;
      break;
    default:
      break;
  }
  std::string msg = s.ToString();
  if (!context.empty()) msg = std::string(context) + ": " + msg;
  return Status(code, std::move(msg));
}

}  // namespace kg::engine
