#include "shell/line_editor.hpp"

#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstring>

#include "shell/signal_wakeup.hpp"
#include "shell/utf8.hpp"

namespace kg::shell {

namespace {

// SIGWINCH or SIGCONT arrived: the line must be drawn again; after SIGCONT (back from Ctrl+Z) the
// terminal must also be made raw again, since the job-control shell had it meanwhile. A signal
// handler can reach only globals (interrupt.cpp has SIGINT's).
volatile sig_atomic_t g_redraw = 0;
volatile sig_atomic_t g_continued = 0;

void on_redraw_signal(int signal) {
  g_redraw = 1;
  if (signal == SIGCONT) g_continued = 1;
  signal_wakeup::notify();
}

// Bytes in the UTF-8 sequence that `lead` starts (1 for a byte that starts none).
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

// libedit draws wide characters only in a UTF-8 locale; kg's output is UTF-8 in any case.
void use_utf8_locale() {
  std::setlocale(LC_CTYPE, "");
  if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
}

int terminal_width(int fd) {
  struct winsize ws {};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

// The longest common prefix of the candidates' texts, cut at a code point boundary.
std::string common_prefix(const std::vector<Candidate>& candidates) {
  std::string prefix = candidates.front().text;
  for (const Candidate& c : candidates) {
    size_t n = 0;
    while (n < prefix.size() && n < c.text.size() && prefix[n] == c.text[n]) ++n;
    prefix.resize(n);
  }
  while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0x80)
    prefix.pop_back();
  if (!prefix.empty() && sequence_length(static_cast<unsigned char>(prefix.back())) > 1)
    prefix.pop_back();
  return prefix;
}

}  // namespace

struct LineEditor::Impl {
  Options options;
  EditLine* el = nullptr;
  History* history = nullptr;
  FILE* out = nullptr;
  std::string prompt;
  // Whether libedit edits (it draws on a terminal); otherwise it reads plain lines, in the
  // terminal's own mode.
  bool editing = false;
  bool history_error_reported = false;
  struct sigaction old_winch {};
  struct sigaction old_cont {};

  ~Impl() {
    if (el != nullptr) el_end(el);
    if (history != nullptr) history_end(history);
    sigaction(SIGWINCH, &old_winch, nullptr);
    sigaction(SIGCONT, &old_cont, nullptr);
  }

  static Impl& of(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return *static_cast<Impl*>(data);
  }

  static char* prompt_of(EditLine* el) { return of(el).prompt.data(); }

  // Whether something the read loop must act on arrived: SIGINT, SIGWINCH or SIGCONT.
  bool signal_pending() const {
    return g_redraw != 0 || g_continued != 0 || (options.interrupted && options.interrupted());
  }

  // Waits until the terminal has a byte to read. Returns false, with errno EINTR, when a signal
  // arrived — also one that arrived before the wait began, or whose handler ran on another thread
  // (signal_wakeup.hpp): a Ctrl+C is never lost in a read() that blocks on a terminal that has
  // just flushed the keys typed before it.
  //
  // A byte the poll saw may be gone by the read: when kg was stopped (Ctrl+Z) right after the
  // poll returned, the job-control shell read the terminal meanwhile ("fg" and Enter), and a
  // read() would block with the redraw still to do. SIGCONT's flag cannot be relied on here, as
  // its handler may run on another thread a moment later. So while editing, a terminal found in
  // canonical mode (the shell's own, not the line editor's) counts as a return from the
  // background, and in raw mode a byte is read only once FIONREAD counts one.
  bool wait_for_input() const {
    for (;;) {
      signal_wakeup::drain();
      if (signal_pending()) {
        errno = EINTR;
        return false;
      }
      struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {signal_wakeup::fd(), POLLIN, 0}};
      int ready = ::poll(fds, fds[1].fd >= 0 ? 2 : 1, -1);
      if (ready < 0) return false;
      if (fds[0].revents == 0 || signal_pending()) {
        errno = EINTR;
        return false;
      }
      if (!editing || fds[0].revents != POLLIN) return true;
      struct termios mode {};
      if (tcgetattr(STDIN_FILENO, &mode) == 0 && (mode.c_lflag & ICANON) != 0) {
        g_continued = 1;
        g_redraw = 1;
        errno = EINTR;
        return false;
      }
      int waiting = 0;
      if (ioctl(STDIN_FILENO, FIONREAD, &waiting) != 0 || waiting > 0) return true;
    }
  }

