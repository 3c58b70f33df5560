#!/usr/bin/env bash
# Determinism: the same graph, byte for byte, for --threads 1 and 2, each
# run twice, in GraphML and JSON-LD.
#   determinism_test.sh NEWSGRAPH samples DIR
#   determinism_test.sh NEWSGRAPH corpus SHARED_DIR   (exit 77 when absent)
set -u
bin=$1 mode=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case $mode in
  samples) inputs=("$src") ;;
  corpus)
    reuters=$src/corpus/reuters21578.jsonl
    wikinews=$src/corpus/wikinews_2019_2020.jsonl
    if [[ ! -f $reuters || ! -f $wikinews ]]; then
      echo "SKIP: no corpus under $src/corpus"
      exit 77
    fi
    # A slice large enough to spread over threads and cut evidence lists.
    head -n 3000 "$reuters" > "$work/reuters.jsonl"
    gzip -c "$wikinews" > "$work/wikinews.jsonl.gz"
    inputs=("$work/reuters.jsonl" "$work/wikinews.jsonl.gz") ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac

status=0
for format in graphml jsonld; do
  first=
  for run in 1 2; do
    for threads in 1 2; do
      out=$work/out-$run-$threads.$format
      "$bin" build "${inputs[@]}" -o "$out" --threads "$threads" \
        --evidence 2 -q
      code=$?
      if [[ $code -ne 0 ]]; then
        echo "FAIL: build --threads $threads (run $run) exited with $code"
        status=1
        continue
      fi
      if [[ -z $first ]]; then
        first=$out
      elif ! cmp -s "$first" "$out"; then
        echo "FAIL: $format differs with --threads $threads (run $run)"
        cmp "$first" "$out" | head -1
        status=1
      fi
    done
  done
  [[ $status -eq 0 ]] && echo "ok: $format identical for --threads 1, 2 (twice), $(wc -c < "$first") bytes"
done
exit $status
