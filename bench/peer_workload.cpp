#include "bench/peer_workload.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/loader/json_parser.hpp"

namespace kg::bench {

void die(std::string_view what, std::string_view why) {
  std::fprintf(stderr, "%s: %.*s: %.*s\n", program_invocation_short_name,
               static_cast<int>(what.size()), what.data(), static_cast<int>(why.size()),
               why.data());
  std::exit(1);
}

Value read_json(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) die(file.string(), "cannot read");
  std::stringstream text;
  text << in.rdbuf();
  Result<Value> parsed = engine::loader::parse_json(text.str());
  if (!parsed.has_value()) die(file.string(), parsed.error().to_string());
  return std::move(parsed).value();
}

const Value& field(const Value& object, const std::string& key) {
  if (!object.is_map()) die("JSON", "expected an object with field " + key);
  auto it = object.as_map().find(key);
  if (it == object.as_map().end()) die("JSON", "no field " + key);
  return it->second;
}

std::vector<std::string> strings_of(const Value& array) {
  if (!array.is_list()) die("JSON", "expected an array of strings");
  std::vector<std::string> out;
  for (const Value& v : array.as_list()) {
    if (!v.is_string()) die("JSON", "expected a string, got " + v.to_string());
    out.push_back(v.as_string());
  }
  return out;
}

}  // namespace kg::bench
