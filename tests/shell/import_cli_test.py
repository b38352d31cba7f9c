#!/usr/bin/env python3
"""End-to-end tests of `kg import` (DESIGN.md §6-7, docs/import.md).

    import_cli_test.py PATH/TO/kg [--only NAME] [--list]

Each test_* function runs the built kg binary in a fresh temporary directory and checks stdout,
stderr, the exit status and the imported graph (read back with kg -c ... --format jsonl).
Prints "ok NAME" or "FAIL NAME: why" per test; the exit status is 1 when any failed. ctest runs
each test on its own (tests/shell/CMakeLists.txt). Python 3 standard library only.
"""

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time

import script_tests  # the command line shared by the scripts of this folder

KG = None  # the kg binary, from argv


def run(*args):
    return script_tests.run_kg([KG] + list(args))


def write(tmp, name, text, gz=False):
    path = os.path.join(tmp, name)
    data = text.encode("utf-8")
    if gz:
        with gzip.open(path, "wb") as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
    return path


def query(db, statement):
    r = run(db, "-c", statement, "--format", "jsonl")
    assert r.rc == 0, r
    return [json.loads(l) for l in r.out.splitlines() if l.strip()]


def test_import_help(tmp):
    r = run("import", "--help")
    assert r.rc == 0, r
    for word in ("--nodes", "--relationships", ":START_ID", "--delimiter", "--array-delimiter",
                 "--quote", "--skip-bad-relationships", "--skip-duplicate-nodes", "--report-file",
                 "--jsonl", "--ntriples", "int[]"):
        assert word in r.out, "%s missing from the help:\n%s" % (word, r.out)
    r = run("--help")
    assert "kg import" in r.out, r


def test_import_csv_groups_and_summary(tmp):
    db = os.path.join(tmp, "db")
    hdr = write(tmp, "companies_header.csv", "id:ID(Company),name,founded:int,tags:string[]\n")
    data = write(tmp, "companies.csv.gz",
                 '1,AWS,2006,cloud;retail\n2,"Nvidia, Inc.",1993,chips\n', gz=True)
    people = write(tmp, "people.csv", "\ufeffpid:ID(Person),name,:LABEL\n1,Ada,Engineer\n")
    rels = write(tmp, "works.csv", ":START_ID(Person),:END_ID(Company),since:long\n1,1,2020\n")
    r = run("import", db, "--nodes=Company=%s,%s" % (hdr, data), "--nodes=Person=" + people,
            "--relationships=WORKS_AT=" + rels)
    assert r.rc == 0, r
    assert r.out.startswith("Imported 3 nodes, 1 relationship and 11 properties in "), r
    assert "rows/s" in r.out, r
    rows = query(db, "MATCH (p:Person)-[w:WORKS_AT]->(c:Company) "
                     "RETURN p.name AS p, labels(p) AS l, w.since AS s, c.name AS c, c.tags AS t")
    assert rows == [{"p": "Ada", "l": ["Person", "Engineer"], "s": 2020, "c": "AWS",
                     "t": ["cloud", "retail"]}], rows
    rows = query(db, "MATCH (c:Company {founded: 1993}) RETURN c.name AS n")
    assert rows == [{"n": "Nvidia, Inc."}], rows


def test_import_bad_line_changes_nothing(tmp):
    db = os.path.join(tmp, "db")
    assert run(db, "-c", "CREATE (:Old {name: 'kept'})").rc == 0
    nodes = write(tmp, "n.csv", ":ID,age:int\n1,36\n2,old\n")
    r = run("import", db, "--nodes=Person=" + nodes)
    assert r.rc == 1, r
    assert "%s:3: field 2 (age): 'old' is not an int" % nodes in r.err, r
    assert "the graph is unchanged" in r.err, r
    assert query(db, "MATCH (n) RETURN n.name AS n") == [{"n": "kept"}]
    # A failed import into a new directory leaves no graph behind.
    fresh = os.path.join(tmp, "fresh")
    assert run("import", fresh, "--nodes=" + nodes).rc == 1
    assert not os.path.exists(fresh)


def test_import_skips_and_report_file(tmp):
    db = os.path.join(tmp, "db")
    nodes = write(tmp, "n.csv", ":ID\n1\n2\n1\n")
    rels = write(tmp, "r.csv", ":START_ID,:END_ID,:TYPE\n1,2,R\n1,3,R\n")
    report = os.path.join(tmp, "skipped.txt")
    r = run("import", db, "--nodes", nodes, "--relationships", rels, "--skip-duplicate-nodes",
            "--skip-bad-relationships", "--report-file", report)
    assert r.rc == 0, r
    assert "Skipped 1 node with a duplicate id (listed in %s)" % report in r.out, r
    assert "Skipped 1 relationship with a missing end node" in r.out, r
    with open(report) as f:
        lines = f.read().splitlines()
    assert lines == ["%s:4: duplicate node id '1'" % nodes,
                     "%s:3: :END_ID '3' is no node's id" % rels], lines


