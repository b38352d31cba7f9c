#include "shell/temp_graph.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace kg::shell {

Result<TempGraphDir> TempGraphDir::create() {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "kg-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) {
    return Status::io_error("cannot create a temporary graph directory in " + base.string() + ": " +
                            std::strerror(errno));
  }
  return TempGraphDir(std::string(buf.data()));
}

TempGraphDir::~TempGraphDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace kg::shell
