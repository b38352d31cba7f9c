// ProgressFn: where long-running work in a statement (the algo.* procedures) reports progress —
// a task name, work done, and the total (0 when unknown). kg::Connection::set_progress sets it.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace kg::query {

using ProgressFn = std::function<void(std::string_view task, uint64_t done, uint64_t total)>;

}  // namespace kg::query
