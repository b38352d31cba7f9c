#include "engine/loader/progress.hpp"

namespace kg::engine::loader {

namespace {
constexpr auto kInterval = std::chrono::milliseconds(100);
}

ProgressReporter::ProgressReporter(std::function<void(const ImportProgress&)> callback,
                                   std::function<bool()> cancelled, uint64_t bytes_total)
    : callback_(std::move(callback)),
      cancelled_(std::move(cancelled)),
      last_(std::chrono::steady_clock::now()) {
  state_.bytes_total = bytes_total;
}

Status ProgressReporter::begin(std::string phase, std::string file,
                               std::function<uint64_t()> consumed) {
  state_.phase = std::move(phase);
  state_.file = std::move(file);
  consumed_ = std::move(consumed);
  if (callback_) report();
  return check_cancelled();
}

Status ProgressReporter::check_cancelled() const {
  if (cancelled_ && cancelled_())
    return Status(StatusCode::kInterrupted, "the import was cancelled");
  return Status();
}

void ProgressReporter::end_file(uint64_t file_size) {
  done_bytes_ += file_size;
  consumed_ = {};
  state_.bytes_read = done_bytes_;
}

void ProgressReporter::maybe_report() {
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < kInterval) return;
  report();
}

void ProgressReporter::report() {
  last_ = std::chrono::steady_clock::now();
  state_.bytes_read = done_bytes_ + (consumed_ ? consumed_() : 0);
  if (state_.bytes_read > state_.bytes_total) state_.bytes_read = state_.bytes_total;
  callback_(state_);
}

}  // namespace kg::engine::loader
