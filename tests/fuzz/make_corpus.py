#!/usr/bin/env python3
"""Builds the seed corpus of the fuzz targets, tests/fuzz/corpus/<target>/, from the tests.

  cypher, query   statements of tests/queries/**/*.test, tests/queries/data/*.cypher and
                  tests/bad_inputs/statements/ (at most 60 each, spread over the files)
  csv             the CSV files of samples/ and tests/bad_inputs/, behind the flags byte that
                  fuzz_csv.cpp reads, plus a few written here
  jsonl, ntriples the files of tests/bad_inputs/ plus a few valid ones written here
  value_decoder   encodings written here by hand after engine/storage/value_codec.hpp

Run from anywhere: python3 tests/fuzz/make_corpus.py. It replaces the corpus directories; file
names are a hash of the content, so a rerun on the same tests gives the same files.
"""
import hashlib
import pathlib
import re
import shutil
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"
MAX_STATEMENTS = 60
MAX_BYTES = 4096  # run_query skips longer inputs


def test_file_statements(path):
    """The statements of one .test file: the text after each `statement`/`query` line up to the
    next blank line or `----`."""
    out, current = [], None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if current is not None:
            if line.strip() == "" or line.startswith("----"):
                out.append("\n".join(current))
                current = None
            else:
                current.append(line)
        elif re.match(r"^(statement|query)\b", line):
            current = []
    if current:
        out.append("\n".join(current))
    return out


