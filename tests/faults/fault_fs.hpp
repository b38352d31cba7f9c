// FaultFs: a RocksDB FileSystem that forwards to another one (the default: the real disk) and
// fails chosen operations, to prove that kg reports storage failures as errors, never aborts, and
// reopens consistent once the failure is gone (docs/reliability.md).
//
// It counts four kinds of operation, over every file RocksDB opens through it (the write-ahead
// log, MANIFEST, SST files, OPTIONS and CURRENT, and the SST files an import writes; not the info
// LOG, which RocksDB opens through its own logger):
//   kWrite   FSWritableFile::Append / PositionedAppend
//   kSync    FSWritableFile::Sync / Fsync / RangeSync, FSDirectory::Fsync
//   kRead    FSSequentialFile::Read / PositionedRead, FSRandomAccessFile::Read / MultiRead
//   kCreate  FileSystem::NewWritableFile / ReopenWritableFile / ReuseWritableFile
// arm() makes the `n`th operation of the chosen kinds counted from then fail (and, when sticky,
// every later one too, as a full disk does); disarm() is "the fault clears". A failed operation
// does nothing: a write writes no byte, a read reads none, a creation creates no file; its
// IOStatus message names the operation and the file.
//
// Thread-safety: all methods are thread-safe (RocksDB calls it from its background threads).
#pragma once

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace kg::testing {

enum class FaultOp : uint8_t { kWrite = 1, kSync = 2, kRead = 4, kCreate = 8 };
// A set of FaultOp, as a bit mask.
using FaultOps = uint8_t;
constexpr FaultOps kAllFaultOps = 15;
constexpr FaultOps operator|(FaultOp a, FaultOp b) {
  return static_cast<FaultOps>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}
const char* fault_op_name(FaultOp op);

// What a failing operation returns.
enum class FaultError : uint8_t {
  kIOError,  // IOStatus::IOError, as for EIO
  kNoSpace,  // IOStatus::NoSpace (an IOError with the kNoSpace subcode), as for ENOSPC
};

class FaultFs : public rocksdb::FileSystemWrapper {
 public:
  // Forwards to `base` (default: rocksdb::FileSystem::Default()).
  explicit FaultFs(std::shared_ptr<rocksdb::FileSystem> base = rocksdb::FileSystem::Default());
  const char* Name() const override { return "KgFaultFs"; }

  // From now on, the `n`th operation (n >= 1) of a kind in `ops` fails with `error`; with
  // `sticky`, so does every later one of those kinds until disarm(). Restarts the count.
  void arm(FaultOps ops, uint64_t n, FaultError error = FaultError::kIOError, bool sticky = false);
  // The fault clears: every later operation goes to the base file system.
  void disarm();
  // Operations of the kinds in `ops` seen since construction (failed ones included).
  uint64_t count(FaultOps ops) const;
  // Operations that were failed since construction.
  uint64_t injected() const { return injected_.load(); }

  // An Env whose file operations go through `fs` (rocksdb::NewCompositeEnv). REQUIRES: `fs`
  // outlives the Env.
  static std::unique_ptr<rocksdb::Env> env_for(const std::shared_ptr<FaultFs>& fs);

  // Counts one operation of kind `op` on `file`; an error when it is to fail. Used by the file
  // wrappers. With $KG_FAULT_TRACE set, prints each operation on stderr.
  rocksdb::IOStatus tick(FaultOp op, const std::string& file);

  rocksdb::IOStatus NewSequentialFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                      std::unique_ptr<rocksdb::FSSequentialFile>* result,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewRandomAccessFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                        std::unique_ptr<rocksdb::FSRandomAccessFile>* result,
                                        rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& fname, const std::string& old_fname,
                                      const rocksdb::FileOptions& opts,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& opts,
                                 std::unique_ptr<rocksdb::FSDirectory>* result,
                                 rocksdb::IODebugContext* dbg) override;

 private:
  mutable std::mutex mu_;
  FaultOps armed_ops_ = 0;                   // GUARDED_BY(mu_); 0: disarmed
  uint64_t fail_at_ = 0;                     // GUARDED_BY(mu_): the armed count at which to fail
  uint64_t seen_ = 0;                        // GUARDED_BY(mu_): armed-kind operations since arm()
  bool sticky_ = false;                      // GUARDED_BY(mu_)
  FaultError error_ = FaultError::kIOError;  // GUARDED_BY(mu_)
  std::atomic<uint64_t> counts_[4] = {};     // per kind, by bit index
  std::atomic<uint64_t> injected_{0};
  const bool trace_;
};

}  // namespace kg::testing
