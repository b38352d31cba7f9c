#!/usr/bin/env bash
# kg beside the embedded graph databases of ../shared/peers (issue 7): runs the harness's
# run_all.sh with kg's bench/kgbench as the peer `kg`, on the same generated data and queries, and
# prints the harness's tables and its cross-check of every peer's answers (report.js exits 1 when
# they disagree). Results and the load of the machine around each run go to docs/performance.md
# by hand.
#
#   bench/run_peers.sh [SCALE] [RUNS]        SCALE s|m|l (default m), RUNS passes (default 1)
# Environment:
#   KG_BENCH  the kgbench binary (default: /tmp/build-kgbench/kgbench; build it with
#             cmake -S . -B /tmp/build-kgbench -G Ninja -DKG_BUILD_TESTS=OFF -DKG_BUILD_BENCH=ON
#             ninja -C /tmp/build-kgbench kgbench)
#   PEERS_DIR a writable copy of shared/peers (default /tmp/kg-peers; copied and `npm ci`-ed when
#             missing: the harness writes node_modules/, data/ and out/ next to itself)
#   PEERS     the peers to run (default "kg kuzu lbug sqlite"; the harness also has kuzu-idpk,
#             levelgraph, oxigraph)
#   TIMEOUT, PATH_BUDGET_S  passed to run_all.sh (per-peer limit, path budget in seconds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
scale=${1:-m}
runs=${2:-1}
KG_BENCH=${KG_BENCH:-/tmp/build-kgbench/kgbench}
PEERS_DIR=${PEERS_DIR:-/tmp/kg-peers}
export PEERS=${PEERS:-kg kuzu lbug sqlite}
export KG_BENCH

[ -x "$KG_BENCH" ] || { echo "no kgbench at $KG_BENCH (set KG_BENCH=...)" >&2; exit 1; }
if [ ! -d "$PEERS_DIR" ]; then
  cp -r "$repo/../shared/peers" "$PEERS_DIR"
fi
if [ ! -d "$PEERS_DIR/node_modules" ]; then
  # npm ci needs the registry (better-sqlite3 compiles from source; lbug is patched afterwards,
  # see the harness's README). Peers that failed to install fail their run and are reported so.
  (cd "$PEERS_DIR" && { npm ci || npm install; })
fi

cd "$PEERS_DIR"
[ -f "data/$scale/meta.json" ] || node gen.js --scale "$scale" >/dev/null
echo "machine: $(nproc) cores, $(uname -r); kg: $("$KG_BENCH" --help >/dev/null && cd "$repo" && git rev-parse --short HEAD)"
results=()
bad=0
for i in $(seq "$runs"); do
  result=out/$scale.kg-$(date +%H%M%S)-run$i.jsonl
  echo "run $i: load before $(cut -d' ' -f1-3 /proc/loadavg)"
  RESULT=$result ./run_all.sh "$scale" || bad=1   # its report.js exits 1 when answers disagree
  echo "run $i: load after $(cut -d' ' -f1-3 /proc/loadavg)"
  results+=("$result")
done
# run_all.sh printed each run's table and count check; exit 1 when any run's answers disagreed
[ "$runs" -eq 1 ] || node report.js "${results[@]}" >/dev/null || bad=1
exit $bad
