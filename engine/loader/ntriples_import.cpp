// N-Triples (docs/import.md): every IRI and blank node becomes a node — an IRI `:Resource {uri}`,
// a blank node `:BlankNode` (blank node labels are local to their file) — and each triple adds
// to its subject:
//   a literal object                → a property named by the predicate's local name (a list
//                                     when a subject has several values for one predicate)
//   rdf:type with an IRI object     → a label, the local name of the class
//   any other IRI or blank object   → a relationship typed by the predicate's local name
// A subject's triples may be anywhere in the files: its labels and properties are collected as
// fragments in an ExternalSorter keyed by node id, and the node records are assembled from them
// when all files are read.
#include <algorithm>
#include <map>

#include "engine/loader/external_sorter.hpp"
#include "engine/loader/import_context.hpp"
#include "engine/loader/import_error.hpp"
#include "engine/loader/line_reader.hpp"
#include "engine/loader/ntriples_reader.hpp"
#include "engine/storage/coding.hpp"
#include "engine/storage/value_codec.hpp"

namespace kg::engine::loader {

namespace {

// Fragment values: a tag, then its fields.
constexpr char kFragmentSource = 'S';    // varint file · varint line: where the node appeared
constexpr char kFragmentLabel = 'L';     // varint label id
constexpr char kFragmentProperty = 'P';  // varint key id · value (value_codec)

// Id spaces that no CSV header can name (they start with a control byte).
constexpr std::string_view kIriSpace = "\x01iri";

class TripleImporter {
 public:
  explicit TripleImporter(ImportContext& ctx)
      : ctx_(ctx), fragments_(ctx.temp_dir, "ntriples", ctx.options.sort_memory_bytes / 8) {}

  Status read(const std::string& path, size_t file_number) {
    KG_ASSIGN_OR_RETURN(iri_space_, ctx_.ids.space(kIriSpace));
    KG_ASSIGN_OR_RETURN(blank_space_, ctx_.ids.space("\x01"
                                                     "blank" +
                                                     std::to_string(file_number)));
    KG_ASSIGN_OR_RETURN(auto file, InputFile::open(path));
    LineReader reader(std::move(file));
    file_ = ctx_.writer.add_file(path);
    KG_TRY(ctx_.progress.begin("nodes", path, [&reader] { return reader.bytes_consumed(); }));
    Triple t;
    for (;;) {
      KG_ASSIGN_OR_RETURN(bool more, reader.next());
      if (!more) break;
      line_ = reader.line();
      auto parsed = parse_ntriples_line(reader.text(), t);
      if (!parsed) return import_error(path, line_, parsed.error().message());
      if (!*parsed) continue;
      KG_TRY(ctx_.progress.row());
      KG_ASSIGN_OR_RETURN(NodeId subject, node(t.subject));
      if (t.object.kind == TermKind::kLiteral) {
        auto value = literal_value(t.object);
        if (!value) return import_error(path, line_, value.error().message());
        PropKeyId key{ctx_.bulk.intern(NameKind::kPropKey, local_name(t.predicate.value))};
        std::string f(1, kFragmentProperty);
        coding::put_varint(f, to_underlying(key));
        values::append_value(f, *value);
        KG_TRY(fragment(subject, f));
      } else if (t.predicate.value == kRdfType && t.object.kind == TermKind::kIri) {
        LabelId label{ctx_.bulk.intern(NameKind::kLabel, local_name(t.object.value))};
        std::string f(1, kFragmentLabel);
        coding::put_varint(f, to_underlying(label));
        KG_TRY(fragment(subject, f));
      } else {
        KG_ASSIGN_OR_RETURN(NodeId object, node(t.object));
        RelRecord rel{TypeId{ctx_.bulk.intern(NameKind::kType, local_name(t.predicate.value))},
                      subject,
                      object,
                      {}};
        KG_TRY(ctx_.writer.add_relationship(ctx_.writer.allocate_relationship(), rel));
      }
    }
    ctx_.progress.end_file(reader.size());
    return Status();
  }

