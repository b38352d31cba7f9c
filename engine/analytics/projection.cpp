#include "engine/analytics/projection.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "engine/txn/transaction.hpp"

namespace kg::engine::analytics {

namespace {

constexpr uint64_t kCheckEvery = 1 << 16;  // relationships between interrupt checks

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

ProjectionSpec ProjectionSpec::normalized() const {
  ProjectionSpec s = *this;
  sort_unique(s.labels);
  sort_unique(s.types);
  if (s.weight.empty()) s.default_weight = 1.0;
  return s;
}

Projection::Projection(ProjectionSpec spec, std::optional<uint64_t> version,
                       std::vector<NodeId> nodes, Csr graph, double build_seconds)
    : spec_(std::move(spec)),
      version_(version),
      nodes_(std::move(nodes)),
      graph_(std::move(graph)),
      build_seconds_(build_seconds) {}

std::optional<Vertex> Projection::vertex(NodeId id) const {
  auto it = std::lower_bound(nodes_.begin(), nodes_.end(), id);
  if (it == nodes_.end() || *it != id) return std::nullopt;
  return static_cast<Vertex>(it - nodes_.begin());
}

size_t Projection::memory_bytes() const {
  const size_t n = nodes_.size(), m = relationship_count();
  // forward: row starts, targets, edge data; backward: row starts, sources, forward edge index.
  return n * sizeof(NodeId) + 2 * (n + 1) * sizeof(uint32_t) + m * sizeof(Vertex) +
         m * sizeof(EdgeData) + m * (sizeof(Vertex) + sizeof(uint32_t)) + sizeof(Projection);
}

Result<std::shared_ptr<const Projection>> build_projection(const Transaction& txn,
                                                           const ProjectionSpec& raw_spec,
                                                           const RunControl& control) {
  const auto start = std::chrono::steady_clock::now();
  ProjectionSpec spec = raw_spec.normalized();

  // Nodes, in id order.
  std::vector<NodeId> nodes;
  if (spec.labels.empty()) {
    auto c = txn.scan_nodes();
    for (; c.valid(); c.next()) nodes.push_back(c.node());
    KG_TRY(c.status());
  } else {
    for (const std::string& name : spec.labels) {
      auto label = txn.find_label(name);
      if (!label) continue;
      auto c = txn.scan_label(*label);
      for (; c.valid(); c.next()) nodes.push_back(c.node());
      KG_TRY(c.status());
    }
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  }
  KG_TRY(control.check());
  if (nodes.size() >= std::numeric_limits<Vertex>::max())
    return Status::not_supported("a projection holds at most 2^32-1 nodes");

  std::vector<TypeId> types;
  for (const std::string& name : spec.types)
    if (auto t = txn.find_type(name)) types.push_back(*t);
  std::sort(types.begin(), types.end());
  const bool all_types = spec.types.empty();
  std::optional<PropKeyId> weight_key;
  if (!spec.weight.empty()) weight_key = txn.find_prop_key(spec.weight);

  auto vertex_of = [&](NodeId id) -> std::optional<Vertex> {
    auto it = std::lower_bound(nodes.begin(), nodes.end(), id);
    if (it == nodes.end() || *it != id) return std::nullopt;
    return static_cast<Vertex>(it - nodes.begin());
  };

  std::vector<std::pair<Vertex, Vertex>> edges;
  std::vector<EdgeData> data;
  if (all_types || !types.empty()) {
    uint64_t seen = 0;
    auto c = txn.scan_relationships();
    for (; c.valid(); c.next()) {
      if (++seen % kCheckEvery == 0) {
        KG_TRY(control.check());
        control.progress("projection", seen, 0);
      }
      KG_ASSIGN_OR_RETURN(RelRecord rec, c.record());
      if (!all_types && !std::binary_search(types.begin(), types.end(), rec.type)) continue;
      auto s = vertex_of(rec.src);
      if (!s) continue;
      auto d = vertex_of(rec.dst);
      if (!d) continue;
      double w = 1.0;
      if (!spec.weight.empty()) {
        w = spec.default_weight;
        if (weight_key) {
          const Value* v = find_property(rec.properties, *weight_key);
          if (v != nullptr && v->is_number()) w = v->as_number();
        }
      }
      edges.emplace_back(*s, *d);
      data.push_back(EdgeData{w, c.rel()});
    }
    KG_TRY(c.status());
  }
  if (edges.size() >= std::numeric_limits<uint32_t>::max())
    return Status::not_supported("a projection holds at most 2^32-1 relationships");

  const auto n = static_cast<Vertex>(nodes.size());
  Csr graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), data.begin(), n);
  edges = {};
  data = {};
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::make_shared<const Projection>(std::move(spec), txn.snapshot_version(),
                                            std::move(nodes), std::move(graph), secs);
}

}  // namespace kg::engine::analytics
