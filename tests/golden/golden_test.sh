#!/bin/bash
# golden_test.sh NEWSGRAPH SAMPLE EXPECTED: build SAMPLE, compare with EXPECTED.
set -u
bin=$1 sample=$2 expected=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
actual="$out/$(basename "$expected")"
if ! "$bin" build "$sample" -o "$actual" --quiet; then
  echo "newsgraph failed on $sample"
  exit 1
fi
if [ "${NEWSGRAPH_UPDATE_GOLDEN:-}" = 1 ]; then
  mkdir -p "$(dirname "$expected")"
  cp "$actual" "$expected"
  echo "updated $expected"
  exit 0
fi
if [ ! -f "$expected" ]; then
  echo "no expected graph $expected (run with NEWSGRAPH_UPDATE_GOLDEN=1)"
  exit 1
fi
diff -u "$expected" "$actual"
