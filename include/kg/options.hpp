// Options for opening a kg graph. A plain struct: every field has a default that suits most uses.
#pragma once

#include <cstdint>

namespace kg {

struct Options {
  // Create the graph when the directory does not exist or is empty. When false, opening a missing
  // graph fails with kNotFound.
  bool create_if_missing = true;

  // Sync the write-ahead log on every commit, so a commit that returned survives a power loss or
  // kill -9. Turning it off makes commits much faster, and then a crash of the machine (not of the
  // process) may lose the last commits; the graph stays consistent either way.
  bool sync_writes = true;

  // Size of the block cache shared by all column families, in bytes: the most memory the graph
  // keeps of its table blocks (uncompressed) between queries. It fills only as blocks are read,
  // and after a bulk import (ImportOptions::warm_cache). The default holds the name index, node
  // records and adjacency lists of a graph of a million nodes and ten million relationships
  // (250 MB at scale l of docs/performance.md), with room for what queries read beside them.
  uint64_t block_cache_bytes = 512ull << 20;

  // Most memory, in bytes, for what read transactions have read — property-index lookups, node
  // records and adjacency lists — kept for the next reads of the same version of the graph (one
  // read there costs a tenth of a read through the block cache). In addition to the block cache,
  // and used only as it fills. Each write starts an empty one; a bulk import fills it with the
  // graph's index lookups, node records, then adjacency lists (ImportOptions::warm_cache). The
  // default holds all three for a graph of a million nodes and ten million relationships (255 MiB
  // at scale l of docs/performance.md), with room to spare. 0 turns it off.
  uint64_t record_cache_bytes = 384ull << 20;

  // How long begin_write() waits for another write transaction of this process to finish before
  // it fails with kBusy, in milliseconds.
  uint32_t busy_timeout_ms = 5000;
};

}  // namespace kg
