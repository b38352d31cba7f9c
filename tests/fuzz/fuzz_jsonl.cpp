// Fuzz target: JSON Lines imports (engine/loader: line_reader, json_parser, jsonl_import). The
// input is the file: each line goes through parse_json (whose values must print), then the file
// is imported.
#include <string>
#include <string_view>

#include "engine/loader/input_file.hpp"
#include "engine/loader/json_parser.hpp"
#include "engine/loader/line_reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/fuzz/fuzz_targets.hpp"

namespace kg::fuzz {

namespace {

constexpr std::string_view kTarget = "jsonl";
namespace loader = engine::loader;

void read_lines(const std::string& path) {
  auto file = loader::InputFile::open(path);
  if (!file) return check_not_internal(kTarget, file.error());
  loader::LineReader reader(std::move(*file));
  for (;;) {
    auto more = reader.next();
    if (!more) return check_not_internal(kTarget, more.error());
    if (!*more) return;
    auto value = loader::parse_json(reader.text());
    if (value) {
      (void)value->to_string();
    } else {
      check_not_internal(kTarget, value.error());
    }
  }
}

}  // namespace

void run_jsonl(const uint8_t* data, size_t size) {
  std::string path = write_scratch_file("input.jsonl", data, size);
  read_lines(path);
  ImportOptions options;
  options.jsonl.push_back(path);
  import_into_scratch_graph(kTarget, std::move(options));
}

}  // namespace kg::fuzz
