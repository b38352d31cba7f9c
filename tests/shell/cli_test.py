#!/usr/bin/env python3
"""End-to-end tests of the kg command line against its contract (DESIGN.md §6).

    cli_test.py PATH/TO/kg [--only NAME] [--list]

Each test_* function runs the built kg binary in a fresh temporary directory (its graph is
<tmp>/db, which does not exist yet) through -c, -f, stdin, :param, --param and each --format,
and checks stdout, stderr and the exit status. Prints one line per test, "ok NAME" or
"FAIL NAME: why"; the exit status is 1 when any failed. ctest runs each test on its own
(tests/shell/CMakeLists.txt registers one test per test_* function). Python 3 standard library only.
"""

import json
import os
import pty
import re
import subprocess
import sys

import script_tests  # the command line shared by the scripts of this folder

KG = None  # the kg binary, from argv

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def kg(*args, stdin=b"", db=True, tmp=None):
    """Runs kg [<tmp>/db] args...; stdin is a str or bytes (never a terminal)."""
    argv = [KG] + ([os.path.join(tmp, "db")] if db else []) + list(args)
    return script_tests.run_kg(argv, stdin=stdin)


def typed(line):
    """One JSON line, with numbers as ('int', n) / ('float', x) so that 1 and 1.0 differ."""
    return json.loads(line, parse_int=lambda s: ("int", int(s)),
                      parse_float=lambda s: ("float", float(s)),
                      parse_constant=lambda s: ("float", float(s.replace("Infinity", "inf"))))


def rows(run):
    return [typed(l) for l in run.out.splitlines() if l.strip()]


def last_json(run):
    lines = [l for l in run.out.splitlines() if l.strip()]
    assert lines, "stdout is empty:\n%r" % run
    return json.loads(lines[-1])


def expect(cond, what, run=None):
    if not cond:
        raise AssertionError(what + ("\n%r" % run if run is not None else ""))


def ok(run):
    expect(run.rc == 0, "expected exit status 0", run)
    return run


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


# --------------------------------------------------------------------------------------------
# -c, -f, stdin
# --------------------------------------------------------------------------------------------


@test
def test_c_prints_typed_jsonl(tmp):
    r = ok(kg("-c", "RETURN 1 AS i, 1.0 AS f, 'x' AS s, null AS n, true AS b, [1, 'a'] AS l, "
                    "{k: 2.5} AS m, 1e20 AS big, -0.5 AS neg", tmp=tmp))
    expect(r.out == '{"i":1,"f":1.0,"s":"x","n":null,"b":true,"l":[1,"a"],"m":{"k":2.5},'
                    '"big":1e+20,"neg":-0.5}\n', "typed values in RETURN order", r)


@test
def test_c_is_repeatable_and_keeps_commas(tmp):
    r = ok(kg("-c", "RETURN 1 AS a, 2 AS b", "-c", "RETURN 3 AS a, 4 AS b", tmp=tmp))
    expect(rows(r) == [{"a": ("int", 1), "b": ("int", 2)}, {"a": ("int", 3), "b": ("int", 4)}],
           "two statements, in order, commas intact", r)


@test
def test_c_runs_several_statements(tmp):
    r = ok(kg("-c", "RETURN 1 AS a; RETURN 2 AS a;", tmp=tmp))
    expect(rows(r) == [{"a": ("int", 1)}, {"a": ("int", 2)}], "both statements ran", r)


@test
def test_empty_result_prints_nothing(tmp):
    r = ok(kg("-c", "UNWIND [] AS x RETURN x", tmp=tmp))
    expect(r.out == "", "an empty result prints nothing", r)


@test
def test_file_with_semicolons_in_strings_and_comments(tmp):
    script = write(tmp, "s.cypher", """// a comment; with a semicolon
RETURN 'a;b' AS s;
RETURN "c;d" AS s; /* block; comment */ RETURN 1 AS `we;ird`;
/* a block comment
   over lines; */
UNWIND [1, 2] AS x
RETURN x AS s
;
RETURN 'last' AS s // no ';' after the last statement
""")
    r = ok(kg("-f", script, tmp=tmp))
    expect(rows(r) == [{"s": "a;b"}, {"s": "c;d"}, {"we;ird": ("int", 1)}, {"s": ("int", 1)},
                       {"s": ("int", 2)}, {"s": "last"}], "six rows from five statements", r)


