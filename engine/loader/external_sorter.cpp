#include "engine/loader/external_sorter.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kg::engine::loader {

namespace {

constexpr size_t kMaxBlockBytes = 4 << 20;
constexpr size_t kMinBlockBytes = 8 << 10;
constexpr size_t kIoBufferBytes = 1 << 20;
constexpr uint64_t kMinBudget = 64 << 10;

uint64_t prefix_of(std::string_view key) {
  unsigned char b[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  std::memcpy(b, key.data(), std::min<size_t>(8, key.size()));
  uint64_t v = 0;
  for (unsigned char c : b) v = (v << 8) | c;
  return v;
}

std::string_view record_key(const char* r) {
  uint32_t klen;
  std::memcpy(&klen, r, 4);
  return std::string_view(r + 8, klen);
}

std::string_view record_value(const char* r) {
  uint32_t klen, vlen;
  std::memcpy(&klen, r, 4);
  std::memcpy(&vlen, r + 4, 4);
  return std::string_view(r + 8 + klen, vlen);
}

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

Status io_error(const std::string& what, const std::string& path) {
  return Status::io_error("cannot " + what + " the sort run '" + path +
                          "': " + std::strerror(errno));
}

}  // namespace

// One sorted run file, read back in order through one buffer: the records are parsed from memory
// and the file is read kIoBufferBytes at a time (reading it through stdio a byte at a time, for
// the varints, was 4 % of an import's CPU at scale l, where the adjacency sort spills).
class ExternalSorter::Run {
 public:
  static Result<std::unique_ptr<Run>> open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return io_error("open", path);
    std::setvbuf(f, nullptr, _IONBF, 0);  // Run has its own buffer
    auto run = std::unique_ptr<Run>(new Run(path, f));
    KG_TRY(run->next());
    return run;
  }
  ~Run() { std::fclose(f_); }

  bool valid() const { return valid_; }
  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }

  Status next() {
    KG_TRY(fill(1));
    if (pos_ == end_) {  // the end of the file, between records
      valid_ = false;
      return Status();
    }
    uint64_t klen = 0, vlen = 0;
    KG_TRY(varint(klen));
    KG_TRY(varint(vlen));
    KG_TRY(bytes(key_, klen));
    KG_TRY(bytes(value_, vlen));
    valid_ = true;
    return Status();
  }

 private:
  // A varint takes at most this many bytes.
  static constexpr size_t kMaxVarintBytes = 10;

  Run(std::string path, std::FILE* f)
      : path_(std::move(path)), f_(f), buffer_(new char[kIoBufferBytes]) {}
  Status truncated() const {
    return Status::corruption("the sort run '" + path_ + "' ends unexpectedly");
  }
  // Makes `want` (at most kIoBufferBytes) bytes readable from pos_, or all that is left of the
  // file if fewer.
  Status fill(size_t want) {
    if (end_ - pos_ >= want || eof_) return Status();
    std::memmove(buffer_.get(), buffer_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
    while (end_ < want && !eof_) {
      size_t n = std::fread(buffer_.get() + end_, 1, kIoBufferBytes - end_, f_);
      if (n == 0) {
        if (std::ferror(f_)) return io_error("read", path_);
        eof_ = true;
      }
      end_ += n;
    }
    return Status();
  }
  Status varint(uint64_t& v) {
    KG_TRY(fill(kMaxVarintBytes));
    v = 0;
    for (int shift = 0; shift < 64 && pos_ < end_; shift += 7) {
      auto c = static_cast<unsigned char>(buffer_[pos_++]);
      v |= static_cast<uint64_t>(c & 0x7f) << shift;
      if ((c & 0x80) == 0) return Status();
    }
    return truncated();
  }
  // Reads the next `n` bytes into `out`; a record may be larger than the buffer.
  Status bytes(std::string& out, uint64_t n) {
    out.resize(n);
    for (size_t done = 0; done < n;) {
      KG_TRY(fill(1));
      if (pos_ == end_) return truncated();
      size_t take = std::min<size_t>(n - done, end_ - pos_);
      std::memcpy(out.data() + done, buffer_.get() + pos_, take);
      pos_ += take;
      done += take;
    }
    return Status();
  }

  std::string path_;
  std::FILE* f_;
  std::unique_ptr<char[]> buffer_;
  size_t pos_ = 0, end_ = 0;  // the unread bytes of buffer_
  bool eof_ = false;
  std::string key_, value_;
  bool valid_ = false;
};