  // Builds the node records from the fragments, in node id order.
  Status write_nodes() {
    KG_TRY(fragments_.finish());
    NodeRecord record;
    std::map<PropKeyId, List> values;
    RowSource source;
    uint64_t current = 0;
    bool have = false;
    auto flush = [&]() -> Status {
      if (!have) return Status();
      std::sort(record.labels.begin(), record.labels.end());
      record.labels.erase(std::unique(record.labels.begin(), record.labels.end()),
                          record.labels.end());
      record.properties.clear();
      for (auto& [key, list] : values)
        record.properties.emplace_back(
            key, list.size() == 1 ? std::move(list[0]) : Value(std::move(list)));
      values.clear();
      return ctx_.writer.add_node(NodeId{current}, record, source);
    };
    for (; fragments_.valid();) {
      uint64_t id = coding::get_u64be(fragments_.key().data());
      if (!have || id != current) {
        KG_TRY(flush());
        record.labels.clear();
        current = id;
        have = true;
      }
      coding::Reader r(fragments_.value());
      auto tag = r.u8();
      auto a = r.varint();
      if (!tag || !a) return Status::internal("malformed N-Triples fragment");
      switch (static_cast<char>(*tag)) {
        case kFragmentSource: {
          auto line = r.varint();
          if (!line) return Status::internal("malformed N-Triples fragment");
          source = RowSource{static_cast<uint32_t>(*a), *line};
          break;
        }
        case kFragmentLabel:
          record.labels.push_back(LabelId{static_cast<uint32_t>(*a)});
          break;
        case kFragmentProperty: {
          std::string_view rest = r.rest();
          KG_ASSIGN_OR_RETURN(Value v, values::decode_value(rest));
          values[PropKeyId{static_cast<uint32_t>(*a)}].push_back(std::move(v));
          break;
        }
        default:
          return Status::internal("malformed N-Triples fragment");
      }
      KG_TRY(fragments_.next());
    }
    return flush();
  }

 private:
  // The node of an IRI or blank node, created at first sight.
  Result<NodeId> node(const Term& term) {
    bool iri = term.kind == TermKind::kIri;
    NodeId id{ctx_.writer.next_node_id()};
    if (auto existing = ctx_.ids.insert(iri ? iri_space_ : blank_space_, term.value, id))
      return *existing;
    ctx_.writer.allocate_node();
    std::string f(1, kFragmentSource);
    coding::put_varint(f, file_);
    coding::put_varint(f, line_);
    KG_TRY(fragment(id, f));
    f.assign(1, kFragmentLabel);
    coding::put_varint(f, ctx_.bulk.intern(NameKind::kLabel, iri ? "Resource" : "BlankNode"));
    KG_TRY(fragment(id, f));
    if (iri) {
      f.assign(1, kFragmentProperty);
      coding::put_varint(f, ctx_.bulk.intern(NameKind::kPropKey, "uri"));
      values::append_value(f, Value(term.value));
      KG_TRY(fragment(id, f));
    }
    return id;
  }

  // Fragments sort by node, then in the order they were made.
  Status fragment(NodeId node, std::string_view value) {
    std::string key;
    coding::put_u64be(key, to_underlying(node));
    coding::put_u64be(key, sequence_++);
    return fragments_.add(key, value);
  }

  ImportContext& ctx_;
  ExternalSorter fragments_;
  uint32_t iri_space_ = 0;
  uint32_t blank_space_ = 0;
  uint32_t file_ = 0;
  uint64_t line_ = 0;
  uint64_t sequence_ = 0;
};

}  // namespace

Status import_ntriples(ImportContext& ctx, const std::vector<std::string>& files) {
  if (files.empty()) return Status();
  TripleImporter importer(ctx);
  for (size_t i = 0; i < files.size(); ++i) KG_TRY(importer.read(files[i], i));
  return importer.write_nodes();
}

}  // namespace kg::engine::loader
