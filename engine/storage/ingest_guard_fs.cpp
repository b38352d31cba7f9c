#include "engine/storage/ingest_guard_fs.hpp"

#include <string_view>

namespace kg::engine {

// A file being ingested: reports failed reads to the guard.
class WatchedFile : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  WatchedFile(std::unique_ptr<rocksdb::FSRandomAccessFile> file, IngestGuardFs& guard,
              std::string name)
      : FSRandomAccessFileOwnerWrapper(std::move(file)), guard_(guard), name_(std::move(name)) {}

  rocksdb::IOStatus Read(uint64_t offset, size_t n, const rocksdb::IOOptions& options,
                         rocksdb::Slice* result, char* scratch,
                         rocksdb::IODebugContext* dbg) const override {
    rocksdb::IOStatus s = target()->Read(offset, n, options, result, scratch, dbg);
    if (!s.ok()) guard_.read_failed(name_, s);
    return s;
  }
  rocksdb::IOStatus MultiRead(rocksdb::FSReadRequest* reqs, size_t num_reqs,
                              const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->MultiRead(reqs, num_reqs, options, dbg);
    if (!s.ok()) guard_.read_failed(name_, s);
    for (size_t i = 0; i < num_reqs; ++i)
      if (!reqs[i].status.ok()) guard_.read_failed(name_, reqs[i].status);
    return s;
  }

 private:
  IngestGuardFs& guard_;
  std::string name_;
};

IngestGuardFs::IngestGuardFs(std::shared_ptr<rocksdb::FileSystem> base)
    : FileSystemWrapper(std::move(base)) {}

void IngestGuardFs::begin_ingest(const std::vector<std::string>& external_files) {
  std::lock_guard<std::mutex> lock(mu_);
  ingesting_ = true;
  current_.clear();
  watched_ = std::set<std::string>(external_files.begin(), external_files.end());
  failed_read_.clear();
}

void IngestGuardFs::end_ingest(bool ok) {
  std::lock_guard<std::mutex> lock(mu_);
  ingesting_ = false;
  if (!ok) kept_.merge(current_);
  current_.clear();
  watched_.clear();
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

void IngestGuardFs::read_failed(const std::string& fname, const rocksdb::IOStatus& s) {
  std::lock_guard<std::mutex> lock(mu_);
  if (ingesting_ && failed_read_.empty()) failed_read_ = fname + ": " + s.ToString();
}

rocksdb::IOStatus IngestGuardFs::failed_read() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (failed_read_.empty()) return rocksdb::IOStatus::OK();
  return rocksdb::IOStatus::IOError("a read of a file being ingested failed", failed_read_);
}

rocksdb::IOStatus IngestGuardFs::NewRandomAccessFile(
    const std::string& fname, const rocksdb::FileOptions& opts,
    std::unique_ptr<rocksdb::FSRandomAccessFile>* result, rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->NewRandomAccessFile(fname, opts, result, dbg);
  bool watched;
  {
    std::lock_guard<std::mutex> lock(mu_);
    watched = ingesting_ && watched_.count(fname) != 0;
  }
  if (s.ok() && watched) *result = std::make_unique<WatchedFile>(std::move(*result), *this, fname);
  return s;
}

rocksdb::IOStatus IngestGuardFs::NewWritableFile(const std::string& fname,
                                                 const rocksdb::FileOptions& opts,
                                                 std::unique_ptr<rocksdb::FSWritableFile>* result,
                                                 rocksdb::IODebugContext* dbg) {
  record(fname);  // an ingest copies a file it cannot link
  if (std::string_view(fname).ends_with(".sst"))
    if (rocksdb::IOStatus s = failed_read(); !s.ok()) return s;
  return target()->NewWritableFile(fname, opts, result, dbg);
}

rocksdb::IOStatus IngestGuardFs::LinkFile(const std::string& src, const std::string& target_name,
                                          const rocksdb::IOOptions& options,
                                          rocksdb::IODebugContext* dbg) {
  if (rocksdb::IOStatus s = failed_read(); !s.ok()) return s;
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