@test
def test_stdin_when_no_c_or_f(tmp):
    r = ok(kg(stdin="RETURN 1 AS a;\nRETURN\n  2 AS a\n", tmp=tmp))
    expect(rows(r) == [{"a": ("int", 1)}, {"a": ("int", 2)}], "statements from stdin", r)


@test
def test_f_dash_reads_stdin_in_order(tmp):
    script = write(tmp, "a.cypher", "RETURN 'file' AS s")
    r = ok(kg("-c", "RETURN 'c' AS s", "-f", "-", "-f", script, stdin="RETURN 'stdin' AS s",
              tmp=tmp))
    expect(rows(r) == [{"s": "c"}, {"s": "stdin"}, {"s": "file"}], "sources in argument order", r)


@test
def test_tck_runner_payload(tmp):
    # Exactly what tck_run.py writes: :param lines, statements separated by a line holding ';'.
    payload = (":param name => 'AWS'\n"
               "CREATE (:Company {name: $name}) // setup\n;\n"
               "CREATE (:Company {name: 'Groq'})\n;\n"
               "MATCH (n) RETURN id(n) AS id, n AS n\n")
    r = ok(kg(stdin=payload, tmp=tmp))
    got = rows(r)
    expect(len(got) == 2, "two nodes", r)
    names = sorted(row["n"]["properties"]["name"] for row in got)
    expect(names == ["AWS", "Groq"], "the :param value was used", r)
    for row in got:
        expect(row["n"]["_type"] == "node" and row["n"]["_id"] == row["id"], "id(n) is _id", r)


@test
def test_data_persists_and_entities_print_typed(tmp):
    ok(kg("-c", "CREATE (:Company {name: 'AWS'})-[:BUYS {units: 10, price: 2.5}]->"
                "(:Product {name: 'Blackwell'})", tmp=tmp))
    r = ok(kg("-c", "MATCH p = (c:Company)-[b:BUYS]->(x) RETURN c, b, x, p", tmp=tmp))
    got = rows(r)
    expect(len(got) == 1 and list(got[0]) == ["c", "b", "x", "p"], "one row, columns in order", r)
    c, b, x, p = got[0]["c"], got[0]["b"], got[0]["x"], got[0]["p"]
    expect(c["_type"] == "node" and c["_labels"] == ["Company"] and
           c["properties"] == {"name": "AWS"} and c["_id"][0] == "int", "node", r)
    expect(b["_type"] == "relationship" and b["_rel_type"] == "BUYS" and
           b["_start"] == c["_id"] and b["_end"] == x["_id"] and
           b["properties"] == {"units": ("int", 10), "price": ("float", 2.5)}, "relationship", r)
    expect(p["_type"] == "path" and p["nodes"] == [c, x] and p["relationships"] == [b], "path", r)
    # The raw text of a node: the keys in the contract's order.
    raw = r.out.splitlines()[0]
    expect(re.search(r'"c":\{"_type":"node","_id":\d+,"_labels":\["Company"\],'
                     r'"properties":\{"name":"AWS"\}\}', raw), "node key order", r)
    expect(re.search(r'"b":\{"_type":"relationship","_id":\d+,"_rel_type":"BUYS","_start":\d+,'
                     r'"_end":\d+,"properties":\{', raw), "relationship key order", r)


@test
def test_strings_are_json_escaped(tmp):
    r = ok(kg("-c", "RETURN 'é \"q\" \\\\ ' + '\\t' + '中' AS s", tmp=tmp))
    expect(r.out == '{"s":"é \\"q\\" \\\\ \\u0009中"}\n', "escapes; UTF-8 kept", r)


# --------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------


@test
def test_param_lines(tmp):
    r = ok(kg(stdin=":param x => [1, 2]\n:param m: {k: 'v'}\n:param s => 'a;b'\n"
                    "RETURN $x AS x, $m.k AS k, $s AS s\n", tmp=tmp))
    expect(rows(r) == [{"x": [("int", 1), ("int", 2)], "k": "v", "s": "a;b"}], "params used", r)


@test
def test_param_option(tmp):
    r = ok(kg("--param", "n => 40 + 2", "--param", "s => 'hi, there'", "--param", "f => 1.0",
              "-c", "RETURN $n AS n, $s AS s, $f AS f", tmp=tmp))
    expect(rows(r) == [{"n": ("int", 42), "s": "hi, there", "f": ("float", 1.0)}], "--param", r)


