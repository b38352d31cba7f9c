#include "engine/loader/graph_writer.hpp"

#include <algorithm>
#include <map>

#include "engine/loader/import_error.hpp"
#include "engine/storage/adjacency_chunk.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/key_codec.hpp"
#include "engine/storage/property_index.hpp"
#include "engine/storage/value_codec.hpp"

namespace kg::engine::loader {

namespace {

std::string u64be(uint64_t v) {
  std::string s;
  coding::put_u64be(s, v);
  return s;
}

std::string u32be(uint32_t v) {
  std::string s;
  coding::put_u32be(s, v);
  return s;
}

}  // namespace

GraphWriter::GraphWriter(BulkWrite& bulk, std::string temp_dir, uint64_t sort_memory_bytes)
    : bulk_(bulk),
      dir_(std::move(temp_dir)),
      next_node_id_(bulk.first_node_id()),
      next_rel_id_(bulk.first_rel_id()),
      nodes_sst_(bulk.store(), Cf::kNodes, dir_),
      rels_sst_(bulk.store(), Cf::kRels, dir_),
      label_sorter_(dir_, "label_nodes", sort_memory_bytes / 8, /*fixed_key_bytes=*/12),
      adj_sorter_(dir_, "adj", sort_memory_bytes / 2, /*fixed_key_bytes=*/29),
      index_sorter_(dir_, "prop_index", sort_memory_bytes / 4),
      indexes_(bulk.indexes()) {}

GraphWriter::~GraphWriter() = default;

uint32_t GraphWriter::add_file(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<uint32_t>(files_.size() - 1);
}

Status GraphWriter::add_node(NodeId id, const NodeRecord& record, RowSource source) {
  KG_TRY(nodes_sst_.add(keys::node_key(id), values::encode_node(record)));
  ++nodes_;
  properties_ += record.properties.size();
  for (LabelId label : record.labels) {
    KG_TRY(label_sorter_.add(keys::label_node_key(label, id), {}));
    ++label_counts_[to_underlying(label)];
  }
  for (const IndexDef& index : indexes_) {
    if (!record.has_label(index.label)) continue;
    const Value* v = find_property(record.properties, index.key);
    if (v == nullptr) continue;
    // A unique index's entries carry where they came from and the value, for the check.
    scratch_.clear();
    if (index.unique) {
      coding::put_varint(scratch_, source.file);
      coding::put_varint(scratch_, source.line);
      values::append_value(scratch_, *v);
    }
    KG_TRY(index_sorter_.add(keys::index_key(index.label, index.key, *v, id), scratch_));
  }
  return Status();
}

Status GraphWriter::add_relationship(RelId id, const RelRecord& record) {
  KG_TRY(rels_sst_.add(keys::rel_key(id), values::encode_rel(record)));
  KG_TRY(adj_sorter_.add(
      keys::adj_key(record.src, Direction::kOutgoing, record.type, record.dst, id), {}));
  KG_TRY(adj_sorter_.add(
      keys::adj_key(record.dst, Direction::kIncoming, record.type, record.src, id), {}));
  ++rels_;
  properties_ += record.properties.size();
  ++type_counts_[to_underlying(record.type)];
  return Status();
}

Status GraphWriter::write_sorted(ExternalSorter& sorter, SstBuilder& out,
                                 ProgressReporter& progress) {
  KG_TRY(sorter.finish());
  while (sorter.valid()) {
    KG_TRY(progress.step());
    KG_TRY(out.add(sorter.key(), sorter.value()));
    KG_TRY(sorter.next());
  }
  return out.finish();
}

Status GraphWriter::write_adjacency(SstBuilder& out, ProgressReporter& progress) {
  using adjacency_chunk::End;
  KG_TRY(adj_sorter_.finish());
  constexpr size_t kListPrefix = keys::kAdjPrefixSize;  // node · dir
  std::string chunk_key;
  std::vector<End> ends;
  auto flush = [&]() -> Status {
    if (ends.empty()) return Status();
    KG_TRY(out.add(chunk_key, adjacency_chunk::encode(ends)));
    ends.clear();
    return Status();
  };
  while (adj_sorter_.valid()) {
    KG_TRY(progress.step());
    std::string_view key = adj_sorter_.key();
    auto e = keys::decode_adj_key(key);
    if (!e) return Status::internal("malformed adjacency key in a sort run");
    if (!ends.empty() &&
        (ends.size() == adjacency_chunk::kMaxEntries ||
         key.substr(0, kListPrefix) != std::string_view(chunk_key).substr(0, kListPrefix)))
      KG_TRY(flush());
    if (ends.empty()) chunk_key.assign(key);
    ends.push_back(End{e->type, e->other, e->rel});
    KG_TRY(adj_sorter_.next());
  }
  KG_TRY(flush());
  return out.finish();
}

Status GraphWriter::write_index_entries(SstBuilder& out) {
  KG_TRY(index_sorter_.finish());
  std::string previous_prefix;
  RowSource previous_source;
  for (; index_sorter_.valid();) {
    std::string_view key = index_sorter_.key();
    std::string_view payload = index_sorter_.value();
    if (!payload.empty()) {  // an entry of a unique index: check it
      LabelId label{coding::get_u32be(key.data())};
      PropKeyId prop{coding::get_u32be(key.data() + 4)};
      std::string_view prefix = key.substr(0, key.size() - 8);  // label · key · value
      coding::Reader r(payload);
      auto file = r.varint();
      auto line = r.varint();
      std::string_view rest = r.rest();
      auto value = values::decode_value(rest);
      if (!file || !line || !value) return Status::internal("malformed index entry in a sort run");
      RowSource source{static_cast<uint32_t>(*file), *line};
      std::string index_name;
      for (const IndexDef& d : indexes_)
        if (d.label == label && d.key == prop) index_name = d.name;
      std::string key_name = bulk_.name_of(NameKind::kPropKey, to_underlying(prop));
      std::string violated = "the unique constraint `" + index_name +
                             "` on :" + bulk_.name_of(NameKind::kLabel, to_underlying(label)) +
                             "(" + key_name + ") is violated: ";
      if (prefix == previous_prefix) {
        return Status(StatusCode::kConstraintVerificationFailed,
                      at_line(files_[source.file], source.line,
                              violated + value->to_literal() + " is also the " + key_name +
                                  " of the node of " + files_[previous_source.file] + ":" +
                                  std::to_string(previous_source.line)),
                      {}, "UniquenessConstraintViolation");
      }
      KG_ASSIGN_OR_RETURN(auto existing, property_index::find_other(bulk_.snapshot(), label, prop,
                                                                    *value, NodeId{UINT64_MAX}));
      if (existing) {
        return Status(
            StatusCode::kConstraintVerificationFailed,
            at_line(files_[source.file], source.line,
                    violated + "node " + std::to_string(to_underlying(*existing)) +
                        " of the graph already has " + key_name + " " + value->to_literal()),
            {}, "UniquenessConstraintViolation");
      }
      previous_prefix.assign(prefix);
      previous_source = source;
    }
    KG_TRY(out.add(key, {}));
    KG_TRY(index_sorter_.next());
  }
  return out.finish();
}

Status GraphWriter::write_catalog(SstBuilder& out) {
  std::map<std::string, std::string> entries;  // in key order
  for (const auto& n : bulk_.new_names()) {
    entries.emplace(keys::catalog_name_key(n.kind, n.name), u32be(n.id));
    entries.emplace(keys::catalog_id_key(n.kind, n.id), n.name);
  }
  for (const auto& [k, v] : entries) KG_TRY(out.add(k, v));
  return out.finish();
}

Status GraphWriter::write_meta(SstBuilder& out) {
  std::map<std::string, uint64_t> deltas;  // statistics key → what this import adds
  if (nodes_ > 0) deltas[std::string(keys::kMetaNodeCount)] = nodes_;
  if (rels_ > 0) deltas[std::string(keys::kMetaRelCount)] = rels_;
  for (const auto& [label, n] : label_counts_)
    deltas[keys::meta_label_count_key(LabelId{label})] = n;
  for (const auto& [type, n] : type_counts_) deltas[keys::meta_type_count_key(TypeId{type})] = n;
  std::map<std::string, std::string> entries;
  for (const auto& [key, delta] : deltas) {
    KG_ASSIGN_OR_RETURN(auto stored, bulk_.snapshot().get(Cf::kMeta, key));
    uint64_t before = 0;
    if (stored) {
      if (stored->size() != 8) return Status::corruption("malformed meta record '" + key + "'");
      before = coding::get_u64be(stored->data());
    }
    entries.emplace(key, u64be(before + delta));
  }
  if (next_node_id_ != bulk_.first_node_id())
    entries.emplace(std::string(keys::kMetaNextNodeId), u64be(next_node_id_));
  if (next_rel_id_ != bulk_.first_rel_id())
    entries.emplace(std::string(keys::kMetaNextRelId), u64be(next_rel_id_));
  for (const auto& [k, v] : entries) KG_TRY(out.add(k, v));
  return out.finish();
}

Result<std::array<std::vector<std::string>, kNumCfs>> GraphWriter::finish(
    ProgressReporter& progress) {
  KG_TRY(nodes_sst_.finish());
  KG_TRY(rels_sst_.finish());
  KG_TRY(progress.begin("sorting"));
  SstBuilder labels(bulk_.store(), Cf::kLabelNodes, dir_);
  KG_TRY(write_sorted(label_sorter_, labels, progress));
  SstBuilder adj(bulk_.store(), Cf::kAdj, dir_);
  KG_TRY(write_adjacency(adj, progress));
  SstBuilder index(bulk_.store(), Cf::kPropIndex, dir_);
  KG_TRY(write_index_entries(index));
  KG_TRY(progress.begin("writing"));
  SstBuilder catalog(bulk_.store(), Cf::kCatalog, dir_);
  KG_TRY(write_catalog(catalog));
  SstBuilder meta(bulk_.store(), Cf::kMeta, dir_);
  KG_TRY(write_meta(meta));
  std::array<std::vector<std::string>, kNumCfs> files;
  for (const SstBuilder* b : {&nodes_sst_, &rels_sst_, &labels, &adj, &index, &catalog, &meta})
    files[static_cast<size_t>(b->cf())] = b->files();
  return files;
}

}  // namespace kg::engine::loader
