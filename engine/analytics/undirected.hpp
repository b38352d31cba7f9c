// UndirectedView: a projection's simple undirected graph — each vertex's distinct neighbours over
// both edge directions, sorted, without self-loops or parallel edges. kcore, triangles and the
// community search work on it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/analytics/projection.hpp"

namespace kg::engine::analytics {

class UndirectedView {
 public:
  // O(n + m log Δ). Errors: kInterrupted.
  static Result<UndirectedView> build(const Projection& projection, const RunControl& control);

  size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::span<const Vertex> neighbors(Vertex v) const {
    return {neighbors_.data() + offsets_[v], neighbors_.data() + offsets_[v + 1]};
  }
  size_t degree(Vertex v) const { return offsets_[v + 1] - offsets_[v]; }

 private:
  std::vector<uint64_t> offsets_;
  std::vector<Vertex> neighbors_;
};

}  // namespace kg::engine::analytics
