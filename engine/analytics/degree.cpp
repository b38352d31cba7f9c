#include "engine/analytics/degree.hpp"

namespace kg::engine::analytics {

std::vector<double> degree(const Projection& projection, Orientation orientation) {
  const Csr& g = projection.graph();
  const size_t n = projection.node_count();
  std::vector<double> out(n, 0.0);
  for (Vertex v = 0; v < n; ++v) {
    if (orientation != Orientation::kIncoming)
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) out[v] += g[*e].weight;
    if (orientation != Orientation::kOutgoing)
      for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) out[v] += g[*e].weight;
  }
  return out;
}

}  // namespace kg::engine::analytics
