// ExternalSorter: sorts key/value pairs of any number by bytewise key order, within a memory
// budget. Pairs are kept in memory until they reach the budget, then sorted and written to a run
// file in the given directory; finish() merges the runs (and what is still in memory) in one
// k-way merge. Input that arrives in order is never sorted, only checked. Both import phases
// (nodes, relationships) stream their index and adjacency keys through sorters.
//
// Pairs with equal keys come out in an unspecified order. Run files are deleted when the sorter
// is destroyed. Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/loader/fixed_key_sort.hpp"
#include "kg/status.hpp"

namespace kg::engine::loader {

class ExternalSorter {
 public:
  // Run files are `dir/name.N.run`. `memory_bytes` bounds the pairs held in memory (arena and
  // index together); at least 64 KiB is used. With `fixed_key_bytes` (1 to 32), every key has
  // that size and every value is empty: keys are then held inline as four integers, which sorts
  // several times faster (no pointer chasing, and by sort_fixed_keys: linear in the keys when
  // their first 8 bytes spread out), and takes 64 bytes a key: 32 for the key, 32 for the sort's
  // second buffer.
  ExternalSorter(std::string dir, std::string name, uint64_t memory_bytes,
                 size_t fixed_key_bytes = 0);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  // REQUIRES: finish() has not been called; with fixed_key_bytes, key.size() is that and value
  // is empty (else kInternal). kIOError when a run cannot be written.
  Status add(std::string_view key, std::string_view value);

  // Ends adding and positions the sorter on the smallest pair. REQUIRES: called once.
  Status finish();
  bool valid() const;
  // The current pair; valid until next(). REQUIRES: valid().
  std::string_view key() const;
  std::string_view value() const;
  // kIOError / kCorruption when a run cannot be read back.
  Status next();

  uint64_t count() const { return count_; }
  size_t runs() const { return run_paths_.size(); }

 private:
  struct Entry {
    uint64_t prefix;  // the first 8 key bytes, big-endian, zero-padded: most comparisons end here
    const char* record;  // u32 key length · u32 value length · key · value
  };
  class Run;

  char* allocate(size_t n);
  size_t mem_count() const { return fixed_bytes_ > 0 ? fixed_.size() : entries_.size(); }
  std::string_view mem_key() const;
  void load_mem_key();
  void sort_entries();
  Status spill();
  void clear_memory();
  Status merge_step();

  std::string dir_;
  std::string name_;
  uint64_t budget_;
  uint64_t used_ = 0;
  uint64_t count_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;  // in blocks_.back()
  size_t block_size_ = 0;  // of blocks_.back()
  std::vector<Entry> entries_;
  size_t fixed_bytes_ = 0;
  std::vector<FixedKey> fixed_;    // the keys, each zero-padded to four big-endian words
  std::vector<FixedKey> scratch_;  // sort_fixed_keys's second buffer, as large as fixed_
  std::string mem_key_;            // fixed mode: the key of fixed_[mem_pos_], as bytes
  bool in_order_ = true;           // every pair so far was added in key order
  std::string_view last_key_;
  std::vector<std::string> run_paths_;

  // Reading back.
  bool finished_ = false;
  size_t mem_pos_ = 0;  // next in-memory entry (without runs, the current one)
  std::vector<std::unique_ptr<Run>> open_runs_;
  std::vector<int> heap_;  // source indexes: open_runs_ [0, n), then n for the memory source
  int current_ = -1;       // the source of the current pair
};

}  // namespace kg::engine::loader