  // EL_GETCFN: one character from the terminal. Returns 1, 0 at the end of input, -1 on an error
  // or when SIGINT arrived.
  static int read_char(EditLine* el, wchar_t* out) {
    Impl& self = of(el);
    unsigned char buf[4];
    size_t have = 0, need = 1;
    *out = L'\0';
    while (have < need) {
      if (self.wait_for_input()) {
        ssize_t n = ::read(STDIN_FILENO, buf + have, 1);
        if (n == 1) {
          if (have == 0) need = sequence_length(buf[0]);
          ++have;
          continue;
        }
        if (n == 0) return 0;
      }
      if (errno != EINTR) return -1;
      if (self.options.interrupted && self.options.interrupted()) return -1;
      if (g_continued) {
        g_continued = 0;
        if (self.editing) {
          el_set(el, EL_PREP_TERM, 0);
          el_set(el, EL_PREP_TERM, 1);
        }
      }
      if (g_redraw) {
        g_redraw = 0;
        el_resize(el);
        el_set(el, EL_REFRESH);
      }
    }
    Decoded d = decode_utf8(std::string_view(reinterpret_cast<const char*>(buf), have), 0);
    *out = static_cast<wchar_t>(d.valid ? d.code_point : kReplacementChar);
    return 1;
  }

  // Replaces the `word` before the cursor with `text`.
  static void replace(EditLine* el, std::string_view word, const std::string& text) {
    if (!word.empty()) el_deletestr(el, static_cast<int>(code_point_count(word)));
    if (!text.empty()) el_insertstr(el, text.c_str());
  }

  // Prints the candidates in columns under the line.
  void list(const std::vector<Candidate>& candidates) {
    constexpr size_t kMaxShown = 300;
    size_t shown = std::min(candidates.size(), kMaxShown);
    auto display = [&](size_t i) -> const std::string& {
      return candidates[i].display.empty() ? candidates[i].text : candidates[i].display;
    };
    size_t widest = 0;
    for (size_t i = 0; i < shown; ++i) widest = std::max(widest, display_width(display(i)));
    size_t column = widest + 2;
    size_t columns = std::max<size_t>(1, static_cast<size_t>(terminal_width(fileno(out))) / column);
    size_t rows = (shown + columns - 1) / columns;
    std::string text = "\n";
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < columns; ++c) {
        size_t i = c * rows + r;
        if (i >= shown) break;
        text += display(i);
        if (c + 1 < columns && i + rows < shown)
          text.append(column - display_width(display(i)), ' ');
      }
      text += "\n";
    }
    if (shown < candidates.size())
      text += "… and " + std::to_string(candidates.size() - shown) + " more\n";
    std::fputs(text.c_str(), out);
    std::fflush(out);
  }

  // Bound to Tab: completes the word before the cursor, or lists what it could become.
  static unsigned char complete(EditLine* el, int) {
    Impl& self = of(el);
    if (!self.options.complete) return CC_ERROR;
    const LineInfo* li = el_line(el);
    std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
    Completion c = self.options.complete(before);
    if (c.candidates.empty()) return CC_REFRESH_BEEP;
    std::string_view word = before.substr(before.size() - std::min(c.word_bytes, before.size()));
    if (c.candidates.size() == 1) {
      replace(el, word, c.candidates[0].text + c.candidates[0].suffix);
      return CC_REFRESH;
    }
    std::string common = common_prefix(c.candidates);
    if (common.size() >= word.size() && common != word) {
      replace(el, word, common);
      return CC_REFRESH;
    }
    self.list(c.candidates);
    return CC_REDISPLAY;
  }
};

LineEditor::LineEditor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LineEditor::~LineEditor() = default;

