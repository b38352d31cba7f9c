// InputFile: one input file of an import, read in large blocks. A gzip-compressed file (found by
// its magic bytes, whatever its name) is decompressed on the fly with zlib; a UTF-8 byte-order
// mark at the start of the (decompressed) text is dropped. Bytes are passed on exactly as they
// are: there is no transcoding. A pipe (a FIFO, `<(zcat f.csv)`, /dev/stdin) is read as it comes,
// once; gzip through a pipe is refused, since zlib needs to read it from the start.
// Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "kg/status.hpp"

namespace kg::engine::loader {

class InputFile {
 public:
  // kNotFound for a missing file, kIOError for one that cannot be read, kInvalidArgument for a
  // directory or gzip data through a pipe.
  static Result<std::unique_ptr<InputFile>> open(const std::string& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // Reads up to `n` bytes of text into `buf`; 0 at the end. kIOError on a read error or a
  // damaged gzip stream (a truncated one included).
  Result<size_t> read(char* buf, size_t n);

  const std::string& path() const { return path_; }
  // The size on disk and how much of it has been consumed (compressed bytes for gzip).
  uint64_t size() const { return size_; }
  uint64_t bytes_consumed() const;
  bool compressed() const { return gz_ != nullptr; }

 private:
  InputFile(std::string path, int fd, uint64_t size);
  Result<size_t> read_raw(char* buf, size_t n);

  std::string path_;
  int fd_ = -1;
  void* gz_ = nullptr;  // gzFile
  uint64_t size_ = 0;
  uint64_t consumed_ = 0;  // plain files
  std::string pending_;    // a pipe's first bytes, read to look for gzip's magic
  bool at_start_ = true;   // the byte-order mark is still to be checked
};

}  // namespace kg::engine::loader
