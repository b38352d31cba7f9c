#include "engine/loader/options_map.hpp"

#include <type_traits>

namespace kg::engine::loader {

namespace {

// "array_delimiter", "arrayDelimiter" → "arraydelimiter".
std::string normalized(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '_') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

Status wrong(std::string_view key, std::string_view expected) {
  return Status::invalid_argument("kg.import: `" + std::string(key) + "` must be " +
                                  std::string(expected));
}

Result<std::vector<std::string>> strings(const Value& v, std::string_view key) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.push_back(v.as_string());
    return out;
  }
  if (!v.is_list()) return wrong(key, "a string or a list of strings");
  for (const Value& item : v.as_list()) {
    if (!item.is_string()) return wrong(key, "a string or a list of strings");
    out.push_back(item.as_string());
  }
  return out;
}

Result<char> one_char(const Value& v, std::string_view key) {
  if (!v.is_string()) return wrong(key, "a string of one character");
  const std::string& s = v.as_string();
  if (s == "TAB" || s == "\\t") return '\t';
  if (s.size() != 1) return wrong(key, "one character (or 'TAB')");
  return s[0];
}

Result<bool> boolean(const Value& v, std::string_view key) {
  if (!v.is_bool()) return wrong(key, "true or false");
  return v.as_bool();
}

// A group: a string (one file), or a map with files/file and labels/label or type.
template <typename Group>
Status groups(const Value& v, std::string_view key, std::vector<Group>& out) {
  std::vector<Value> items = v.is_list() ? v.as_list() : std::vector<Value>{v};
  for (const Value& item : items) {
    Group g;
    if (item.is_string()) {
      g.files.push_back(item.as_string());
      out.push_back(std::move(g));
      continue;
    }
    if (!item.is_map()) return wrong(key, "a list of file names or of maps with `files`");
    for (const auto& [k, value] : item.as_map()) {
      std::string n = normalized(k);
      if (n == "files" || n == "file") {
        KG_ASSIGN_OR_RETURN(g.files, strings(value, k));
      } else if constexpr (std::is_same_v<Group, NodeFiles>) {
        if (n != "labels" && n != "label")
          return Status::invalid_argument("kg.import: unknown key `" + k + "` in `" +
                                          std::string(key) + "` (files, labels)");
        KG_ASSIGN_OR_RETURN(auto labels, strings(value, k));
        for (const std::string& l : labels) {
          size_t start = 0;
          for (;;) {  // 'A:B' is two labels, as in --nodes=A:B=file
            size_t colon = l.find(':', start);
            std::string part = l.substr(start, colon - start);
            if (!part.empty()) g.labels.push_back(part);
            if (colon == std::string::npos) break;
            start = colon + 1;
          }
        }
      } else {
        if (n != "type")
          return Status::invalid_argument("kg.import: unknown key `" + k + "` in `" +
                                          std::string(key) + "` (files, type)");
        if (!value.is_string()) return wrong(k, "a string");
        g.type = value.as_string();
      }
    }
    if (g.files.empty()) return wrong(key, "groups that name at least one file");
    out.push_back(std::move(g));
  }
  return Status();
}

}  // namespace

Result<ImportOptions> import_options_from_map(const Map& map) {
  ImportOptions o;
  for (const auto& [key, v] : map) {
    if (v.is_null()) continue;
    std::string n = normalized(key);
    if (n == "nodes") {
      KG_TRY(groups(v, key, o.nodes));
    } else if (n == "relationships") {
      KG_TRY(groups(v, key, o.relationships));
    } else if (n == "jsonl") {
      KG_ASSIGN_OR_RETURN(o.jsonl, strings(v, key));
    } else if (n == "ntriples") {
      KG_ASSIGN_OR_RETURN(o.ntriples, strings(v, key));
    } else if (n == "delimiter") {
      KG_ASSIGN_OR_RETURN(o.delimiter, one_char(v, key));
    } else if (n == "arraydelimiter") {
      KG_ASSIGN_OR_RETURN(o.array_delimiter, one_char(v, key));
    } else if (n == "quote") {
      KG_ASSIGN_OR_RETURN(o.quote, one_char(v, key));
    } else if (n == "skipbadrelationships") {
      KG_ASSIGN_OR_RETURN(o.skip_bad_relationships, boolean(v, key));
    } else if (n == "skipduplicatenodes") {
      KG_ASSIGN_OR_RETURN(o.skip_duplicate_nodes, boolean(v, key));
    } else if (n == "autoskipsubsequentheaders") {
      KG_ASSIGN_OR_RETURN(o.auto_skip_subsequent_headers, boolean(v, key));
    } else if (n == "reportfile") {
      if (!v.is_string()) return wrong(key, "a string");
      o.report_file = v.as_string();
    } else if (n == "tempdir") {
      if (!v.is_string()) return wrong(key, "a string");
      o.temp_dir = v.as_string();
    } else if (n == "sortmemory") {
      if (!v.is_int() || v.as_int() <= 0) return wrong(key, "a positive integer (bytes)");
      o.sort_memory_bytes = static_cast<uint64_t>(v.as_int());
    } else {
      return Status::invalid_argument(
          "kg.import: unknown option `" + key +
          "` (nodes, relationships, jsonl, ntriples, delimiter, array_delimiter, quote, "
          "skip_bad_relationships, skip_duplicate_nodes, report_file, "
          "auto_skip_subsequent_headers, sort_memory, temp_dir)");
    }
  }
  return o;
}

std::vector<std::string> summary_fields() {
  return {"nodes",         "relationships",         "properties",
          "skipped_nodes", "skipped_relationships", "seconds"};
}

std::vector<Value> summary_row(const ImportSummary& s) {
  return {Value(static_cast<int64_t>(s.nodes)),
          Value(static_cast<int64_t>(s.relationships)),
          Value(static_cast<int64_t>(s.properties)),
          Value(static_cast<int64_t>(s.skipped_nodes)),
          Value(static_cast<int64_t>(s.skipped_relationships)),
          Value(s.seconds)};
}

}  // namespace kg::engine::loader
