#!/usr/bin/env bash
# The README's first command. On Debian 12, as root or with sudo:
#   installs what is missing, builds newsgraph (Release) into build/, and
#   writes the graph of samples/ into out/: all samples together, and each
#   sample on its own, as GraphML and as JSON-LD.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/lib.sh

install_missing "${NEWSGRAPH_BUILD_PACKAGES[@]}"
configure_and_build OFF newsgraph

mkdir -p out
log "building the graphs of samples/"
build/newsgraph build samples/ -o out/samples.graphml
build/newsgraph build samples/ -o out/samples.jsonld --quiet
written=(out/samples.graphml out/samples.jsonld)
shopt -s nullglob nocaseglob
for sample in samples/*.{txt,text,html,htm,jsonl,ndjson}; do
  name="$(basename "$sample")"
  name="${name%.*}"
  build/newsgraph build "$sample" -o "out/$name.graphml" --quiet
  build/newsgraph build "$sample" -o "out/$name.jsonld" --quiet
  written+=("out/$name.graphml" "out/$name.jsonld")
done

echo
echo "newsgraph is built: $(pwd)/build/newsgraph (try: build/newsgraph --help)"
echo "Graphs written to $(pwd)/out/:"
printf '  %s\n' "${written[@]}"
echo "Open the .graphml files in Gephi, Gephi Lite, NetworkX or igraph;"
echo "the .jsonld files in any JSON-LD processor."
