#include "engine/analytics/projection_cache.hpp"

#include <algorithm>

#include "engine/txn/transaction.hpp"

namespace kg::engine::analytics {

Result<std::shared_ptr<const Projection>> ProjectionCache::get(const Transaction& txn,
                                                               const ProjectionSpec& raw_spec,
                                                               const RunControl& control) {
  const std::optional<uint64_t> version = txn.snapshot_version();
  if (!version) return build_projection(txn, raw_spec, control);
  const ProjectionSpec spec = raw_spec.normalized();
  {
    std::lock_guard lock(mu_);
    // Statements that start from now on see this version or a newer one: older ones are of no
    // use, so their memory goes now rather than at the next build.
    std::erase_if(entries_, [&](const auto& p) { return *p->version() < *version; });
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if ((*it)->version() == version && (*it)->spec() == spec) {
        auto hit = *it;
        entries_.erase(it);
        entries_.insert(entries_.begin(), hit);
        return hit;
      }
    }
  }
  KG_ASSIGN_OR_RETURN(std::shared_ptr<const Projection> built,
                      build_projection(txn, spec, control));
  std::lock_guard lock(mu_);
  std::erase_if(entries_, [&](const auto& p) { return *p->version() < *version; });
  entries_.insert(entries_.begin(), built);
  if (entries_.size() > kCapacity) entries_.resize(kCapacity);
  return built;
}

std::vector<std::shared_ptr<const Projection>> ProjectionCache::list() const {
  std::lock_guard lock(mu_);
  return entries_;
}

void ProjectionCache::clear() {
  std::lock_guard lock(mu_);
  entries_.clear();
}

}  // namespace kg::engine::analytics
