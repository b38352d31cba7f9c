"""The command line of the python test scripts in this folder (cli_test.py, repl_test.py, ...):

    python3 SCRIPT.py PATH_TO_KG [--only TEST_NAME] [--list]

Each test is a function taking a fresh temporary directory; tests/shell/CMakeLists.txt registers
one ctest per `def test_...` of a script, run with --only.
"""
import os
import subprocess
import sys
import tempfile
import traceback


class Run:
    """A finished kg process: its exit status and its stdout and stderr as text."""

    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout.decode("utf-8")
        self.err = proc.stderr.decode("utf-8")

    def __repr__(self):
        return "exit %d\n--- stdout\n%s--- stderr\n%s" % (self.rc, self.out, self.err)


def run_kg(argv, stdin=None):
    """Runs argv (the kg binary first) and waits up to 60 s. stdin is a str or bytes to feed it,
    or None for /dev/null; never a terminal."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    if data is None:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60)
    else:
        proc = subprocess.run(argv, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=60)
    return Run(proc)


def main(module_globals, tests, tmp_prefix):
    """Runs `tests` (or the one named by --only) after setting module_globals["KG"] to the kg
    binary named on the command line. Returns the exit status: 0 all passed, 1 a test failed,
    2 a usage error."""
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        print(module_globals.get("__doc__") or __doc__)
        return 2
    module_globals["KG"] = os.path.abspath(args[0])
    only = args[args.index("--only") + 1] if "--only" in args else None
    if "--list" in args:
        print("\n".join(t.__name__ for t in tests))
        return 0
    chosen = [t for t in tests if only is None or t.__name__ == only]
    if not chosen:
        print("no test named %s" % only)
        return 2
    failed = 0
    for t in chosen:
        with tempfile.TemporaryDirectory(prefix=tmp_prefix) as tmp:
            try:
                t(tmp)
                print("ok", t.__name__)
            except Exception as e:  # noqa: BLE001 - report every kind of failure
                failed += 1
                detail = str(e) if isinstance(e, AssertionError) else traceback.format_exc()
                print("FAIL %s: %s" % (t.__name__, detail))
    print("%d passed, %d failed" % (len(chosen) - failed, failed))
    return 1 if failed else 0
