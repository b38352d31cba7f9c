// Helpers of the bulk importer's tests (tests/unit/loader/): input files in a temporary
// directory, imports, and dumps of a graph that make "the graph is exactly as before" and
// "every access path agrees with the records" checkable facts.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/table_properties.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "engine/graph.hpp"
#include "engine/storage/adjacency_chunk.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/value_codec.hpp"
#include "kg/connection.hpp"
#include "kg/database.hpp"
#include "kg/import.hpp"
#include "tests/support/temp_dir.hpp"

namespace kg::testing {

// A graph in a temporary directory, with the files of its imports beside it.
class ImportFixture {
 public:
  ImportFixture()
      : db_(std::make_unique<Database>(dir_.sub("g"))), conn_(std::make_unique<Connection>(*db_)) {
    REQUIRE(db_->ok());
  }

  // Writes `text` to dir/name (gzip-compressed when `gzip`) and returns its path.
  std::string file(const std::string& name, const std::string& text, bool gzip = false) {
    std::string path = dir_.sub(name);
    if (gzip) {
      gzFile g = gzopen(path.c_str(), "wb");
      REQUIRE(g != nullptr);
      REQUIRE(gzwrite(g, text.data(), static_cast<unsigned>(text.size())) ==
              static_cast<int>(text.size()));
      REQUIRE(gzclose(g) == Z_OK);
    } else {
      std::ofstream out(path, std::ios::binary);
      out << text;
    }
    return path;
  }
  std::string path(const std::string& name) const { return dir_.sub(name); }

  Result<ImportSummary> import(const ImportOptions& options) { return import_files(*db_, options); }

  // Runs an import that must succeed.
  ImportSummary import_ok(const ImportOptions& options) {
    auto r = import(options);
    INFO(r.status().to_string());
    REQUIRE(r.ok());
    return *r;
  }

