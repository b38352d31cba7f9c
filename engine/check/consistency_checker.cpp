#include "engine/check/consistency_checker.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "engine/storage/adjacency_chunk.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/foreign_data.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/value_codec.hpp"
#include "engine/txn/kv_transaction.hpp"

namespace kg::engine::check {

namespace {

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) out.push_back(' ');
    auto b = static_cast<uint8_t>(bytes[i]);
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

std::string str(uint64_t v) { return std::to_string(v); }

// The relationship fields R1 and R2 need, kept for every relationship.
struct RelInfo {
  uint64_t id;
  uint32_t type;
  uint64_t src;
  uint64_t dst;
};

// Matches the keys of a column family, seen in increasing order, with the `expected` ones (sorted
// and deduplicated here): calls `missing` for each expected key never seen and `extra` for each
// key seen but not expected. Call finish() after the last key.
class SortedMerge {
 public:
  SortedMerge(std::vector<std::string>& expected,
              const std::function<void(const std::string&)>& missing,
              const std::function<void(std::string_view)>& extra)
      : expected_(expected), missing_(missing), extra_(extra) {
    std::sort(expected_.begin(), expected_.end());
    expected_.erase(std::unique(expected_.begin(), expected_.end()), expected_.end());
  }
  void see(std::string_view key) {
    while (next_ < expected_.size() && std::string_view(expected_[next_]) < key)
      missing_(expected_[next_++]);
    if (next_ < expected_.size() && std::string_view(expected_[next_]) == key) {
      ++next_;
    } else {
      extra_(key);
    }
  }
  void finish() {
    for (; next_ < expected_.size(); ++next_) missing_(expected_[next_]);
  }

 private:
  std::vector<std::string>& expected_;
  const std::function<void(const std::string&)>& missing_;
  const std::function<void(std::string_view)>& extra_;
  size_t next_ = 0;
};

// SortedMerge over the keys of `cursor`. `accept` says whether an actual key is well-formed (a
// malformed one is reported by it and left out of the comparison).
Status merge_compare(
    std::vector<std::string>& expected, KvCursor cursor,
    const std::function<bool(std::string_view key, std::string_view value)>& accept,
    const std::function<void(const std::string&)>& missing,
    const std::function<void(std::string_view)>& extra, uint64_t& scanned) {
  SortedMerge merge(expected, missing, extra);
  for (; cursor.valid(); cursor.next()) {
    ++scanned;
    if (accept(cursor.key(), cursor.value())) merge.see(cursor.key());
  }
  KG_TRY(cursor.status());
  merge.finish();
  return Status();
}

class Checker {
 public:
  Checker(const Store& store, const CheckOptions& options)
      : kv_(store, KvTransaction::Mode::kRead), options_(options) {}

  Result<CheckReport> run() {
    KG_TRY(check_meta());
    KG_TRY(check_default_cf());
    KG_TRY(check_catalog());
    KG_TRY(check_nodes());
    KG_TRY(check_label_nodes());
    KG_TRY(check_rels());
    KG_TRY(check_adj());
    KG_TRY(check_prop_index());
    check_statistics();
    return std::move(report_);
  }

 private:
  void add(std::string_view kind, std::string message) {
    ++report_.violation_count;
    if (report_.violations.size() < options_.max_violations)
      report_.violations.push_back({std::string(kind), std::move(message)});
  }

  bool has_name(NameKind kind, uint32_t id) const {
    return id_to_name_[static_cast<size_t>(kind) - 1].count(id) > 0;
  }
  // C3: an id used by `where` must have a name of its kind.
  void require_name(NameKind kind, uint32_t id, const std::string& where) {
    if (has_name(kind, id)) return;
    static constexpr std::array<const char*, 3> kKinds = {"label", "relationship type",
                                                          "property key"};
    add("C3", where + " uses " + kKinds[static_cast<size_t>(kind) - 1] + " id " + str(id) +
                  ", which has no name in the catalog");
  }

  bool node_exists(uint64_t node) const {
    return std::binary_search(node_ids_.begin(), node_ids_.end(), node);
  }
  // The record of an existing, decodable node (read again: only reports need it).
  std::optional<NodeRecord> node_record(uint64_t node) const {
    auto bytes = kv_.get(Cf::kNodes, keys::node_key(NodeId{node}));
    if (!bytes || !bytes.value()) return std::nullopt;
    auto rec = values::decode_node(**bytes);
    if (!rec) return std::nullopt;
    return std::move(rec).value();
  }
  const RelInfo* rel_info(uint64_t rel) const {
    auto it = std::lower_bound(rels_.begin(), rels_.end(), rel,
                               [](const RelInfo& r, uint64_t id) { return r.id < id; });
    return it != rels_.end() && it->id == rel ? &*it : nullptr;
  }

