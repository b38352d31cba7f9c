// The one mapping from rocksdb::Status to kg::Status.
#pragma once

#include <string_view>

#include <rocksdb/status.h>

#include "kg/status.hpp"

namespace kg::engine {

// kOk for ok; kNotFound, kCorruption, kIOError (also for disk full and other I/O), kBusy (busy,
// timed out, try again), kNotSupported, kInvalidArgument; kInternal for anything else. `context`
// is put in front of the message ("commit: IO error: ...").
Status from_rocksdb(const rocksdb::Status& s, std::string_view context = {});

}  // namespace kg::engine
