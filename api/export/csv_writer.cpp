// CSV export in the importer's format (neo4j-admin's headers), so that export → import gives the
// same graph:
//
//   nodes_Company.csv          :ID,:LABEL,name:string,founded:long
//                              7,Company,"AWS",2006
//   relationships_BUYS.csv     :START_ID,:END_ID,:TYPE,units:long
//                              7,9,BUYS,1000000
//
// :ID is the stored node id. Column types: boolean, long (every integer), double (every float:
// always with a '.' or an exponent, NaN, Infinity, -Infinity), string, and their arrays (`long[]`,
// elements joined by ';'). Strings are always quoted, a '"' doubled, so "" is the empty string and
// an empty field is null (the property is absent); an empty list is written "" in an array column.
//
// One file per label set (nodes) or type (relationships). Within it, a property key has one type.
// When a key holds values of different types (a string on one node, an integer on another), the
// nodes that disagree with the first file go to the first further file of the same label set
// where they agree, nodes_Company_2.csv and so on; so the files of a label set are few and every
// value keeps its type.
//
// Not representable, and refused with kNotSupported naming the element and key: maps, lists of
// lists, lists mixing types or holding nulls, a string in a list that contains ';', the list
// [""] (which would read back as []), a label holding ';', and a key that is empty or holds '('
// (the importer reads a header cell up to '(' as "name:type").
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "api/export/names.hpp"
#include "api/export/subgraph.hpp"

namespace kg::api {

namespace {

constexpr char kArrayDelimiter = ';';
// The column type of a key that held only empty lists so far: any array type fits it.
constexpr std::string_view kAnyArray = "[]";

std::string_view scalar_type(ValueType t) {
  switch (t) {
    case ValueType::kBool:
      return "boolean";
    case ValueType::kInt:
      return "long";
    case ValueType::kFloat:
      return "double";
    case ValueType::kString:
      return "string";
    default:
      return "";
  }
}

// The CSV column type of `v` ("long", "string[]", kAnyArray for an empty list), or why it has none.
Result<std::string> column_type(const Value& v) {
  if (v.is_list()) {
    const List& l = v.as_list();
    if (l.empty()) return std::string(kAnyArray);
    std::string_view t = scalar_type(l[0].type());
    for (const Value& e : l) {
      if (e.type() != l[0].type() || t.empty())
        return Status::not_supported(e.is_null()                 ? "a list holding null"
                                     : e.is_list() || e.is_map() ? "a list of lists or maps"
                                                                 : "a list mixing types");
      if (e.is_string() && e.as_string().find(kArrayDelimiter) != std::string::npos)
        return Status::not_supported("a string holding ';' in a list");
    }
    if (l.size() == 1 && l[0].is_string() && l[0].as_string().empty())
      return Status::not_supported("the list [\"\"]");
    return std::string(t) + "[]";
  }
  std::string_view t = scalar_type(v.type());
  if (t.empty())
    return Status::not_supported(std::string("a ") + std::string(value_type_name(v.type())));
  return std::string(t);
}

bool is_array_type(std::string_view t) { return t.size() >= 2 && t.substr(t.size() - 2) == "[]"; }

// Whether a column of type `have` can hold a value of type `want`; if so, the column's type after.
std::optional<std::string> merge_types(std::string_view have, std::string_view want) {
  if (have == want) return std::string(have);
  if (have == kAnyArray && is_array_type(want)) return std::string(want);
  if (want == kAnyArray && is_array_type(have)) return std::string(have);
  return std::nullopt;
}

void append_quoted(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_scalar(std::string& out, const Value& v) {
  switch (v.type()) {
    case ValueType::kBool:
      out += v.as_bool() ? "true" : "false";
      return;
    case ValueType::kInt:
      out += std::to_string(v.as_int());
      return;
    case ValueType::kFloat:
      out += format_float(v.as_float());
      return;
    case ValueType::kString:
      out += v.as_string();
      return;
    default:
      return;
  }
}

// One field; null is the empty field.
void append_field(std::string& out, const Value& v) {
  if (v.is_null()) return;
  if (v.is_string()) return append_quoted(out, v.as_string());
  if (!v.is_list()) return append_scalar(out, v);
  std::string joined;
  bool strings = false;
  for (size_t i = 0; i < v.as_list().size(); ++i) {
    if (i > 0) joined.push_back(kArrayDelimiter);
    append_scalar(joined, v.as_list()[i]);
    strings = strings || v.as_list()[i].is_string();
  }
  if (strings || joined.empty())
    append_quoted(out, joined);
  else
    out += joined;
}

// A header cell, label or type: quoted only when it must be.
void append_name(std::string& out, std::string_view cell) {
  bool edge_space = !cell.empty() && (std::isspace(static_cast<unsigned char>(cell.front())) ||
                                      std::isspace(static_cast<unsigned char>(cell.back())));
  if (edge_space || cell.find_first_of(",\"\r\n") != std::string_view::npos)
    append_quoted(out, cell);
  else
    out += cell;
}

// One output file: the elements it holds and the type of each of its keys.
template <typename Element>
struct CsvFile {
  std::map<std::string, std::string> types;  // key → column type
  std::vector<const Element*> elements;
};

// Puts each element of one group in the first file whose key types it agrees with.
template <typename Element>
Result<std::vector<CsvFile<Element>>> partition(const std::vector<const Element*>& group) {
  std::vector<CsvFile<Element>> files;
  std::map<std::string, std::string> mine;
  for (const Element* e : group) {
    mine.clear();
    for (const auto& [k, v] : e->properties) {
      // The importer reads a header cell up to its first '(' as "name:type(id space)".
      if (k.empty() || k.find('(') != std::string::npos)
        return Status::not_supported("CSV cannot name property `" + k + "` of " + element_name(*e) +
                                     " in a header (an empty key, or one holding '('); export "
                                     "as jsonl instead");
      auto t = column_type(v);
      if (!t)
        return Status::not_supported("CSV cannot hold property `" + k + "` of " + element_name(*e) +
                                     " (" + t.error().message() + "); export as jsonl instead");
      mine.emplace(k, std::move(*t));
    }
    CsvFile<Element>* home = nullptr;
    for (auto& f : files) {
      bool fits = std::all_of(mine.begin(), mine.end(), [&](const auto& kv) {
        auto it = f.types.find(kv.first);
        return it == f.types.end() || merge_types(it->second, kv.second).has_value();
      });
      if (fits) {
        home = &f;
        break;
      }
    }
    if (home == nullptr) home = &files.emplace_back();
    for (const auto& [k, t] : mine) {
      auto it = home->types.find(k);
      if (it == home->types.end())
        home->types.emplace(k, t);
      else
        it->second = *merge_types(it->second, t);
    }
    home->elements.push_back(e);
  }
  for (auto& f : files)
    for (auto& [k, t] : f.types)
      if (t == kAnyArray) t = "string[]";
  return files;
}

// A file name part made of [A-Za-z0-9_-] only.
std::string file_safe(std::string_view s) {
  std::string out;
  for (char c : s)
    out.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '_');
  return out;
}

class Writer {
 public:
  Writer(const std::string& dir, std::vector<std::string>& files) : dir_(dir), files_(files) {}