  // --- meta: S1, S2 and the stored counters ------------------------------------------------------
  Status check_meta() {
    bool header_seen = false;
    KvCursor c = kv_.scan(Cf::kMeta, "", "");
    for (; c.valid(); c.next()) {
      std::string_view key = c.key();
      std::string_view value = c.value();
      if (key == keys::kMetaHeader) {
        header_seen = true;
        check_header(value);
        continue;
      }
      auto u64 = [&]() -> std::optional<uint64_t> {
        if (value.size() == 8) return coding::get_u64be(value.data());
        add("S2", "meta record '" + std::string(key) + "' has a " + str(value.size()) +
                      "-byte value (8 expected)");
        return std::nullopt;
      };
      constexpr std::string_view kLabelStat = "stat/label/";
      constexpr std::string_view kTypeStat = "stat/type/";
      if (key == keys::kMetaNextNodeId) {
        next_node_id_ = u64().value_or(0);
      } else if (key == keys::kMetaNextRelId) {
        next_rel_id_ = u64().value_or(0);
      } else if (key == keys::kMetaNodeCount) {
        stat_nodes_ = u64();
      } else if (key == keys::kMetaRelCount) {
        stat_rels_ = u64();
      } else if (key.starts_with(kLabelStat) && key.size() == kLabelStat.size() + 4) {
        if (auto v = u64()) stat_labels_[coding::get_u32be(key.data() + kLabelStat.size())] = *v;
      } else if (key.starts_with(kTypeStat) && key.size() == kTypeStat.size() + 4) {
        if (auto v = u64()) stat_types_[coding::get_u32be(key.data() + kTypeStat.size())] = *v;
      } else {
        add("S2", "meta holds an unknown key " + hex(key));
      }
    }
    KG_TRY(c.status());
    if (!header_seen) add("S1", "meta has no header record");
    return Status();
  }

  void check_header(std::string_view h) {
    if (h.size() != 28) return add("S1", "the header is " + str(h.size()) + " bytes (28 expected)");
    if (h.substr(0, 8) != kMagic) return add("S1", "the header does not start with KGRAPHDB");
    uint32_t version = coding::get_u32be(h.data() + 8);
    header_version_ = version;
    if (version < kOldestReadableFormatVersion || version > kFormatVersion)
      add("S1", "the header has format version " + str(version) + " (expected " +
                    str(kOldestReadableFormatVersion) + " to " + str(kFormatVersion) + ")");
    if ((static_cast<uint8_t>(h[18]) & 0xF0) != 0x40 ||
        (static_cast<uint8_t>(h[20]) & 0xC0) != 0x80)
      add("S1", "the header's UUID is not a version-4 UUID");
  }

  // --- S5: nothing in RocksDB's default column family --------------------------------------------
  Status check_default_cf() {
    constexpr uint64_t kLimit = 1000;
    KG_ASSIGN_OR_RETURN(uint64_t n, count_default_cf_keys(kv_.store(), kLimit));
    if (n > 0)
      add("S5", "RocksDB's default column family holds " + str(n) +
                    (n == kLimit ? " or more" : "") + " keys; kg writes none there");
    return Status();
  }

