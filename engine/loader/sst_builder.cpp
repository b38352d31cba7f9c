#include "engine/loader/sst_builder.hpp"

#include <rocksdb/env.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>

#include <cstring>
#include <filesystem>

#include "engine/storage/rocksdb_status.hpp"

namespace kg::engine::loader {

SstBuilder::SstBuilder(const Store& store, Cf cf, std::string dir, uint64_t max_file_bytes)
    : store_(store), cf_(cf), dir_(std::move(dir)), max_file_bytes_(max_file_bytes) {}

namespace {
constexpr size_t kBatchBytes = 1 << 20;
constexpr size_t kMaxQueued = 4;
}  // namespace

SstBuilder::~SstBuilder() {
  if (thread_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
      queue_.clear();
    }
    changed_.notify_all();
    thread_.join();
  }
}

Status SstBuilder::open_next() {
  rocksdb::Options options(rocksdb::DBOptions(), column_family_options(cf_, nullptr));
  options.env = store_.env();  // the graph's file system, faults included (StorageOptions)
  // Keep the written pages cached: ingestion reads each file's footer, index and properties.
  writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options, store_.cf(cf_),
                                                     /*invalidate_page_cache=*/false);
  std::string path = (std::filesystem::path(dir_) /
                      (std::string(cf_name(cf_)) + "." + std::to_string(files_.size()) + ".sst"))
                         .string();
  KG_TRY(from_rocksdb(writer_->Open(path), "write " + path));
  files_.push_back(std::move(path));
  file_entries_ = 0;
  return Status();
}

Status SstBuilder::add(std::string_view key, std::string_view value) {
  uint32_t klen = static_cast<uint32_t>(key.size());
  uint32_t vlen = static_cast<uint32_t>(value.size());
  size_t at = batch_.size();
  batch_.resize(at + 8 + key.size() + value.size());
  char* p = batch_.data() + at;
  std::memcpy(p, &klen, 4);
  std::memcpy(p + 4, &vlen, 4);
  // An empty string_view may hold a null data(), which memcpy must not get even for 0 bytes.
  if (!key.empty()) std::memcpy(p + 8, key.data(), key.size());
  if (!value.empty()) std::memcpy(p + 8 + key.size(), value.data(), value.size());
  ++entries_;
  if (batch_.size() >= kBatchBytes) return submit();
  return Status();
}

Status SstBuilder::submit() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!error_.ok()) return error_;
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  changed_.wait(lock, [this] { return queue_.size() < kMaxQueued || !error_.ok(); });
  if (!error_.ok()) return error_;
  queue_.push_back(std::move(batch_));
  batch_ = std::string();
  batch_.reserve(kBatchBytes + 4096);
  changed_.notify_all();
  return Status();
}

void SstBuilder::run() {
  for (;;) {
    std::string batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return !queue_.empty() || done_; });
      if (queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    changed_.notify_all();
    Status s = write_batch(batch);
    if (!s.ok()) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (error_.ok()) error_ = s;
      queue_.clear();
      changed_.notify_all();
      return;
    }
  }
}

Status SstBuilder::write_batch(const std::string& batch) {
  const char* p = batch.data();
  const char* end = p + batch.size();
  while (p < end) {
    uint32_t klen, vlen;
    std::memcpy(&klen, p, 4);
    std::memcpy(&vlen, p + 4, 4);
    std::string_view key(p + 8, klen), value(p + 8 + klen, vlen);
    p += 8 + klen + vlen;
    KG_TRY(put(key, value));
  }
  return Status();
}

Status SstBuilder::put(std::string_view key, std::string_view value) {
  if (writer_ == nullptr) {
    KG_TRY(open_next());
  } else if (writer_->FileSize() >= max_file_bytes_) {
    KG_TRY(from_rocksdb(writer_->Finish(), "write " + files_.back()));
    KG_TRY(open_next());
  }
  KG_TRY(from_rocksdb(writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                   rocksdb::Slice(value.data(), value.size())),
                      "write " + files_.back()));
  ++file_entries_;
  return Status();
}

Status SstBuilder::finish() {
  if (thread_.joinable()) {
    if (!batch_.empty()) KG_TRY(submit());
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
    thread_.join();
    std::lock_guard<std::mutex> lock(mutex_);
    KG_TRY(error_);
  } else {
    KG_TRY(write_batch(batch_));  // small: no thread
  }
  batch_.clear();
  if (writer_ == nullptr) return Status();
  Status s = from_rocksdb(writer_->Finish(), "write " + files_.back());
  writer_.reset();
  return s;
}

}  // namespace kg::engine::loader
