#!/bin/bash
# export_samples.sh NEWSGRAPH SAMPLES_DIR OUT_DIR - build the graph of every
# sample article (samples/*.txt, *.html, *.jsonl), each on its own and all
# together, in every export format, for check_exports.sh:
#   OUT_DIR/NAME.graphml, NAME.gephi.graphml, NAME.jsonld, NAME.gexf,
#   NAME.nodes.csv + NAME.relationships.csv   (NAME = a sample, or "samples")
# Exit 0 when every build succeeded, 1 otherwise, 2 on usage errors.
set -u
if [ $# -ne 3 ]; then
  echo "usage: export_samples.sh NEWSGRAPH SAMPLES_DIR OUT_DIR" >&2
  exit 2
fi
bin=$1 samples=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
inputs=()
while IFS= read -r f; do inputs+=("$f"); done < <(
  find "$samples" -maxdepth 1 -type f \
    \( -name '*.txt' -o -name '*.html' -o -name '*.jsonl' \) | LC_ALL=C sort)
if [ ${#inputs[@]} -eq 0 ]; then
  echo "export_samples.sh: no sample in $samples" >&2
  exit 2
fi
status=0
build() {  # build NAME INPUT...: every format
  local name=$1
  shift
  local target
  for target in "$name.graphml" "$name.gephi.graphml:graphml-gephi" \
                "$name.jsonld" "$name.gexf" "$name.csv"; do
    local file=${target%%:*} format=()
    [ "$file" != "$target" ] && format=(--format "${target#*:}")
    if ! "$bin" build "$@" -o "$out/$file" "${format[@]}" --quiet; then
      echo "FAILED: newsgraph build $* -o $out/$file ${format[*]}" >&2
      status=1
    fi
  done
}
for f in "${inputs[@]}"; do
  name=$(basename "$f")
  build "${name%.*}" "$f"
done
build samples "${inputs[@]}"
echo "wrote $(find "$out" -type f | wc -l) files for ${#inputs[@]} samples into $out"
exit $status
