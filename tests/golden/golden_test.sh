#!/bin/bash
# golden_test.sh NEWSGRAPH SAMPLE EXPECTED: build SAMPLE into a file named
# like EXPECTED, compare every file the build wrote with the file of the
# same name beside EXPECTED (one file, or for EXPECTED NAME.csv the two,
# NAME.nodes.csv and NAME.relationships.csv).
set -u
bin=$1 sample=$2 expected=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! "$bin" build "$sample" -o "$out/$(basename "$expected")" --quiet; then
  echo "newsgraph failed on $sample"
  exit 1
fi
status=0
for actual in "$out"/*; do
  want="$(dirname "$expected")/$(basename "$actual")"
  if [ "${NEWSGRAPH_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$(dirname "$want")"
    cp "$actual" "$want"
    echo "updated $want"
  elif [ ! -f "$want" ]; then
    echo "no expected graph $want (run with NEWSGRAPH_UPDATE_GOLDEN=1)"
    status=1
  else
    diff -u "$want" "$actual" || status=1
  fi
done
exit $status
