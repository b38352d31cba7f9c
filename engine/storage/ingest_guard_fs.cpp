#include "engine/storage/ingest_guard_fs.hpp"

#include <string_view>

namespace kg::engine {

IngestGuardFs::IngestGuardFs(std::shared_ptr<rocksdb::FileSystem> base)
    : FileSystemWrapper(std::move(base)) {}

void IngestGuardFs::begin_ingest() {
  std::lock_guard<std::mutex> lock(mu_);
  ingesting_ = true;
  current_.clear();
}

void IngestGuardFs::end_ingest(bool ok) {
  std::lock_guard<std::mutex> lock(mu_);
  ingesting_ = false;
  if (!ok) kept_.merge(current_);
  current_.clear();
}

size_t IngestGuardFs::guarded_files() const {
  std::lock_guard<std::mutex> lock(mu_);
  return kept_.size();
}

void IngestGuardFs::record(const std::string& fname) {
  // Only table files: an ingest links or copies NNNNNN.sst.
  constexpr std::string_view kTableSuffix = ".sst";
  if (!std::string_view(fname).ends_with(kTableSuffix)) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (ingesting_) current_.insert(fname);
}

rocksdb::IOStatus IngestGuardFs::NewWritableFile(const std::string& fname,
                                                 const rocksdb::FileOptions& opts,
                                                 std::unique_ptr<rocksdb::FSWritableFile>* result,
                                                 rocksdb::IODebugContext* dbg) {
  record(fname);  // an ingest copies a file it cannot link
  return target()->NewWritableFile(fname, opts, result, dbg);
}

rocksdb::IOStatus IngestGuardFs::LinkFile(const std::string& src, const std::string& target_name,
                                          const rocksdb::IOOptions& options,
                                          rocksdb::IODebugContext* dbg) {
  record(target_name);
  return target()->LinkFile(src, target_name, options, dbg);
}

rocksdb::IOStatus IngestGuardFs::DeleteFile(const std::string& fname,
                                            const rocksdb::IOOptions& options,
                                            rocksdb::IODebugContext* dbg) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (current_.count(fname) != 0 || kept_.count(fname) != 0) return rocksdb::IOStatus::OK();
  }
  return target()->DeleteFile(fname, options, dbg);
}

}  // namespace kg::engine
