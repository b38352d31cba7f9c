// QueryFn: how the shell runs one statement. In the kg executable it calls
// kg::Connection::query(); tests pass a function of their own, so the shell's parts are tested
// without an engine.
#pragma once

#include <functional>
#include <string_view>

#include "kg/query_result.hpp"
#include "kg/value.hpp"

namespace kg::shell {

using QueryFn = std::function<QueryResult(std::string_view statement, const Map& params)>;

}  // namespace kg::shell