def test_import_delimiters_jsonl_and_ntriples(tmp):
    db = os.path.join(tmp, "db")
    tsv = write(tmp, "n.tsv", ":ID\tname\txs:int[]\n1\t'a\tb'\t1|2\n")
    jl = write(tmp, "g.jsonl",
               '{"type":"node","id":"j1","labels":["J"],"properties":{"v":1.5}}\n'
               '{"type":"relationship","label":"L","start":"j1","end":"j1"}\n')
    nt = write(tmp, "g.nt", '<http://x/a> <http://x/name> "A" .\n')
    r = run("import", db, "--nodes=T=" + tsv, "--delimiter", "TAB", "--array-delimiter=|",
            "--quote", "'", "--jsonl", jl, "--ntriples", nt)
    assert r.rc == 0, r
    assert query(db, "MATCH (t:T) RETURN t.name AS n, t.xs AS xs") == [{"n": "a\tb", "xs": [1, 2]}]
    assert query(db, "MATCH (j:J)-[:L]->(j) RETURN j.v AS v") == [{"v": 1.5}]
    assert query(db, "MATCH (r:Resource) RETURN r.name AS n, r.uri AS u") == \
        [{"n": "A", "u": "http://x/a"}]


def test_import_ctrl_c_cancels(tmp):
    # The node file is a FIFO, so the test decides when kg has read what: 3000 rows, then Ctrl-C
    # (SIGINT) while kg waits for more, then more rows. The import stops at its next check, says
    # so, exits 130 and leaves nothing: no graph (the command created it), no temporary directory.
    db = os.path.join(tmp, "db")
    fifo = os.path.join(tmp, "nodes.csv")
    os.mkfifo(fifo)
    kg = subprocess.Popen([KG, "import", db, "--nodes=N=" + fifo], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    try:
        fd = os.open(fifo, os.O_WRONLY)  # unbuffered: nothing is left to flush at close
        try:
            os.write(fd, (":ID,v:int\n" + "".join("%d,%d\n" % (i, i) for i in range(3000)))
                     .encode())
            time.sleep(0.5)
            kg.send_signal(signal.SIGINT)
            time.sleep(0.2)
            # kg stops reading at its next check (every 1024 rows) and closes the pipe.
            os.write(fd, "".join("%d,%d\n" % (i, i) for i in range(3000, 20000)).encode())
        except BrokenPipeError:
            pass
        finally:
            os.close(fd)
        out, err = kg.communicate(timeout=60)
    finally:
        if kg.poll() is None:
            kg.kill()
    assert kg.returncode == 130, (kg.returncode, out, err)
    assert "the import was cancelled" in err and "the graph is unchanged" in err, err
    assert not os.path.exists(db), os.listdir(tmp)
    assert [n for n in os.listdir(tmp) if "import-" in n] == [], os.listdir(tmp)


def feed_fifo(path, data):
    """Creates the FIFO `path` and writes `data` into it from a thread, once a reader opens it."""
    os.mkfifo(path)

    def feed():
        try:
            fd = os.open(path, os.O_WRONLY)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
        except BrokenPipeError:
            pass

    t = threading.Thread(target=feed, daemon=True)
    t.start()
    return t


def test_import_from_a_pipe(tmp):
    # CSV through a pipe, as with --nodes=<(zcat people.csv.gz): read once, as it comes.
    db = os.path.join(tmp, "db")
    feed_fifo(os.path.join(tmp, "n.csv"), b":ID,name\n1,Ada\n2,Bob\n")
    r = run("import", db, "--nodes=P=" + os.path.join(tmp, "n.csv"))
    assert r.rc == 0, r
    assert query(db, "MATCH (p:P) RETURN p.name AS n ORDER BY n") == [{"n": "Ada"}, {"n": "Bob"}]
    # gzip needs the file itself; JSON Lines are read twice. Both say so and change nothing.
    fed = feed_fifo(os.path.join(tmp, "z.csv"), gzip.compress(b":ID\n3\n"))
    r = run("import", db, "--nodes=P=" + os.path.join(tmp, "z.csv"))
    assert r.rc == 1 and "gzip data through a pipe is not supported" in r.err, r
    fed.join(5)
    os.mkfifo(os.path.join(tmp, "g.jsonl"))  # never opened: refused before reading
    r = run("import", db, "--jsonl", os.path.join(tmp, "g.jsonl"))
    assert r.rc == 1 and "must be a regular file, not a pipe" in r.err, r
    assert query(db, "MATCH (p:P) RETURN count(p) AS c") == [{"c": 2}]


def test_import_usage_errors(tmp):
    r = run("import")
    assert r.rc == 2 and "DB_DIR is missing" in r.err, r
    r = run("import", os.path.join(tmp, "db"))
    assert r.rc == 2 and "nothing to import" in r.err, r
    r = run("import", os.path.join(tmp, "db"), "--nodes=x.csv", "--frobnicate")
    assert r.rc == 2 and "unknown option --frobnicate" in r.err, r
    r = run("import", os.path.join(tmp, "db"), "--nodes=" + os.path.join(tmp, "missing.csv"))
    assert r.rc == 1 and "missing.csv" in r.err, r


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_") and callable(v)]



if __name__ == "__main__":
    sys.exit(script_tests.main(globals(), TESTS, "kg-import-cli-test-"))
