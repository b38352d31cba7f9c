#include "engine/loader/skip_log.hpp"

#include <cerrno>
#include <cstring>

#include "engine/loader/import_error.hpp"

namespace kg::engine::loader {

Result<std::unique_ptr<SkipLog>> SkipLog::open(const std::string& report_file) {
  std::FILE* f = nullptr;
  if (!report_file.empty()) {
    f = std::fopen(report_file.c_str(), "w");
    if (f == nullptr)
      return Status::io_error("cannot create the report file '" + report_file +
                              "': " + std::strerror(errno));
  }
  return std::unique_ptr<SkipLog>(new SkipLog(report_file, f));
}

SkipLog::~SkipLog() {
  if (file_ != nullptr) std::fclose(file_);
}

Status SkipLog::write(std::string_view file, uint64_t line, std::string_view reason) {
  if (file_ == nullptr) return Status();
  std::string text = at_line(file, line, reason) + "\n";
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    return Status::io_error("cannot write the report file '" + path_ +
                            "': " + std::strerror(errno));
  return Status();
}

Status SkipLog::skipped_node(std::string_view file, uint64_t line, std::string_view reason) {
  ++nodes_;
  return write(file, line, reason);
}

Status SkipLog::skipped_relationship(std::string_view file, uint64_t line,
                                     std::string_view reason) {
  ++relationships_;
  return write(file, line, reason);
}

Status SkipLog::close() {
  if (file_ == nullptr) return Status();
  int rc = std::fclose(file_);
  file_ = nullptr;
  if (rc != 0)
    return Status::io_error("cannot write the report file '" + path_ +
                            "': " + std::strerror(errno));
  return Status();
}

}  // namespace kg::engine::loader
