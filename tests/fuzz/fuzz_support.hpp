// What the fuzz targets share: failing loudly on a broken invariant, a scratch directory, and a
// scratch graph for the importers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kg/database.hpp"
#include "kg/import_options.hpp"
#include "kg/status.hpp"

namespace kg::fuzz {

// Prints "kg fuzz <target>: <what>" to stderr and aborts.
[[noreturn]] void fail(std::string_view target, std::string_view what);

// Fails when `s` is an internal error: our code reports bad input with the other codes.
void check_not_internal(std::string_view target, const Status& s);

// A directory of this process, created on first use and removed at exit.
const std::string& scratch_dir();

// Writes `size` bytes to scratch_dir()/name and returns the path. Fails when it cannot.
std::string write_scratch_file(std::string_view name, const uint8_t* data, size_t size);

// A graph under scratch_dir() that importers may fill. After `max_uses` calls it is deleted and
// created afresh, so it stays small however many inputs are imported.
// REQUIRES: the previous reference is no longer used.
Database& scratch_graph(int max_uses = 100);

// Imports `options`' files into scratch_graph() (kg::import_files, with a small sort budget and
// the temporary files under scratch_dir()). Fails on an internal error; any other outcome is fine.
void import_into_scratch_graph(std::string_view target, ImportOptions options);

}  // namespace kg::fuzz
