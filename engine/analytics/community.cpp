#include "engine/analytics/community.hpp"

#include <algorithm>
#include <numeric>

namespace kg::engine::analytics {

Result<LabelPropagationResult> label_propagation(const UndirectedView& view, int max_iterations,
                                                 const RunControl& control) {
  const size_t n = view.size();
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  std::vector<uint32_t> seen;
  LabelPropagationResult out;
  for (int it = 0; it < max_iterations; ++it) {
    bool changed = false;
    for (Vertex v = 0; v < n; ++v) {
      if (v % 65536 == 0) KG_TRY(control.check());
      auto nbrs = view.neighbors(v);
      if (nbrs.empty()) continue;
      seen.clear();
      for (Vertex u : nbrs) seen.push_back(label[u]);
      std::sort(seen.begin(), seen.end());
      uint32_t best = label[v];
      size_t best_count = 0, own_count = 0;
      for (size_t i = 0; i < seen.size();) {
        size_t j = i;
        while (j < seen.size() && seen[j] == seen[i]) ++j;
        size_t count = j - i;
        if (seen[i] == label[v]) own_count = count;
        if (count >= best_count) {  // ties go to the larger label (seen is ascending)
          best_count = count;
          best = seen[i];
        }
        i = j;
      }
      if (own_count == best_count) best = label[v];
      if (best != label[v]) {
        label[v] = best;
        changed = true;
      }
    }
    out.iterations = it + 1;
    control.progress("label propagation", static_cast<uint64_t>(it + 1),
                     static_cast<uint64_t>(max_iterations));
    if (!changed) break;
  }
  out.communities = renumber_by_first_vertex(label);
  return out;
}

}  // namespace kg::engine::analytics
