// Reading a whole script file (kg -f FILE, :source FILE, ~/.kgrc).
#pragma once

#include <string>

#include "kg/status.hpp"

namespace kg::shell {

// The bytes of the file at `path`. Errors: kIOError "cannot read PATH: <reason>".
Result<std::string> read_text_file(const std::string& path);

}  // namespace kg::shell
