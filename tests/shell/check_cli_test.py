#!/usr/bin/env python3
"""End-to-end tests of `kg check` (docs/check.md): its output and exit statuses.

    check_cli_test.py PATH/TO/kg [--only NAME] [--list]

The environment variable KG_TEST_HELPER names the kg_test_helper binary, whose `corrupt DB_DIR`
breaks one invariant under the engine. Each test_* function runs in a fresh temporary directory.
Prints "ok NAME" or "FAIL NAME: why" per test; the exit status is 1 when any failed. ctest runs
each test on its own (tests/shell/CMakeLists.txt). Python 3 standard library only.
"""

import fcntl
import os
import re
import subprocess
import sys

import script_tests  # the command line shared by the scripts of this folder

KG = None  # the kg binary, from argv


def run(*args):
    return script_tests.run_kg([KG] + list(args))


def make_graph(tmp):
    db = os.path.join(tmp, "db")
    r = run(db, "-c", "CREATE INDEX FOR (c:Company) ON (c.name)",
            "-c", "CREATE (:Company {name: 'AWS'})-[:BUYS]->(:Product {name: 'Blackwell'})")
    assert r.rc == 0, r
    return db


def test_check_clean_graph(tmp):
    db = make_graph(tmp)
    r = run("check", db)
    assert r.rc == 0, r
    # 2 nodes, 1 relationship; 2 label entries + 2 adjacency entries + 1 index entry.
    assert r.out == "ok: 2 nodes, 1 relationships, 5 index entries checked\n", r
    assert r.err == "", r


def test_check_reports_violations(tmp):
    db = make_graph(tmp)
    helper = os.environ["KG_TEST_HELPER"]
    p = subprocess.run([helper, "corrupt", db], stderr=subprocess.PIPE, timeout=60)
    assert p.returncode == 0, p.stderr
    r = run("check", db)
    assert r.rc == 1, r
    assert re.fullmatch(r"R2: relationship 0 lacks its outgoing adjacency entry \(node 0, out, "
                        r"type 0, other 1, relationship 0\)\n", r.out), r
    assert "1 violation in 2 nodes" in r.err, r
    # The same through Cypher.
    r = run(db, "-c", "CALL db.check()", "--format", "csv")
    assert r.rc == 0, r
    assert r.out.splitlines()[0] == "kind,message", r
    assert r.out.splitlines()[1].startswith("R2,"), r


def test_check_cannot_check(tmp):
    r = run("check", os.path.join(tmp, "missing"))
    assert r.rc == 3 and "kg check:" in r.err, r
    assert not os.path.exists(os.path.join(tmp, "missing")), "kg check created a graph"
    db = make_graph(tmp)
    with open(os.path.join(db, "kg.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        r = run("check", db)
    assert r.rc == 3 and "locked" in r.err, r


def test_check_usage(tmp):
    r = run("check")
    assert r.rc == 2 and "DB_DIR is missing" in r.err, r
    r = run("check", "a", "b")
    assert r.rc == 2 and "unexpected argument 'b'" in r.err, r
    r = run("check", "--help")
    assert r.rc == 0 and "Exit status" in r.out and "db.check()" in r.out, r


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_") and callable(v)]



if __name__ == "__main__":
    sys.exit(script_tests.main(globals(), TESTS, "kg-check-cli-test-"))
