// IngestGuardFs: the file system a graph's RocksDB runs on, which keeps the table files a failed
// bulk-import ingest would delete.
//
// Why: in RocksDB 7.8, when the sync of the MANIFEST record that adds ingested files fails,
// IngestExternalFiles reports the error and deletes the files it had linked into the graph, but
// the record was written: the next open finds the MANIFEST naming files that are gone and fails
// with Corruption ("... 000045.sst: No such file or directory"). RocksDB's RepairDB does not help:
// it puts every table in level 0, and Debian's RocksDB (built with assertions) rejects the
// overlapping sequence numbers that gives. So the files are kept instead:
//   - the record was durable: the next open finds its files, and the import is there, as with
//     any write whose sync failed (it may or may not have happened);
//   - it was not: the files are not live, and RocksDB deletes them at the next open.
// docs/reliability.md, "Found in RocksDB 7.8".
//
// It also works around RocksDB 7.8's second ingest defect: a failed read of a file being ingested
// (its first or last key) is ignored, and the file is ingested with wrong key bounds. The guard
// watches reads of the files named to begin_ingest(); after one fails, it fails the ingest's
// LinkFile (or the copy's NewWritableFile), so RocksDB abandons the ingest with that error.
//
// Contract: between begin_ingest() and end_ingest(), every table file (*.sst) linked or created is
// recorded; a delete of a recorded file is skipped (reported as done). end_ingest(ok)
// forgets the files when the ingest succeeded (they are live, and later compactions must be able to
// delete them) and keeps guarding them for the life of the Store when it failed. The bulk importer
// holds the writer lock, so ingests do not overlap.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <rocksdb/file_system.h>

namespace kg::engine {

class IngestGuardFs : public rocksdb::FileSystemWrapper {
 public:
  explicit IngestGuardFs(std::shared_ptr<rocksdb::FileSystem> base);
  const char* Name() const override { return "KgIngestGuardFs"; }

  // `external_files`: the files the ingest is given, whose reads are watched.
  void begin_ingest(const std::vector<std::string>& external_files);
  void end_ingest(bool ok);
  // Files kept from failed ingests (for tests).
  size_t guarded_files() const;

  rocksdb::IOStatus NewRandomAccessFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                        std::unique_ptr<rocksdb::FSRandomAccessFile>* result,
                                        rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus LinkFile(const std::string& src, const std::string& target,
                             const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& fname, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;

 private:
  void record(const std::string& fname);
  // Called by the watched files' wrappers when a read fails.
  void read_failed(const std::string& fname, const rocksdb::IOStatus& s);
  // The error for an ingest that read a file wrongly, or OK.
  rocksdb::IOStatus failed_read() const;
  friend class WatchedFile;

  mutable std::mutex mu_;
  bool ingesting_ = false;
  std::set<std::string> current_;  // made during the ingest under way
  std::set<std::string> kept_;     // made by ingests that failed
  std::set<std::string> watched_;  // the ingest's external files
  std::string failed_read_;        // the first failed read of a watched file, if any
};

}  // namespace kg::engine
