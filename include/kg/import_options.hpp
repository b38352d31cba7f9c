// What an import reads and how (DESIGN.md §7). Vocabulary shared by the API (kg/import.hpp), the
// engine's loader and the query layer's CALL kg.import(...).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kg {

// --nodes[=Label1:Label2]=file1,file2: the files' rows are nodes with these labels (plus those of
// a :LABEL column). The first file may hold only the header.
struct NodeFiles {
  std::vector<std::string> labels;
  std::vector<std::string> files;
};

// --relationships[=TYPE]=file1,file2: the type applies when the files have no :TYPE column.
struct RelationshipFiles {
  std::string type;
  std::vector<std::string> files;
};

struct ImportProgress {
  std::string phase;         // "nodes", "relationships", "sorting", "writing", "ingesting"
  std::string file;          // the file being read, if any
  uint64_t rows = 0;         // rows read so far (all files)
  uint64_t bytes_read = 0;   // of the input
  uint64_t bytes_total = 0;  // size of all inputs (compressed size for .gz)
};

struct ImportOptions {
  std::vector<NodeFiles> nodes;
  std::vector<RelationshipFiles> relationships;
  std::vector<std::string> jsonl;  // JSON Lines: {"type":"node",...} / {"type":"relationship",...}
  std::vector<std::string> ntriples;  // N-Triples
  char delimiter = ',';
  char array_delimiter = ';';
  char quote = '"';
  // Skip (and count) relationships whose end ids are unknown instead of failing.
  bool skip_bad_relationships = false;
  // Skip (and count) nodes whose :ID was seen before instead of failing.
  bool skip_duplicate_nodes = false;
  // Where to write one line per skipped row ("file:line: reason"); empty for none.
  std::string report_file;
  // In a group of several CSV files, drop the first line of every file after the first (a
  // header repeated by mistake, or a file with its own header; neo4j-admin's option of this
  // name).
  bool auto_skip_subsequent_headers = false;
  // Where the import's temporary directory goes (sort runs, SST files); empty: next to the
  // graph directory, which lets RocksDB hard-link the files instead of copying them.
  std::string temp_dir;
  // Called now and then (at most a few times a second) while the import runs.
  std::function<void(const ImportProgress&)> progress;
  // Polled every few thousand rows (or sorted entries) and at each phase; when it returns true,
  // the import stops with kInterrupted before it commits, and the graph is as it was. Called on
  // the importing thread; a signal handler can make it true through an atomic flag.
  std::function<bool()> cancelled;
  // Memory for sorting before spilling runs to temporary files, in bytes.
  uint64_t sort_memory_bytes = 256ull << 20;
  // After committing, read the new graph's most-read blocks (indexes, node records, adjacency
  // lists) into the block cache, up to three quarters of its size (Options::block_cache_bytes),
  // then its index lookups, node records and adjacency lists into the record cache, up to its size
  // (Options::record_cache_bytes), so that the queries that follow in this process find them
  // there. Costs about a twentieth of the import; not worth it when the process ends after the
  // import.
  bool warm_cache = true;
};

struct ImportSummary {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t properties = 0;
  uint64_t rows = 0;  // input rows read (CSV records, JSON lines, triples), skipped ones included
  uint64_t skipped_nodes = 0;
  uint64_t skipped_relationships = 0;
  uint64_t bytes_read = 0;
  double seconds = 0;
};

}  // namespace kg