  // Runs a statement that must succeed; its rows as "v1|v2" lines (Value::to_string), in order.
  std::string rows(const std::string& statement, const Map& params = {}) {
    QueryResult r = conn_->query(statement, params);
    INFO(statement << ": " << r.status().to_string());
    REQUIRE(r.ok());
    std::string out;
    for (const Row& row : r) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out += "|";
        out += row[i].is_string() ? row[i].to_literal() : row[i].to_string();
      }
      out += "\n";
    }
    return out;
  }
  QueryResult query(const std::string& statement) { return conn_->query(statement); }

  // Every node and relationship with its labels or type, ends and properties, by id.
  std::string dump() {
    return rows("MATCH (n) RETURN id(n), n ORDER BY id(n)") +
           rows("MATCH (a)-[r]->(b) RETURN id(r), id(a), id(b), r ORDER BY id(r)");
  }

  // The SST files of column family `cf`, one "<compression> filter|no-filter" line each, sorted.
  std::string table_formats(engine::Cf cf) {
    engine::Store& store = db_->graph()->store();
    rocksdb::TablePropertiesCollection tables;
    REQUIRE(store.db()->GetPropertiesOfAllTables(store.cf(cf), &tables).ok());
    std::multiset<std::string> lines;
    for (const auto& [file, props] : tables)
      lines.insert(props->compression_name + (props->filter_size > 0 ? " filter" : " no-filter"));
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
  }

  // Every key and value of every column family, in hex: equal dumps are equal graphs.
  std::string raw_dump() {
    engine::Store& store = db_->graph()->store();
    std::string out;
    for (size_t i = 0; i < engine::kNumCfs; ++i) {
      auto cf = static_cast<engine::Cf>(i);
      std::unique_ptr<rocksdb::Iterator> it(
          store.db()->NewIterator(rocksdb::ReadOptions(), store.cf(cf)));
      for (it->SeekToFirst(); it->Valid(); it->Next())
        out += std::string(engine::cf_name(cf)) + " " + hex(it->key().ToString()) + " = " +
               hex(it->value().ToString()) + "\n";
      REQUIRE(it->status().ok());
    }
    return out;
  }

  // The invariants of docs/storage_format.md §8 that an import could break (N1, R1, R2, P1, P2,
  // P3, T1, T2, T3), checked by scanning. "" when they all hold, else one line per problem.
  std::string check_consistency() {
    using namespace engine;
    Store& store = db_->graph()->store();
    auto scan = [&](Cf cf) {
      std::map<std::string, std::string> kv;
      std::unique_ptr<rocksdb::Iterator> it(
          store.db()->NewIterator(rocksdb::ReadOptions(), store.cf(cf)));
      for (it->SeekToFirst(); it->Valid(); it->Next())
        kv.emplace(it->key().ToString(), it->value().ToString());
      return kv;
    };
    auto meta = scan(Cf::kMeta);
    auto counter = [&](const std::string& key) -> uint64_t {
      auto it = meta.find(key);
      return it == meta.end() ? 0 : coding::get_u64be(it->second.data());
    };
    std::string problems;
    auto nodes = scan(Cf::kNodes);
    auto rels = scan(Cf::kRels);
    std::set<std::string> label_nodes, adj, index;
    for (auto& [k, v] : scan(Cf::kLabelNodes)) label_nodes.insert(k);
    for (auto& [k, v] : scan(Cf::kAdj)) {  // every end of every chunk
      auto first = keys::decode_adj_key(k);
      std::vector<kg::engine::adjacency_chunk::End> ends;
      if (!first ||
          !kg::engine::adjacency_chunk::decode({first->type, first->other, first->rel}, v, ends)) {
        problems += "S3: a malformed adjacency chunk\n";
        continue;
      }
      for (const auto& e : ends)
        adj.insert(keys::adj_key(NodeId{kg::engine::coding::get_u64be(k.data())}, first->direction,
                                 e.type, e.other, e.rel));
    }
    for (auto& [k, v] : scan(Cf::kPropIndex)) index.insert(k);
    std::set<std::string> want_labels, want_adj, want_index;
    std::map<uint32_t, uint64_t> label_counts, type_counts;
    std::vector<IndexDef> defs = db_->graph()->catalog().indexes();
    uint64_t max_node = 0, max_rel = 0;
    for (auto& [k, v] : nodes) {
      NodeId id = *keys::decode_node_key(k);
      max_node = std::max<uint64_t>(max_node, to_underlying(id) + 1);
      auto rec = values::decode_node(v);
      if (!rec) {
        problems += "node record does not decode\n";
        continue;
      }
      for (LabelId l : rec->labels) {
        want_labels.insert(keys::label_node_key(l, id));
        ++label_counts[to_underlying(l)];
      }
      for (const IndexDef& d : defs) {
        if (!rec->has_label(d.label)) continue;
        for (auto& [key, value] : rec->properties)
          if (key == d.key) want_index.insert(keys::index_key(d.label, d.key, value, id));
      }
    }
    for (auto& [k, v] : rels) {
      RelId id = *keys::decode_rel_key(k);
      max_rel = std::max<uint64_t>(max_rel, to_underlying(id) + 1);
      auto rec = values::decode_rel(v);
      if (!rec) {
        problems += "relationship record does not decode\n";
        continue;
      }
      if (!nodes.count(keys::node_key(rec->src)) || !nodes.count(keys::node_key(rec->dst)))
        problems += "R1: a relationship's end is no node\n";
      want_adj.insert(keys::adj_key(rec->src, Direction::kOutgoing, rec->type, rec->dst, id));
      want_adj.insert(keys::adj_key(rec->dst, Direction::kIncoming, rec->type, rec->src, id));
      ++type_counts[to_underlying(rec->type)];
    }
    if (label_nodes != want_labels) problems += "N1: label_nodes differs from the records\n";
    if (adj != want_adj) problems += "R2: adj differs from the records\n";
    if (index != want_index) problems += "P1/P2: prop_index differs from the records\n";
    for (const IndexDef& d : defs) {
      if (!d.unique) continue;
      std::set<std::string> values;
      for (const std::string& k : index) {
        if (k.compare(0, 8, keys::index_prefix(d.label, d.key)) != 0) continue;
        if (!values.insert(k.substr(0, k.size() - 8)).second)
          problems += "P3: a unique index holds a value twice\n";
      }
    }
    if (counter(std::string(keys::kMetaNodeCount)) != nodes.size())
      problems += "T1: stat/nodes is " +
                  std::to_string(counter(std::string(keys::kMetaNodeCount))) + ", there are " +
                  std::to_string(nodes.size()) + " nodes\n";
    if (counter(std::string(keys::kMetaRelCount)) != rels.size())
      problems += "T1: stat/rels is " + std::to_string(counter(std::string(keys::kMetaRelCount))) +
                  ", there are " + std::to_string(rels.size()) + " relationships\n";
    for (auto& [l, n] : label_counts)
      if (counter(keys::meta_label_count_key(LabelId{l})) != n)
        problems += "T2: stat/label/" + std::to_string(l) + " is wrong\n";
    for (auto& [t, n] : type_counts)
      if (counter(keys::meta_type_count_key(TypeId{t})) != n)
        problems += "T2: stat/type/" + std::to_string(t) + " is wrong\n";
    if (counter(std::string(keys::kMetaNextNodeId)) < max_node) problems += "T3: next_node_id\n";
    if (counter(std::string(keys::kMetaNextRelId)) < max_rel) problems += "T3: next_rel_id\n";
    return problems;
  }

  // Closes and reopens the graph.
  void reopen() {
    conn_.reset();
    db_.reset();
    db_ = std::make_unique<Database>(dir_.sub("g"));
    REQUIRE(db_->ok());
    conn_ = std::make_unique<Connection>(*db_);
  }

  Database& db() { return *db_; }
  Connection& conn() { return *conn_; }

 private:
  static std::string hex(const std::string& s) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
      out.push_back(digits[c >> 4]);
      out.push_back(digits[c & 15]);
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Connection> conn_;
};

// Options with one group of node files.
inline ImportOptions nodes_options(std::vector<std::string> labels,
                                   std::vector<std::string> files) {
  ImportOptions o;
  o.nodes.push_back({std::move(labels), std::move(files)});
  return o;
}

}  // namespace kg::testing