  // --- catalog: C1, C2, C4 and the index definitions
  // ----------------------------------------------
  Status check_catalog() {
    std::array<std::map<std::string, uint32_t>, 3> name_to_id;
    KvCursor c = kv_.scan(Cf::kCatalog, "", "");
    for (; c.valid(); c.next()) {
      std::string_view key = c.key();
      std::string_view value = c.value();
      uint8_t tag = key.empty() ? 0 : static_cast<uint8_t>(key[0]);
      if (tag == keys::kCatalogIndexTag) {
        if (key.size() != 9 || value.empty()) {
          add("C2", "malformed index definition in the catalog: key " + hex(key));
          continue;
        }
        IndexDef def{LabelId{coding::get_u32be(key.data() + 1)},
                     PropKeyId{coding::get_u32be(key.data() + 5)}, (value[0] & 1) != 0,
                     std::string(value.substr(1))};
        if (value[0] != 0 && value[0] != 1)
          add("C4", "index definition '" + def.name + "' has flags " + hex(value.substr(0, 1)) +
                        " (00 or 01 expected)");
        indexes_.push_back(std::move(def));
        continue;
      }
      if (tag < 1 || tag > 3 || key.size() < 2 || (key[1] != 'I' && key[1] != 'N')) {
        add("C2", "unknown catalog entry: key " + hex(key));
        continue;
      }
      size_t k = tag - 1;
      if (key[1] == 'I') {
        if (key.size() != 6) {
          add("C2", "malformed catalog id entry: key " + hex(key));
          continue;
        }
        id_to_name_[k][coding::get_u32be(key.data() + 2)] = std::string(value);
      } else {
        if (value.size() != 4) {
          add("C2", "malformed catalog name entry: key " + hex(key));
          continue;
        }
        name_to_id[k][std::string(key.substr(2))] = coding::get_u32be(value.data());
      }
    }
    KG_TRY(c.status());
    static constexpr std::array<const char*, 3> kKinds = {"label", "relationship type",
                                                          "property key"};
    for (size_t k = 0; k < 3; ++k) {
      const auto& ids = id_to_name_[k];
      uint32_t expect = 0;
      for (const auto& [id, name] : ids) {
        if (id != expect) {
          std::string gap = id - 1 > expect ? "ids " + str(expect) + " to " + str(id - 1) + " are"
                                            : "id " + str(expect) + " is";
          add("C1",
              std::string(kKinds[k]) + " ids are not dense: " + gap + " missing below " + str(id));
        }
        expect = id + 1;
      }
      std::map<std::string, uint32_t> seen;
      for (const auto& [id, name] : ids) {
        if (auto [it, fresh] = seen.emplace(name, id); !fresh)
          add("C2", std::string(kKinds[k]) + " ids " + str(it->second) + " and " + str(id) +
                        " have the same name '" + name + "'");
        auto n = name_to_id[k].find(name);
        if (n == name_to_id[k].end())
          add("C2", std::string(kKinds[k]) + " id " + str(id) + " is named '" + name +
                        "' but that name has no name -> id entry");
        else if (n->second != id)
          add("C2", std::string(kKinds[k]) + " id " + str(id) + " is named '" + name +
                        "' but that name maps to id " + str(n->second));
      }
      for (const auto& [name, id] : name_to_id[k]) {
        auto i = ids.find(id);
        if (i == ids.end() || i->second != name)
          add("C2", std::string(kKinds[k]) + " name '" + name + "' maps to id " + str(id) +
                        (i == ids.end() ? ", which has no id -> name entry"
                                        : ", which is named '" + i->second + "'"));
      }
    }
    for (const IndexDef& d : indexes_) {
      require_name(NameKind::kLabel, to_underlying(d.label), "index '" + d.name + "'");
      require_name(NameKind::kPropKey, to_underlying(d.key), "index '" + d.name + "'");
    }
    return Status();
  }

  // S4 for a record's property map; C3 for its keys.
  void check_properties(const PropertyMap& props, const std::string& what) {
    for (size_t i = 0; i < props.size(); ++i) {
      uint32_t k = to_underlying(props[i].first);
      if (i > 0 && to_underlying(props[i - 1].first) >= k)
        add("S4", what + " has property key ids out of order or repeated (key " + str(k) + ")");
      if (props[i].second.is_null()) add("S4", what + " stores a null for property key " + str(k));
      require_name(NameKind::kPropKey, k, what);
    }
  }

  // --- nodes: S3, S4, T3, C3, and the expected label and index entries
  // ----------------------------
  Status check_nodes() {
    KvCursor c = kv_.scan(Cf::kNodes, "", "");
    for (; c.valid(); c.next()) {
      auto id = keys::decode_node_key(c.key());
      if (!id || c.key().size() != 8) {
        add("S3", "nodes holds a malformed key " + hex(c.key()));
        continue;
      }
      uint64_t node = static_cast<uint64_t>(*id);
      ++report_.nodes;
      std::string what = "node " + str(node);
      node_ids_.push_back(node);
      if (node >= next_node_id_)
        add("T3", what + " is not below next_node_id " + str(next_node_id_));
      auto rec = values::decode_node(c.value());
      if (!rec) {
        add("S4", what + ": its record does not decode: " + rec.error().message());
        continue;
      }
      if (values::encode_node(*rec) != c.value())
        add("S4", what + ": its record is not in kg's canonical encoding");
      const NodeRecord& r = *rec;
      for (size_t i = 0; i < r.labels.size(); ++i) {
        uint32_t l = to_underlying(r.labels[i]);
        if (i > 0 && to_underlying(r.labels[i - 1]) >= l)
          add("S4", what + " has label ids out of order or repeated (label " + str(l) + ")");
        require_name(NameKind::kLabel, l, what);
        expected_label_nodes_.push_back(keys::label_node_key(r.labels[i], *id));
      }
      check_properties(r.properties, what);
      for (const IndexDef& d : indexes_) {
        if (!r.has_label(d.label)) continue;
        if (const Value* v = find_property(r.properties, d.key); v != nullptr && !v->is_null())
          expected_index_.push_back(keys::index_key(d.label, d.key, *v, *id));
      }
    }
    return c.status();
  }

