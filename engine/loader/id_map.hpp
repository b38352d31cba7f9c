// IdMap: the import's external node ids (the strings of :ID columns, JSON "id"s, IRIs) → the
// NodeIds they were given, per id space. This map is what an import holds in memory: rows are
// streamed, only their ids are kept.
//
// An open-addressing hash table over one arena of id bytes: about 16 bytes per slot (at most 3/4
// full) plus the id's bytes and a 4-byte length per id. A space whose ids are all canonical
// decimal integers ("0", "17", no sign, no leading zero) of moderate size is held as a dense
// array instead, indexed by the integer (8 bytes per possible id, kept at most a few times the
// number of ids): no hashing, no string compare. The first id that does not fit moves the space
// into the hash table.
// Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.hpp"
#include "kg/types.hpp"

namespace kg::engine::loader {

class IdMap {
 public:
  IdMap();

  // The number of the id space `name` ("" is the default one), creating it when new.
  // kInvalidArgument past 65535 spaces.
  Result<uint32_t> space(std::string_view name);

  // Maps `id` in `space` to `node` unless it is mapped already; returns the node it was mapped to
  // before, if any (then nothing changes).
  std::optional<NodeId> insert(uint32_t space, std::string_view id, NodeId node);
  std::optional<NodeId> find(uint32_t space, std::string_view id) const;

  size_t size() const;
  // Bytes held: slots and arena.
  size_t memory_bytes() const;

 private:
  struct Space {
    std::string name;
    bool dense = true;
    std::vector<uint64_t> nodes;  // dense: per integer id, node id + 1 (0: none)
    size_t count = 0;             // dense: ids held
  };
  struct Slot {
    uint64_t ref = 0;  // 0: empty; else arena offset + 1 (40 bits) · space (16) · hash tag (8)
    uint64_t node = 0;
  };
  static uint64_t hash(uint32_t space, std::string_view id);
  bool matches(const Slot& slot, uint32_t space, std::string_view id, uint64_t h) const;
  void grow();
  std::optional<NodeId> hash_insert(uint32_t space, std::string_view id, NodeId node);
  std::optional<NodeId> hash_find(uint32_t space, std::string_view id) const;
  // Moves a dense space into the hash table.
  void make_sparse(Space& space, uint32_t number);

  std::vector<Slot> slots_;
  std::string arena_;  // per id: u32 length (native order) · bytes
  size_t count_ = 0;   // ids in the hash table
  std::vector<Space> spaces_;
};

}  // namespace kg::engine::loader
