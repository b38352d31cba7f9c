// LineReader: the lines of a text file (JSON Lines, N-Triples), ended by "\n" or "\r\n"; the last
// line may lack its end. Input as InputFile gives it (gzip, byte-order mark).
// Memory: one buffer that grows to hold the longest line. Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/loader/input_file.hpp"
#include "kg/status.hpp"

namespace kg::engine::loader {

class LineReader {
 public:
  explicit LineReader(std::unique_ptr<InputFile> file);

  // Moves to the next line; false at the end. Errors: the file's read errors.
  Result<bool> next();
  // The current line without its end. Valid until the next call of next().
  std::string_view text() const { return text_; }
  // Its number, from 1.
  uint64_t line() const { return line_; }

  const std::string& path() const { return file_->path(); }
  uint64_t size() const { return file_->size(); }
  uint64_t bytes_consumed() const { return file_->bytes_consumed(); }

 private:
  std::unique_ptr<InputFile> file_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  std::string_view text_;
  uint64_t line_ = 0;
};

}  // namespace kg::engine::loader