  // --- label_nodes: N1, S3, and the per-label counts of T2
  // ----------------------------------------
  Status check_label_nodes() {
    auto accept = [&](std::string_view key, std::string_view value) {
      if (key.size() != keys::kLabelNodesKeySize || !value.empty()) {
        add("S3", "label_nodes holds a malformed entry: key " + hex(key));
        return false;
      }
      ++label_entries_[coding::get_u32be(key.data())];
      return true;
    };
    auto describe = [](std::string_view key) {
      return "(label " + str(coding::get_u32be(key.data())) + ", node " +
             str(coding::get_u64be(key.data() + 4)) + ")";
    };
    auto missing = [&](const std::string& key) {
      add("N1", "node " + str(coding::get_u64be(key.data() + 4)) + " has label " +
                    str(coding::get_u32be(key.data())) + " but label_nodes lacks the entry " +
                    describe(key));
    };
    auto extra = [&](std::string_view key) {
      uint64_t node = coding::get_u64be(key.data() + 4);
      add("N1", "label_nodes holds " + describe(key) + " but node " + str(node) +
                    (node_exists(node) ? " does not have that label" : " does not exist"));
    };
    return merge_compare(expected_label_nodes_, kv_.scan(Cf::kLabelNodes, "", ""), accept, missing,
                         extra, report_.index_entries);
  }

  // --- rels: S3, S4, R1, T3, C3, and the expected adjacency entries
  // -------------------------------
  Status check_rels() {
    KvCursor c = kv_.scan(Cf::kRels, "", "");
    for (; c.valid(); c.next()) {
      auto id = keys::decode_rel_key(c.key());
      if (!id || c.key().size() != 8) {
        add("S3", "rels holds a malformed key " + hex(c.key()));
        continue;
      }
      uint64_t rel = static_cast<uint64_t>(*id);
      ++report_.relationships;
      std::string what = "relationship " + str(rel);
      if (rel >= next_rel_id_) add("T3", what + " is not below next_rel_id " + str(next_rel_id_));
      auto rec = values::decode_rel(c.value());
      if (!rec) {
        add("S4", what + ": its record does not decode: " + rec.error().message());
        continue;
      }
      if (values::encode_rel(*rec) != c.value())
        add("S4", what + ": its record is not in kg's canonical encoding");
      uint32_t type = to_underlying(rec->type);
      auto src = static_cast<uint64_t>(rec->src);
      auto dst = static_cast<uint64_t>(rec->dst);
      require_name(NameKind::kType, type, what);
      check_properties(rec->properties, what);
      if (!node_exists(src)) add("R1", what + ": its source node " + str(src) + " does not exist");
      if (!node_exists(dst)) add("R1", what + ": its target node " + str(dst) + " does not exist");
      ++type_rels_[type];
      rels_.push_back({rel, type, src, dst});
      expected_adj_.push_back(
          keys::adj_key(rec->src, Direction::kOutgoing, rec->type, rec->dst, *id));
      expected_adj_.push_back(
          keys::adj_key(rec->dst, Direction::kIncoming, rec->type, rec->src, *id));
    }
    return c.status();
  }