  // Writes `rows` (each a complete line) under a name made of `base`, unique in this export.
  Status write_file(const std::string& base, const std::string& header,
                    const std::vector<std::string>& rows) {
    std::string name = base + ".csv";
    for (int n = 2; used_.contains(name); ++n) name = base + "_" + std::to_string(n) + ".csv";
    used_.insert(name);
    std::string path = (std::filesystem::path(dir_) / name).string();
    std::ofstream out(path, std::ios::binary);
    if (!out) return Status::io_error("cannot create " + path);
    out << header;
    for (const std::string& row : rows) out << row;
    out.flush();
    if (!out) return Status::io_error("cannot write " + path);
    files_.push_back(path);
    return Status();
  }

 private:
  std::string dir_;
  std::vector<std::string>& files_;
  std::set<std::string> used_;
};

template <typename Element>
std::string header_of(const CsvFile<Element>& f, std::initializer_list<const char*> fixed) {
  std::string header;
  for (const char* c : fixed) {
    if (!header.empty()) header.push_back(',');
    header += c;
  }
  for (const auto& [k, t] : f.types) {
    header.push_back(',');
    append_name(header, k + ":" + t);
  }
  return header + "\n";
}

void append_properties(std::string& row, const std::map<std::string, std::string>& types,
                       const Map& properties) {
  for (const auto& [k, t] : types) {
    row.push_back(',');
    auto it = properties.find(k);
    if (it != properties.end()) append_field(row, it->second);
  }
}

std::string id_field(NodeId id) { return std::to_string(to_underlying(id)); }

}  // namespace

Status write_csv(const Subgraph& graph, const std::string& dir, std::vector<std::string>& files) {
  Writer writer(dir, files);

  std::map<std::vector<std::string>, std::vector<const Node*>> by_labels;
  for (const Node& n : graph.nodes) {
    for (const std::string& l : n.labels)
      if (l.find(kArrayDelimiter) != std::string::npos)
        return Status::not_supported("CSV cannot hold the label `" + l + "` of " + element_name(n) +
                                     ": it contains ';'");
    std::vector<std::string> key = n.labels;
    std::sort(key.begin(), key.end());
    by_labels[key].push_back(&n);
  }
  for (const auto& [labels, group] : by_labels) {
    std::string base = "nodes";
    for (const std::string& l : labels) base += "_" + file_safe(l);
    KG_ASSIGN_OR_RETURN(auto parts, partition(group));
    for (const auto& f : parts) {
      std::vector<std::string> rows;
      rows.reserve(f.elements.size());
      for (const Node* n : f.elements) {
        std::string row = id_field(n->id) + ",";
        std::string joined;
        for (size_t i = 0; i < n->labels.size(); ++i) {
          if (i > 0) joined.push_back(kArrayDelimiter);
          joined += n->labels[i];
        }
        append_name(row, joined);
        append_properties(row, f.types, n->properties);
        rows.push_back(row + "\n");
      }
      KG_TRY(writer.write_file(base, header_of(f, {":ID", ":LABEL"}), rows));
    }
  }

  std::map<std::string, std::vector<const Relationship*>> by_type;
  for (const Relationship& r : graph.relationships) by_type[r.type].push_back(&r);
  for (const auto& [type, group] : by_type) {
    KG_ASSIGN_OR_RETURN(auto parts, partition(group));
    for (const auto& f : parts) {
      std::vector<std::string> rows;
      rows.reserve(f.elements.size());
      for (const Relationship* r : f.elements) {
        std::string row = id_field(r->start) + "," + id_field(r->end) + ",";
        append_name(row, r->type);
        append_properties(row, f.types, r->properties);
        rows.push_back(row + "\n");
      }
      KG_TRY(writer.write_file("relationships_" + file_safe(type),
                               header_of(f, {":START_ID", ":END_ID", ":TYPE"}), rows));
    }
  }
  return Status();
}

}  // namespace kg::api