ExternalSorter::ExternalSorter(std::string dir, std::string name, uint64_t memory_bytes,
                               size_t fixed_key_bytes)
    : dir_(std::move(dir)),
      name_(std::move(name)),
      budget_(std::max(memory_bytes, kMinBudget)),
      fixed_bytes_(std::min<size_t>(fixed_key_bytes, 32)) {
  if (fixed_bytes_ > 0) mem_key_.resize(fixed_bytes_);
}

std::string_view ExternalSorter::mem_key() const {
  if (fixed_bytes_ > 0) return mem_key_;
  return record_key(entries_[mem_pos_].record);
}

void ExternalSorter::load_mem_key() {
  if (fixed_bytes_ == 0 || mem_pos_ >= fixed_.size()) return;
  unsigned char buf[32];
  const uint64_t* w = fixed_[mem_pos_].w;
  for (int i = 0; i < 4; ++i)
    for (int b = 0; b < 8; ++b) buf[i * 8 + b] = static_cast<unsigned char>(w[i] >> (56 - 8 * b));
  std::memcpy(mem_key_.data(), buf, fixed_bytes_);
}

ExternalSorter::~ExternalSorter() {
  open_runs_.clear();
  for (const auto& path : run_paths_) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
}

char* ExternalSorter::allocate(size_t n) {
  if (blocks_.empty() || block_used_ + n > block_size_) {
    size_t block = std::clamp<size_t>(budget_ / 8, kMinBlockBytes, kMaxBlockBytes);
    size_t size = std::max(n, block);
    blocks_.emplace_back(new char[size]);
    block_size_ = size;
    block_used_ = 0;
    used_ += size;
  }
  char* p = blocks_.back().get() + block_used_;
  block_used_ += n;
  return p;
}

Status ExternalSorter::add(std::string_view key, std::string_view value) {
  if (fixed_bytes_ > 0) {
    if (key.size() != fixed_bytes_ || !value.empty())
      return Status::internal("a key of the wrong size for the sorter '" + name_ + "'");
    // The budget holds the keys and sort_fixed_keys's second buffer.
    if (fixed_.capacity() == 0)
      fixed_.reserve(std::max<size_t>(budget_ / (2 * sizeof(FixedKey)), 1024));
    if (fixed_.size() == fixed_.capacity()) KG_TRY(spill());
    unsigned char buf[32] = {};
    std::memcpy(buf, key.data(), key.size());
    FixedKey k;
    for (int i = 0; i < 4; ++i) {
      uint64_t v = 0;
      for (int b = 0; b < 8; ++b) v = (v << 8) | buf[i * 8 + b];
      k.w[i] = v;
    }
    if (in_order_ && !fixed_.empty() && fixed_less(k, fixed_.back())) in_order_ = false;
    fixed_.push_back(k);
    ++count_;
    return Status();
  }
  size_t n = 8 + key.size() + value.size();
  if (!entries_.empty() && used_ + entries_.capacity() * sizeof(Entry) + n >= budget_)
    KG_TRY(spill());
  char* r = allocate(n);
  uint32_t klen = static_cast<uint32_t>(key.size());
  uint32_t vlen = static_cast<uint32_t>(value.size());
  std::memcpy(r, &klen, 4);
  std::memcpy(r + 4, &vlen, 4);
  std::memcpy(r + 8, key.data(), key.size());
  std::memcpy(r + 8 + key.size(), value.data(), value.size());
  std::string_view stored(r + 8, key.size());
  if (in_order_ && !entries_.empty() && stored < last_key_) in_order_ = false;
  last_key_ = stored;
  entries_.push_back({prefix_of(key), r});
  ++count_;
  return Status();
}

void ExternalSorter::sort_entries() {
  if (in_order_) return;
  if (fixed_bytes_ > 0) {
    sort_fixed_keys(fixed_, scratch_);
    return;
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return record_key(a.record) < record_key(b.record);
  });
}

void ExternalSorter::clear_memory() {
  entries_.clear();
  fixed_.clear();
  if (blocks_.size() > 1) blocks_.erase(blocks_.begin(), blocks_.end() - 1);
  block_used_ = 0;
  used_ = blocks_.empty() ? 0 : block_size_;
  in_order_ = true;
  last_key_ = {};
}

