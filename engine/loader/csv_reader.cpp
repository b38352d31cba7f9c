#include "engine/loader/csv_reader.hpp"

#include <algorithm>
#include <cstring>

#include "engine/loader/import_error.hpp"

namespace kg::engine::loader {

namespace {

constexpr size_t kInitialBufferBytes = 1 << 20;

std::string describe(char c) {
  if (c == '\t') return "a tab";
  if (c == '\r') return "a carriage return";
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "a control character";
  return std::string("'") + c + "'";
}

}  // namespace

CsvReader::CsvReader(std::unique_ptr<InputFile> file, CsvDialect dialect)
    : file_(std::move(file)),
      dialect_(dialect),
      buf_(new char[kInitialBufferBytes]),
      capacity_(kInitialBufferBytes) {}

Status CsvReader::refill() {
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {  // one record fills the buffer: grow it
    std::unique_ptr<char[]> bigger(new char[capacity_ * 2]);
    std::memcpy(bigger.get(), buf_.get(), end_);
    buf_ = std::move(bigger);
    capacity_ *= 2;
  }
  KG_ASSIGN_OR_RETURN(size_t got, file_->read(buf_.get() + end_, capacity_ - end_));
  if (got == 0) eof_ = true;
  end_ += got;
  return Status();
}

Result<bool> CsvReader::next() {
  for (;;) {
    if (begin_ == end_) {
      if (eof_) return false;
      KG_TRY(refill());
      continue;
    }
    switch (parse(eof_)) {
      case Outcome::kError:
        return import_error(path(), error_line_, error_);
      case Outcome::kNeedMore:
        KG_TRY(refill());
        continue;
      case Outcome::kRecord:
        break;
    }
    const char* start = buf_.get() + begin_;
    const char* stop = buf_.get() + record_end_;
    line_ = next_line_;
    next_line_ += static_cast<uint64_t>(std::count(start, stop, '\n'));
    begin_ = record_end_;
    if (fields_.size() == 1 && !fields_[0].quoted && fields_[0].text.empty()) continue;  // blank
    // Undo doubled quotes in place: the record is complete and will not be parsed again.
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (!escaped_[i]) continue;
      char* p = const_cast<char*>(fields_[i].text.data());
      size_t n = fields_[i].text.size();
      size_t out = 0;
      for (size_t in = 0; in < n; ++in) {
        p[out++] = p[in];
        if (p[in] == dialect_.quote) ++in;  // the second quote of a pair
      }
      fields_[i].text = std::string_view(p, out);
    }
    return true;
  }
}

CsvReader::Outcome CsvReader::parse(bool at_eof) {
  fields_.clear();
  escaped_.clear();
  const char delim = dialect_.delimiter;
  const char quote = dialect_.quote;
  const char* p = buf_.get() + begin_;
  const char* const e = buf_.get() + end_;
  for (;;) {  // one field per iteration; p is at its first byte
    if (p == e) {
      if (!at_eof) return Outcome::kNeedMore;
      fields_.push_back({std::string_view(p, 0), false});
      escaped_.push_back(0);
      record_end_ = end_;
      return Outcome::kRecord;
    }
    const char* after;  // the byte after the field
    if (*p == quote) {
      const char* q = p + 1;
      bool escaped = false;
      for (;;) {
        const char* r = static_cast<const char*>(std::memchr(q, quote, static_cast<size_t>(e - q)));
        if (r == nullptr) {
          if (!at_eof) return Outcome::kNeedMore;
          error_ = "field " + std::to_string(fields_.size() + 1) +
                   " has an opening quote but no closing one";
          error_line_ = next_line_;
          return Outcome::kError;
        }
        if (r + 1 == e && !at_eof) return Outcome::kNeedMore;  // "" or the closing quote?
        if (r + 1 < e && r[1] == quote) {
          escaped = true;
          q = r + 2;
          continue;
        }
        fields_.push_back({std::string_view(p + 1, static_cast<size_t>(r - p - 1)), true});
        escaped_.push_back(escaped ? 1 : 0);
        after = r + 1;
        break;
      }
      if (after == e) {
        if (!at_eof) return Outcome::kNeedMore;
        record_end_ = end_;
        return Outcome::kRecord;
      }
      char c = *after;
      if (c == delim) {
        p = after + 1;
        continue;
      }
      if (c == '\n') {
        record_end_ = static_cast<size_t>(after + 1 - buf_.get());
        return Outcome::kRecord;
      }
      if (c == '\r') {
        if (after + 1 == e) {
          if (!at_eof) return Outcome::kNeedMore;
          record_end_ = end_;
          return Outcome::kRecord;
        }
        if (after[1] == '\n') {
          record_end_ = static_cast<size_t>(after + 2 - buf_.get());
          return Outcome::kRecord;
        }
      }
      error_ = "field " + std::to_string(fields_.size()) + ": " + describe(c) +
               " after the closing quote (a quote inside a quoted field is written twice)";
      error_line_ = next_line_ + static_cast<uint64_t>(std::count(
                                     static_cast<const char*>(buf_.get() + begin_), after, '\n'));
      return Outcome::kError;
    }
    const char* r = p;
    while (r != e && *r != delim && *r != '\n') ++r;
    if (r == e) {
      if (!at_eof) return Outcome::kNeedMore;
      const char* stop = (r != p && r[-1] == '\r') ? r - 1 : r;
      fields_.push_back({std::string_view(p, static_cast<size_t>(stop - p)), false});
      escaped_.push_back(0);
      record_end_ = end_;
      return Outcome::kRecord;
    }
    if (*r == delim) {
      fields_.push_back({std::string_view(p, static_cast<size_t>(r - p)), false});
      escaped_.push_back(0);
      p = r + 1;
      continue;
    }
    const char* stop = (r != p && r[-1] == '\r') ? r - 1 : r;  // "\r\n"
    fields_.push_back({std::string_view(p, static_cast<size_t>(stop - p)), false});
    escaped_.push_back(0);
    record_end_ = static_cast<size_t>(r + 1 - buf_.get());
    return Outcome::kRecord;
  }
}

}  // namespace kg::engine::loader
