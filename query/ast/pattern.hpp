// Graph patterns: (a:Label {k: v})-[r:TYPE|OTHER*1..3 {k: v}]->(b), optionally named p = ...,
// optionally inside shortestPath(...) / allShortestPaths(...).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/ast/expression.hpp"

namespace kg::query::ast {

struct NodePattern {
  SourcePos pos;
  std::string variable;  // empty when anonymous
  std::vector<std::string> labels;
  ExprPtr properties;  // a map literal or a parameter; null when absent
};

enum class RelDirection : uint8_t {
  kOutgoing,    // -[]->
  kIncoming,    // <-[]-
  kUndirected,  // -[]- or <-[]->
};

struct RelPattern {
  SourcePos pos;
  std::string variable;
  std::vector<std::string> types;  // alternatives; empty = any type
  ExprPtr properties;
  RelDirection direction = RelDirection::kUndirected;
  bool variable_length = false;  // *, *2, *1..3, *..3, *2..
  std::optional<int64_t> min_hops;
  std::optional<int64_t> max_hops;
};

enum class ShortestKind : uint8_t { kNone, kShortest, kAllShortest };

// nodes.size() == rels.size() + 1; rels[i] joins nodes[i] and nodes[i + 1].
struct PatternPart {
  SourcePos pos;
  std::string path_variable;  // p in p = (...); empty when none
  ShortestKind shortest = ShortestKind::kNone;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

using Pattern = std::vector<PatternPart>;

PatternPart clone_pattern_part(const PatternPart& part);

}  // namespace kg::query::ast
