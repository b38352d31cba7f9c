#include "shell/render_jsonl.hpp"

#include "shell/json_writer.hpp"

namespace kg::shell {

std::string render_jsonl(const QueryResult& result) {
  std::string out;
  if (result.columns().empty()) return out;
  for (const Row& row : result.rows()) {
    append_json_row(out, result.columns(), row);
    out.push_back('\n');
  }
  return out;
}

std::string render_json(const QueryResult& result) {
  if (result.columns().empty() || result.rows().empty()) return "[]\n";
  std::string out = "[\n";
  for (size_t i = 0; i < result.rows().size(); ++i) {
    out += "  ";
    append_json_row(out, result.columns(), result.rows()[i]);
    out += i + 1 < result.rows().size() ? ",\n" : "\n";
  }
  out += "]\n";
  return out;
}

}  // namespace kg::shell
