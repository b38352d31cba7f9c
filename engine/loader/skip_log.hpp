// SkipLog: the rows an import skipped (--skip-duplicate-nodes, --skip-bad-relationships), counted
// and, when ImportOptions::report_file is set, written there one per line as "file:line: reason".
// Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "kg/status.hpp"

namespace kg::engine::loader {

class SkipLog {
 public:
  // Creates (or truncates) `report_file` unless it is empty. kIOError when it cannot be created.
  static Result<std::unique_ptr<SkipLog>> open(const std::string& report_file);
  ~SkipLog();
  SkipLog(const SkipLog&) = delete;
  SkipLog& operator=(const SkipLog&) = delete;

  Status skipped_node(std::string_view file, uint64_t line, std::string_view reason);
  Status skipped_relationship(std::string_view file, uint64_t line, std::string_view reason);
  // Flushes and closes the report. kIOError when it could not be written.
  Status close();

  uint64_t nodes() const { return nodes_; }
  uint64_t relationships() const { return relationships_; }

 private:
  SkipLog(std::string path, std::FILE* f) : path_(std::move(path)), file_(f) {}
  Status write(std::string_view file, uint64_t line, std::string_view reason);

  std::string path_;
  std::FILE* file_ = nullptr;
  uint64_t nodes_ = 0;
  uint64_t relationships_ = 0;
};

}  // namespace kg::engine::loader