Result<std::unique_ptr<LineEditor>> LineEditor::open(Options options) {
  if (!isatty(STDIN_FILENO))
    return Status(StatusCode::kInvalidArgument, "the line editor needs a terminal on stdin");
  use_utf8_locale();
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->out = isatty(STDOUT_FILENO) || !isatty(STDERR_FILENO) ? stdout : stderr;

  signal_wakeup::install();
  struct sigaction sa {};
  sa.sa_handler = on_redraw_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: the read in read_char() returns, and redraws
  sigaction(SIGWINCH, &sa, &impl->old_winch);
  sigaction(SIGCONT, &sa, &impl->old_cont);

  impl->el = el_init("kg", stdin, impl->out, stderr);
  if (impl->el == nullptr) return Status(StatusCode::kInternal, "libedit: el_init failed");
  EditLine* el = impl->el;
  el_set(el, EL_CLIENTDATA, impl.get());
  el_set(el, EL_SIGNAL, 0);
  el_set(el, EL_EDITOR, "emacs");
  el_set(el, EL_PROMPT_ESC, &Impl::prompt_of, '\1');
  el_set(el, EL_GETCFN, &Impl::read_char);

  impl->history = history_init();
  if (impl->history == nullptr)
    return Status(StatusCode::kInternal, "libedit: history_init failed");
  HistEvent ev;
  history(impl->history, &ev, H_SETSIZE, std::max(1, impl->options.history_size));
  history(impl->history, &ev, H_SETUNIQUE, 1);
  if (!impl->options.history_file.empty())
    history(impl->history, &ev, H_LOAD, impl->options.history_file.c_str());  // may not exist
  el_set(el, EL_HIST, history, impl->history);

  // el_wset, not el_set: libedit's narrow EL_ADDFN copies the name and help into wide strings
  // that el_end never frees (LeakSanitizer finds them).
  el_wset(el, EL_ADDFN, L"kg-complete", L"complete the word before the cursor", &Impl::complete);
  const char* const kBindings[][2] = {
      {"^I", "kg-complete"},
      {"^R", "em-inc-search-prev"},
      {"\\e[A", "ed-search-prev-history"},  // Up and Down: the entries that start like the line
      {"\\eOA", "ed-search-prev-history"},
      {"\\e[B", "ed-search-next-history"},
      {"\\eOB", "ed-search-next-history"},
      {"\\e[1;5D", "ed-prev-word"},  // Ctrl+Left, Ctrl+Right
      {"\\e[1;5C", "em-next-word"},
      {"\\e[3~", "ed-delete-next-char"},  // Delete, Home, End
      {"\\e[H", "ed-move-to-beg"},
      {"\\e[1~", "ed-move-to-beg"},
      {"\\eOH", "ed-move-to-beg"},
      {"\\e[F", "ed-move-to-end"},
      {"\\e[4~", "ed-move-to-end"},
      {"\\eOF", "ed-move-to-end"},
  };
  for (const auto& b : kBindings) el_set(el, EL_BIND, b[0], b[1], nullptr);
  el_source(el, nullptr);  // ~/.editrc
  // Raw from here on (see read()), so that keys typed while the banner shows reach the first
  // read() as typed.
  impl->editing = isatty(fileno(impl->out));
  if (impl->editing) el_set(el, EL_PREP_TERM, 1);
  return std::unique_ptr<LineEditor>(new LineEditor(std::move(impl)));
}

LineEditor::Input LineEditor::read(std::string_view prompt) {
  impl_->prompt = std::string(prompt);
  g_redraw = 0;
  g_continued = 0;
  // The terminal goes raw before the prompt shows: libedit would switch only at the first
  // character it reads, and keys typed in between would be echoed by the terminal and scramble
  // the line (an early Ctrl+D would be lost).
  if (impl_->editing) el_set(impl_->el, EL_PREP_TERM, 1);
  int count = 0;
  const char* line = el_gets(impl_->el, &count);
  bool interrupted = impl_->options.interrupted && impl_->options.interrupted();
  if (interrupted) return {Outcome::kInterrupted, ""};
  if (line == nullptr || count <= 0) return {Outcome::kEof, ""};
  std::string text(line, static_cast<size_t>(count));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return {Outcome::kLine, std::move(text)};
}

Status LineEditor::add_history(std::string_view entry) {
  HistEvent ev;
  history(impl_->history, &ev, H_ENTER, std::string(entry).c_str());
  const std::string& path = impl_->options.history_file;
  if (path.empty()) return Status();
  // Written next to the file and renamed over it, so that a crash never leaves half a history.
  std::string temp = path + ".tmp" + std::to_string(getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  FILE* f = fd < 0 ? nullptr : fdopen(fd, "w");
  bool ok = f != nullptr && history(impl_->history, &ev, H_SAVE_FP, f) >= 0;
  if (f != nullptr) ok = std::fclose(f) == 0 && ok;
  if (f == nullptr && fd >= 0) ::close(fd);
  ok = ok && std::rename(temp.c_str(), path.c_str()) == 0;
  if (ok) return Status();
  int err = errno;
  ::unlink(temp.c_str());
  if (impl_->history_error_reported) return Status();
  impl_->history_error_reported = true;
  return Status::io_error("cannot save the history in " + path + ": " + std::strerror(err));
}

int LineEditor::width() const { return terminal_width(fileno(impl_->out)); }

}  // namespace kg::shell