@test
def test_params_command_prints_them(tmp):
    r = ok(kg(stdin=":param b => 'x'\n:param a => 1\n:params\n", tmp=tmp))
    expect(rows(r) == [{"a": ("int", 1), "b": "x"}], ":params as one JSON object in jsonl", r)
    t = ok(kg("--format", "table", stdin=":param b => 'x'\n:param a => [1]\n:params\n", tmp=tmp))
    expect(t.out == ":param a => [1]\n:param b => 'x'\n", ":params in table mode", t)


@test
def test_bad_param_line_is_an_error_with_position(tmp):
    r = kg(stdin="RETURN 1 AS a;\n:param x => [1, \nRETURN 2 AS a\n", tmp=tmp)
    expect(r.rc == 1, "exit status 1", r)
    e = last_json(r)
    expect(e["error"] == "SyntaxError" and e["line"] == 2 and e["column"] >= 13,
           "a SyntaxError on line 2, inside the literal", r)
    expect(rows(r)[0] == {"a": ("int", 1)} and len(rows(r)) == 2, "nothing ran after it", r)


@test
def test_unknown_command_is_an_error(tmp):
    r = kg(stdin="RETURN 1 AS a;\n  :nope\nRETURN 2 AS a\n", tmp=tmp)
    expect(r.rc == 1, "exit status 1", r)
    e = last_json(r)
    expect(e["error"] == "InvalidArgument" and "nope" in e["message"] and
           (e["line"], e["column"]) == (2, 3), "the command, at 2:3", r)
    expect(len(rows(r)) == 2, "the first row, then the error", r)


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


@test
def test_error_last_line_json_with_script_position(tmp):
    script = write(tmp, "e.cypher", "RETURN 1 AS a;\n\nMATCH (n)\nRETURN n, x;\nRETURN 2 AS a;\n")
    r = kg("-f", script, tmp=tmp)
    expect(r.rc == 1, "exit status 1", r)
    expect(rows(r)[0] == {"a": ("int", 1)}, "the statement before ran", r)
    e = last_json(r)
    expect(e["error"] in ("SyntaxError", "SemanticError") and e.get("detail") == "UndefinedVariable",
           "an undefined variable", r)
    expect((e["line"], e["column"]) == (4, 11), "line:column in the script, not the statement", r)
    expect(isinstance(e["message"], str) and e["message"], "a message", r)
    expect(len(rows(r)) == 2, "nothing ran after the failure", r)


@test
def test_error_position_on_a_shared_line(tmp):
    r = kg("-c", "RETURN 1 AS a; RETURN y", tmp=tmp)
    expect(r.rc == 1, "exit status 1", r)
    e = last_json(r)
    expect((e["line"], e["column"]) == (1, 23), "the column counts from the line's start", r)


@test
def test_syntax_error_json(tmp):
    r = kg("--format", "json", "-c", "RETURN 1 +", tmp=tmp)
    expect(r.rc == 1, "exit status 1", r)
    e = last_json(r)
    expect(e["error"] == "SyntaxError" and set(e) <= {"error", "detail", "message", "line",
                                                       "column", "phase"}, "SyntaxError", r)


