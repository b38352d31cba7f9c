// Degree centrality: the number of edges at each vertex, or the sum of their weights on a
// weighted projection. A self-loop counts once per end it has in the chosen orientation.
#pragma once

#include <vector>

#include "engine/analytics/projection.hpp"

namespace kg::engine::analytics {

// By vertex. O(n + m).
std::vector<double> degree(const Projection& projection, Orientation orientation);

}  // namespace kg::engine::analytics
