// K-core decomposition on the undirected simple view: a vertex's core number is the largest k
// such that it belongs to a subgraph where every vertex has at least k neighbours.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/analytics/undirected.hpp"

namespace kg::engine::analytics {

// Batagelj–Zaversnik bucket peeling, O(n + m). By vertex. Errors: kInterrupted.
Result<std::vector<uint32_t>> core_numbers(const UndirectedView& view, const RunControl& control);

}  // namespace kg::engine::analytics
