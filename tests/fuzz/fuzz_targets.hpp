// The fuzz targets (docs/fuzzing.md) as plain functions, so that libFuzzer (libfuzzer_main.cpp)
// and the regression test (tests/unit/fuzz/) run exactly the same code.
//
// Each takes any bytes. Invalid input must end in an error Status, never a crash. A broken
// invariant — an internal error (kInternal: an exception or a "cannot happen" state), or a value
// that does not survive its own encoding — is printed to stderr and aborts, which libFuzzer reports
// as a crash and which fails the regression test.
// Thread-safety: not thread-safe; the targets keep state (a scratch directory, an open graph) in
// function-local statics for the life of the process.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kg::fuzz {

// Parses the input as one Cypher statement and, when it parses, binds and plans it
// (kg::Connection::prepare) against a small graph. Nothing is executed.
void run_cypher(const uint8_t* data, size_t size);

// Runs the input as one statement on a small graph, inside BEGIN ... ROLLBACK so the graph stays
// as it is. Inputs over kMaxQueryBytes are ignored; a statement running longer than
// kQueryTimeLimitMs is interrupted (kg::Connection::interrupt).
void run_query(const uint8_t* data, size_t size);
constexpr size_t kMaxQueryBytes = 4096;
constexpr int kQueryTimeLimitMs = 1000;

// Byte 0 picks the file kind and dialect (fuzz_csv.cpp); the rest is one CSV file, read record by
// record with CsvReader, then imported (kg::import_files) into a scratch graph.
void run_csv(const uint8_t* data, size_t size);
// The input as a JSON Lines file: each line through parse_json, then the file imported.
void run_jsonl(const uint8_t* data, size_t size);
// The input as an N-Triples file: each line parsed and its literals typed, then the file imported.
void run_ntriples(const uint8_t* data, size_t size);

// The input as an encoded property value, node record and relationship record (value_codec).
// Whatever decodes must re-encode to bytes that decode to the same encoding again.
void run_value_decoder(const uint8_t* data, size_t size);

}  // namespace kg::fuzz
