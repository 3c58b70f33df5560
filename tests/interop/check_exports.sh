#!/bin/bash
# check_exports.sh FILE_OR_DIR... - load exported graphs in their real
# consumers and check nothing is lost.
#
#   .graphml        NetworkX and igraph (Debian's python3-networkx and
#                   python3-igraph, with /usr/bin/python3) and graphology +
#                   graphology-graphml (Gephi Lite's reader) must load the
#                   same nodes, edges, label, type, relation and weight
#                   (check_graphml.py).
#   .jsonld, .json  jsonld.js, offline and in safe mode, must give absolute
#                   IRIs, one mention per edge and its direct triple
#                   (node/check_jsonld.js).
#   .gexf           graphology-gexf (Gephi Lite's reader) must load it
#                   directed, with kinds, labels, weights, one palette and
#                   spells that are xsd:dates and keep every edge within its
#                   nodes' time (node/check_gexf.js); with ../shared,
#                   xmllint validates it against the GEXF 1.3 RelaxNG
#                   schema (check-outputs.sh, below).
#   .nodes.csv      with the NAME.relationships.csv beside it: the
#                   neo4j-admin import header format, and every row read
#                   back with Python's csv module (check_csv.py). A
#                   .relationships.csv is checked with its nodes file.
# A directory stands for the files in it with those extensions (not
# recursive; NAME.expect.json files are expectations, not exports). When a
# file NAME.expect.json sits beside NAME.graphml, NAME.gephi.graphml,
# NAME.jsonld, NAME.gexf or NAME.nodes.csv (write_samples writes them), its
# counts, relations and labels are checked too.
#
# Then, when ../shared exists (NEWSGRAPH_SHARED_DIR, default: beside the
# source tree), every file also goes through shared/tools/check-outputs.sh
# (XSD or RelaxNG validation, strict NetworkX/igraph, graphology, PyLD and
# rdflib; it has no CSV check). A Gephi-flavour GraphML file (an <edge>
# with a label= attribute) is not XSD-valid by design: it gets every check
# but the XSD one.
#
# The npm packages are installed into node/node_modules with `npm ci` when
# missing. Exit 0 when every check passed, 1 when one failed, 2 on usage
# errors, 77 (ctest: skipped) when a consumer cannot be installed.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
shared="${NEWSGRAPH_SHARED_DIR:-$here/../../../shared}"
PY=/usr/bin/python3
SKIP=77

skip() {
  echo "SKIPPED: $*" >&2
  exit "$SKIP"
}

if [ $# -eq 0 ]; then
  echo "usage: check_exports.sh FILE_OR_DIR..." >&2
  exit 2
fi
files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(
      find "$arg" -maxdepth 1 -type f \
        \( -name '*.graphml' -o -name '*.jsonld' -o -name '*.json' \
           -o -name '*.gexf' -o -name '*.nodes.csv' \) \
        ! -name '*.expect.json' | LC_ALL=C sort)
  elif [ -f "$arg" ]; then
    files+=("$arg")
  else
    echo "check_exports.sh: no such file or directory: $arg" >&2
    exit 2
  fi
done
if [ ${#files[@]} -eq 0 ]; then
  echo "check_exports.sh: no .graphml, .jsonld, .json, .gexf or .nodes.csv file in: $*" >&2
  exit 2
fi

# The consumers. A missing one is a skip, never a silent pass.
[ -x "$PY" ] || skip "$PY not found"
"$PY" -c 'import networkx, igraph' 2>/dev/null ||
  skip "python3-networkx or python3-igraph is not installed (apt-get install python3-networkx python3-igraph)"
command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
if [ ! -d "$here/node/node_modules/jsonld" ] ||
   [ ! -d "$here/node/node_modules/graphology-graphml" ] ||
   [ ! -d "$here/node/node_modules/graphology-gexf" ] ||
   [ ! -d "$here/node/node_modules/@xmldom/xmldom" ]; then
  command -v npm >/dev/null || skip "npm is not installed (apt-get install npm)"
  echo "installing the npm packages into $here/node/node_modules"
  (cd "$here/node" && npm ci --no-audit --no-fund --silent) ||
    skip "npm ci failed in $here/node (no network?)"
fi
use_shared=0
if [ -x "$shared/tools/check-outputs.sh" ]; then
  use_shared=1
  if [ ! -d "$shared/tools/node/node_modules/jsonld" ] ||
     ! command -v xmllint >/dev/null ||
     ! "$PY" -c 'import pyld, rdflib' 2>/dev/null; then
    echo "setting up the shared checkers: $shared/tools/setup.sh"
    "$shared/tools/setup.sh" || skip "$shared/tools/setup.sh failed (not root, or no network?)"
  fi
else
  echo "note: $shared/tools/check-outputs.sh not found: shared checks not run"
fi

passed=0
failed=0
run() {  # run DESCRIPTION COMMAND...: one check, its output indented
  local out
  if out="$("${@:2}" 2>&1)"; then
    echo "  ok   $1"
    passed=$((passed + 1))
  else
    echo "  FAIL $1"
    failed=$((failed + 1))
  fi
  [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/       /'
}

expect_for() {  # the NAME.expect.json beside a file, if any
  local f="$1" base
  base="${f%.jsonld}"; base="${base%.json}"; base="${base%.graphml}"; base="${base%.gephi}"
  base="${base%.gexf}"; base="${base%.nodes.csv}"
  [ -f "$base.expect.json" ] && echo "$base.expect.json"
}

for f in "${files[@]}"; do
  echo "$f"
  expect=()
  e="$(expect_for "$f")" && expect=("$e")
  case "$f" in
    *.graphml)
      run "NetworkX, igraph and graphology agree" "$PY" "$here/check_graphml.py" "$f" "${expect[@]}"
      if [ $use_shared -eq 1 ]; then
        if grep -qE '<edge [^>]*label="' "$f"; then
          # Gephi flavour: every shared check but the XSD one.
          run "shared check_graphml.py --strict" "$PY" "$shared/tools/check_graphml.py" "$f" --strict
          run "shared check_graphml.js" node "$shared/tools/node/check_graphml.js" "$f"
        else
          run "shared check-outputs.sh" "$shared/tools/check-outputs.sh" "$f"
        fi
      fi ;;
    *.gexf)
      run "graphology-gexf: directed, kinds, palette, spells" \
        node "$here/node/check_gexf.js" "$f" "${expect[@]}"
      if [ $use_shared -eq 1 ]; then
        # xmllint against the GEXF 1.3 RelaxNG schema, and graphology-gexf.
        run "shared check-outputs.sh" "$shared/tools/check-outputs.sh" "$f"
      fi ;;
    *.relationships.csv)
      echo "  (checked with its .nodes.csv)" ;;
    *.nodes.csv)
      rels="${f%.nodes.csv}.relationships.csv"
      if [ -f "$rels" ]; then
        run "neo4j-admin header format, rows re-read with Python csv" \
          "$PY" "$here/check_csv.py" "$f" "$rels" "${expect[@]}"
      else
        echo "  FAIL no $rels beside it"
        failed=$((failed + 1))
      fi ;;
    *.jsonld|*.json)
      run "jsonld.js offline: absolute IRIs, mentions and direct triples" \
        node "$here/node/check_jsonld.js" "$f" "${expect[@]}"
      if [ $use_shared -eq 1 ]; then
        run "shared check-outputs.sh" "$shared/tools/check-outputs.sh" "$f"
      fi ;;
    *)
      echo "  FAIL unknown extension"
      failed=$((failed + 1)) ;;
  esac
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
