#include "shell/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

constexpr std::string_view kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
constexpr size_t kBarWidth = 20;

void write_all(std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(STDERR_FILENO, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    s.remove_prefix(static_cast<size_t>(n));
  }
}

size_t stderr_width() {
  struct winsize ws {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

std::string seconds(std::chrono::milliseconds elapsed) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(elapsed.count()) / 1000);
  return buf;
}

// "12.3 of 25.6 MB" for sizes in bytes, "5 of 20" for steps.
std::string amounts(uint64_t done, uint64_t total, bool bytes) {
  if (!bytes) return std::to_string(done) + " of " + std::to_string(total);
  constexpr const char* kUnits[] = {"B", "kB", "MB", "GB", "TB"};
  double scale = 1;
  size_t unit = 0;
  while (unit + 1 < std::size(kUnits) && static_cast<double>(total) >= scale * 1000) {
    scale *= 1000;
    ++unit;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f of %.0f %s" : "%.1f of %.1f %s",
                static_cast<double>(done) / scale, static_cast<double>(total) / scale,
                kUnits[unit]);
  return buf;
}

}  // namespace

std::string progress_line(const ProgressState& state, std::chrono::milliseconds elapsed,
                          uint64_t tick, size_t width) {
  std::string line(kSpinner[tick % std::size(kSpinner)]);
  line += " ";
  if (state.total > 0) {
    uint64_t done = std::min(state.done, state.total);
    size_t filled = static_cast<size_t>(kBarWidth * done / state.total);
    line += "[";
    for (size_t i = 0; i < kBarWidth; ++i) line += i < filled ? "█" : "░";
    char percent[8];
    std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(100 * done / state.total));
    line += "] ";
    line += percent;
    if (!state.what.empty()) line += " · " + state.what;
    line += " · " + amounts(done, state.total, state.bytes);
  } else {
    line += state.what;
  }
  line += " · " + seconds(elapsed);
  if (!state.hint.empty()) line += " · " + state.hint;
  return width > 1 ? fit_to_width(line, width - 1) : line;
}

Progress::Progress(Options options) : options_(std::move(options)), state_(options_.initial) {
  thread_ = std::thread([this] { run(); });
}

Progress::~Progress() { finish(); }

void Progress::update(ProgressState state) {
  std::lock_guard lock(mutex_);
  state_ = std::move(state);
}

void Progress::finish() {
  {
    std::lock_guard lock(mutex_);
    if (done_ && !thread_.joinable()) return;
    done_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (drawn_) {
    write_all("\r\x1b[K");
    drawn_ = false;
  }
}

void Progress::run() {
  auto start = std::chrono::steady_clock::now();
  uint64_t tick = 0;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return done_; })) {
    ProgressState state = state_;
    lock.unlock();
    if (options_.on_tick) options_.on_tick();
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    if (options_.enabled && elapsed >= options_.delay) {
      write_all("\r" + progress_line(state, elapsed, tick++, stderr_width()) + "\x1b[K");
      drawn_ = true;
    }
    lock.lock();
  }
}

}  // namespace kg::shell
