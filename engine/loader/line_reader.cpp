#include "engine/loader/line_reader.hpp"

#include <cstring>

namespace kg::engine::loader {

namespace {
constexpr size_t kInitialBufferBytes = 1 << 20;
}

LineReader::LineReader(std::unique_ptr<InputFile> file)
    : file_(std::move(file)), buf_(new char[kInitialBufferBytes]), capacity_(kInitialBufferBytes) {}

Result<bool> LineReader::next() {
  size_t scanned = begin_;  // no '\n' in [begin_, scanned)
  for (;;) {
    const char* b = buf_.get();
    const void* nl = std::memchr(b + scanned, '\n', end_ - scanned);
    if (nl != nullptr || (eof_ && begin_ < end_)) {
      size_t stop = nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - b) : end_;
      size_t len = stop - begin_;
      if (len > 0 && b[begin_ + len - 1] == '\r') --len;
      text_ = std::string_view(b + begin_, len);
      begin_ = nl != nullptr ? stop + 1 : end_;
      ++line_;
      return true;
    }
    if (eof_) return false;
    // Make room: move the partial line to the front, grow when it fills the buffer.
    if (begin_ > 0) {
      std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    scanned = end_;
    if (end_ == capacity_) {
      std::unique_ptr<char[]> bigger(new char[capacity_ * 2]);
      std::memcpy(bigger.get(), buf_.get(), end_);
      buf_ = std::move(bigger);
      capacity_ *= 2;
    }
    KG_ASSIGN_OR_RETURN(size_t got, file_->read(buf_.get() + end_, capacity_ - end_));
    if (got == 0) eof_ = true;
    end_ += got;
  }
}

}  // namespace kg::engine::loader
