#include "engine/storage/adjacency_index.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/txn/version_cache.hpp"

namespace kg::engine::adjacency_index {

namespace {

using adjacency_chunk::End;

// Decodes the chunk under `cursor` (REQUIRES: valid) into `ends`.
Status read_chunk(const KvCursor& cursor, std::vector<End>& ends) {
  auto first = keys::decode_adj_key(cursor.key());
  ends.clear();
  if (!first ||
      !adjacency_chunk::decode(End{first->type, first->other, first->rel}, cursor.value(), ends))
    return Status::corruption("malformed adjacency chunk");
  return Status();
}

// Writes `ends` (sorted, non-empty) as chunks of (node, dir)'s list: one, or two halves when
// they are more than a chunk holds (a write adds one end to a full chunk at most).
Status write_chunks(KvTransaction& txn, NodeId node, Direction dir, std::span<const End> ends) {
  auto put = [&](std::span<const End> part) {
    return txn.put(Cf::kAdj, keys::adj_key(node, dir, part[0].type, part[0].other, part[0].rel),
                   adjacency_chunk::encode(part));
  };
  if (ends.size() <= adjacency_chunk::kMaxEntries) return put(ends);
  const size_t half = ends.size() / 2;
  KG_TRY(put(ends.first(half)));
  return put(ends.subspan(half));
}

// Reads into `chunk_key` and `ends` the chunk of (node, dir)'s list whose key is the last at or
// before `key`, or, when `or_first` and no chunk is, the list's first chunk. Leaves `chunk_key`
// empty when there is none. Most lists are one chunk, so it looks forward first (a seek to the
// list, then a step past its first chunk): a backward seek costs more, reading every version of a
// chunk that the transaction's snapshot holds. It seeks backward only for a key past a list's
// second chunk.
Status load_chunk(KvCursor& probe, std::string_view list, std::string_view key, bool or_first,
                  std::string& chunk_key, std::vector<End>& ends) {
  chunk_key.clear();
  ends.clear();
  auto in_list = [&] { return probe.valid() && probe.key().starts_with(list); };
  probe.seek(list);
  if (!in_list()) return probe.status();                // an empty list
  if (probe.key() > key && !or_first) return Status();  // before the list's first chunk
  KG_TRY(read_chunk(probe, ends));
  chunk_key = probe.key();
  if (chunk_key > key) return Status();  // before the first chunk, which takes the end
  probe.next();
  if (!in_list() || probe.key() > key) return probe.status();  // the first chunk is the one
  probe.seek_for_prev(key);  // past the second chunk: the last chunk at or before the key
  if (!in_list()) {
    KG_TRY(probe.status());
    return Status::corruption("an adjacency chunk vanished during a lookup");
  }
  KG_TRY(read_chunk(probe, ends));
  chunk_key = probe.key();
  return Status();
}

// Adds `end` to the list (node, dir): into the last chunk that starts at or before it, or else
// the list's first chunk (which then starts with it), or else a chunk of its own.
Status insert_end(KvTransaction& txn, NodeId node, Direction dir, End end) {
  const std::string key = keys::adj_key(node, dir, end.type, end.other, end.rel);
  std::vector<End> ends;
  std::string chunk_key;
  KG_TRY(load_chunk(txn.probe(Cf::kAdj), keys::adj_prefix(node, dir), key, /*or_first=*/true,
                    chunk_key, ends));
  auto at = std::lower_bound(ends.begin(), ends.end(), end);
  if (at != ends.end() && *at == end) return Status();  // already there
  ends.insert(at, end);
  // The end starts the chunk now: the chunk moves to its key.
  if (!chunk_key.empty() && ends.front() == end) KG_TRY(txn.del(Cf::kAdj, chunk_key));
  return write_chunks(txn, node, dir, ends);
}

// Removes `end` from the list (node, dir), if it is there.
Status erase_end(KvTransaction& txn, NodeId node, Direction dir, End end) {
  const std::string key = keys::adj_key(node, dir, end.type, end.other, end.rel);
  std::vector<End> ends;
  std::string chunk_key;
  KG_TRY(load_chunk(txn.probe(Cf::kAdj), keys::adj_prefix(node, dir), key, /*or_first=*/false,
                    chunk_key, ends));
  auto at = std::lower_bound(ends.begin(), ends.end(), end);
  if (at == ends.end() || *at != end) return Status();  // not there
  const bool was_first = at == ends.begin();
  ends.erase(at);
  // Without its first end the chunk moves to the key of its new first one.
  if (was_first) KG_TRY(txn.del(Cf::kAdj, chunk_key));
  if (ends.empty()) return Status();
  return write_chunks(txn, node, dir, ends);
}

}  // namespace

Status add(KvTransaction& txn, RelId rel, const RelRecord& r) {
  KG_TRY(insert_end(txn, r.src, Direction::kOutgoing, End{r.type, r.dst, rel}));
  return insert_end(txn, r.dst, Direction::kIncoming, End{r.type, r.src, rel});
}

Status remove(KvTransaction& txn, RelId rel, const RelRecord& r) {
  KG_TRY(erase_end(txn, r.src, Direction::kOutgoing, End{r.type, r.dst, rel}));
  return erase_end(txn, r.dst, Direction::kIncoming, End{r.type, r.src, rel});
}

namespace {

constexpr size_t kListKeyPrefix = 9;  // node u64 · dir u8: the adjacency key before the end

// Appends the chunk with key `key` and value `value` to a cached list.
void append_cached_chunk(std::string& list, std::string_view key, std::string_view value) {
  list.append(key.substr(kListKeyPrefix));
  coding::put_varint(list, value.size());
  list.append(value);
}

// Decodes the first chunk of a cached list into `ends` and removes it from `list`.
bool take_cached_chunk(std::string_view& list, std::vector<End>& ends) {
  coding::Reader r(list);
  auto type = r.u32be();
  auto other = r.u64be();
  auto rel = r.u64be();
  auto size = r.varint();
  if (!type || !other || !rel || !size) return false;
  auto value = r.bytes(*size);
  if (!value) return false;
  ends.clear();
  if (!adjacency_chunk::decode(End{TypeId{*type}, NodeId{*other}, RelId{*rel}}, *value, ends))
    return false;
  list = r.rest();
  return true;
}

RecordCache* adjacency_cache(const KvTransaction& txn) {
  return txn.cache() != nullptr ? &txn.cache()->adjacency : nullptr;
}

}  // namespace

Status fill_cache(const KvTransaction& txn) {
  RecordCache* cache = adjacency_cache(txn);
  if (cache == nullptr) return Status();
  KvCursor c = txn.scan_uncached(Cf::kAdj);
  std::string list;
  std::string list_key;  // node · dir of `list`
  auto flush = [&] {
    if (list_key.size() != kListKeyPrefix) return;
    const NodeId node{coding::get_u64be(list_key.data())};
    const auto dir = list_key[8] == 1 ? Direction::kIncoming : Direction::kOutgoing;
    cache->add(list_id(node, dir), list);
  };
  for (; c.valid() && !cache->full(); c.next()) {
    std::string_view key = c.key();
    if (key.size() <= kListKeyPrefix) continue;  // not kg's; the readers report it
    if (key.substr(0, kListKeyPrefix) != list_key) {
      flush();
      list.clear();
      list_key.assign(key.substr(0, kListKeyPrefix));
    }
    append_cached_chunk(list, key, c.value());
  }
  if (c.status().ok() && !c.valid()) flush();
  return c.status();
}

AdjacencyCursor::AdjacencyCursor(const KvTransaction& txn, NodeId node, Direction dir,
                                 std::optional<TypeId> type)
    : txn_(txn), cache_(adjacency_cache(txn)), node_(node), dir_(dir), type_(type) {
  open_scan(dir == Direction::kIncoming ? Direction::kIncoming : Direction::kOutgoing);
  settle();
}

void AdjacencyCursor::reset(NodeId node, Direction dir, std::optional<TypeId> type) {
  node_ = node;
  dir_ = dir;
  type_ = type;
  status_ = Status();
  open_scan(dir == Direction::kIncoming ? Direction::kIncoming : Direction::kOutgoing);
  settle();
}

void AdjacencyCursor::open_scan(Direction dir) {
  current_ = dir;
  ends_.clear();
  pos_ = 0;
  chunk_loaded_ = false;
  from_cache_ = false;
  collecting_ = false;
  if (cache_ != nullptr) {
    if (auto list = cache_->find(list_id(node_, dir))) {
      from_cache_ = true;
      cached_ = *list;
      return;
    }
    collecting_ = !type_;
    collected_.clear();
  }
  // The scan covers the chunks of (node, dir), or with a type those that can hold its ends: from
  // the last chunk starting at or before the type's first possible end, up to the next type.
  std::string lower = keys::adj_prefix(node_, dir);
  std::string upper = keys::prefix_successor(lower);
  if (type_ && to_underlying(*type_) != UINT32_MAX)
    upper = keys::adj_prefix(node_, dir, TypeId{to_underlying(*type_) + 1});
  // A typed scan starts with its seek_for_prev, so the cursor is not positioned at `lower` first.
  const bool seek_to_lower = !type_;
  if (!cursor_ || !cursor_->rebound(lower, upper, seek_to_lower))
    cursor_.emplace(txn_.scan(Cf::kAdj, lower, upper, seek_to_lower));
  if (type_) {
    cursor_->seek_for_prev(keys::adj_prefix(node_, dir, *type_));
    if (!cursor_->valid() && cursor_->status().ok()) cursor_->seek(lower);
  }
}

void AdjacencyCursor::settle() {
  for (;;) {
    bool direction_done = false;
    if (pos_ < ends_.size()) {
      const End& end = ends_[pos_];
      // In a kBoth scan a self-loop was already yielded by the outgoing half.
      const bool self_loop_again =
          dir_ == Direction::kBoth && current_ == Direction::kIncoming && end.other == node_;
      if (self_loop_again || (type_ && end.type < *type_)) {
        ++pos_;
        continue;
      }
      if (!type_ || end.type == *type_) {
        entry_.type = end.type;
        entry_.other = end.other;
        entry_.rel = end.rel;
        entry_.direction = current_;
        valid_ = true;
        return;
      }
      direction_done = true;  // past the type's ends
    } else if (!load_next_chunk()) {
      if (!status_.ok()) {
        ends_.clear();
        valid_ = false;
        return;
      }
      direction_done = true;
    }
    if (direction_done) {
      if (dir_ == Direction::kBoth && current_ == Direction::kOutgoing) {
        open_scan(Direction::kIncoming);
        continue;
      }
      ends_.clear();
      pos_ = 0;
      valid_ = false;
      return;
    }
  }
}

bool AdjacencyCursor::load_next_chunk() {
  pos_ = 0;
  if (from_cache_) {
    if (cached_.empty()) return false;
    if (!take_cached_chunk(cached_, ends_)) {
      status_ = Status::corruption("malformed adjacency list in the record cache");
      return false;
    }
    return true;
  }
  if (chunk_loaded_) {
    cursor_->next();
    chunk_loaded_ = false;
  }
  if (!cursor_->valid()) {
    status_ = cursor_->status();
    if (collecting_ && status_.ok()) cache_->add(list_id(node_, current_), collected_);
    collecting_ = false;
    return false;
  }
  auto first = keys::decode_adj_key(cursor_->key());
  ends_.clear();
  if (!first || !adjacency_chunk::decode(End{first->type, first->other, first->rel},
                                         cursor_->value(), ends_)) {
    status_ = Status::corruption("malformed adjacency chunk");
    return false;
  }
  if (collecting_) {
    append_cached_chunk(collected_, cursor_->key(), cursor_->value());
    if (collected_.size() > RecordCache::kMaxRecordBytes) collecting_ = false;
  }
  chunk_loaded_ = true;
  return true;
}

void AdjacencyCursor::next() {
  if (!valid_) return;
  ++pos_;
  settle();
}

Result<bool> has_any(const KvTransaction& txn, NodeId node) {
  AdjacencyCursor c(txn, node, Direction::kBoth, std::nullopt);
  KG_TRY(c.status());
  return c.valid();
}

}  // namespace kg::engine::adjacency_index
