#include "engine/analytics/components.hpp"

#include <boost/graph/strong_components.hpp>
#include <numeric>
#include <unordered_map>

namespace kg::engine::analytics {

namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
};

}  // namespace

ComponentsResult renumber_by_first_vertex(const std::vector<uint32_t>& raw) {
  ComponentsResult out;
  out.component.resize(raw.size());
  std::unordered_map<uint32_t, uint32_t> numbers;
  for (size_t v = 0; v < raw.size(); ++v) {
    auto [it, fresh] = numbers.emplace(raw[v], out.count);
    if (fresh) ++out.count;
    out.component[v] = it->second;
  }
  return out;
}

Result<ComponentsResult> weakly_connected_components(const Projection& projection,
                                                     const RunControl& control) {
  const Csr& g = projection.graph();
  const size_t n = projection.node_count();
  UnionFind uf(n);
  for (Vertex v = 0; v < n; ++v) {
    if (v % 65536 == 0) KG_TRY(control.check());
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) uf.unite(v, boost::target(*e, g));
  }
  std::vector<uint32_t> root(n);
  for (Vertex v = 0; v < n; ++v) root[v] = uf.find(v);
  return renumber_by_first_vertex(root);
}

Result<ComponentsResult> strongly_connected_components(const Projection& projection,
                                                       const RunControl& control) {
  KG_TRY(control.check());
  const Csr& g = projection.graph();
  std::vector<uint32_t> raw(projection.node_count());
  if (!raw.empty())
    boost::strong_components(
        g, boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, g)));
  KG_TRY(control.check());
  return renumber_by_first_vertex(raw);
}

}  // namespace kg::engine::analytics
