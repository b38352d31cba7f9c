// Fuzz target: the Cypher front end — lexer, parser, binder and planner — through
// kg::Connection::prepare, against small_graph() so that labels, keys and indexes resolve.
#include <memory>
#include <string_view>

#include "kg/connection.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/fuzz/fuzz_targets.hpp"
#include "tests/fuzz/small_graph.hpp"

namespace kg::fuzz {

void run_cypher(const uint8_t* data, size_t size) {
  Database& db = small_graph();
  static Connection conn(db);  // process lifetime: see fuzz_targets.hpp
  std::string_view text(reinterpret_cast<const char*>(data), size);
  PreparedStatement statement = conn.prepare(text);
  check_not_internal("cypher", statement.status());
}

}  // namespace kg::fuzz
