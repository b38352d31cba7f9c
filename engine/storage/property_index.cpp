#include "engine/storage/property_index.hpp"

#include <cmath>
#include <cstring>
#include <limits>

#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/txn/version_cache.hpp"

namespace kg::engine::property_index {

Status add(KvTransaction& txn, LabelId label, PropKeyId key, const Value& value, NodeId node) {
  return txn.put(Cf::kPropIndex, keys::index_key(label, key, value, node), "");
}

Status remove(KvTransaction& txn, LabelId label, PropKeyId key, const Value& value, NodeId node) {
  return txn.del(Cf::kPropIndex, keys::index_key(label, key, value, node));
}

namespace {

KeyedCache* index_cache(const KvTransaction& txn) {
  return txn.cache() != nullptr ? &txn.cache()->index : nullptr;
}

}  // namespace

IndexCursor::IndexCursor(KvCursor cursor, KeyedCache* cache, std::string prefix)
    : cursor_(std::move(cursor)), cache_(cache), prefix_(std::move(prefix)) {
  add_when_done();
}

IndexCursor IndexCursor::from_cache(std::string_view ids) {
  IndexCursor c;
  c.cached_ = ids;
  return c;
}

void IndexCursor::next() {
  if (!cursor_) {
    pos_ += sizeof(uint64_t);
    return;
  }
  if (cache_ != nullptr && cursor_->valid()) {
    const uint64_t id = to_underlying(node());
    ids_.append(reinterpret_cast<const char*>(&id), sizeof id);
    if (ids_.size() + prefix_.size() > KeyedCache::kMaxEntryBytes / 2) cache_ = nullptr;
  }
  cursor_->next();
  add_when_done();
}

void IndexCursor::add_when_done() {
  if (cache_ == nullptr || cursor_->valid()) return;
  if (cursor_->status().ok()) cache_->add(prefix_, ids_);
  cache_ = nullptr;
}

NodeId IndexCursor::node() const {
  if (!cursor_) {
    uint64_t id;
    std::memcpy(&id, cached_.data() + pos_, sizeof id);
    return NodeId{id};
  }
  auto id = keys::decode_index_key_node(cursor_->key());
  return id ? *id : NodeId{UINT64_MAX};
}

Status fill_cache(const KvTransaction& txn) {
  KeyedCache* cache = index_cache(txn);
  if (cache == nullptr) return Status();
  KvCursor c = txn.scan_uncached(Cf::kPropIndex);
  std::string prefix;
  std::string ids;
  bool open = false;  // whether `prefix` and `ids` hold a value's entries
  for (; c.valid() && !cache->full(); c.next()) {
    std::string_view key = c.key();
    auto node = keys::decode_index_key_node(key);
    if (!node) continue;  // not kg's; the readers report it
    std::string_view value_prefix = key.substr(0, key.size() - sizeof(uint64_t));
    if (!open || value_prefix != prefix) {
      if (open) cache->add(prefix, ids);
      prefix.assign(value_prefix);
      ids.clear();
      open = true;
    }
    const uint64_t id = to_underlying(*node);
    ids.append(reinterpret_cast<const char*>(&id), sizeof id);
  }
  if (open && c.status().ok() && !c.valid()) cache->add(prefix, ids);
  return c.status();
}

namespace {

bool is_nan(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

IndexCursor empty_cursor(const KvTransaction& txn, LabelId label, PropKeyId key) {
  std::string p = keys::index_prefix(label, key);
  return IndexCursor(txn.scan(Cf::kPropIndex, p, p));
}

}  // namespace

IndexCursor seek(const KvTransaction& txn, LabelId label, PropKeyId key, const Value& value) {
  if (is_nan(value)) return empty_cursor(txn, label, key);  // NaN equals nothing
  std::string prefix = keys::index_value_prefix(label, key, value);
  KeyedCache* cache = index_cache(txn);
  if (cache == nullptr) return IndexCursor(txn.scan_prefix(Cf::kPropIndex, prefix));
  if (auto ids = cache->find(prefix)) return IndexCursor::from_cache(*ids);
  KvCursor cursor = txn.scan_prefix(Cf::kPropIndex, prefix);
  return IndexCursor(std::move(cursor), cache, std::move(prefix));
}

Result<std::optional<NodeId>> find_other(const KvTransaction& txn, LabelId label, PropKeyId key,
                                         const Value& value, NodeId self) {
  // By encoding, not by seek(): for uniqueness two NaNs are the same value.
  IndexCursor c(txn.scan_prefix(Cf::kPropIndex, keys::index_value_prefix(label, key, value)));
  for (; c.valid(); c.next()) {
    if (c.node() != self) return std::optional<NodeId>(c.node());
  }
  KG_TRY(c.status());
  return std::optional<NodeId>();
}

namespace {

// The tag byte that starts every encoding of values of `v`'s kind.
uint8_t kind_tag(const Value& v) {
  std::string enc;
  keys::append_ordered_value(enc, v);
  return static_cast<uint8_t>(enc[0]);
}

}  // namespace

IndexCursor range(const KvTransaction& txn, LabelId label, PropKeyId key,
                  const std::optional<Bound>& lower, const std::optional<Bound>& upper) {
  const std::string prefix = keys::index_prefix(label, key);
  const Value& any = lower ? lower->value : upper->value;
  // NaN compares false with everything, so a NaN bound matches nothing.
  if ((lower && is_nan(lower->value)) || (upper && is_nan(upper->value)))
    return empty_cursor(txn, label, key);
  std::string kind_prefix = prefix;
  coding::put_u8(kind_prefix, kind_tag(any));

  std::string lo = kind_prefix;
  if (lower) {
    lo = keys::index_value_prefix(label, key, lower->value);
    // Entries equal to the bound continue the value's encoding with a node id; skip them all.
    if (!lower->inclusive) lo = keys::prefix_successor(lo);
  }
  std::string hi = keys::prefix_successor(kind_prefix);
  if (!upper && any.is_number()) {
    // NaN sorts above +Infinity in the encoding but is greater than no number.
    hi = keys::prefix_successor(
        keys::index_value_prefix(label, key, std::numeric_limits<double>::infinity()));
  }
  if (upper) {
    hi = keys::index_value_prefix(label, key, upper->value);
    if (upper->inclusive) hi = keys::prefix_successor(hi);
  }
  if (hi <= lo) hi = lo;  // empty range
  return IndexCursor(txn.scan(Cf::kPropIndex, std::move(lo), std::move(hi)));
}

IndexCursor scan_all(const KvTransaction& txn, LabelId label, PropKeyId key) {
  return IndexCursor(txn.scan_prefix(Cf::kPropIndex, keys::index_prefix(label, key)));
}

}  // namespace kg::engine::property_index
