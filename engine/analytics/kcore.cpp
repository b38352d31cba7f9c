#include "engine/analytics/kcore.hpp"

#include <algorithm>

namespace kg::engine::analytics {

Result<std::vector<uint32_t>> core_numbers(const UndirectedView& view, const RunControl& control) {
  const size_t n = view.size();
  std::vector<uint32_t> deg(n);
  uint32_t max_deg = 0;
  for (Vertex v = 0; v < n; ++v) {
    deg[v] = static_cast<uint32_t>(view.degree(v));
    max_deg = std::max(max_deg, deg[v]);
  }
  // Vertices sorted by degree, with bucket starts; pos[v] is v's place in `order`.
  std::vector<uint32_t> bin(max_deg + 1, 0), order(n), pos(n);
  for (Vertex v = 0; v < n; ++v) ++bin[deg[v]];
  uint32_t start = 0;
  for (uint32_t d = 0; d <= max_deg; ++d) {
    uint32_t count = bin[d];
    bin[d] = start;
    start += count;
  }
  for (Vertex v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    order[pos[v]] = v;
  }
  for (uint32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
  if (!bin.empty()) bin[0] = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (i % 65536 == 0) KG_TRY(control.check());
    Vertex v = order[i];
    for (Vertex u : view.neighbors(v)) {
      if (deg[u] > deg[v]) {
        // Move u to the front of its bucket, then shrink its degree by one.
        uint32_t du = deg[u], pu = pos[u], pw = bin[du];
        Vertex w = order[pw];
        if (u != w) {
          pos[u] = pw;
          order[pu] = w;
          pos[w] = pu;
          order[pw] = u;
        }
        ++bin[du];
        --deg[u];
      }
    }
  }
  return deg;
}

}  // namespace kg::engine::analytics