def script_statements(path):
    """The `;`-separated statements of a .cypher script, comments dropped."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))
    return [s.strip() for s in text.split(";") if s.strip()]


def statements():
    found = []
    for p in sorted((ROOT / "tests/queries").rglob("*.test")):
        found += test_file_statements(p)
    for p in sorted((ROOT / "tests/queries/data").glob("*.cypher")):
        found += script_statements(p)
    unique = []
    for s in found:
        if s and s not in unique and len(s.encode()) <= MAX_BYTES:
            unique.append(s)
    step = max(1, len(unique) // MAX_STATEMENTS)
    chosen = [s.encode() for s in unique[::step][:MAX_STATEMENTS]]
    for p in sorted((ROOT / "tests/bad_inputs/statements").glob("*"))[::4]:
        data = p.read_bytes()
        if len(data) <= MAX_BYTES:
            chosen.append(data)
    return chosen


def csv_seeds():
    seeds = []
    files = sorted((ROOT / "samples").rglob("*.csv")) + sorted(
        (ROOT / "tests/bad_inputs/imports").glob("*.csv"))
    for p in files:
        data = p.read_bytes()
        relationships = b":START_ID" in data.split(b"\n", 1)[0] or ".rels." in p.name
        seeds.append(bytes([1 if relationships else 0]) + data)
    seeds += [
        b"\x00id:ID,name,age:int,score:double,ok:boolean,tags:string[],:LABEL\n"
        b"1,Ada,36,1.5,true,a;b,Person;Admin\n2,\"Bob, Jr.\",,,false,,\n",
        b"\x01:START_ID,:END_ID,:TYPE,since:int,w:float[]\n1,2,KNOWS,2020,1.5;2\n2,3,KNOWS,,\n"
        b"4,4,SELF,1,\n",
        b"\x02id:ID;name\n1;a\n2;\"x;y\"\n",  # ';' as the delimiter
        b"\x08id:ID,name\n1,'it''s'\n",  # '\'' as the quote
        b"\x20id:ID(s),name:string,n:long[]\n1,a,1;2;3\n1,b,\n",  # duplicate ids skipped
    ]
    return seeds


def file_seeds(pattern, extra):
    return [p.read_bytes() for p in sorted((ROOT / "tests/bad_inputs/imports").glob(pattern))] + extra


JSONL_EXTRA = [
    b'{"type":"node","id":1,"labels":["Company","Cloud"],"properties":{"name":"AWS",'
    b'"tags":["a","b"],"meta":{"k":1},"gone":null}}\n'
    b'{"_type":"node","_id":"p9","_labels":["Product"],"properties":{"name":"Blackwell","ok":true}}\n'
    b'{"type":"relationship","label":"BUYS","start":1,"end":"p9","properties":{"units":1000000,'
    b'"price":2.5}}\n',
    b'{"type":"node","id":2,"properties":{"s":"caf\\u00e9 \\ud83d\\ude80","x":-1.5e300}}\r\n\n',
    b'{"_type":"relationship","_rel_type":"MAKES","_start":{"id":"p9"},"_end":{"id":1}}\n',
]

NT_EXTRA = [
    b'<http://ex.org/aws> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
    b'<http://ex.org/Company> .\n'
    b'<http://ex.org/aws> <http://schema.org/name> "AWS" .\n'
    b'<http://ex.org/aws> <http://ex.org/founded> '
    b'"2006"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    b'<http://ex.org/aws> <http://ex.org/buys> _:b0 .\n'
    b'_:b0 <http://schema.org/name> "Blackwell"@en .\n',
    b'# a comment\n\n<http://ex.org/a> <http://ex.org/p> "tab\\there \\u00e9 \\U0001F680" .\r\n'
    b'<http://ex.org/a> <http://ex.org/ok> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n'
    b'<http://ex.org/a> <http://ex.org/d> "1.5e3"^^<http://www.w3.org/2001/XMLSchema#double> .\n',
]


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return varint((n << 1) ^ (n >> 63) if n < 0 else n << 1)


def enc(v):
    """A value as value_codec.hpp encodes it (tags: 0 null, 1 false, 2 true, 3 int, 4 float,
    5 string, 6 list, 7 map with ascending keys)."""
    if v is None:
        return b"\x00"
    if v is False:
        return b"\x01"
    if v is True:
        return b"\x02"
    if isinstance(v, int):
        return b"\x03" + zigzag(v)
    if isinstance(v, float):
        return b"\x04" + struct.pack(">d", v)
    if isinstance(v, str):
        b = v.encode()
        return b"\x05" + varint(len(b)) + b
    if isinstance(v, list):
        return b"\x06" + varint(len(v)) + b"".join(enc(x) for x in v)
    if isinstance(v, dict):
        out = b"\x07" + varint(len(v))
        for k in sorted(v):
            kb = k.encode()
            out += varint(len(kb)) + kb + enc(v[k])
        return out
    raise TypeError(v)


def props(d):
    return varint(len(d)) + b"".join(varint(k) + enc(d[k]) for k in sorted(d))


def value_seeds():
    values = [None, False, True, 0, -1, 2**63 - 1, -2**63, 1.5, float("-inf"), "", "AWS",
              "caf\u00e9 \U0001F680", [1, "a", None, [2.5]], {"a": 1, "b": [True], "c": {"d": "e"}},
              [[[[[]]]]]]
    seeds = [enc(v) for v in values]
    seeds.append(b"".join(enc(v) for v in values))
    # Node records: label count, label ids, properties; relationship records: type, src, dst.
    seeds.append(varint(2) + varint(0) + varint(3) + props({0: "AWS", 1: 2006, 4: [1.5]}))
    seeds.append(varint(0) + props({}))
    seeds.append(varint(1) + struct.pack(">QQ", 1, 2) + props({2: 1000000, 5: {"k": None}}))
    seeds.append(b"\x06\xff\xff\xff\xff\x0f")  # a list claiming 2^32 - 1 elements
    return seeds


def write(target, seeds):
    d = OUT / target
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    for s in seeds:
        (d / hashlib.sha1(s).hexdigest()[:16]).write_bytes(s)
    print(f"{target}: {len(set(seeds))} seeds")


def main():
    stmts = statements()
    write("cypher", stmts)
    write("query", stmts)
    write("csv", csv_seeds())
    write("jsonl", file_seeds("*.jsonl", JSONL_EXTRA))
    write("ntriples", file_seeds("*.nt", NT_EXTRA))
    write("value_decoder", value_seeds())


if __name__ == "__main__":
    main()
