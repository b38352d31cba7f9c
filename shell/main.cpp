// kg: the command line. This first version opens a graph and describes it; the Cypher command
// line (-c, -f, stdin) and the interactive shell of DESIGN.md §6 build on it.
#include <cxxopts.hpp>

#include <iostream>
#include <string>

#include "kg/kg.hpp"

namespace {

int describe(const std::string& path, const kg::Options& options) {
  kg::Database db(path, options);
  if (!db.ok()) {
    std::cerr << "kg: " << db.status().to_string() << "\n";
    return 1;
  }
  auto txn = db.begin_read();
  if (!txn) {
    std::cerr << "kg: " << txn.error().to_string() << "\n";
    return 1;
  }
  auto nodes = txn->count_nodes();
  auto rels = txn->count_relationships();
  auto labels = txn->labels();
  auto types = txn->relationship_types();
  for (const kg::Status& s : {nodes.status(), rels.status(), labels.status(), types.status()}) {
    if (!s.ok()) {
      std::cerr << "kg: " << s.to_string() << "\n";
      return 1;
    }
  }
  std::cout << "graph " << db.path() << " (uuid " << db.uuid() << ")\n"
            << *nodes << " nodes, " << *rels << " relationships\n";
  for (const auto& l : *labels) std::cout << "  :" << l << "  " << *txn->count_nodes(l) << "\n";
  for (const auto& t : *types)
    std::cout << "  [:" << t << "]  " << *txn->count_relationships(t) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  cxxopts::Options cli("kg", "kg: an embedded knowledge-graph database");
  cli.positional_help("DB_DIR").show_positional_help();
  cli.add_options()("h,help", "show this help")("version", "print the version")(
      "no-sync",
      "do not sync the write-ahead log on commit (faster; a machine crash may lose "
      "the last commits)")("db", "graph directory", cxxopts::value<std::string>());
  cli.parse_positional({"db"});
  cxxopts::ParseResult args;
  try {
    args = cli.parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kg: " << e.what() << "\n" << cli.help() << "\n";
    return 2;
  }
  if (args.count("help")) {
    std::cout
        << cli.help() << "\n"
        << "With DB_DIR, opens the graph there (creating it when missing) and describes it.\n";
    return 0;
  }
  if (args.count("version")) {
    std::cout << "kg " << kg::version() << "\n";
    return 0;
  }
  if (!args.count("db")) {
    std::cerr << cli.help() << "\n";
    return 2;
  }
  kg::Options options;
  options.sync_writes = !args.count("no-sync");
  return describe(args["db"].as<std::string>(), options);
}
