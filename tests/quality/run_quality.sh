#!/bin/bash
# run_quality.sh NEWSGRAPH SHARED_DIR FLOORS: score dev, fail below the floors.
set -u
bin=$1 shared=$2 floors=$3
if [ ! -f "$shared/eval/score.py" ]; then
  echo "SKIP: $shared/eval/score.py not found (a clone without ../shared)"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mins=$(grep -v '^#' "$floors" | tr '\n' ' ')
python3 "$shared/eval/score.py" --gold "$shared/eval/dev" --graphs "$out" \
  --run "'$bin' build {input} -o {output} --quiet" --min $mins
