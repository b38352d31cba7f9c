#!/usr/bin/env python3
"""Runs the openCypher TCK (../shared/tck, outside this repository) against build/kg and compares
the outcome with the list of scenarios known not to pass yet.

    check_tck.py --kg build/kg [--tck ../shared/tck] [--list core|full] [-j N]

Exit status: 0 when exactly the listed scenarios fail; 1 when a scenario fails that is not listed
(a regression) or a listed one passes (remove it from the list); 77 (ctest's "skipped") when the
TCK is not there. The lists are expected_failures_<list>.txt next to this script: one scenario id
per line, each group under a '# reason' comment line.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def read_ids(path):
    ids = []
    if not os.path.exists(path):
        return ids
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                ids.append(line)
    return ids


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kg", required=True, help="the kg binary")
    p.add_argument("--tck", default=os.path.join(HERE, "..", "..", "..", "shared", "tck"))
    p.add_argument("--list", choices=["core", "full"], default="core")
    p.add_argument("-j", type=int, default=os.cpu_count() or 2)
    args = p.parse_args()

    runner = os.path.join(args.tck, "tck_run.py")
    if not os.path.exists(runner):
        print(f"TCK not found at {os.path.abspath(args.tck)}: skipped")
        return 77
    expected_path = os.path.join(HERE, f"expected_failures_{args.list}.txt")
    expected = set(read_ids(expected_path))

    with tempfile.TemporaryDirectory(prefix="kg-tck-") as tmp:
        failed_path = os.path.join(tmp, "failed.txt")
        cmd = [sys.executable, runner, "--kg", os.path.abspath(args.kg), "-j", str(args.j),
               "--write-failed", failed_path, "--exit-zero"]
        if args.list == "core":
            cmd += ["--list", os.path.join(args.tck, "core.txt")]
        print("running:", " ".join(cmd), flush=True)
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        output = run.stdout
        summary = output.strip().splitlines()[-1] if output.strip() else "(no output)"
        if run.returncode != 0:
            print(output)
            print(f"the TCK runner itself failed (exit {run.returncode})")
            return 1
        failed = set(read_ids(failed_path))

    unexpected = sorted(failed - expected)
    now_passing = sorted(expected - failed)
    print(f"TCK {args.list}: {summary}")
    print(f"  known not to pass yet: {len(expected)} (listed in {os.path.relpath(expected_path)})")
    if unexpected:
        print(f"\n{len(unexpected)} scenario(s) failed that are not in the list (regressions):")
        reasons = {}
        lines = output.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("FAIL "):
                reasons[line[5:].strip()] = lines[i + 1].strip() if i + 1 < len(lines) else ""
        for sid in unexpected:
            print(f"  {sid}\n      {reasons.get(sid, '')}")
    if now_passing:
        print(f"\n{len(now_passing)} listed scenario(s) pass now; remove them from the list:")
        for sid in now_passing:
            print(f"  {sid}")
    return 1 if unexpected or now_passing else 0


if __name__ == "__main__":
    sys.exit(main())
