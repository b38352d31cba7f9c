// ImportOptions from a map value, for Cypher's CALL kg.import({...}) (docs/cypher.md):
//   {nodes: [{labels: ['Company'], files: ['companies.csv']}, 'people.csv'],
//    relationships: [{type: 'BUYS', files: ['buys.csv']}],
//    jsonl: ['graph.jsonl'], ntriples: 'data.nt',
//    delimiter: ',', array_delimiter: ';', quote: '"', skip_bad_relationships: true,
//    skip_duplicate_nodes: false, report_file: 'skipped.txt', auto_skip_subsequent_headers: false,
//    sort_memory: 268435456, temp_dir: '/tmp'}
// Keys may also be written in camelCase (arrayDelimiter). A group's `files` (or `file`) is a list
// or one string; `labels` a list or one string ('A:B' for two labels); a bare string is a group of
// one file with no label (or type). `delimiter` and `quote` are one character, or 'TAB'.
#pragma once

#include "kg/import_options.hpp"
#include "kg/status.hpp"
#include "kg/value.hpp"

namespace kg::engine::loader {

// Errors: kInvalidArgument naming the key that is unknown or has the wrong type.
Result<ImportOptions> import_options_from_map(const Map& map);

// The ImportSummary as the row CALL kg.import returns: its field names and values, in order.
std::vector<std::string> summary_fields();
std::vector<Value> summary_row(const ImportSummary& summary);

}  // namespace kg::engine::loader
