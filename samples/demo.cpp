// kg_demo: the facts of ../shared/seed (the Nvidia–AWS GPU deal, March 2026) stored and read back
// through the embedding API, without Cypher.
//
//   kg_demo DB_DIR    creates the sample graph in DB_DIR when it is empty, then prints every
//   relation
//                     and answers "what does AWS buy?"
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "kg/kg.hpp"

namespace {

constexpr const char* kSource = "Reuters via Invest Alpha Pro, 2026-03-19";

struct Entity {
  const char* key;
  std::vector<std::string> labels;
  kg::Map properties;
};

struct Relation {
  const char* from;
  const char* type;
  const char* to;
  kg::Map properties;
};

const std::vector<Entity>& entities() {
  static const std::vector<Entity> kEntities = {
      {"nvidia", {"Company"}, {{"name", "Nvidia"}, {"ticker", "NVDA"}}},
      {"amazon", {"Company"}, {{"name", "Amazon"}, {"ticker", "AMZN"}}},
      {"aws", {"Company"}, {{"name", "AWS"}, {"full_name", "Amazon Web Services"}}},
      {"groq", {"Company"}, {{"name", "Groq"}, {"kind", "AI chip developer"}}},
      {"buck", {"Person"}, {{"name", "Ian Buck"}}},
      {"huang", {"Person"}, {{"name", "Jensen Huang"}}},
      {"blackwell", {"Product", "Chip"}, {{"name", "Blackwell"}, {"kind", "GPU architecture"}}},
      {"rubin", {"Product", "Chip"}, {{"name", "Rubin"}, {"kind", "GPU architecture"}}},
      {"groq_chip", {"Product", "Chip"}, {{"name", "Groq inference processor"}}},
      {"spectrum_x", {"Product"}, {{"name", "Spectrum-X"}, {"kind", "networking"}}},
      {"connectx", {"Product"}, {{"name", "ConnectX"}, {"kind", "networking"}}},
      {"trainium2", {"Product", "Chip"}, {{"name", "Trainium2"}, {"kind", "AI processor"}}},
  };
  return kEntities;
}

const std::vector<Relation>& relations() {
  static const std::vector<Relation> kRelations = {
      {"aws", "BUYS", "blackwell", {{"units", 1000000}, {"valid_from", 2025}, {"valid_to", 2027}}},
      {"aws", "BUYS", "rubin", {{"valid_from", 2025}, {"valid_to", 2027}}},
      {"aws", "BUYS", "groq_chip", {{"purpose", "inference"}}},
      {"aws", "BUYS", "spectrum_x", {{"purpose", "networking"}}},
      {"aws", "BUYS", "connectx", {{"purpose", "networking"}}},
      {"nvidia", "SUPPLIES", "aws", {{"units", 1000000}, {"valid_from", 2025}, {"valid_to", 2027}}},
      {"nvidia", "LICENSES", "groq", {{"value_usd", 17000000000}}},
      {"nvidia", "MAKES", "blackwell", {}},
      {"nvidia", "MAKES", "rubin", {}},
      {"nvidia", "MAKES", "groq_chip", {}},
      {"nvidia", "MAKES", "spectrum_x", {}},
      {"nvidia", "MAKES", "connectx", {}},
      {"amazon", "OWNS", "aws", {}},
      {"amazon", "MAKES", "trainium2", {}},
      {"buck", "WORKS_FOR", "nvidia", {{"role", "VP"}}},
      {"huang", "WORKS_FOR", "nvidia", {{"role", "CEO"}}},
  };
  return kRelations;
}

kg::Status create_sample(kg::Database& db) {
  KG_ASSIGN_OR_RETURN(kg::Transaction txn, db.begin_write());
  KG_TRY(txn.create_unique_constraint("Company", "name"));
  std::map<std::string, kg::NodeId> ids;
  for (const Entity& e : entities()) {
    KG_ASSIGN_OR_RETURN(ids[e.key], txn.create_node(e.labels, e.properties));
  }
  for (const Relation& r : relations()) {
    kg::Map props = r.properties;
    props["source"] = kSource;
    KG_TRY(txn.create_relationship(ids.at(r.from), r.type, ids.at(r.to), props).status());
  }
  return txn.commit();
}

std::string name_of(const kg::Transaction& txn, kg::NodeId id) {
  auto node = txn.get_node(id);
  if (!node || !*node) return "?";
  auto it = (*node)->properties.find("name");
  return it == (*node)->properties.end() ? "?" : it->second.as_string();
}

kg::Status print_graph(kg::Database& db) {
  KG_ASSIGN_OR_RETURN(kg::Transaction txn, db.begin_read());
  KG_ASSIGN_OR_RETURN(uint64_t nodes, txn.count_nodes());
  KG_ASSIGN_OR_RETURN(uint64_t rels, txn.count_relationships());
  std::cout << "graph " << db.path() << ": " << nodes << " entities, " << rels << " relations\n\n";
  KG_ASSIGN_OR_RETURN(std::vector<std::string> labels, txn.labels());
  for (const std::string& label : labels) {
    KG_ASSIGN_OR_RETURN(std::vector<kg::Node> members, txn.nodes_with_label(label));
    for (const kg::Node& n : members) {
      KG_ASSIGN_OR_RETURN(auto out, txn.relationships(n.id, kg::Direction::kOutgoing));
      if (label != n.labels.front()) continue;  // print each entity once, under its first label
      for (const kg::Relationship& r : out) {
        kg::Map shown = r.properties;
        shown.erase("source");
        std::cout << "(" << name_of(txn, r.start) << ")-[:" << r.type;
        if (!shown.empty()) std::cout << ' ' << kg::Value(shown).to_string();
        std::cout << "]->(" << name_of(txn, r.end) << ")\n";
      }
    }
  }
  std::cout << "\nWhat does AWS buy?\n";
  KG_ASSIGN_OR_RETURN(std::vector<kg::Node> aws, txn.find_nodes("Company", "name", "AWS"));
  for (const kg::Node& company : aws) {
    KG_ASSIGN_OR_RETURN(auto buys, txn.relationships(company.id, kg::Direction::kOutgoing, "BUYS"));
    for (const kg::Relationship& r : buys) std::cout << "  " << name_of(txn, r.end) << "\n";
  }
  return kg::Status();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kg_demo DB_DIR\n";
    return 2;
  }
  kg::Database db(argv[1]);
  if (!db.ok()) {
    std::cerr << "kg_demo: " << db.status().to_string() << "\n";
    return 1;
  }
  kg::Status s = [&]() -> kg::Status {
    KG_ASSIGN_OR_RETURN(kg::Transaction txn, db.begin_read());
    KG_ASSIGN_OR_RETURN(uint64_t nodes, txn.count_nodes());
    txn.rollback();
    if (nodes == 0) KG_TRY(create_sample(db));
    return print_graph(db);
  }();
  if (!s.ok()) {
    std::cerr << "kg_demo: " << s.to_string() << "\n";
    return 1;
  }
  return 0;
}
