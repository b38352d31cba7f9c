// Fuzz target: CSV imports (engine/loader: csv_reader, csv_header, field_value, csv_import). The
// input is one flags byte and the file:
//   bit 0     the file holds relationships (else nodes); a node file with ids 1 to 4 (`id:ID`)
//             is imported with it
//   bits 1-2  the delimiter: ',' ';' '\t' '|'
//   bit 3     the quote: '"' or '\''
//   bits 4-5  skip_bad_relationships, skip_duplicate_nodes
//   bits 6-7  the array delimiter: ';' '|' ',' ' '
// The file is first read record by record (reader, header, every property field), then imported.
#include <string>
#include <string_view>

#include "engine/loader/csv_header.hpp"
#include "engine/loader/csv_reader.hpp"
#include "engine/loader/field_value.hpp"
#include "engine/loader/input_file.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/fuzz/fuzz_targets.hpp"

namespace kg::fuzz {

namespace {

constexpr std::string_view kTarget = "csv";
namespace loader = engine::loader;

// Reads every record the way an import does, without a graph.
void read_records(const std::string& path, const ImportOptions& options, loader::FileKind kind) {
  auto file = loader::InputFile::open(path);
  if (!file) return check_not_internal(kTarget, file.error());
  loader::CsvReader reader(std::move(*file), {options.delimiter, options.quote});
  Result<std::vector<loader::Column>> columns = Status(StatusCode::kInvalidArgument, "no header");
  bool first = true;
  for (;;) {
    auto more = reader.next();
    if (!more) return check_not_internal(kTarget, more.error());
    if (!*more) return;
    auto fields = reader.fields();
    if (first) {
      columns = loader::parse_header(fields, kind, path, reader.line());
      if (!columns) check_not_internal(kTarget, columns.error());
      first = false;
      continue;
    }
    if (!columns || columns->size() != fields.size()) continue;
    for (size_t i = 0; i < fields.size(); ++i) {
      const loader::Column& c = (*columns)[i];
      if (c.role != loader::ColumnRole::kProperty) continue;
      auto v = loader::parse_field(fields[i], c.type, options.array_delimiter);
      if (!v) check_not_internal(kTarget, v.error());
    }
  }
}

}  // namespace

void run_csv(const uint8_t* data, size_t size) {
  if (size == 0) return;
  const uint8_t flags = data[0];
  ImportOptions options;
  options.delimiter = ",;\t|"[(flags >> 1) & 3];
  options.quote = (flags & 8) != 0 ? '\'' : '"';
  options.skip_bad_relationships = (flags & 16) != 0;
  options.skip_duplicate_nodes = (flags & 32) != 0;
  options.array_delimiter = ";|, "[(flags >> 6) & 3];
  const bool relationships = (flags & 1) != 0;
  std::string path = write_scratch_file("input.csv", data + 1, size - 1);

  read_records(path, options,
               relationships ? loader::FileKind::kRelationships : loader::FileKind::kNodes);

  if (relationships) {
    const char d = options.delimiter;
    std::string text = std::string("id:ID") + d + "name\n";
    for (char id = '1'; id <= '4'; ++id) text += std::string(1, id) + d + "n\n";
    std::string nodes =
        write_scratch_file("nodes.csv", reinterpret_cast<const uint8_t*>(text.data()), text.size());
    options.nodes.push_back({{"N"}, {nodes}});
    options.relationships.push_back({"REL", {path}});
  } else {
    options.nodes.push_back({{"Fuzz"}, {path}});
  }
  import_into_scratch_graph(kTarget, std::move(options));
}

}  // namespace kg::fuzz
