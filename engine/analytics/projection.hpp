// Projection: an immutable, in-memory compressed-sparse-row copy of (part of) the graph, as one
// transaction sees it, for the algorithms in engine/analytics (DESIGN.md §8).
//
// Vertices are dense indices 0..n-1 given to the projected nodes in increasing NodeId order, so
// index order is id order and vertex(id) is a binary search. Each stored relationship between two
// projected nodes is one directed edge (parallel edges and self-loops kept), carrying its RelId
// and a weight. The graph is bidirectional: out_edges and in_edges are both O(degree).
//
// Thread-safety: immutable once built; share it freely (std::shared_ptr<const Projection>).
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/analytics/run_control.hpp"
#include "engine/types.hpp"
#include "kg/status.hpp"

namespace kg::engine {
class Transaction;
}

namespace kg::engine::analytics {

struct EdgeData {
  double weight = 1.0;
  RelId rel{};
};

using Vertex = uint32_t;
using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeData,
                                               boost::no_property, Vertex, uint32_t>;
using Edge = boost::graph_traits<Csr>::edge_descriptor;

// Which edges an algorithm follows from a vertex.
enum class Orientation { kOutgoing, kIncoming, kBoth };

// Which part of the graph to project.
struct ProjectionSpec {
  // Nodes with any of these labels; empty = every node.
  std::vector<std::string> labels;
  // Relationships of any of these types (between projected nodes); empty = every type.
  std::vector<std::string> types;
  // A numeric relationship property used as weight; empty = unweighted (every weight is 1).
  std::string weight;
  // The weight of a relationship whose `weight` property is missing or not a number.
  double default_weight = 1.0;

  // Labels and types sorted and deduplicated, so equal selections compare equal.
  ProjectionSpec normalized() const;
  bool operator==(const ProjectionSpec&) const = default;
};

class Projection {
 public:
  Projection(ProjectionSpec spec, std::optional<uint64_t> version, std::vector<NodeId> nodes,
             Csr graph, double build_seconds);
  Projection(const Projection&) = delete;
  Projection& operator=(const Projection&) = delete;

  const Csr& graph() const { return graph_; }
  const ProjectionSpec& spec() const { return spec_; }
  // The Transaction::snapshot_version() it was built from; nullopt for a private projection.
  std::optional<uint64_t> version() const { return version_; }
  bool weighted() const { return !spec_.weight.empty(); }

  size_t node_count() const { return nodes_.size(); }
  size_t relationship_count() const { return boost::num_edges(graph_); }
  NodeId node_id(Vertex v) const { return nodes_[v]; }
  // The vertex of a node; nullopt when the node is not in the projection.
  std::optional<Vertex> vertex(NodeId id) const;

  // Bytes held by the CSR arrays, edge data and the vertex→node map (an estimate from their
  // sizes; allocator overhead not counted).
  size_t memory_bytes() const;
  double build_seconds() const { return build_seconds_; }

 private:
  ProjectionSpec spec_;
  std::optional<uint64_t> version_;
  std::vector<NodeId> nodes_;  // sorted; nodes_[v] is vertex v's node
  Csr graph_;
  double build_seconds_ = 0;
};

// Builds the projection of `spec` from what `txn` sees: one scan of the selected labels' nodes
// (or of all nodes) and one scan of all relationships. Unknown labels, types or property keys
// select nothing (they are not errors). Errors: storage errors; kInterrupted.
// REQUIRES: `txn` is open.
Result<std::shared_ptr<const Projection>> build_projection(const Transaction& txn,
                                                           const ProjectionSpec& spec,
                                                           const RunControl& control);

}  // namespace kg::engine::analytics
