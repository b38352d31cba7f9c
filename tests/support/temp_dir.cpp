#include "tests/support/temp_dir.hpp"

#include <stdlib.h>

#include <cstdlib>
#include <system_error>

namespace kg::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/kg-test-XXXXXX";
  char* made = ::mkdtemp(tmpl.data());
  path_ = made != nullptr ? std::string(made) : tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace kg::testing
