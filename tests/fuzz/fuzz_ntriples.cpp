// Fuzz target: N-Triples imports (engine/loader: line_reader, ntriples_reader, ntriples_import).
// The input is the file: each line is parsed, its literals typed and its IRIs shortened as the
// importer does, then the file is imported.
#include <string>
#include <string_view>

#include "engine/loader/input_file.hpp"
#include "engine/loader/line_reader.hpp"
#include "engine/loader/ntriples_reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/fuzz/fuzz_targets.hpp"

namespace kg::fuzz {

namespace {

constexpr std::string_view kTarget = "ntriples";
namespace loader = engine::loader;

void check_term(const loader::Term& term) {
  if (term.kind == loader::TermKind::kLiteral) {
    auto value = loader::literal_value(term);
    if (!value) check_not_internal(kTarget, value.error());
  } else if (term.kind == loader::TermKind::kIri) {
    std::string_view name = loader::local_name(term.value);
    if (name.size() > term.value.size()) fail(kTarget, "local_name is longer than its IRI");
  }
}

void read_lines(const std::string& path) {
  auto file = loader::InputFile::open(path);
  if (!file) return check_not_internal(kTarget, file.error());
  loader::LineReader reader(std::move(*file));
  loader::Triple triple;
  for (;;) {
    auto more = reader.next();
    if (!more) return check_not_internal(kTarget, more.error());
    if (!*more) return;
    auto parsed = loader::parse_ntriples_line(reader.text(), triple);
    if (!parsed) {
      check_not_internal(kTarget, parsed.error());
      continue;
    }
    if (!*parsed) continue;
    check_term(triple.subject);
    check_term(triple.predicate);
    check_term(triple.object);
  }
}

}  // namespace

void run_ntriples(const uint8_t* data, size_t size) {
  std::string path = write_scratch_file("input.nt", data, size);
  read_lines(path);
  ImportOptions options;
  options.ntriples.push_back(path);
  import_into_scratch_graph(kTarget, std::move(options));
}

}  // namespace kg::fuzz
