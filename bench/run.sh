#!/usr/bin/env bash
# Runs every benchmark of bench/ and prints one table (see README.md,
# "Performance"). Not a test: nothing here fails on a slow machine.
#
#   bench/run.sh [BUILD_DIR] [CORPUS_DIR]
#
# BUILD_DIR (default build) holds newsgraph and the bench programs, built
# Release; CORPUS_DIR defaults to ../shared/corpus. Environment:
#   RUNS=3            end-to-end runs per configuration (the fastest counts)
#   NODES=1000000     synthetic graph of the export benchmark
#   EDGES=5000000
#   PEERS=1           0 skips igraph, NetworkX and compromise
# Needs /usr/bin/python3 with python3-igraph and python3-networkx (Debian),
# and node/npm for compromise (installed under bench/ner_peer on first use).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(cd "${1:-$root/build}" && pwd)
corpus=${2:-$root/../shared/corpus}
runs=${RUNS:-3}
nodes=${NODES:-1000000}
edges=${EDGES:-5000000}
peers=${PEERS:-1}
bin=$build/newsgraph
reuters=$corpus/reuters21578.jsonl
[[ -x $bin && -x $build/bench/pipeline_bench && -x $build/bench/export_bench ]] ||
  { echo "run.sh: build newsgraph, pipeline_bench and export_bench in $build first" >&2; exit 2; }
[[ -f $reuters ]] || { echo "run.sh: no $reuters" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/results.txt
: > "$log"
note() { echo "run.sh: $*" >&2; }

# The summary line's figures: "(2.23 s, 24.1 MB at 10.78 MB/s, 9662
# documents/s, peak memory 37 MB)".
build_once() {  # NAME THREADS INPUT...
  local name=$1 threads=$2
  shift 2
  /usr/bin/time -f "%U %S" -o "$work/cpu" \
    "$bin" build "$@" -o "$work/out.graphml" --threads "$threads" 2> "$work/err" || true
  local line
  line=$(tail -n 1 "$work/err")
  echo "$(echo "$line" | sed -E 's/.*\(([0-9.]+) s, ([0-9.]+) MB at ([0-9.]+) MB\/s, ([0-9]+) documents\/s, peak memory ([0-9]+) MB\)$/\1 \2 \3 \4 \5/') $(tail -n 1 "$work/cpu" | awk '{print $1 + $2}')"
}
build_best() {  # NAME THREADS INPUT...
  local name=$1 threads=$2 best=
  shift 2
  for ((r = 0; r < runs; ++r)); do
    local figures
    figures=$(build_once "$name" "$threads" "$@")
    if [[ -z $best ]] || awk -v a="${figures%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
      best=$figures
    fi
  done
  echo "e2e name=$name threads=$threads $(echo "$best" | awk '{printf "seconds=%s input_mb=%s mb_per_s=%s docs_per_s=%s peak_rss_mb=%s cpu_seconds=%s", $1, $2, $3, $4, $5, $6}')" >> "$log"
}

# Other work on the machine makes the thread scaling meaningless: say so.
load=$(cut -d' ' -f1 /proc/loadavg)
echo "machine cores=$(nproc) load=$load" >> "$log"
awk -v l="$load" 'BEGIN{exit !(l > 0.5)}' &&
  note "warning: load average $load before the run; figures will be low"
note "end-to-end builds (newsgraph build, best of $runs)"
build_best reuters 1 "$reuters"
build_best reuters 2 "$reuters"
all=("$corpus"/*.jsonl)
build_best corpus 2 "${all[@]}"

note "per-stage times (pipeline_bench)"
for threads in 1 2; do
  "$build/bench/pipeline_bench" --threads "$threads" "$reuters" |
    sed "s/^/stage threads=$threads /" >> "$log"
done

note "export benchmark ($nodes nodes, $edges edges)"
# Every writer writes files into $work (on the same disk), as users do.
"$build/bench/export_bench" --nodes "$nodes" --edges "$edges" --files "$work" --repeat 2 >> "$log"
note "GraphML export on two threads (newsgraph build --threads 2 writes so)"
"$build/bench/export_bench" --nodes "$nodes" --edges "$edges" --files "$work" \
  --format graphml --threads 2 --repeat 2 | grep '^export' >> "$log"

if [[ $peers == 1 ]]; then
  for tool in igraph networkx; do
    note "export peer: $tool"
    /usr/bin/python3 "$here/peer_export.py" "$tool" "$nodes" "$edges" "files:$work" >> "$log" ||
      echo "peer $tool failed" >> "$log"
  done
  note "NER peer: compromise over $(basename "$reuters")"
  if [[ ! -d $here/ner_peer/node_modules/compromise ]]; then
    (cd "$here/ner_peer" && npm ci --no-audit --no-fund >&2)
  fi
  node "$here/ner_peer/ner_peer.js" "$reuters" >> "$log" || echo "peer compromise failed" >> "$log"
fi

/usr/bin/python3 "$here/report.py" "$log"
