#!/usr/bin/env bash
# Shards and merging: the graphs of disjoint parts of the input, merged by
# `newsgraph merge`, equal byte for byte the graph one build over all the
# input gives. Parts are written in both formats (and gzipped, and read from
# standard input) so that every reader path is taken; --evidence 1 makes
# the kept evidence depend on all parts.
#   merge_test.sh NEWSGRAPH samples DIR
#   merge_test.sh NEWSGRAPH corpus SHARED_DIR   (exit 77 when absent)
set -u
bin=$1 mode=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shards=()
case $mode in
  samples)
    for f in "$src"/*.txt "$src"/*.html "$src"/*.jsonl; do shards+=("$f"); done
    whole=("$src") ;;
  corpus)
    reuters=$src/corpus/reuters21578.jsonl
    wikinews=$src/corpus/wikinews_2019_2020.jsonl
    if [[ ! -f $reuters || ! -f $wikinews ]]; then
      echo "SKIP: no corpus under $src/corpus"
      exit 77
    fi
    head -n 3000 "$reuters" > "$work/slice.jsonl"
    cat "$wikinews" >> "$work/slice.jsonl"
    # Records carry their own ids, so the documents keep their ids in any
    # shard: cut the slice into three.
    split -n l/3 -d "$work/slice.jsonl" "$work/shard-"
    for f in "$work"/shard-*; do mv "$f" "$f.jsonl"; shards+=("$f.jsonl"); done
    whole=("$work/slice.jsonl") ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac

status=0
for evidence in 5 1; do
  "$bin" build "${whole[@]}" -o "$work/whole.graphml" --evidence "$evidence" -q \
    || { echo "FAIL: whole build"; exit 1; }
  "$bin" build "${whole[@]}" -o "$work/whole.jsonld" --evidence "$evidence" -q \
    || { echo "FAIL: whole build"; exit 1; }
  parts=()
  i=0
  for shard in "${shards[@]}"; do
    i=$((i + 1))
    case $((i % 3)) in
      0) part=$work/part-$i.graphml
         "$bin" build "$shard" -o "$part" --evidence "$evidence" -q ;;
      1) part=$work/part-$i.jsonld.gz
         "$bin" build "$shard" -o - --format jsonld --evidence "$evidence" -q |
           gzip > "$part" ;;
      2) part=$work/part-$i.jsonld
         "$bin" build "$shard" -o "$part" --format jsonld --evidence "$evidence" -q ;;
    esac
    [[ $? -eq 0 ]] || { echo "FAIL: build of $shard"; status=1; }
    parts+=("$part")
  done
  # One part comes through standard input.
  last=${parts[-1]}
  unset 'parts[-1]'
  for format in graphml jsonld; do
    out=$work/merged.$format
    "$bin" merge "${parts[@]}" - -o "$out" --evidence "$evidence" -q < "$last" \
      || { echo "FAIL: merge exited with $?"; status=1; continue; }
    if cmp -s "$work/whole.$format" "$out"; then
      echo "ok: --evidence $evidence: merge of ${#shards[@]} parts == single build ($format)"
    else
      echo "FAIL: --evidence $evidence: merged $format differs from the single build"
      diff "$work/whole.$format" "$out" | head -20
      status=1
    fi
  done
done
exit $status
