// The kg embedding API, all of it: include this one header.
#pragma once

#include "kg/check.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/export.hpp"
#include "kg/import.hpp"
#include "kg/options.hpp"
#include "kg/prepared_statement.hpp"
#include "kg/query_result.hpp"
#include "kg/status.hpp"
#include "kg/transaction.hpp"
#include "kg/types.hpp"
#include "kg/value.hpp"

namespace kg {
// The version of this library, "MAJOR.MINOR.PATCH".
const char* version();
}  // namespace kg
