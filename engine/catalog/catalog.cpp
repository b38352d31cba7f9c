#include "engine/catalog/catalog.hpp"

#include <algorithm>
#include <mutex>

#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/txn/kv_transaction.hpp"

namespace kg::engine {

Result<std::unique_ptr<Catalog>> Catalog::load(const KvTransaction& txn) {
  auto catalog = std::make_unique<Catalog>();
  KvCursor c = txn.scan(Cf::kCatalog, "", "");
  for (; c.valid(); c.next()) {
    std::string_view key = c.key();
    std::string_view value = c.value();
    if (key.empty()) return Status::corruption("empty key in the catalog");
    uint8_t tag = static_cast<uint8_t>(key[0]);
    if (tag == keys::kCatalogIndexTag) {
      if (key.size() != 9 || value.empty())
        return Status::corruption("malformed index entry in the catalog");
      catalog->indexes_.push_back(IndexDef{LabelId{coding::get_u32be(key.data() + 1)},
                                           PropKeyId{coding::get_u32be(key.data() + 5)},
                                           (value[0] & 1) != 0, std::string(value.substr(1))});
      continue;
    }
    if (tag < 1 || tag > 3 || key.size() < 2)
      return Status::corruption("unknown entry in the catalog");
    auto kind = static_cast<NameKind>(tag);
    if (key[1] == 'I') {
      if (key.size() != 6) return Status::corruption("malformed id entry in the catalog");
      catalog->add_name(kind, coding::get_u32be(key.data() + 2), std::string(value));
    } else if (key[1] == 'N') {
      if (value.size() != 4) return Status::corruption("malformed name entry in the catalog");
    } else {
      return Status::corruption("unknown entry in the catalog");
    }
  }
  KG_TRY(c.status());
  // Ids are dense; a hole means a lost entry.
  for (const auto& t : catalog->tables_) {
    for (size_t id = 0; id < t.by_id.size(); ++id)
      if (t.by_name.find(t.by_id[id]) == t.by_name.end() || t.by_name.at(t.by_id[id]) != id)
        return Status::corruption("catalog ids are not dense (missing id " + std::to_string(id) +
                                  ")");
  }
  return catalog;
}

void Catalog::add_name(NameKind kind, uint32_t id, std::string name) {
  NameTable& t = table(kind);
  if (t.by_id.size() <= id) t.by_id.resize(id + 1);
  t.by_id[id] = name;
  t.by_name[std::move(name)] = id;
}

std::optional<uint32_t> Catalog::find(NameKind kind, std::string_view name) const {
  std::shared_lock lock(mu_);
  const NameTable& t = table(kind);
  auto it = t.by_name.find(std::string(name));
  if (it == t.by_name.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Catalog::name(NameKind kind, uint32_t id) const {
  std::shared_lock lock(mu_);
  const NameTable& t = table(kind);
  if (id >= t.by_id.size()) return std::nullopt;
  return t.by_id[id];
}

uint32_t Catalog::next_id(NameKind kind) const {
  std::shared_lock lock(mu_);
  return static_cast<uint32_t>(table(kind).by_id.size());
}

std::vector<std::pair<uint32_t, std::string>> Catalog::names(NameKind kind) const {
  std::shared_lock lock(mu_);
  std::vector<std::pair<uint32_t, std::string>> out;
  const NameTable& t = table(kind);
  for (uint32_t id = 0; id < t.by_id.size(); ++id) out.emplace_back(id, t.by_id[id]);
  return out;
}

std::vector<IndexDef> Catalog::indexes() const {
  std::shared_lock lock(mu_);
  return indexes_;
}

void Catalog::publish(const CatalogDelta& delta) {
  std::unique_lock lock(mu_);
  for (const auto& n : delta.names) add_name(n.kind, n.id, n.name);
  for (const IndexDef& d : delta.dropped_indexes) {
    std::erase_if(indexes_,
                  [&](const IndexDef& x) { return x.label == d.label && x.key == d.key; });
  }
  for (const IndexDef& d : delta.created_indexes) indexes_.push_back(d);
}

}  // namespace kg::engine
