#include "engine/storage/append_only_log.hpp"

#include <sys/time.h>

#include <ctime>

namespace kg::engine {

AppendOnlyLog::AppendOnlyLog(std::string path, rocksdb::InfoLogLevel level)
    : rocksdb::Logger(level), path_(std::move(path)) {}

AppendOnlyLog::~AppendOnlyLog() {
  if (out_ != nullptr) std::fclose(out_);
}

void AppendOnlyLog::Logv(rocksdb::InfoLogLevel level, const char* format, va_list ap) {
  if (level == rocksdb::InfoLogLevel::HEADER_LEVEL || level < GetInfoLogLevel()) return;
  Logv(format, ap);
}

void AppendOnlyLog::Logv(const char* format, va_list ap) {
  char message[2048];
  std::vsnprintf(message, sizeof message, format, ap);
  struct timeval now {};
  gettimeofday(&now, nullptr);
  struct tm t {};
  localtime_r(&now.tv_sec, &t);
  std::lock_guard<std::mutex> lock(mu_);
  if (out_ == nullptr && !open_failed_) {
    out_ = std::fopen(path_.c_str(), "ae");  // append; close on exec
    open_failed_ = out_ == nullptr;          // nowhere to log: drop records
  }
  if (out_ == nullptr) return;
  std::fprintf(out_, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld (read-only open) %s\n", t.tm_year + 1900,
               t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
               static_cast<long>(now.tv_usec), message);
  std::fflush(out_);
}

}  // namespace kg::engine
