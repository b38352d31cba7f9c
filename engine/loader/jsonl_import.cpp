// JSON Lines (docs/import.md): one object per line, a node
//   {"type": "node", "id": 7, "labels": ["Company"], "properties": {"name": "AWS"}}
// or a relationship
//   {"type": "relationship", "label": "BUYS", "start": 7, "end": 9, "properties": {...}}
// The keys of DESIGN §6's output are accepted too (_type, _id, _labels, _rel_type, _start,
// _end), and "start"/"end" may be objects with an "id" (APOC's export). Ids (strings or
// integers) share the default id space with CSV's :ID columns. Unknown keys are ignored.
#include <algorithm>
#include <initializer_list>

#include "engine/loader/import_context.hpp"
#include "engine/loader/import_error.hpp"
#include "engine/loader/json_parser.hpp"
#include "engine/loader/line_reader.hpp"

namespace kg::engine::loader {

namespace {

const Value* member(const Map& object, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    auto it = object.find(n);
    if (it != object.end() && !it->second.is_null()) return &it->second;
  }
  return nullptr;
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// The external id: a string as it is, an integer in decimal.
Result<std::string> id_text(const Value& v, std::string_view what) {
  if (v.is_string()) return v.as_string();
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_map()) {
    if (const Value* id = member(v.as_map(), {"id", "_id"})) return id_text(*id, what);
  }
  return Status::invalid_argument(std::string(what) + " must be a string or an integer id");
}

Status read_properties(ImportContext& ctx, const Map& object, PropertyMap& props) {
  props.clear();
  const Value* p = member(object, {"properties"});
  if (p == nullptr) return Status();
  if (!p->is_map()) return Status::invalid_argument("\"properties\" must be an object");
  for (const auto& [key, value] : p->as_map()) {
    if (value.is_null()) continue;
    props.emplace_back(PropKeyId{ctx.bulk.intern(NameKind::kPropKey, key)}, value);
  }
  std::sort(props.begin(), props.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return Status();
}

enum class Kind { kNode, kRelationship };

// Reads `path`, calling `row` for every object of `kind` (the other kind's lines are checked
// only as JSON).
template <typename F>
Status each_object(ImportContext& ctx, const std::string& path, Kind kind, std::string phase,
                   F&& row) {
  KG_ASSIGN_OR_RETURN(auto file, InputFile::open(path));
  LineReader reader(std::move(file));
  uint32_t file_index = ctx.writer.add_file(path);
  KG_TRY(ctx.progress.begin(std::move(phase), path, [&reader] { return reader.bytes_consumed(); }));
  for (;;) {
    KG_ASSIGN_OR_RETURN(bool more, reader.next());
    if (!more) break;
    if (blank(reader.text())) continue;
    auto parsed = parse_json(reader.text());
    if (!parsed) return import_error(path, reader.line(), parsed.error().message());
    if (!parsed->is_map())
      return import_error(path, reader.line(), "each line must hold one JSON object");
    const Map& object = parsed->as_map();
    const Value* type = member(object, {"type", "_type"});
    if (type == nullptr || !type->is_string() ||
        (type->as_string() != "node" && type->as_string() != "relationship"))
      return import_error(path, reader.line(), "\"type\" must be \"node\" or \"relationship\"");
    Kind k = type->as_string() == "node" ? Kind::kNode : Kind::kRelationship;
    if (k != kind) continue;
    KG_TRY(ctx.progress.row());
    Status s = row(object, RowSource{file_index, reader.line()});
    if (!s.ok()) {
      if (s.code() == StatusCode::kInvalidArgument && !s.message().starts_with(path + ":"))
        return import_error(path, reader.line(), s.message());
      return s;
    }
  }
  ctx.progress.end_file(reader.size());
  return Status();
}

}  // namespace

Status import_jsonl_nodes(ImportContext& ctx, const std::string& path) {
  KG_ASSIGN_OR_RETURN(uint32_t space, ctx.ids.space(""));
  NodeRecord record;
  return each_object(
      ctx, path, Kind::kNode, "nodes", [&](const Map& object, RowSource src) -> Status {
        record.labels.clear();
        if (const Value* labels = member(object, {"labels", "_labels"})) {
          if (!labels->is_list())
            return Status::invalid_argument("\"labels\" must be a list of strings");
          for (const Value& l : labels->as_list()) {
            if (!l.is_string() || l.as_string().empty())
              return Status::invalid_argument("\"labels\" must be a list of non-empty strings");
            record.labels.push_back(LabelId{ctx.bulk.intern(NameKind::kLabel, l.as_string())});
          }
        }
        std::sort(record.labels.begin(), record.labels.end());
        record.labels.erase(std::unique(record.labels.begin(), record.labels.end()),
                            record.labels.end());
        KG_TRY(read_properties(ctx, object, record.properties));
        NodeId id{ctx.writer.next_node_id()};
        if (const Value* external = member(object, {"id", "_id"})) {
          KG_ASSIGN_OR_RETURN(std::string text, id_text(*external, "\"id\""));
          if (ctx.ids.insert(space, text, id)) {
            std::string reason = "duplicate node id '" + text + "'";
            if (!ctx.options.skip_duplicate_nodes)
              return Status::invalid_argument(reason + " (--skip-duplicate-nodes skips such rows)");
            return ctx.skips.skipped_node(path, src.line, reason);
          }
        }
        return ctx.writer.add_node(ctx.writer.allocate_node(), record, src);
      });
}

Status import_jsonl_relationships(ImportContext& ctx, const std::string& path) {
  KG_ASSIGN_OR_RETURN(uint32_t space, ctx.ids.space(""));
  RelRecord record;
  return each_object(
      ctx, path, Kind::kRelationship, "relationships",
      [&](const Map& object, RowSource src) -> Status {
        const Value* type = member(object, {"label", "rel_type", "_rel_type"});
        if (type == nullptr || !type->is_string() || type->as_string().empty())
          return Status::invalid_argument(
              "a relationship needs its type as a non-empty string in \"label\"");
        record.type = TypeId{ctx.bulk.intern(NameKind::kType, type->as_string())};
        NodeId* ends[2] = {&record.src, &record.dst};
        for (int e = 0; e < 2; ++e) {
          const char* name = e == 0 ? "\"start\"" : "\"end\"";
          const Value* v =
              e == 0 ? member(object, {"start", "_start"}) : member(object, {"end", "_end"});
          if (v == nullptr)
            return Status::invalid_argument(std::string("a relationship needs ") + name);
          KG_ASSIGN_OR_RETURN(std::string text, id_text(*v, name));
          auto node = ctx.ids.find(space, text);
          if (!node) {
            std::string reason = std::string(name) + " '" + text + "' is no node's id";
            if (!ctx.options.skip_bad_relationships)
              return Status::invalid_argument(reason +
                                              " (--skip-bad-relationships skips such rows)");
            return ctx.skips.skipped_relationship(path, src.line, reason);
          }
          *ends[e] = *node;
        }
        KG_TRY(read_properties(ctx, object, record.properties));
        return ctx.writer.add_relationship(ctx.writer.allocate_relationship(), record);
      });
}

}  // namespace kg::engine::loader
