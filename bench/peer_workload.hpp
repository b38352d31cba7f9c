// The peer harness's workload as kg runs it (../shared/peers, issue 7): its statements in Cypher,
// and the JSON files gen.js writes (queries.json, meta.json). Shared by kgbench (the
// harness's kg peer) and kglookups (one statement's passes, for profiling and A/B runs).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kg/value.hpp"

namespace kg::bench {

// The workload's statements, with the semantics of the peers' queries (cypher_peer.js,
// bench_sqlite.js): outgoing edges of any type, one hop1 row per edge, hop2 counts distinct end
// nodes of 2-edge walks (which may be the start or a 1-hop node), the shortest outgoing path of
// 1..max hops, top 10 by in-degree with ties by name ascending.

inline constexpr std::string_view kConstraint =
    "CREATE CONSTRAINT entity_name IF NOT EXISTS FOR (n:Entity) REQUIRE n.name IS UNIQUE";
inline constexpr std::string_view kPoint =
    "MATCH (n:Entity {name: $name}) RETURN n.id AS id, labels(n) AS labels, n.founded AS founded";
inline constexpr std::string_view kHop1 =
    "MATCH (a:Entity {name: $name})-->(b) RETURN b.name AS name";
inline constexpr std::string_view kHop2 =
    "MATCH (a:Entity {name: $name})-->()-->(c) RETURN count(DISTINCT c) AS n";
// {max} is replaced by queries.json's path_max_hops.
inline constexpr std::string_view kPath =
    "MATCH (a:Entity {name: $a}), (b:Entity {name: $b}), p = shortestPath((a)-[*1..{max}]->(b)) "
    "RETURN length(p) AS len";
inline constexpr std::string_view kAggTypes =
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n";
inline constexpr std::string_view kAggTop10 =
    "MATCH ()-->(b) WITH b, count(*) AS indeg "
    "RETURN b.name AS name, indeg ORDER BY indeg DESC, name ASC LIMIT 10";
inline constexpr std::string_view kReopen =
    "MATCH (n:Entity {name: $name}) RETURN n.founded AS founded";

// Prints "<program>: <what>: <why>" to stderr and exits with status 1: a benchmark stops at its
// first error (the harness's run_all.sh records it).
[[noreturn]] void die(std::string_view what, std::string_view why);

// The JSON document in `file` (gen.js's queries.json or meta.json), parsed as the JSON Lines
// importer parses a line (engine/loader/json_parser.hpp): objects are maps, arrays lists, whole
// numbers integers. Dies when it cannot be read or parsed.
Value read_json(const std::filesystem::path& file);

// The field `key` of a JSON object; dies when `object` is not one or has no such field.
const Value& field(const Value& object, const std::string& key);

// The strings of a JSON array (e.g. queries.json's "point" names); dies on anything else.
std::vector<std::string> strings_of(const Value& array);

}  // namespace kg::bench
