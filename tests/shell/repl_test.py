#!/usr/bin/env python3
"""End-to-end tests of kg's interactive shell (DESIGN.md §6), on a pseudo-terminal.

    repl_test.py PATH/TO/kg [--only NAME] [--list]

Each test_* function starts the built kg on a pseudo-terminal (pty.fork: the pty is the shell's
controlling terminal, so Ctrl+C is a real SIGINT), types keys into it and reads what a person would
see: the bytes kg writes go through Screen, a small VT100 emulator, and the tests look at the
resulting screen. HOME points at a fresh temporary directory (never the developer's own), so
~/.kg_history and ~/.kgrc are the test's. Prints "ok NAME" or "FAIL NAME: why" per test and exits
1 when any failed; ctest runs each test on its own (tests/shell/CMakeLists.txt). Python 3 standard
library only.
"""

import codecs
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import script_tests  # the command line shared by the scripts of this folder

KG = None  # the kg binary, from argv
ROWS, COLS = 40, 100
PROMPT = "kg> "
TIOCGPTN = getattr(termios, "TIOCGPTN", 0x80045430)  # Linux: the number of a pty's /dev/pts

# --------------------------------------------------------------------------------------------
# A terminal: enough of VT100/xterm to show what libedit and kg draw.
# --------------------------------------------------------------------------------------------


