// CSV files in neo4j-admin's style (docs/import.md): node files and relationship files, each
// group of files sharing the header that the first one starts with.
#include <algorithm>

#include "common/utf8.hpp"
#include "engine/loader/csv_header.hpp"
#include "engine/loader/csv_reader.hpp"
#include "engine/loader/field_value.hpp"
#include "engine/loader/import_context.hpp"
#include "engine/loader/import_error.hpp"

namespace kg::engine::loader {

namespace {

// A header resolved against the catalog: per column, what to do with it.
struct Layout {
  std::vector<Column> columns;
  std::vector<PropKeyId> keys;     // per column: its property key (kProperty, named kId)
  std::vector<size_t> properties;  // columns that set a property, by ascending key id
  std::vector<uint32_t> spaces;    // per column: its id space (kId, kStartId, kEndId)
  int id = -1, start = -1, end = -1, type = -1;
};

Result<Layout> resolve(ImportContext& ctx, std::vector<Column> columns) {
  Layout l;
  l.keys.resize(columns.size());
  l.spaces.resize(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    const Column& c = columns[i];
    int at = static_cast<int>(i);
    switch (c.role) {
      case ColumnRole::kId:
        l.id = at;
        break;
      case ColumnRole::kStartId:
        l.start = at;
        break;
      case ColumnRole::kEndId:
        l.end = at;
        break;
      case ColumnRole::kType:
        l.type = at;
        break;
      default:
        break;
    }
    if (c.role == ColumnRole::kId || c.role == ColumnRole::kStartId ||
        c.role == ColumnRole::kEndId) {
      KG_ASSIGN_OR_RETURN(l.spaces[i], ctx.ids.space(c.id_space));
    }
    if (!c.name.empty() && (c.role == ColumnRole::kProperty || c.role == ColumnRole::kId)) {
      l.keys[i] = PropKeyId{ctx.bulk.intern(NameKind::kPropKey, c.name)};
      l.properties.push_back(i);
    }
  }
  std::sort(l.properties.begin(), l.properties.end(),
            [&](size_t a, size_t b) { return l.keys[a] < l.keys[b]; });
  l.columns = std::move(columns);
  return l;
}

std::string column_text(const Column& c, size_t i) {
  std::string s = "field " + std::to_string(i + 1);
  if (!c.name.empty()) s += " (" + c.name + ")";
  return s;
}

std::string show_id(std::string_view id, std::string_view space) {
  // Appended piece by piece: g++ 12 warns (-Wrestrict, wrongly) about "'" + std::string(...).
  std::string s = "'";
  s.append(id.substr(0, 60)).append(id.size() > 60 ? "...'" : "'");
  if (!space.empty()) s.append(" in id space '").append(space).append("'");
  return s;
}

// Opens one file of a group and reads (or skips) its header. Returns the reader, positioned
// before the first data row; `header` receives the header's fields when it is the group's first.
Result<std::unique_ptr<CsvReader>> open_csv(ImportContext& ctx, const std::string& path, bool first,
                                            FileKind kind, Layout* layout) {
  KG_ASSIGN_OR_RETURN(auto file, InputFile::open(path));
  auto reader = std::make_unique<CsvReader>(std::move(file),
                                            CsvDialect{ctx.options.delimiter, ctx.options.quote});
  if (first) {
    KG_ASSIGN_OR_RETURN(bool any, reader->next());
    if (!any) return import_error(path, 0, "the file is empty; its first line must be the header");
    KG_ASSIGN_OR_RETURN(auto columns, parse_header(reader->fields(), kind, path, reader->line()));
    KG_ASSIGN_OR_RETURN(*layout, resolve(ctx, std::move(columns)));
  } else if (ctx.options.auto_skip_subsequent_headers) {
    KG_ASSIGN_OR_RETURN(bool any, reader->next());
    (void)any;
  }
  return reader;
}

Status wrong_field_count(const CsvReader& r, size_t expected) {
  return import_error(r.path(), r.line(),
                      "expected " + std::to_string(expected) + " fields as in the header, found " +
                          std::to_string(r.fields().size()));
}

// The properties of a row, by ascending key id.
Status read_properties(const CsvReader& r, const Layout& l, char array_delimiter,
                       PropertyMap& props) {
  props.clear();
  auto fields = r.fields();
  for (size_t i : l.properties) {
    const Column& c = l.columns[i];
    Value v;
    if (c.role == ColumnRole::kId) {  // name:ID also stores the id, as a string
      if (fields[i].text.empty()) continue;
      v = Value(fields[i].text);
    } else {
      auto parsed = parse_field(fields[i], c.type, array_delimiter);
      if (!parsed)
        return import_error(r.path(), r.line(),
                            column_text(c, i) + ": " + parsed.error().message());
      v = std::move(*parsed);
      if (v.is_null()) continue;
    }
    props.emplace_back(l.keys[i], std::move(v));
  }
  return Status();
}

}  // namespace

Status import_csv_nodes(ImportContext& ctx, const NodeFiles& group) {
  std::vector<LabelId> group_labels;
  for (const std::string& name : group.labels) {
    if (name.empty()) continue;
    group_labels.push_back(LabelId{ctx.bulk.intern(NameKind::kLabel, name)});
  }
  Layout layout;
  NodeRecord record;
  for (size_t f = 0; f < group.files.size(); ++f) {
    const std::string& path = group.files[f];
    KG_ASSIGN_OR_RETURN(auto reader, open_csv(ctx, path, f == 0, FileKind::kNodes, &layout));
    uint32_t file_index = ctx.writer.add_file(path);
    KG_TRY(ctx.progress.begin("nodes", path, [r = reader.get()] { return r->bytes_consumed(); }));
    // Both branches string_view: with `: ""` the conditional is a temporary std::string, and
    // `space` would dangle (found by fuzzing, tests/fuzz/regressions/csv/).
    const std::string_view space =
        layout.id >= 0 ? std::string_view(layout.columns[layout.id].id_space) : std::string_view();
    for (;;) {
      KG_ASSIGN_OR_RETURN(bool more, reader->next());
      if (!more) break;
      KG_TRY(ctx.progress.row());
      auto fields = reader->fields();
      if (fields.size() != layout.columns.size())
        return wrong_field_count(*reader, layout.columns.size());
      record.labels.assign(group_labels.begin(), group_labels.end());
      for (size_t i = 0; i < fields.size(); ++i) {
        if (layout.columns[i].role != ColumnRole::kLabel) continue;
        std::string_view rest = fields[i].text;
        while (!rest.empty()) {
          size_t cut = rest.find(ctx.options.array_delimiter);
          std::string_view label = rest.substr(0, cut);
          if (!label.empty()) {
            if (!kg::utf8::is_valid(label))
              return import_error(path, reader->line(), "a label is not valid UTF-8");
            record.labels.push_back(LabelId{ctx.bulk.intern(NameKind::kLabel, label)});
          }
          if (cut == std::string_view::npos) break;
          rest.remove_prefix(cut + 1);
        }
      }
      std::sort(record.labels.begin(), record.labels.end());
      record.labels.erase(std::unique(record.labels.begin(), record.labels.end()),
                          record.labels.end());
      KG_TRY(read_properties(*reader, layout, ctx.options.array_delimiter, record.properties));
      NodeId id{ctx.writer.next_node_id()};
      if (layout.id >= 0 && !fields[layout.id].text.empty()) {
        std::string_view external = fields[layout.id].text;
        if (auto before = ctx.ids.insert(layout.spaces[layout.id], external, id)) {
          std::string reason = "duplicate node id " + show_id(external, space);
          if (!ctx.options.skip_duplicate_nodes)
            return import_error(path, reader->line(),
                                reason + " (--skip-duplicate-nodes skips such rows)");
          KG_TRY(ctx.skips.skipped_node(path, reader->line(), reason));
          continue;
        }
      }
      KG_TRY(ctx.writer.add_node(ctx.writer.allocate_node(), record, {file_index, reader->line()}));
    }
    ctx.progress.end_file(reader->size());
  }
  return Status();
}

Status import_csv_relationships(ImportContext& ctx, const RelationshipFiles& group) {
  std::optional<TypeId> group_type;
  if (!group.type.empty()) group_type = TypeId{ctx.bulk.intern(NameKind::kType, group.type)};
  Layout layout;
  RelRecord record;
  for (size_t f = 0; f < group.files.size(); ++f) {
    const std::string& path = group.files[f];
    KG_ASSIGN_OR_RETURN(auto reader,
                        open_csv(ctx, path, f == 0, FileKind::kRelationships, &layout));
    ctx.writer.add_file(path);
    KG_TRY(ctx.progress.begin("relationships", path,
                              [r = reader.get()] { return r->bytes_consumed(); }));
    const uint32_t start_space = layout.spaces[layout.start];
    const uint32_t end_space = layout.spaces[layout.end];
    for (;;) {
      KG_ASSIGN_OR_RETURN(bool more, reader->next());
      if (!more) break;
      KG_TRY(ctx.progress.row());
      auto fields = reader->fields();
      if (fields.size() != layout.columns.size())
        return wrong_field_count(*reader, layout.columns.size());
      if (layout.type >= 0 && !fields[layout.type].text.empty()) {
        std::string_view type = fields[layout.type].text;
        if (!kg::utf8::is_valid(type))
          return import_error(path, reader->line(), "the type is not valid UTF-8");
        record.type = TypeId{ctx.bulk.intern(NameKind::kType, type)};
      } else if (group_type) {
        record.type = *group_type;
      } else {
        return import_error(path, reader->line(),
                            "the relationship has no type (no :TYPE value, and none given with "
                            "--relationships=TYPE=FILE)");
      }
      std::optional<NodeId> ends[2];
      bool skipped = false;
      for (int e = 0; e < 2; ++e) {
        int col = e == 0 ? layout.start : layout.end;
        std::string_view external = fields[col].text;
        ends[e] = ctx.ids.find(e == 0 ? start_space : end_space, external);
        if (ends[e]) continue;
        std::string reason =
            external.empty()
                ? std::string("the relationship has no ") + (e == 0 ? ":START_ID" : ":END_ID")
                : std::string(e == 0 ? ":START_ID " : ":END_ID ") +
                      show_id(external, layout.columns[col].id_space) + " is no node's id";
        if (!ctx.options.skip_bad_relationships)
          return import_error(path, reader->line(),
                              reason + " (--skip-bad-relationships skips such rows)");
        KG_TRY(ctx.skips.skipped_relationship(path, reader->line(), reason));
        skipped = true;
        break;
      }
      if (skipped) continue;
      record.src = *ends[0];
      record.dst = *ends[1];
      KG_TRY(read_properties(*reader, layout, ctx.options.array_delimiter, record.properties));
      KG_TRY(ctx.writer.add_relationship(ctx.writer.allocate_relationship(), record));
    }
    ctx.progress.end_file(reader->size());
  }
  return Status();
}

}  // namespace kg::engine::loader
