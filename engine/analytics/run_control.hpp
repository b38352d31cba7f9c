// RunControl: what a long analytics run checks as it goes — the statement's interrupt flag
// (Ctrl+C in the shell) and an optional progress callback.
// Thread-safety: const methods are safe to call from the thread running the algorithm.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>

#include "kg/status.hpp"

namespace kg::engine::analytics {

class RunControl {
 public:
  // Called with a phase name ("projection", "pagerank", ...) and work done out of total.
  using Progress = std::function<void(std::string_view phase, uint64_t done, uint64_t total)>;

  RunControl() = default;
  // REQUIRES: `interrupt`, when not null, outlives the run.
  explicit RunControl(const std::atomic<bool>* interrupt, Progress progress = {})
      : interrupt_(interrupt), progress_(std::move(progress)) {}

  // kInterrupted once the run was asked to stop; algorithms call it between units of work
  // (an iteration, a source vertex, a block of vertices) and return its error unchanged.
  Status check() const {
    if (interrupt_ != nullptr && interrupt_->load(std::memory_order_relaxed))
      return Status(StatusCode::kInterrupted, "the statement was interrupted");
    return Status();
  }
  void progress(std::string_view phase, uint64_t done, uint64_t total) const {
    if (progress_) progress_(phase, done, total);
  }

 private:
  const std::atomic<bool>* interrupt_ = nullptr;
  Progress progress_;
};

}  // namespace kg::engine::analytics