  // --- adj: R2, S3 -------------------------------------------------------------------------------
  // Every chunk decodes, the ends of all chunks are in strictly increasing key order (so no chunk
  // overlaps the next), and they are exactly the ends the relationships expect.
  Status check_adj() {
    auto describe = [](std::string_view key) {
      auto e = *keys::decode_adj_key(key);
      return std::string("(node ") + str(coding::get_u64be(key.data())) +
             (e.direction == Direction::kOutgoing ? ", out" : ", in") + ", type " +
             str(to_underlying(e.type)) + ", other " + str(static_cast<uint64_t>(e.other)) +
             ", relationship " + str(static_cast<uint64_t>(e.rel)) + ")";
    };
    auto missing = [&](const std::string& key) {
      auto e = *keys::decode_adj_key(key);
      add("R2", "relationship " + str(static_cast<uint64_t>(e.rel)) + " lacks its " +
                    (e.direction == Direction::kOutgoing ? "outgoing" : "incoming") +
                    " adjacency entry " + describe(key));
    };
    auto extra = [&](std::string_view key) {
      auto e = *keys::decode_adj_key(key);
      auto rel = static_cast<uint64_t>(e.rel);
      const RelInfo* r = rel_info(rel);
      add("R2", "adj holds " + describe(key) + " but relationship " + str(rel) +
                    (r == nullptr ? " does not exist"
                                  : " is (" + str(r->src) + ")-[type " + str(r->type) + "]->(" +
                                        str(r->dst) + ")"));
    };
    std::function<void(const std::string&)> on_missing = missing;
    std::function<void(std::string_view)> on_extra = extra;
    SortedMerge merge(expected_adj_, on_missing, on_extra);
    std::string previous;  // the key of the last end seen
    std::vector<adjacency_chunk::End> ends;
    KvCursor c = kv_.scan(Cf::kAdj, "", "");
    for (; c.valid(); c.next()) {
      std::string_view key = c.key();
      auto first = keys::decode_adj_key(key);
      if (!first) {
        add("S3", "adj holds a malformed entry: key " + hex(key));
        continue;
      }
      ends.clear();
      if (!adjacency_chunk::decode({first->type, first->other, first->rel}, c.value(), ends)) {
        add("S3", "adj holds a malformed chunk: key " + hex(key));
        continue;
      }
      // Version 1 wrote one end per key: a longer chunk under its header means a write of format
      // 2 was made without raising the header, which a kg reading only version 1 would misread.
      if (header_version_ < 2 && ends.size() > 1 && !chunk_under_old_header_) {
        chunk_under_old_header_ = true;
        add("S1", "the header has format version " + str(header_version_) +
                      ", but adj holds chunks of several ends (format 2), e.g. " + describe(key));
      }
      const NodeId node{coding::get_u64be(key.data())};
      for (const adjacency_chunk::End& e : ends) {
        std::string end_key = keys::adj_key(node, first->direction, e.type, e.other, e.rel);
        ++report_.index_entries;
        if (end_key <= previous) {
          add("S3",
              "adj holds the chunk " + describe(key) + ", which overlaps the chunk before it");
          break;
        }
        previous = end_key;
        merge.see(end_key);
      }
    }
    KG_TRY(c.status());
    merge.finish();
    return Status();
  }

  // --- prop_index: P1, P2, P3, S3 ----------------------------------------------------------------
  const IndexDef* index_of(std::string_view key) const {
    uint32_t label = coding::get_u32be(key.data());
    uint32_t prop = coding::get_u32be(key.data() + 4);
    for (const IndexDef& d : indexes_)
      if (to_underlying(d.label) == label && to_underlying(d.key) == prop) return &d;
    return nullptr;
  }

  Status check_prop_index() {
    std::string last_value;  // label · key · ordered(value) of the previous entry
    uint64_t last_node = 0;
    auto accept = [&](std::string_view key, std::string_view value) {
      if (key.size() < keys::kPropIndexPrefixSize + 2 + 8 || !value.empty()) {
        add("S3", "prop_index holds a malformed entry: key " + hex(key));
        return false;
      }
      const IndexDef* d = index_of(key);
      std::string_view prefix = key.substr(0, key.size() - 8);
      uint64_t node = coding::get_u64be(key.data() + key.size() - 8);
      if (d != nullptr && d->unique && prefix == last_value && node != last_node)
        add("P3", "unique index '" + d->name + "': nodes " + str(last_node) + " and " + str(node) +
                      " have the same value");
      last_value = std::string(prefix);
      last_node = node;
      return true;
    };
    auto missing = [&](const std::string& key) {
      const IndexDef* d = index_of(key);
      add("P1", "node " + str(coding::get_u64be(key.data() + key.size() - 8)) + " has label " +
                    str(to_underlying(d->label)) + " and property key " +
                    str(to_underlying(d->key)) + " but index '" + d->name + "' lacks its entry");
    };
    auto extra = [&](std::string_view key) {
      uint32_t label = coding::get_u32be(key.data());
      uint32_t prop = coding::get_u32be(key.data() + 4);
      uint64_t node = coding::get_u64be(key.data() + key.size() - 8);
      std::string entry = "prop_index holds an entry of node " + str(node) + " under (label " +
                          str(label) + ", key " + str(prop) + ")";
      const IndexDef* d = index_of(key);
      std::optional<NodeRecord> r = node_record(node);
      std::string why;
      if (d == nullptr) {
        why = "no index on (label " + str(label) + ", key " + str(prop) + ") is defined";
      } else if (!r) {
        why = "node " + str(node) + " does not exist";
      } else if (!r->has_label(d->label)) {
        why = "node " + str(node) + " does not have label " + str(label);
      } else if (find_property(r->properties, d->key) == nullptr) {
        why = "node " + str(node) + " has no value for key " + str(prop);
      } else {
        why = "its value is not node " + str(node) + "'s current value";
      }
      add("P2", entry + ", but " + why);
    };
    return merge_compare(expected_index_, kv_.scan(Cf::kPropIndex, "", ""), accept, missing, extra,
                         report_.index_entries);
  }

