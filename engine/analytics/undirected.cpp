#include "engine/analytics/undirected.hpp"

#include <algorithm>

namespace kg::engine::analytics {

Result<UndirectedView> UndirectedView::build(const Projection& projection,
                                             const RunControl& control) {
  const Csr& g = projection.graph();
  const size_t n = projection.node_count();
  UndirectedView view;
  view.offsets_.assign(n + 1, 0);
  std::vector<Vertex> scratch;
  for (Vertex v = 0; v < n; ++v) {
    if (v % 65536 == 0) KG_TRY(control.check());
    scratch.clear();
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      scratch.push_back(boost::target(*e, g));
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
      scratch.push_back(boost::source(*e, g));
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    for (Vertex u : scratch)
      if (u != v) view.neighbors_.push_back(u);
    view.offsets_[v + 1] = view.neighbors_.size();
  }
  return view;
}

}  // namespace kg::engine::analytics
