#!/usr/bin/env bash
# kg import beside Kùzu's COPY on the same generated files (shared/peers, DESIGN.md §7).
# Not a ctest. Prints, per run, wall time, CPU time (user + sys) and peak RSS from
# /usr/bin/time -v, then the medians.
#
#   bench/import_vs_kuzu.sh [SCALE] [RUNS]       SCALE s|m|l (default m), RUNS (default 3)
# Environment:
#   KG        the kg binary (default: build/kg under the repo)
#   PEERS     a writable copy of shared/peers (default /tmp/peers; made from ../shared/peers)
#   KUZU_NODE_MODULES  a node_modules holding kuzu@0.11.3 (default /tmp/kuzu-np/node_modules;
#             made with `npm install kuzu@0.11.3` there when missing)
#   WORK      where the graphs go (default /tmp/kg-import-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
scale=${1:-m}
runs=${2:-3}
KG=${KG:-$repo/build/kg}
PEERS=${PEERS:-/tmp/peers}
KUZU_NODE_MODULES=${KUZU_NODE_MODULES:-/tmp/kuzu-np/node_modules}
WORK=${WORK:-/tmp/kg-import-bench}

[ -x "$KG" ] || { echo "no kg binary at $KG (set KG=...)" >&2; exit 1; }
if [ ! -d "$PEERS" ]; then
  cp -r "$repo/../shared/peers" "$PEERS"
fi
data=$PEERS/data/$scale
[ -f "$data/edges.csv" ] || (cd "$PEERS" && node gen.js --scale "$scale" >/dev/null)
if [ ! -d "$KUZU_NODE_MODULES/kuzu" ]; then
  mkdir -p "$(dirname "$KUZU_NODE_MODULES")"
  (cd "$(dirname "$KUZU_NODE_MODULES")" && { [ -f package.json ] || echo '{"private":true}' > package.json; } &&
   npm install kuzu@0.11.3 >/dev/null)
fi
# The generator's headers are plain (id,label,name,founded / src,dst,type,since): kg reads typed
# neo4j-admin headers from a header-only first file and skips the data files' own first line.
printf 'id:ID,:LABEL,name,founded:int\n' > "$WORK.nodes_header.csv"
printf ':START_ID,:END_ID,:TYPE,since:int\n' > "$WORK.edges_header.csv"
mkdir -p "$WORK"

# measure NAME COMMAND...: one run; appends "name wall cpu rss_kb" to $WORK/results.
measure() {
  local name=$1; shift
  local log=$WORK/$name.time
  /usr/bin/time -v "$@" > "$WORK/$name.out" 2> "$log"
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "$name $wall $cpu $rss" >> "$WORK/results"
  printf '%-6s wall %6.2f s  cpu %6.2f s  peak RSS %4d MiB   %s\n' "$name" "$wall" "$cpu" \
    $((rss / 1024)) "$(head -c 200 "$WORK/$name.out" | tr '\n' ' ')"
}

echo "import of peers scale $scale: $(wc -l < "$data/nodes.csv") node lines, $(wc -l < "$data/edges.csv") edge lines"
echo "machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kg: $KG ($(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo '?'), working tree)"
echo "kuzu: $(NODE_PATH=$KUZU_NODE_MODULES node -e 'console.log(require("kuzu").VERSION)')"
: > "$WORK/results"
for i in $(seq "$runs"); do
  rm -rf "$WORK/kg"
  measure kg "$KG" import "$WORK/kg" \
    --nodes="$WORK.nodes_header.csv,$data/nodes.csv" \
    --relationships="$WORK.edges_header.csv,$data/edges.csv" \
    --auto-skip-subsequent-headers --no-progress
  NODE_PATH=$KUZU_NODE_MODULES measure kuzu node "$here/import_bench_kuzu.js" "$data" "$WORK/kuzu"
done
echo "medians over $runs runs:"
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for name in kg kuzu; do
  w=$(awk -v n="$name" '$1 == n {print $2}' "$WORK/results" | median)
  c=$(awk -v n="$name" '$1 == n {print $3}' "$WORK/results" | median)
  r=$(awk -v n="$name" '$1 == n {print $4}' "$WORK/results" | median)
  printf '%-6s wall %6.2f s  cpu %6.2f s  peak RSS %4d MiB\n' "$name" "$w" "$c" $((r / 1024))
done
echo "graph sizes: kg $(du -sh "$WORK/kg" | cut -f1), kuzu $(du -sh "$WORK/kuzu" | cut -f1)"