class Screen:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.scrollback = []
        self.x = self.y = 0
        self.wrap_pending = False
        self.esc = None
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.raw = ""

    def feed(self, data):
        text = self.decoder.decode(data)
        self.raw += text
        for ch in text:
            self._char(ch)

    def _line_feed(self):
        if self.y == self.rows - 1:
            self.scrollback.append("".join(self.grid[0]).rstrip())
            self.grid = self.grid[1:] + [[" "] * self.cols]
        else:
            self.y += 1

    def _char(self, ch):
        if self.esc is not None:
            self.esc += ch
            self._escape()
            return
        if ch == "\x1b":
            self.esc = ch
        elif ch == "\r":
            self.x, self.wrap_pending = 0, False
        elif ch == "\n":
            self._line_feed()
            self.wrap_pending = False
        elif ch == "\b":
            self.x, self.wrap_pending = max(0, self.x - 1), False
        elif ch == "\t":
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
        elif ord(ch) < 0x20 or ch == "\x7f":
            pass
        else:
            if self.wrap_pending:
                self.x, self.wrap_pending = 0, False
                self._line_feed()
            self.grid[self.y][self.x] = ch
            if self.x == self.cols - 1:
                self.wrap_pending = True
            else:
                self.x += 1

    def _escape(self):
        e = self.esc
        if len(e) < 2:
            return
        if e[1] == "[":
            if len(e) > 2 and 0x40 <= ord(e[-1]) <= 0x7E:
                self.esc = None
                self._csi(e[2:-1], e[-1])
        elif e[1] == "]":
            if e.endswith("\x07") or e.endswith("\x1b\\"):
                self.esc = None
        elif e[1] in "()":
            if len(e) == 3:
                self.esc = None
        else:
            self.esc = None

    def _csi(self, params, final):
        params = params.lstrip("?>")
        nums = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        n = nums[0] if nums and nums[0] > 0 else 1
        row = self.grid[self.y]
        self.wrap_pending = False
        if final == "A":
            self.y = max(0, self.y - n)
        elif final == "B":
            self.y = min(self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = min(self.cols - 1, n - 1)
        elif final == "d":
            self.y = min(self.rows - 1, n - 1)
        elif final in "Hf":
            r = nums[0] if len(nums) > 0 and nums[0] > 0 else 1
            c = nums[1] if len(nums) > 1 and nums[1] > 0 else 1
            self.y, self.x = min(self.rows, r) - 1, min(self.cols, c) - 1
        elif final == "K":
            mode = nums[0] if nums else 0
            lo, hi = {0: (self.x, self.cols), 1: (0, self.x + 1)}.get(mode, (0, self.cols))
            for i in range(lo, hi):
                row[i] = " "
        elif final == "J":
            mode = nums[0] if nums else 0
            if mode == 0:
                for i in range(self.x, self.cols):
                    row[i] = " "
                for r in range(self.y + 1, self.rows):
                    self.grid[r] = [" "] * self.cols
            elif mode == 1:
                for r in range(0, self.y):
                    self.grid[r] = [" "] * self.cols
            else:
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "P":
            del row[self.x:self.x + n]
            row.extend([" "] * (self.cols - len(row)))
        elif final == "@":
            for _ in range(n):
                row.insert(self.x, " ")
            del row[self.cols:]
        elif final == "X":
            for i in range(self.x, min(self.cols, self.x + n)):
                row[i] = " "

    def lines(self):
        return [("".join(r)).rstrip() for r in self.grid]

    def text(self):
        """Everything that scrolled off, then the screen."""
        return "\n".join(self.scrollback + self.lines())

    def cursor_line(self):
        return "".join(self.grid[self.y]).rstrip()


# --------------------------------------------------------------------------------------------
# A shell session on a pseudo-terminal.
# --------------------------------------------------------------------------------------------


class Session:
    def __init__(self, tmp, args, rows=ROWS, cols=COLS, env=None):
        self.home = os.path.join(tmp, "home")
        os.makedirs(self.home, exist_ok=True)
        child_env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "TMPDIR": tmp,
        }
        child_env.update(env or {})
        self.screen = Screen(rows, cols)
        self.status = None
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty is its controlling terminal
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.chdir(tmp)
                os.execve(KG, [KG] + list(args), child_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def pump(self, timeout):
        """Reads what kg wrote within `timeout` seconds. False once kg closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.screen.feed(data)
        return True

    def send(self, keys):
        os.write(self.fd, keys.encode("utf-8"))

    def discard_typed_input(self):
        """Drops what was typed and not yet read on the terminal's side, as a job-control shell
        that reads it would."""
        number = struct.unpack("I", fcntl.ioctl(self.fd, TIOCGPTN, b"\0\0\0\0"))[0]
        terminal = os.open("/dev/pts/%d" % number, os.O_RDWR | os.O_NOCTTY)
        try:
            termios.tcflush(terminal, termios.TCIFLUSH)
        finally:
            os.close(terminal)

    def wait_for(self, cond, what, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            if cond():
                return
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for %s; the screen:\n%s" %
                                     (what, self.screen.text()))
            if not self.pump(0.05):
                if cond():
                    return
                raise AssertionError("kg ended while waiting for %s; the screen:\n%s" %
                                     (what, self.screen.text()))

    def expect(self, pattern, timeout=20):
        """Waits until `pattern` (a regex) shows anywhere on the screen or above; the match."""
        found = []

        def cond():
            m = re.search(pattern, self.screen.text(), re.M)
            if m:
                found.append(m)
            return bool(m)

        self.wait_for(cond, repr(pattern), timeout)
        return found[0]

    def idle(self, prompt=PROMPT, timeout=20):
        """Waits for an empty prompt with the cursor after it. By then the terminal must be in the
        line editor's raw mode: keys typed as soon as the prompt shows are not echoed by the
        terminal (which would scramble the line) and an early Ctrl+D is not lost."""
        self.wait_for(lambda: self.screen.cursor_line() == prompt.rstrip() and
                      self.screen.x == len(prompt), "the prompt %r" % prompt, timeout)
        lflag = termios.tcgetattr(self.fd)[3]
        expect(not lflag & (termios.ECHO | termios.ICANON),
               "the terminal is raw when the prompt shows", self)

    def type(self, line):
        """Types a line and Enter."""
        self.send(line + "\r")

    def run(self, line, prompt=PROMPT):
        """Types a line, waits for the prompt to come back; the screen text after the line."""
        before = len(self.screen.text())
        self.type(line)
        self.wait_for(lambda: len(self.screen.text()) != before and
                      self.screen.cursor_line() == prompt.rstrip() and
                      self.screen.x == len(prompt) and line[:20] in self.screen.text(),
                      "%r to finish" % line)
        text = self.screen.text()
        return text[text.rfind(line[:40]):]

    def wait_exit(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self.pump(0.05)
        raise AssertionError("kg did not exit; the screen:\n%s" % self.screen.text())

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)


def expect(cond, what, session=None):
    if not cond:
        raise AssertionError(what + ("\n--- the screen\n%s" % session.screen.text()
                                     if session else ""))


def make_graph(tmp, statements):
    db = os.path.join(tmp, "db")
    r = subprocess.run([KG, db, "-c", statements], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    assert r.returncode == 0, r.stderr.decode()
    return db


SAMPLE = ("CREATE (aws:Company {name: 'AWS', founded: 2006}), (nv:Company {name: 'Nvidia'}), "
          "(g:Company {name: 'Groq'}), (b:Product:Chip {name: 'Blackwell'}), "
          "(aws)-[:BUYS {units: 1000000}]->(b), (nv)-[:MAKES]->(b), (nv)-[:LICENSES]->(g)")

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def session(tmp, *args, **kw):
    s = Session(tmp, args, **kw)
    return s


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


@test
def test_banner_prompt_and_ctrl_d(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.expect(r"^kg \d+\.\d+\.\d+ · graph .*db · 3 labels, 3 relationship types$")
        s.expect(r":help")
        s.idle()
        s.send("\x04")
        expect(s.wait_exit() == 0, "Ctrl+D leaves with status 0", s)
    finally:
        s.close()


@test
def test_temporary_graph_says_so_and_is_removed(tmp):
    s = session(tmp)
    try:
        m = s.expect(r"a temporary graph in (\S+) \(deleted when you quit")
        path = m.group(1)
        s.idle()
        expect(os.path.isdir(path), "the temporary graph exists while the shell runs", s)
        out = s.run("CREATE (:T {v: 1});")
        expect("created 1 node" in out, "the write's counters", s)
        s.type(":quit")
        expect(s.wait_exit() == 0, "exit status 0", s)
        expect(not os.path.exists(path), "the temporary graph is gone", s)
    finally:
        s.close()


@test
def test_multi_line_query_and_its_table(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.type("MATCH (c:Company)")
        s.idle(prompt="..> ")
        out = s.run("RETURN c.name AS name, c.founded AS founded ORDER BY name;")
        lines = out.splitlines()
        expect(any(re.fullmatch(r"┌─+┬─+┐", l) for l in lines), "a box top", s)
        expect("│ name   │ founded │" in lines, "the header", s)
        expect("│ AWS    │    2006 │" in lines, "numbers to the right", s)
        # NULL is shown apart from the string 'null'; in a column of numbers it aligns with them.
        expect("│ Groq   │    NULL │" in lines, "NULL shown, aligned as a number", s)
        expect(any(re.fullmatch(r"3 rows · [\d.]+ (ms|s)", l) for l in lines), "the footer", s)
    finally:
        s.close()


@test
def test_entities_print_as_cypher_literals_and_writes_count(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        out = s.run("MATCH (c:Company {name: 'AWS'}) RETURN c;")
        expect("(:Company {founded: 2006, name: 'AWS'})" in out, "a node as a literal", s)
        out = s.run("CREATE (:Company {name: 'Intel'})-[:MAKES]->(:Chip {name: 'Gaudi'});")
        expect(re.search(r"created 2 nodes, 1 relationship.* · [\d.]+ (ms|s)", out),
               "the counters of a write", s)
        out = s.run("RETURN null AS n, 'null' AS s;")
        expect(re.search(r"│ NULL │ null │", out), "null apart from the string 'null'", s)
    finally:
        s.close()


@test
def test_error_with_caret(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.type("MATCH (c:Company)")
        s.idle(prompt="..> ")
        out = s.run("RETURN c.name, nope;")
        lines = out.splitlines()
        head = [l for l in lines if "Variable `nope` not defined" in l]
        expect(head and head[0].startswith("SyntaxError"), "the error's type and message", s)
        i = lines.index(head[0])
        expect(lines[i + 1].endswith("2 | RETURN c.name, nope"), "the statement's line", s)
        expect(lines[i + 2].index("^") == lines[i + 1].index("nope"), "a caret under it", s)
        out = s.run("RETURN 1 AS still_here;")
        expect("still_here" in out, "the shell goes on", s)
    finally:
        s.close()


@test
def test_schema(tmp):
    db = make_graph(tmp, SAMPLE)
    make_graph(tmp, "CREATE CONSTRAINT company_name FOR (c:Company) REQUIRE c.name IS UNIQUE")
    s = session(tmp, db)
    try:
        s.idle()
        out = s.run(":schema")
        expect("Node labels" in out and re.search(r"│ Company +│ +3 │ founded, name +│", out),
               "labels with counts and property keys", s)
        expect("Relationship types" in out and re.search(r"│ BUYS +│ +1 │ units +│", out),
               "relationship types with counts and keys", s)
        expect("Indexes and constraints" in out and
               re.search(r"│ company_name +│ unique constraint +│ :Company\(name\) +│", out),
               "indexes and constraints", s)
    finally:
        s.close()


@test
def test_completion(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.send("MATCH (c:Com\t")
        s.wait_for(lambda: s.screen.cursor_line() == "kg> MATCH (c:Company", "a label completed")
        s.send(")-[:BU\t")
        s.wait_for(lambda: s.screen.cursor_line().endswith("-[:BUYS"), "a type completed")
        s.send("]->(p) RETURN c.na\t")
        s.wait_for(lambda: s.screen.cursor_line().endswith("RETURN c.name"), "a key completed")
        s.send(", toUp\t")
        s.wait_for(lambda: s.screen.cursor_line().endswith("c.name, toUpper("), "a function")
        s.send("p.name) ord\t")
        s.wait_for(lambda: s.screen.cursor_line().endswith(" order"), "a keyword, as typed")
        out = s.run("by c.name;")
        expect("1 row" in out and "BLACKWELL" in out, "the completed statement runs", s)
        s.send(":sch\t")
        s.wait_for(lambda: s.screen.cursor_line() == "kg> :schema", "a command completed")
        s.send("\x15")  # Ctrl+U: kill the line
        s.send("MATCH (c:Company)-[r:\t")
        s.expect(r"^BUYS +LICENSES +MAKES$")  # several: listed under the line
    finally:
        s.close()


@test
def test_history_is_restored_after_a_restart(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.run("RETURN 'first' AS w;")
        s.type("MATCH (c:Company {name: 'AWS'})")
        s.idle(prompt="..> ")
        s.run("RETURN c.founded AS founded;")
        s.send("\x04")
        s.wait_exit()
    finally:
        s.close()
    history = os.path.join(tmp, "home", ".kg_history")
    expect(os.path.exists(history), "~/.kg_history was written")
    expect(os.stat(history).st_mode & 0o777 == 0o600, "~/.kg_history is private")
    s = session(tmp, db)
    try:
        s.idle()
        s.send("\x1b[A")  # Up: the last statement, both of its lines
        s.expect(r"^kg> MATCH \(c:Company \{name: 'AWS'\}\)$")
        s.expect(r"^RETURN c.founded AS founded;$")
        s.send("\r")
        s.expect(r"│ +2006 │")
        s.idle()
        s.send("\x12first")  # Ctrl+R, then what to look for
        s.wait_for(lambda: "RETURN 'first' AS w;" in s.screen.text().split("2006")[-1],
                   "Ctrl+R finding the older entry")
    finally:
        s.close()


@test
def test_ctrl_c_cancels_the_line(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.type("MATCH (c:Company)")
        s.idle(prompt="..> ")
        s.send("RETURN c")
        s.send("\x03")
        s.expect(r"\^C$")
        s.idle()
        out = s.run("RETURN 2 AS two;")
        expect(re.search(r"│ +2 │", out), "a fresh statement, the cancelled one forgotten", s)
    finally:
        s.close()


@test
def test_ctrl_c_stops_a_long_query_and_rolls_back(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.type("CREATE (:Marker) WITH 1 AS x UNWIND range(1, 1000000) AS a "
               "UNWIND range(1, 1000000) AS b RETURN count(*);")
        s.expect(r"running · \d+\.\d s · Ctrl\+C cancels", timeout=30)  # after a second
        # The statement would count 10^12 rows: back at the prompt, it was stopped.
        s.send("\x03")
        s.expect(r"Interrupted: .*interrupted and rolled back", timeout=30)
        s.idle()
        expect(not any("running ·" in l for l in s.screen.lines()), "the progress line is cleared",
               s)
        out = s.run("MATCH (m:Marker) RETURN count(m) AS markers;")
        expect(re.search(r"│ +0 │", out), "the graph is unchanged", s)
    finally:
        s.close()


@test
def test_ctrl_c_in_a_transaction_rolls_the_transaction_back(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.run(":begin", prompt="kg(tx)> ")
        s.run("CREATE (:Draft);", prompt="kg(tx)> ")
        s.type("UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b RETURN count(*);")
        s.expect(r"running · \d+\.\d s · Ctrl\+C cancels", timeout=30)
        s.send("\x03")
        s.expect(r"Interrupted: .*\(the open transaction was rolled back\)", timeout=30)
        s.idle()  # "kg> ", no longer "kg(tx)> "
        out = s.run("MATCH (d:Draft) RETURN count(d) AS drafts;")
        expect(re.search(r"│ +0 │", out), "the transaction's write is gone", s)
    finally:
        s.close()


@test
def test_back_from_the_background_the_terminal_is_raw_again(tmp):
    s = session(tmp, make_graph(tmp, SAMPLE))
    try:
        s.idle()
        # What Ctrl+Z and fg do under a job-control shell: kg stops, the shell puts the terminal
        # back to its own (cooked, echoing) mode, kg continues.
        os.kill(s.pid, signal.SIGSTOP)
        os.waitpid(s.pid, os.WUNTRACED)  # the shell takes the terminal once kg has stopped
        attrs = termios.tcgetattr(s.fd)
        attrs[3] |= termios.ECHO | termios.ICANON
        termios.tcsetattr(s.fd, termios.TCSANOW, attrs)
        s.send("\r")  # the job-control shell's prompt and "fg" end with a new line
        s.wait_for(lambda: s.screen.cursor_line() == "", "the terminal's own echo of Enter")
        # The job-control shell reads that line itself, so kg never sees it. (Left in the
        # terminal, kg would read an empty line after the redraw, and idle() could meet the
        # terminal cooked between that line and the next prompt.)
        s.discard_typed_input()
        os.kill(s.pid, signal.SIGCONT)
        s.idle()  # the prompt drawn again, the terminal raw again
        out = s.run("RETURN 'typed once' AS t;")
        expect("│ typed once │" in out, "the statement ran", s)
        expect(s.screen.text().count("RETURN 'typed once'") == 1, "typed text shown once", s)
    finally:
        s.close()


@test
def test_transactions(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.run(":begin", prompt="kg(tx)> ")
        s.run("CREATE (:Draft);", prompt="kg(tx)> ")
        out = s.run("MATCH (d:Draft) RETURN count(d) AS drafts;", prompt="kg(tx)> ")
        expect(re.search(r"│ +1 │", out), "the transaction sees its own write", s)
        s.run(":rollback")
        out = s.run("MATCH (d:Draft) RETURN count(d) AS drafts;")
        expect(re.search(r"│ +0 │", out), "rolled back", s)
    finally:
        s.close()


@test
def test_formats_and_timer(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        s.run(":timer off")
        s.run(":format markdown")
        out = s.run("MATCH (c:Company) RETURN c.name AS name ORDER BY name LIMIT 2;")
        expect("| name |" in out and "| ---- |" in out and "| AWS  |" in out, "a markdown table", s)
        expect(re.search(r"^2 rows$", out, re.M), "the footer without a time", s)
        s.run(":format line")
        out = s.run("RETURN 1 AS one, 'x' AS letter;")
        expect("   one = 1" in out and "letter = x" in out, "the line format", s)
        s.run(":format csv")
        out = s.run("RETURN 1 AS one;")
        expect(re.search(r"^one\n1$", out, re.M), "csv", s)
        out = s.run(":format xml")
        expect("unknown format 'xml'" in out, "an unknown format", s)
    finally:
        s.close()


@test
def test_wide_values_are_cut_to_the_terminal(tmp):
    s = session(tmp, make_graph(tmp, SAMPLE), cols=60)
    try:
        s.idle()
        out = s.run("RETURN 'abc' AS short, reduce(s = '', i IN range(1, 50) | s + 'long ') "
                    "AS long;")
        rows = [l for l in out.splitlines() if l.startswith("│")]
        expect(rows and all(len(l) <= 60 for l in rows), "rows fit in 60 columns", s)
        expect(any("…" in l for l in rows), "the wide value ends in an ellipsis", s)
        expect(any("│ abc   │" in l for l in rows), "the narrow column is whole", s)
    finally:
        s.close()


@test
def test_help_and_unknown_commands(tmp):
    db = make_graph(tmp, SAMPLE)
    s = session(tmp, db)
    try:
        s.idle()
        out = s.run(":help")
        for cmd in (":schema", ":param", ":source", ":format", ":timer", ":begin", ":quit"):
            expect(cmd in out, "help lists " + cmd, s)
        expect("secrets" in out and ".kg_history" in out, "help says :param lines are saved", s)
        expect(re.search(r"MATCH \(n:Company\)", out), "an example on the open graph", s)
        out = s.run(":shema")
        expect("did you mean ':schema'?" in out, "the nearest command", s)
    finally:
        s.close()


@test
def test_params_and_source(tmp):
    db = make_graph(tmp, SAMPLE)
    with open(os.path.join(tmp, "q.cypher"), "w") as f:
        f.write(":param who => 'Nvidia'\nMATCH (c:Company {name: $who})-[:MAKES]->(p)\n"
                "RETURN p.name AS made;\n")
    s = session(tmp, db)
    try:
        s.idle()
        out = s.run(":source q.cypher")
        expect("Blackwell" in out, ":source ran the file with its :param", s)
        out = s.run(":params")
        expect(":param who => 'Nvidia'" in out, ":params lists it", s)
    finally:
        s.close()


@test
def test_import_and_export(tmp):
    db = make_graph(tmp, SAMPLE)
    with open(os.path.join(tmp, "widgets.csv"), "w") as f:
        f.write(":ID,name\nw1,Sprocket\nw2,Flange\n")
    s = session(tmp, db)
    try:
        s.idle()
        s.send(":import --nodes=Widget=wid\t")  # a file name inside an option completes
        s.wait_for(lambda: s.screen.cursor_line() == "kg> :import --nodes=Widget=widgets.csv",
                   "the file name completed")
        s.send("\r")
        s.expect(r"^Imported 2 nodes, 0 relationships and 2 properties")
        s.idle()
        s.send("MATCH (w:Wid\t")  # the new label completes at once
        s.wait_for(lambda: s.screen.cursor_line() == "kg> MATCH (w:Widget", "the new label")
        out = s.run(") RETURN w.name AS name ORDER BY name;")
        expect("│ Flange   │" in out and "2 rows" in out, "the imported nodes", s)
        out = s.run(":import --nodes=Widget=missing.csv")
        expect("missing.csv" in out and "unchanged" in out, "a failed import changes nothing", s)
        out = s.run(":export --query 'MATCH (w:Widget) RETURN w' widgets.jsonl")
        expect("widgets.jsonl" in out, "the export says what it wrote", s)
        with open(os.path.join(tmp, "widgets.jsonl")) as f:
            exported = f.read()
        expect('"Sprocket"' in exported and '"Flange"' in exported, "the exported file")
    finally:
        s.close()


@test
def test_kgrc_runs_at_start_unless_no_rc(tmp):
    db = make_graph(tmp, SAMPLE)
    os.makedirs(os.path.join(tmp, "home"), exist_ok=True)
    with open(os.path.join(tmp, "home", ".kgrc"), "w") as f:
        f.write(":format csv\n:param n => 41\n")
    s = session(tmp, db)
    try:
        s.idle()
        out = s.run("RETURN $n + 1 AS answer;")
        expect(re.search(r"^answer\n42$", out, re.M), "~/.kgrc set the format and $n", s)
    finally:
        s.close()
    s = session(tmp, db, "--no-rc")
    try:
        s.idle()
        out = s.run("RETURN 42 AS answer;")
        expect("│ answer │" in out, "--no-rc: the default table", s)
    finally:
        s.close()


# --------------------------------------------------------------------------------------------



if __name__ == "__main__":
    sys.exit(script_tests.main(globals(), TESTS, "kg-repl-test-"))