  // --- statistics: T1, T2, C3 for statistics keys
  // --------------------------------------------------
  void check_statistics() {
    auto compare = [&](const char* name, std::optional<uint64_t> stored, uint64_t actual,
                       const char* what) {
      uint64_t s = stored.value_or(0);
      if (s != actual)
        add("T1", std::string(name) + " is " + std::to_string(static_cast<int64_t>(s)) +
                      " but there are " + str(actual) + " " + what);
    };
    compare("stat/nodes", stat_nodes_, report_.nodes, "node records");
    compare("stat/rels", stat_rels_, report_.relationships, "relationship records");
    std::set<uint32_t> labels;
    for (const auto& [l, n] : stat_labels_) labels.insert(l);
    for (const auto& [l, n] : label_entries_) labels.insert(l);
    for (uint32_t l : labels) {
      uint64_t stored = stat_labels_.count(l) ? stat_labels_.at(l) : 0;
      uint64_t actual = label_entries_.count(l) ? label_entries_.at(l) : 0;
      if (stat_labels_.count(l)) require_name(NameKind::kLabel, l, "stat/label/" + str(l));
      if (stored != actual)
        add("T2", "stat/label/" + str(l) + " is " + std::to_string(static_cast<int64_t>(stored)) +
                      " but label_nodes holds " + str(actual) + " entries of label " + str(l));
    }
    std::set<uint32_t> types;
    for (const auto& [t, n] : stat_types_) types.insert(t);
    for (const auto& [t, n] : type_rels_) types.insert(t);
    for (uint32_t t : types) {
      uint64_t stored = stat_types_.count(t) ? stat_types_.at(t) : 0;
      uint64_t actual = type_rels_.count(t) ? type_rels_.at(t) : 0;
      if (stat_types_.count(t)) require_name(NameKind::kType, t, "stat/type/" + str(t));
      if (stored != actual)
        add("T2", "stat/type/" + str(t) + " is " + std::to_string(static_cast<int64_t>(stored)) +
                      " but there are " + str(actual) + " relationships of type " + str(t));
    }
  }

  KvTransaction kv_;
  CheckOptions options_;
  CheckReport report_;

  uint64_t next_node_id_ = 0;
  uint64_t next_rel_id_ = 0;
  std::optional<uint64_t> stat_nodes_;
  std::optional<uint64_t> stat_rels_;
  std::map<uint32_t, uint64_t> stat_labels_;
  std::map<uint32_t, uint64_t> stat_types_;

  std::array<std::map<uint32_t, std::string>, 3> id_to_name_;  // by NameKind - 1
  std::vector<IndexDef> indexes_;

  std::vector<uint64_t> node_ids_;              // ascending (scan order)
  std::vector<RelInfo> rels_;                   // ascending by id
  std::map<uint32_t, uint64_t> label_entries_;  // label_nodes entries per label
  std::map<uint32_t, uint64_t> type_rels_;      // relationships per type

  std::vector<std::string> expected_label_nodes_;
  std::vector<std::string> expected_adj_;
  uint32_t header_version_ = kFormatVersion;
  bool chunk_under_old_header_ = false;  // reported once
  std::vector<std::string> expected_index_;
};

}  // namespace

Result<CheckReport> check_consistency(const Store& store, const CheckOptions& options) {
  return Checker(store, options).run();
}

}  // namespace kg::engine::check
