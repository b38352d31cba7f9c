// CsvReader: records of a CSV file (RFC 4180 with neo4j-admin's conventions): fields separated by
// a delimiter, records by "\n" or "\r\n"; a field that starts with the quote character runs to
// the matching quote and may hold delimiters, line breaks and doubled quotes ("" for one "). A
// quote inside an unquoted field is an ordinary character. Empty lines are skipped. Bytes are
// passed on exactly (UTF-8 is not checked here); the input may be gzip-compressed and start with
// a byte-order mark (InputFile).
//
// Memory: one buffer that grows to hold the longest record. Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/loader/input_file.hpp"
#include "kg/status.hpp"

namespace kg::engine::loader {

struct CsvDialect {
  char delimiter = ',';
  char quote = '"';
};

struct CsvField {
  std::string_view text;  // without the quotes, doubled quotes made single
  bool quoted = false;    // "" (quoted, empty) differs from nothing at all (unquoted, empty)
};

class CsvReader {
 public:
  // REQUIRES: the delimiter differs from the quote and from '\n' and '\r'.
  CsvReader(std::unique_ptr<InputFile> file, CsvDialect dialect);

  // Moves to the next record; false at the end of the input. Errors ("file:line: reason", the
  // line where the record starts): a quote that is never closed, a character other than a
  // delimiter or a line end after a closing quote; read errors of the file.
  Result<bool> next();
  // The fields of the current record. Valid until the next call of next().
  std::span<const CsvField> fields() const { return fields_; }
  // The line (1-based) where the current record starts.
  uint64_t line() const { return line_; }

  const std::string& path() const { return file_->path(); }
  uint64_t size() const { return file_->size(); }
  uint64_t bytes_consumed() const { return file_->bytes_consumed(); }

 private:
  enum class Outcome { kRecord, kNeedMore, kError };
  Outcome parse(bool at_eof);
  Status refill();

  std::unique_ptr<InputFile> file_;
  CsvDialect dialect_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t begin_ = 0;  // start of the unparsed text
  size_t end_ = 0;    // end of the text read so far
  bool eof_ = false;
  uint64_t line_ = 0;
  uint64_t next_line_ = 1;
  std::vector<CsvField> fields_;
  std::vector<uint8_t> escaped_;  // per field: holds doubled quotes to undo
  size_t record_end_ = 0;         // set by parse() for kRecord
  std::string error_;             // set by parse() for kError, with the line it is on
  uint64_t error_line_ = 0;
};

}  // namespace kg::engine::loader
