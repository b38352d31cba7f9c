#include "engine/analytics/triangles.hpp"

#include <algorithm>

namespace kg::engine::analytics {

Result<TrianglesResult> triangles(const UndirectedView& view, const RunControl& control) {
  const size_t n = view.size();
  TrianglesResult out;
  out.triangles.assign(n, 0);
  out.coefficient.assign(n, 0.0);
  for (Vertex u = 0; u < n; ++u) {
    if (u % 4096 == 0) KG_TRY(control.check());
    auto nu = view.neighbors(u);
    for (Vertex v : nu) {
      if (v <= u) continue;
      auto nv = view.neighbors(v);
      // Common neighbours w > v.
      auto a = std::upper_bound(nu.begin(), nu.end(), v);
      auto b = std::upper_bound(nv.begin(), nv.end(), v);
      while (a != nu.end() && b != nv.end()) {
        if (*a < *b) {
          ++a;
        } else if (*b < *a) {
          ++b;
        } else {
          ++out.triangles[u];
          ++out.triangles[v];
          ++out.triangles[*a];
          ++a;
          ++b;
        }
      }
    }
  }
  for (Vertex v = 0; v < n; ++v) {
    double d = static_cast<double>(view.degree(v));
    if (d >= 2) out.coefficient[v] = 2.0 * static_cast<double>(out.triangles[v]) / (d * (d - 1));
  }
  return out;
}

}  // namespace kg::engine::analytics
