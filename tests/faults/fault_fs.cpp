#include "tests/faults/fault_fs.hpp"

#include <bit>
#include <cstdio>
#include <cstdlib>

namespace kg::testing {

using rocksdb::DataVerificationInfo;
using rocksdb::FileOptions;
using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

const char* fault_op_name(FaultOp op) {
  switch (op) {
    case FaultOp::kWrite:
      return "write";
    case FaultOp::kSync:
      return "sync";
    case FaultOp::kRead:
      return "read";
    case FaultOp::kCreate:
      return "create";
  }
  return "?";
}

namespace {

class FaultWritableFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultWritableFile(std::unique_ptr<rocksdb::FSWritableFile> file, FaultFs& fs, std::string name)
      : FSWritableFileOwnerWrapper(std::move(file)), fs_(fs), name_(std::move(name)) {}

  IOStatus Append(const Slice& data, const IOOptions& o, IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kWrite, name_); !s.ok()) return s;
    return target()->Append(data, o, dbg);
  }
  IOStatus Append(const Slice& data, const IOOptions& o, const DataVerificationInfo& info,
                  IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kWrite, name_); !s.ok()) return s;
    return target()->Append(data, o, info, dbg);
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o,
                            IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kWrite, name_); !s.ok()) return s;
    return target()->PositionedAppend(data, offset, o, dbg);
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o,
                            const DataVerificationInfo& info, IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kWrite, name_); !s.ok()) return s;
    return target()->PositionedAppend(data, offset, o, info, dbg);
  }
  IOStatus Sync(const IOOptions& o, IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kSync, name_); !s.ok()) return s;
    return target()->Sync(o, dbg);
  }
  IOStatus Fsync(const IOOptions& o, IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kSync, name_); !s.ok()) return s;
    return target()->Fsync(o, dbg);
  }
  IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const IOOptions& o,
                     IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kSync, name_); !s.ok()) return s;
    return target()->RangeSync(offset, nbytes, o, dbg);
  }

 private:
  FaultFs& fs_;
  std::string name_;
};

class FaultSequentialFile : public rocksdb::FSSequentialFileOwnerWrapper {
 public:
  FaultSequentialFile(std::unique_ptr<rocksdb::FSSequentialFile> file, FaultFs& fs,
                      std::string name)
      : FSSequentialFileOwnerWrapper(std::move(file)), fs_(fs), name_(std::move(name)) {}

  IOStatus Read(size_t n, const IOOptions& o, Slice* result, char* scratch,
                IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kRead, name_); !s.ok()) return s;
    return target()->Read(n, o, result, scratch, dbg);
  }
  IOStatus PositionedRead(uint64_t offset, size_t n, const IOOptions& o, Slice* result,
                          char* scratch, IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kRead, name_); !s.ok()) return s;
    return target()->PositionedRead(offset, n, o, result, scratch, dbg);
  }

 private:
  FaultFs& fs_;
  std::string name_;
};

class FaultRandomAccessFile : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  FaultRandomAccessFile(std::unique_ptr<rocksdb::FSRandomAccessFile> file, FaultFs& fs,
                        std::string name)
      : FSRandomAccessFileOwnerWrapper(std::move(file)), fs_(fs), name_(std::move(name)) {}

  IOStatus Read(uint64_t offset, size_t n, const IOOptions& o, Slice* result, char* scratch,
                IODebugContext* dbg) const override {
    if (auto s = fs_.tick(FaultOp::kRead, name_); !s.ok()) return s;
    return target()->Read(offset, n, o, result, scratch, dbg);
  }
  IOStatus MultiRead(rocksdb::FSReadRequest* reqs, size_t num_reqs, const IOOptions& o,
                     IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kRead, name_); !s.ok()) {
      for (size_t i = 0; i < num_reqs; ++i) reqs[i].status = s;
      return s;
    }
    return target()->MultiRead(reqs, num_reqs, o, dbg);
  }
  // Asynchronous reads would bypass Read(); kg does not enable them (ReadOptions::async_io).
  IOStatus ReadAsync(rocksdb::FSReadRequest&, const IOOptions&,
                     std::function<void(const rocksdb::FSReadRequest&, void*)>, void*, void**,
                     rocksdb::IOHandleDeleter*, IODebugContext*) override {
    return IOStatus::NotSupported("FaultFs: ReadAsync");
  }

 private:
  FaultFs& fs_;
  std::string name_;
};

class FaultDirectory : public rocksdb::FSDirectoryWrapper {
 public:
  FaultDirectory(std::unique_ptr<rocksdb::FSDirectory> dir, FaultFs& fs, std::string name)
      : FSDirectoryWrapper(std::move(dir)), fs_(fs), name_(std::move(name)) {}

  IOStatus Fsync(const IOOptions& o, IODebugContext* dbg) override {
    if (auto s = fs_.tick(FaultOp::kSync, name_); !s.ok()) return s;
    return FSDirectoryWrapper::Fsync(o, dbg);
  }
  IOStatus FsyncWithDirOptions(const IOOptions& o, IODebugContext* dbg,
                               const rocksdb::DirFsyncOptions& d) override {
    if (auto s = fs_.tick(FaultOp::kSync, name_); !s.ok()) return s;
    return FSDirectoryWrapper::FsyncWithDirOptions(o, dbg, d);
  }

