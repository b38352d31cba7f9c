// Catalog: the committed interning of labels, relationship types and property keys (name <-> u32
// id, per kind), and the definitions of property indexes. Loaded once when a graph opens; a write
// transaction adds names and indexes through a CatalogDelta that is published here only after its
// commit succeeded, so readers never see a name that is not durable.
//
// Names are never removed and ids never reused (a label that no node carries any more keeps its
// id; db.labels() filters by statistics).
// Thread-safety: all methods are safe to call concurrently (a shared mutex guards the maps).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/types.hpp"
#include "kg/status.hpp"

namespace kg::engine {

class KvTransaction;

// What one write transaction adds to the catalog: new names with the ids it gave them, and index
// definitions created or dropped.
struct CatalogDelta {
  struct NewName {
    NameKind kind;
    uint32_t id;
    std::string name;
  };
  std::vector<NewName> names;
  std::vector<IndexDef> created_indexes;
  std::vector<IndexDef> dropped_indexes;
  bool empty() const { return names.empty() && created_indexes.empty() && dropped_indexes.empty(); }
};

class Catalog {
 public:
  // Reads the whole `catalog` column family through `txn`. Corruption when an entry is malformed.
  static Result<std::unique_ptr<Catalog>> load(const KvTransaction& txn);

  std::optional<uint32_t> find(NameKind kind, std::string_view name) const;
  std::optional<std::string> name(NameKind kind, uint32_t id) const;
  // The id the next new name of `kind` gets.
  uint32_t next_id(NameKind kind) const;
  // All names of `kind` with their ids, by id.
  std::vector<std::pair<uint32_t, std::string>> names(NameKind kind) const;

  std::vector<IndexDef> indexes() const;

  // Makes a committed delta visible. REQUIRES: the delta's writes are durable, and its new ids are
  // the next ids of their kinds (the single-writer rule guarantees it).
  void publish(const CatalogDelta& delta);

 private:
  struct NameTable {
    std::unordered_map<std::string, uint32_t> by_name;
    std::vector<std::string> by_id;  // dense: ids are allocated 0, 1, 2, ...
  };
  NameTable& table(NameKind kind) { return tables_[static_cast<size_t>(kind) - 1]; }
  const NameTable& table(NameKind kind) const { return tables_[static_cast<size_t>(kind) - 1]; }
  void add_name(NameKind kind, uint32_t id, std::string name);

  mutable std::shared_mutex mu_;
  std::array<NameTable, 3> tables_;
  std::vector<IndexDef> indexes_;
};

}  // namespace kg::engine
