#!/bin/bash
# samples/render_picture.sh [--all] [OUT.png] - draws the README picture
# from a real export: builds the samples' graph as GEXF with build/newsgraph,
# turns the file into Graphviz DOT in the colours it carries
# (samples/gexf_to_dot.py, Python's standard library only), lays it out
# with sfdp and renders it with neato, the key pinned at the top right.
#
#   OUT.png   where to write the picture (default: samples/graph.png)
#   --all     draw every node; by default events (and their involved_in
#             edges) and nodes left without an edge are not drawn, so that
#             the picture stays readable
#
# Needs build/newsgraph (.ci/quickstart.sh builds it; NEWSGRAPH=path uses
# another binary), python3, and Graphviz (Debian: apt-get install graphviz),
# which it installs when missing and run as root. The output is the same
# for the same graph and Graphviz version.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
filters=(--no-events --no-isolated)
out="$here/graph.png"
for arg in "$@"; do
  case "$arg" in
    --all) filters=() ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "render_picture.sh: unknown option $arg" >&2; exit 2 ;;
    *) out="$arg" ;;
  esac
done

newsgraph="${NEWSGRAPH:-$root/build/newsgraph}"
if [ ! -x "$newsgraph" ]; then
  echo "render_picture.sh: $newsgraph not found: build it first (.ci/quickstart.sh)," >&2
  echo "or set NEWSGRAPH=/path/to/newsgraph" >&2
  exit 1
fi
if ! command -v sfdp >/dev/null || ! command -v neato >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "render_picture.sh: installing graphviz"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz </dev/null
  else
    echo "render_picture.sh: Graphviz is missing: sudo apt-get install graphviz" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$newsgraph" build "$root/samples" -o "$work/samples.gexf" --quiet
python3 "$here/gexf_to_dot.py" "$work/samples.gexf" "${filters[@]}" > "$work/graph.dot"
sfdp -Tdot "$work/graph.dot" > "$work/laid.dot"
python3 "$here/gexf_to_dot.py" "$work/samples.gexf" "${filters[@]}" \
  --legend-into "$work/laid.dot" > "$work/drawing.dot"
neato -n2 -Tpng -Gdpi=72 "$work/drawing.dot" -o "$work/graph.png"
mv "$work/graph.png" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
