#!/usr/bin/env bash
# Alternating kgbench runs of two or more builds (or the same build under different settings) on
# one generated scale, one summary line per run: on a shared, noisy machine only runs taken in the
# same minutes compare (docs/performance.md). Each run imports into a fresh directory.
#
#   bench/kgbench_ab.sh SCALE ROUNDS COMMAND...     e.g. bench/kgbench_ab.sh m 3 /tmp/a/kgbench /tmp/b/kgbench
#
# A COMMAND is an executable taking kgbench's arguments (a wrapper script can set environment
# variables). Environment: PEERS_DIR (default /tmp/kg-peers, as bench/run_peers.sh) holds
# data/SCALE; DB_DIR (default /tmp/kgbench-ab) is removed and re-made for every run.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
scale=$1
rounds=$2
shift 2
data=${PEERS_DIR:-/tmp/kg-peers}/data/$scale
db=${DB_DIR:-/tmp/kgbench-ab}
[ -f "$data/meta.json" ] || { echo "no data at $data (node gen.js --scale $scale)" >&2; exit 1; }
rss=$(mktemp)
trap 'rm -f "$rss"' EXIT
for _ in $(seq "$rounds"); do
  for cmd in "$@"; do
    rm -rf "$db"
    /usr/bin/time -f "%M" -o "$rss" "$cmd" --data "$data" --db "$db" 2>/dev/null |
      python3 -c '
import json, sys
d = json.loads(sys.stdin.read().splitlines()[-1])
keys = ["import_ms", "point_ms", "hop1_ms", "hop2_count_ms", "path_ms", "agg_ms", "reopen_ms", "db_bytes"]
rss_mib = int(open(sys.argv[2]).read().split()[-1]) // 1024
fields = ["%s=%s" % (k.removesuffix("_ms"), d[k]) for k in keys]
print(sys.argv[1], " ".join(fields), "rss_mib=%d" % rss_mib)
' "$cmd" "$rss"
  done
done
rm -rf "$db"
