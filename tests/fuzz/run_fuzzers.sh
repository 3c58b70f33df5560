#!/usr/bin/env bash
# run_fuzzers.sh BUILD_DIR SECONDS [JOBS] [TARGET...]: runs each libFuzzer
# target of BUILD_DIR (configured with -DNEWSGRAPH_BUILD_FUZZERS=ON) for
# SECONDS, JOBS at a time (default 2), starting from its seed corpus, and
# prints one line per target: executions, coverage (cov:), features (ft:)
# and findings. New inputs go to BUILD_DIR/fuzz-corpus/TARGET (the seeds in
# tests/fuzz/corpus/ are left alone: copy the interesting ones by hand),
# findings to BUILD_DIR/fuzz-findings/TARGET, logs to
# BUILD_DIR/fuzz-logs/TARGET.log. Exit 1 if any target found something.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
build="$1" seconds="$2" jobs="${3:-2}"
shift $(( $# >= 3 ? 3 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(utf8 text_reader html_reader jsonl_reader pipeline export_roundtrip)

run_one() {
  local t="$1" dict=()
  case "$t" in
    html_reader) dict=(-dict="$here/html.dict") ;;
    jsonl_reader) dict=(-dict="$here/jsonl.dict") ;;
  esac
  mkdir -p "$build/fuzz-corpus/$t" "$build/fuzz-findings/$t" "$build/fuzz-logs"
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 "${dict[@]}" \
    -artifact_prefix="$build/fuzz-findings/$t/" \
    "$build/fuzz-corpus/$t" "$here/corpus/$t" >"$build/fuzz-logs/$t.log" 2>&1
}

running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

status=0
for t in "${targets[@]}"; do
  log="$build/fuzz-logs/$t.log"
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')"
  cov="$(grep -oE '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+')"
  findings="$(find "$build/fuzz-findings/$t" -type f | wc -l)"
  printf '%-18s %12s executions  %-20s findings: %s\n' "$t" "${runs:-?}" "${cov:-?}" "$findings"
  [ "$findings" -eq 0 ] || status=1
done
exit $status
