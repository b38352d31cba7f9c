// ProjectionCache: the projections a Graph keeps between statements. A projection is reused while
// the graph is unchanged — same ProjectionSpec, same Transaction::snapshot_version() — and dropped
// at the first get() from a transaction that sees a newer version (a projection in use stays alive
// through its shared_ptr). At most kCapacity projections are kept, the least
// recently used go first.
//
// Thread-safety: thread-safe. Two statements that miss at once may both build; one result is kept.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "engine/analytics/projection.hpp"

namespace kg::engine::analytics {

class ProjectionCache {
 public:
  static constexpr size_t kCapacity = 8;

  // The projection of `spec` as `txn` sees it, built when not cached. A transaction that has
  // written gets a private projection that is not cached. Errors: those of build_projection.
  Result<std::shared_ptr<const Projection>> get(const Transaction& txn, const ProjectionSpec& spec,
                                                const RunControl& control);
  // The cached projections, most recently used first.
  std::vector<std::shared_ptr<const Projection>> list() const;
  void clear();

 private:
  mutable std::mutex mu_;
  std::vector<std::shared_ptr<const Projection>> entries_;  // most recently used first
};

}  // namespace kg::engine::analytics
