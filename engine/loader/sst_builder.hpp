// SstBuilder: writes one column family's share of an import as SST files with RocksDB's
// SstFileWriter, using the graph's own options for that column family (column_family_options in
// engine/storage/store.hpp: same table format, Bloom filters, prefix extractor). Keys must come
// in strictly ascending order; a new file starts every `max_file_bytes`, so the files of one
// builder never overlap and can be ingested together.
//
// The writing (block building, compression, file I/O) runs on a helper thread of the builder:
// add() only copies the pair into a batch, and full batches (a few at most, so memory stays
// bounded) are handed over; the caller goes on reading and sorting meanwhile. An error of the
// helper is returned by a later add() or by finish().
// Thread-safety: one thread calls the methods; the helper thread is internal.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/storage/store.hpp"
#include "kg/status.hpp"

namespace rocksdb {
class SstFileWriter;
}

namespace kg::engine::loader {

class SstBuilder {
 public:
  // Files are `dir/<column family>.N.sst`.
  SstBuilder(const Store& store, Cf cf, std::string dir, uint64_t max_file_bytes = 256ull << 20);
  ~SstBuilder();
  SstBuilder(const SstBuilder&) = delete;
  SstBuilder& operator=(const SstBuilder&) = delete;

  // kInvalidArgument when `key` is not above the previous key; kIOError.
  Status add(std::string_view key, std::string_view value);
  // Writes what is left and closes the last file. REQUIRES: called once, after the last add.
  Status finish();

  Cf cf() const { return cf_; }
  // The finished files, in key order (none when nothing was added).
  const std::vector<std::string>& files() const { return files_; }
  uint64_t entries() const { return entries_; }

 private:
  Status open_next();
  // Hands the current batch to the helper thread (starting it), waiting while too many are queued.
  Status submit();
  // The helper thread: writes queued batches until finish.
  void run();
  Status write_batch(const std::string& batch);
  // Adds one pair to the SST file (helper thread, or finish() without one).
  Status put(std::string_view key, std::string_view value);

  const Store& store_;
  Cf cf_;
  std::string dir_;
  uint64_t max_file_bytes_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  std::vector<std::string> files_;
  uint64_t entries_ = 0;
  uint64_t file_entries_ = 0;

  std::string batch_;  // per pair: u32 key length · u32 value length · key · value (native order)
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> queue_;  // GUARDED_BY(mutex_)
  bool done_ = false;              // GUARDED_BY(mutex_): no more batches will come
  Status error_;                   // GUARDED_BY(mutex_): the helper's first error
  std::thread thread_;
};

}  // namespace kg::engine::loader
