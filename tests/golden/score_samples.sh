#!/bin/bash
# score_samples.sh NEWSGRAPH SAMPLES SHARED FLOORS: every sample against its
# hand-made gold graph (samples/NAME.gold.json), with ../shared/eval/score.py;
# fails below the floors (which only ever rise, towards 1).
set -u
bin=$1 samples=$2 shared=$3 floors=$4
if [ ! -f "$shared/eval/score.py" ]; then
  echo "SKIP: $shared/eval/score.py not found"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/gold" "$work/graphs"
for gold in "$samples"/*.gold.json; do
  name=$(basename "$gold" .gold.json)
  cp "$gold" "$work/gold/"
  input=$(ls "$samples/$name".txt "$samples/$name".html 2>/dev/null | head -1)
  if [ -z "$input" ]; then
    # A record of a JSON Lines sample: pick it out by its id.
    for jl in "$samples"/*.jsonl; do
      grep -F "\"id\": \"$name\"" "$jl" > "$work/$name.jsonl" || grep -F "\"id\":\"$name\"" "$jl" > "$work/$name.jsonl"
      [ -s "$work/$name.jsonl" ] && input="$work/$name.jsonl" && break
    done
  fi
  "$bin" build "$input" -o "$work/graphs/$name.graphml" --quiet || exit 1
done
python3 "$shared/eval/score.py" --gold "$work/gold" --graphs "$work/graphs" --explain \
  --min $(grep -v '^#' "$floors" | tr '\n' ' ')