Status ExternalSorter::spill() {
  sort_entries();
  std::string path =
      (std::filesystem::path(dir_) / (name_ + "." + std::to_string(run_paths_.size()) + ".run"))
          .string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return io_error("create", path);
  run_paths_.push_back(path);
  std::string buf;
  buf.reserve(kIoBufferBytes + 64);
  bool ok = true;
  const size_t n = mem_count();
  for (mem_pos_ = 0; mem_pos_ < n; ++mem_pos_) {
    std::string_view k, v;
    if (fixed_bytes_ > 0) {
      load_mem_key();
      k = mem_key_;
    } else {
      k = record_key(entries_[mem_pos_].record);
      v = record_value(entries_[mem_pos_].record);
    }
    put_varint(buf, k.size());
    put_varint(buf, v.size());
    buf.append(k);
    buf.append(v);
    if (buf.size() >= kIoBufferBytes) {
      ok = ok && std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
      buf.clear();
    }
  }
  mem_pos_ = 0;
  if (!buf.empty()) ok = ok && std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return io_error("write", path);
  clear_memory();
  return Status();
}

Status ExternalSorter::finish() {
  finished_ = true;
  sort_entries();
  std::vector<FixedKey>().swap(scratch_);  // no more sorting: the merge has the memory
  mem_pos_ = 0;
  load_mem_key();
  if (run_paths_.empty()) return Status();
  for (const auto& path : run_paths_) {
    KG_ASSIGN_OR_RETURN(auto run, Run::open(path));
    open_runs_.push_back(std::move(run));
  }
  for (int i = 0; i <= static_cast<int>(open_runs_.size()); ++i) heap_.push_back(i);
  std::erase_if(heap_, [&](int i) {
    return i < static_cast<int>(open_runs_.size()) ? !open_runs_[i]->valid()
                                                   : mem_pos_ >= mem_count();
  });
  auto key_of = [this](int i) {
    return i < static_cast<int>(open_runs_.size()) ? open_runs_[i]->key() : mem_key();
  };
  auto greater = [&](int a, int b) { return key_of(a) > key_of(b); };
  std::make_heap(heap_.begin(), heap_.end(), greater);
  current_ = heap_.empty() ? -1 : heap_.front();
  return Status();
}

bool ExternalSorter::valid() const {
  if (run_paths_.empty()) return mem_pos_ < mem_count();
  return current_ >= 0;
}

std::string_view ExternalSorter::key() const {
  if (run_paths_.empty() || current_ == static_cast<int>(open_runs_.size())) return mem_key();
  return open_runs_[current_]->key();
}

std::string_view ExternalSorter::value() const {
  if (run_paths_.empty() || current_ == static_cast<int>(open_runs_.size()))
    return fixed_bytes_ > 0 ? std::string_view() : record_value(entries_[mem_pos_].record);
  return open_runs_[current_]->value();
}

Status ExternalSorter::next() {
  if (run_paths_.empty()) {
    ++mem_pos_;
    load_mem_key();
    return Status();
  }
  return merge_step();
}

Status ExternalSorter::merge_step() {
  const int n = static_cast<int>(open_runs_.size());
  auto key_of = [this, n](int i) { return i < n ? open_runs_[i]->key() : mem_key(); };
  auto greater = [&](int a, int b) { return key_of(a) > key_of(b); };
  int top = heap_.front();
  bool more;
  if (top < n) {
    KG_TRY(open_runs_[top]->next());
    more = open_runs_[top]->valid();
  } else {
    ++mem_pos_;
    load_mem_key();
    more = mem_pos_ < mem_count();
  }
  if (more) {
    // The source stays at the root with its next key, sifted down to its place: half the key
    // comparisons of popping it and pushing it back (the merge of scale l's adjacency runs
    // compares 20 million keys).
    const size_t size = heap_.size();
    size_t hole = 0;
    for (size_t child = 1; child < size; child = 2 * hole + 1) {
      if (child + 1 < size && greater(heap_[child], heap_[child + 1])) ++child;
      if (!greater(top, heap_[child])) break;
      heap_[hole] = heap_[child];
      hole = child;
    }
    heap_[hole] = top;
  } else {
    std::pop_heap(heap_.begin(), heap_.end(), greater);
    heap_.pop_back();
  }
  current_ = heap_.empty() ? -1 : heap_.front();
  return Status();
}

}  // namespace kg::engine::loader
