// AppendOnlyLog: the info log of a read-only open of a graph. Warnings and errors are appended to
// the graph's LOG file, which is opened only when the first one comes, so a session that only
// reads leaves the directory as it found it. (RocksDB's own logger moves LOG to LOG.old.<time>
// at every open, and only a read-write open deletes the old ones beyond keep_log_file_num: every
// read-only session would have left one more file.)
//
// Thread-safety: RocksDB logs from any of its threads; writes are serialized.
#pragma once

#include <rocksdb/env.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>
#include <string>

namespace kg::engine {

class AppendOnlyLog : public rocksdb::Logger {
 public:
  // Logs at `level` and above (never the header records) to the file `path`.
  AppendOnlyLog(std::string path, rocksdb::InfoLogLevel level);
  ~AppendOnlyLog() override;

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override;
  void Logv(rocksdb::InfoLogLevel level, const char* format, va_list ap) override;
  void LogHeader(const char*, va_list) override {}

 private:
  std::string path_;
  std::mutex mu_;
  std::FILE* out_ = nullptr;  // opened at the first record
  bool open_failed_ = false;
};

}  // namespace kg::engine
