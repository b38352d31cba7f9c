// The text of :help: the keys, every command with one line on it, where history and start-up
// commands live, and a few example queries written for the open graph (its most common label,
// relationship type and property keys; an empty graph gets a CREATE to start from).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shell/commands.hpp"
#include "shell/schema_view.hpp"

namespace kg::shell {

// Statements to try on a graph that holds `schema`.
std::vector<std::string> example_queries(const SchemaView& schema);

// The whole of :help, its lines broken at blanks to fit in `width` terminal columns (0: as they
// come).
std::string help_text(const SchemaView& schema, size_t width = 0);

// :help COMMAND: its usage and summary.
std::string command_help(const CommandInfo& command);

}  // namespace kg::shell