@test
def test_bad_input_corpus_never_crashes(tmp):
    # Every statement file of tests/bad_inputs/ (binary ones too: NUL bytes, invalid UTF-8) and a
    # few generated deep ones, run as a script: kg exits 0 or 1, never by a signal, and a failure
    # ends stdout with a JSON error object (a syntax error's says where).
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bad_inputs",
                          "statements")
    inputs = [(n, open(os.path.join(corpus, n), "rb").read()) for n in sorted(os.listdir(corpus))]
    inputs += [("10000 nested parentheses", b"RETURN " + b"(" * 10000 + b"1" + b")" * 10000),
               ("10000 nested lists", b"RETURN " + b"[" * 10000 + b"]" * 10000),
               ("100000-term sum", b"RETURN 1" + b"+1" * 100000 + b", nope"),
               ("100000-term AND", b"RETURN true" + b" AND true" * 100000 + b", nope")]
    ok(kg("-c", "CREATE (:Company {name: 'AWS'})", tmp=tmp))
    failures = 0
    for name, text in inputs:
        path = os.path.join(tmp, "bad.cypher")
        with open(path, "wb") as f:
            f.write(text)
        p = subprocess.run([KG, os.path.join(tmp, "db"), "-f", path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
        expect(p.returncode in (0, 1), "%s: exit status %d" % (name, p.returncode))
        if p.returncode == 1:
            failures += 1
            last = p.stdout.decode("utf-8", "replace").strip().splitlines()[-1]
            e = json.loads(last)
            expect(e["error"] and e["message"], "%s: an error: %s" % (name, last))
            expect(e["error"] != "SyntaxError" or ("line" in e and "column" in e),
                   "%s: a syntax error says where: %s" % (name, last))
    expect(failures > 90, "most of the corpus fails (%d did)" % failures)
    r = ok(kg("-c", "MATCH (n:Company) RETURN count(n) AS n", tmp=tmp))
    expect(rows(r) == [{"n": ("int", 1)}], "the graph is as it was", r)


@test
def test_error_table_mode_caret_on_stderr(tmp):
    script = write(tmp, "e.cypher", "RETURN 1 AS a;\nMATCH (n)\n  RETURN x;\n")
    r = kg("--format", "table", "-f", script, tmp=tmp)
    expect(r.rc == 1, "exit status 1", r)
    expect("{" not in r.out and "1 row" in r.out, "the first result, no JSON on stdout", r)
    lines = r.err.splitlines()
    head = [l for l in lines if l.startswith("kg: ")]
    expect(head and re.match(r"kg: .*e\.cypher:3:10: (Syntax|Semantic)Error: ", head[0]),
           "kg: <file>:<line>:<col>: <Kind>: <message>", r)
    i = lines.index(head[0])
    expect(lines[i + 1].endswith("|   RETURN x") and lines[i + 2].index("^") ==
           lines[i + 1].index("x"), "the line, and a caret under the column", r)


@test
def test_runtime_error_stops_the_script(tmp):
    r = kg(stdin="CREATE (:T {v: 1});\nRETURN 1 / 0 AS boom;\nCREATE (:T {v: 2});\n", tmp=tmp)
    expect(r.rc == 1 and last_json(r)["error"] == "ArithmeticError", "ArithmeticError", r)
    count = ok(kg("-c", "MATCH (t:T) RETURN t.v AS v", tmp=tmp))
    expect(rows(count) == [{"v": ("int", 1)}], "the statement after the failure did not run", count)


@test
def test_missing_file(tmp):
    r = kg("-f", os.path.join(tmp, "nope.cypher"), tmp=tmp)
    expect(r.rc == 1 and last_json(r)["error"] == "IOError", "IOError", r)
    expect(not os.path.exists(os.path.join(tmp, "db")), "no graph was created", r)


@test
def test_unterminated_block_comment(tmp):
    r = kg("-c", "RETURN 1 AS a;\n/* no end\nRETURN 2 AS a", tmp=tmp)
    expect(r.rc == 1, "exit status 1", r)
    e = last_json(r)
    expect(e["error"] == "SyntaxError" and (e["line"], e["column"]) == (2, 1), "at the '/*'", r)


# --------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------


@test
def test_default_format_off_a_terminal_is_jsonl(tmp):
    r = ok(kg("-c", "UNWIND [1, 2] AS x RETURN x", tmp=tmp))
    expect(r.out == '{"x":1}\n{"x":2}\n', "jsonl", r)


@test
def test_format_json(tmp):
    r = ok(kg("--format", "json", "-c", "UNWIND [1, 2] AS x RETURN x, 'a' AS s",
              "-c", "UNWIND [] AS x RETURN x", tmp=tmp))
    dec, text, docs = json.JSONDecoder(), r.out, []
    i = 0
    while text[i:].strip():
        while text[i].isspace():
            i += 1
        doc, i = dec.raw_decode(text, i)
        docs.append(doc)
    expect(docs == [[{"x": 1, "s": "a"}, {"x": 2, "s": "a"}], []], "one array per statement", r)


@test
def test_format_csv(tmp):
    r = ok(kg("--format", "csv", "-c", "RETURN 'a,b' AS s, 'plain' AS p, null AS n, 1.0 AS f, "
                                       "[1, 'x'] AS l, '' AS e", tmp=tmp))
    expect(r.out == 's,p,n,f,l,e\n"a,b",plain,,1.0,"[1, \'x\']",""\n', "header and row", r)


@test
def test_format_table(tmp):
    r = ok(kg("--format", "table", "-c", "UNWIND [1, 22] AS x RETURN x, 'ab' AS name", tmp=tmp))
    expect(r.out == ("┌────┬──────┐\n"
                     "│ x  │ name │\n"
                     "├────┼──────┤\n"
                     "│  1 │ ab   │\n"
                     "│ 22 │ ab   │\n"
                     "└────┴──────┘\n"
                     "2 rows\n"), "box, numbers right-aligned, footer", r)
    c = ok(kg("--format", "table", "-c", "CREATE (:A {v: 1}), (:A)", tmp=tmp))
    expect(c.out.startswith("created 2 nodes"), "the update counters", c)
    j = ok(kg("-c", "CREATE (:A {v: 1})", tmp=tmp))
    expect(j.out == "", "no footer outside table mode", j)


@test
def test_explain_plan(tmp):
    j = ok(kg("-c", "EXPLAIN MATCH (n) RETURN n", tmp=tmp))
    expect(j.out == "" and j.err.strip(), "jsonl: no rows, the plan on stderr", j)
    t = ok(kg("--format", "table", "-c", "EXPLAIN MATCH (n) RETURN n", tmp=tmp))
    expect(t.out.strip(), "table: the plan on stdout", t)


# --------------------------------------------------------------------------------------------
# The command line itself
# --------------------------------------------------------------------------------------------


@test
def test_without_db_dir_a_temporary_graph(tmp):
    r = ok(kg("-c", "CREATE (:A {v: 1})", "-c", "MATCH (a:A) RETURN a.v AS v", db=False, tmp=tmp))
    expect(rows(r) == [{"v": ("int", 1)}], "the statements ran on one graph", r)
    m = re.search(r"temporary graph in (\S+)", r.err)
    expect(m, "stderr says so", r)
    expect(not os.path.exists(m.group(1)), "and it is gone after exit", r)


@test
def test_help_version_and_usage_errors(tmp):
    h = ok(kg("--help", db=False, tmp=tmp))
    for word in ("-c", "-f", "--format", "--param", "--no-sync", "Examples", ":param"):
        expect(word in h.out, "--help mentions " + word, h)
    v = ok(kg("--version", db=False, tmp=tmp))
    expect(re.fullmatch(r"kg \d+\.\d+\.\d+\n", v.out), "kg X.Y.Z", v)
    bad = kg("--format", "xml", "-c", "RETURN 1", tmp=tmp)
    expect(bad.rc == 2 and "xml" in bad.err, "an unknown format is a usage error", bad)
    unknown = kg("--frobnicate", tmp=tmp)
    expect(unknown.rc == 2, "an unknown option is a usage error", unknown)


@test
def test_no_sync_still_persists(tmp):
    ok(kg("--no-sync", "-c", "CREATE (:A {v: 7})", tmp=tmp))
    r = ok(kg("-c", "MATCH (a:A) RETURN a.v AS v", tmp=tmp))
    expect(rows(r) == [{"v": ("int", 7)}], "written with --no-sync", r)


@test
def test_terminal_stdin_without_statements_opens_the_shell(tmp):
    # The interactive shell itself is tested on a pseudo-terminal by repl_test.py; here only that
    # a terminal on stdin (and nothing to run) opens it, and Ctrl+D leaves it with status 0.
    master, slave = pty.openpty()
    env = dict(os.environ, HOME=tmp, TERM="dumb")
    try:
        p = subprocess.Popen([KG, os.path.join(tmp, "db")], stdin=slave, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
        banner = p.stdout.readline().decode("utf-8")
        os.write(master, b"\x04")
        out, err = p.communicate(timeout=30)
    finally:
        os.close(slave)
        os.close(master)
    expect(p.returncode == 0 and banner.startswith("kg ") and "graph" in banner,
           "the shell's banner, and exit status 0 after Ctrl+D:\n%r\n%r" % (banner, err))


# --------------------------------------------------------------------------------------------



if __name__ == "__main__":
    sys.exit(script_tests.main(globals(), TESTS, "kg-cli-test-"))
