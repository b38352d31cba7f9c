// The exit statuses shared by the kg command and its subcommands (kg import, kg export, kg check);
// `kg --help` lists them.
#pragma once

namespace kg::shell {

inline constexpr int kExitFailure = 1;  // the command ran and failed (a query or import error)
inline constexpr int kExitUsage = 2;    // bad arguments: nothing was done
inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C (128 + SIGINT, as shells do)

}  // namespace kg::shell