 private:
  FaultFs& fs_;
  std::string name_;
};

}  // namespace

FaultFs::FaultFs(std::shared_ptr<rocksdb::FileSystem> base)
    : FileSystemWrapper(base), trace_(std::getenv("KG_FAULT_TRACE") != nullptr) {}

void FaultFs::arm(FaultOps ops, uint64_t n, FaultError error, bool sticky) {
  std::lock_guard<std::mutex> lock(mu_);
  armed_ops_ = ops;
  fail_at_ = n;
  seen_ = 0;
  sticky_ = sticky;
  error_ = error;
}

void FaultFs::disarm() {
  std::lock_guard<std::mutex> lock(mu_);
  armed_ops_ = 0;
}

uint64_t FaultFs::count(FaultOps ops) const {
  uint64_t total = 0;
  for (int bit = 0; bit < 4; ++bit)
    if (ops & (1u << bit)) total += counts_[bit].load();
  return total;
}

IOStatus FaultFs::tick(FaultOp op, const std::string& file) {
  const auto bits = static_cast<uint8_t>(op);
  counts_[std::countr_zero(bits)].fetch_add(1);
  std::lock_guard<std::mutex> lock(mu_);
  bool fail = (armed_ops_ & bits) != 0 && ++seen_ >= fail_at_ && (seen_ == fail_at_ || sticky_);
  if (trace_)
    std::fprintf(stderr, "FaultFs: %s %s%s\n", fault_op_name(op), file.c_str(),
                 fail ? " FAILS" : "");
  if (!fail) return IOStatus::OK();
  injected_.fetch_add(1);
  std::string what = std::string("injected fault: ") + fault_op_name(op) + " " + file;
  if (error_ == FaultError::kNoSpace) {
    IOStatus s = IOStatus::NoSpace(what);
    return s;
  }
  return IOStatus::IOError(what);
}

std::unique_ptr<rocksdb::Env> FaultFs::env_for(const std::shared_ptr<FaultFs>& fs) {
  return rocksdb::NewCompositeEnv(fs);
}

IOStatus FaultFs::NewSequentialFile(const std::string& fname, const FileOptions& opts,
                                    std::unique_ptr<rocksdb::FSSequentialFile>* result,
                                    IODebugContext* dbg) {
  std::unique_ptr<rocksdb::FSSequentialFile> file;
  IOStatus s = target()->NewSequentialFile(fname, opts, &file, dbg);
  if (s.ok()) *result = std::make_unique<FaultSequentialFile>(std::move(file), *this, fname);
  return s;
}

IOStatus FaultFs::NewRandomAccessFile(const std::string& fname, const FileOptions& opts,
                                      std::unique_ptr<rocksdb::FSRandomAccessFile>* result,
                                      IODebugContext* dbg) {
  std::unique_ptr<rocksdb::FSRandomAccessFile> file;
  IOStatus s = target()->NewRandomAccessFile(fname, opts, &file, dbg);
  if (s.ok()) *result = std::make_unique<FaultRandomAccessFile>(std::move(file), *this, fname);
  return s;
}

IOStatus FaultFs::NewWritableFile(const std::string& fname, const FileOptions& opts,
                                  std::unique_ptr<rocksdb::FSWritableFile>* result,
                                  IODebugContext* dbg) {
  if (auto s = tick(FaultOp::kCreate, fname); !s.ok()) return s;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  IOStatus s = target()->NewWritableFile(fname, opts, &file, dbg);
  if (s.ok()) *result = std::make_unique<FaultWritableFile>(std::move(file), *this, fname);
  return s;
}

IOStatus FaultFs::ReopenWritableFile(const std::string& fname, const FileOptions& opts,
                                     std::unique_ptr<rocksdb::FSWritableFile>* result,
                                     IODebugContext* dbg) {
  if (auto s = tick(FaultOp::kCreate, fname); !s.ok()) return s;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  IOStatus s = target()->ReopenWritableFile(fname, opts, &file, dbg);
  if (s.ok()) *result = std::make_unique<FaultWritableFile>(std::move(file), *this, fname);
  return s;
}

IOStatus FaultFs::ReuseWritableFile(const std::string& fname, const std::string& old_fname,
                                    const FileOptions& opts,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    IODebugContext* dbg) {
  if (auto s = tick(FaultOp::kCreate, fname); !s.ok()) return s;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  IOStatus s = target()->ReuseWritableFile(fname, old_fname, opts, &file, dbg);
  if (s.ok()) *result = std::make_unique<FaultWritableFile>(std::move(file), *this, fname);
  return s;
}

IOStatus FaultFs::NewDirectory(const std::string& name, const IOOptions& opts,
                               std::unique_ptr<rocksdb::FSDirectory>* result, IODebugContext* dbg) {
  std::unique_ptr<rocksdb::FSDirectory> dir;
  IOStatus s = target()->NewDirectory(name, opts, &dir, dbg);
  if (s.ok()) *result = std::make_unique<FaultDirectory>(std::move(dir), *this, name);
  return s;
}

}  // namespace kg::testing
