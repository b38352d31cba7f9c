#include "engine/loader/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kg::engine::loader {

namespace {

constexpr unsigned kGzipBufferBytes = 1 << 18;

Status os_error(const std::string& what, const std::string& path, int err) {
  std::string msg = "cannot " + what + " '" + path + "': " + std::strerror(err);
  if (err == ENOENT) return Status::not_found(std::move(msg));
  return Status::io_error(std::move(msg));
}

gzFile gz(void* p) { return static_cast<gzFile>(p); }

}  // namespace

InputFile::InputFile(std::string path, int fd, uint64_t size)
    : path_(std::move(path)), fd_(fd), size_(size) {}

InputFile::~InputFile() {
  if (gz_ != nullptr)
    gzclose(gz(gz_));  // closes fd_ too
  else if (fd_ >= 0)
    ::close(fd_);
}

Result<std::unique_ptr<InputFile>> InputFile::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return os_error("open", path, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return os_error("read", path, err);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::invalid_argument("cannot read '" + path + "': it is a directory");
  }
  std::unique_ptr<InputFile> file(new InputFile(path, fd, static_cast<uint64_t>(st.st_size)));
  unsigned char magic[2] = {0, 0};
  ssize_t n;
  if (S_ISREG(st.st_mode)) {
    n = ::pread(fd, magic, 2, 0);
    if (n < 0) return os_error("read", path, errno);
  } else {  // a pipe cannot be read twice: keep what was read for read_raw
    char first[2];
    size_t have = 0;
    while (have < 2) {
      ssize_t got = ::read(fd, first + have, 2 - have);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return os_error("read", path, errno);
      if (got == 0) break;
      have += static_cast<size_t>(got);
    }
    file->pending_.assign(first, have);
    std::memcpy(magic, first, have);
    n = static_cast<ssize_t>(have);
    if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
      return Status::invalid_argument("cannot read '" + path +
                                      "': gzip data through a pipe is not supported; decompress "
                                      "it into the pipe (zcat FILE) or give the file itself");
  }
  if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
    gzFile g = gzdopen(fd, "rb");
    if (g == nullptr) return Status::io_error("cannot read '" + path + "': gzdopen failed");
    gzbuffer(g, kGzipBufferBytes);
    file->gz_ = g;
  }
  return file;
}

uint64_t InputFile::bytes_consumed() const {
  if (gz_ == nullptr) return consumed_;
  z_off_t off = gzoffset(gz(gz_));
  return off < 0 ? 0 : static_cast<uint64_t>(off);
}

Result<size_t> InputFile::read_raw(char* buf, size_t n) {
  if (gz_ != nullptr) {
    int got = gzread(gz(gz_), buf, static_cast<unsigned>(std::min<size_t>(n, 1u << 30)));
    if (got < 0) {
      int code = 0;
      const char* msg = gzerror(gz(gz_), &code);
      return Status::io_error("cannot read '" + path_ + "': gzip: " + (msg ? msg : "error"));
    }
    if (got == 0) {
      int code = 0;
      gzerror(gz(gz_), &code);
      if (code == Z_BUF_ERROR)
        return Status::io_error("cannot read '" + path_ +
                                "': gzip: the compressed data ends unexpectedly (truncated file)");
      if (code != Z_OK) {
        const char* msg = gzerror(gz(gz_), &code);
        return Status::io_error("cannot read '" + path_ + "': gzip: " + (msg ? msg : "error"));
      }
    }
    return static_cast<size_t>(got);
  }
  if (!pending_.empty() && n > 0) {
    size_t take = std::min(n, pending_.size());
    std::memcpy(buf, pending_.data(), take);
    pending_.erase(0, take);
    consumed_ += take;
    return take;
  }
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return os_error("read", path_, errno);
    consumed_ += static_cast<uint64_t>(got);
    return static_cast<size_t>(got);
  }
}

Result<size_t> InputFile::read(char* buf, size_t n) {
  if (!at_start_ || n < 3) return read_raw(buf, n);
  at_start_ = false;
  size_t have = 0;
  while (have < 3) {
    KG_ASSIGN_OR_RETURN(size_t got, read_raw(buf + have, n - have));
    if (got == 0) break;
    have += got;
  }
  if (have >= 3 && std::memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
    std::memmove(buf, buf + 3, have - 3);
    have -= 3;
    if (have == 0) return read_raw(buf, n);
  }
  return have;
}

}  // namespace kg::engine::loader
