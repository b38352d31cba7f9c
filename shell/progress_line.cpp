#include "shell/progress_line.hpp"

namespace kg::shell {

std::string ProgressLine::text(std::string_view task, uint64_t done, uint64_t total) {
  std::string s(task);
  s += " " + std::to_string(done);
  if (total > 0) {
    s += "/" + std::to_string(total) + " (" + std::to_string(done * 100 / total) + "%)";
  }
  return s;
}

void ProgressLine::update(std::string_view task, uint64_t done, uint64_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  out_ << "\r\033[K" << text(task, done, total) << " · Ctrl+C to stop" << std::flush;
  shown_ = true;
}

void ProgressLine::clear() {
  if (!shown_) return;
  out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace kg::shell
