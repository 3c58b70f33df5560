#!/usr/bin/env bash
# setup_checkers.sh SHARED_DIR: makes ../shared/tools/check-outputs.sh ready
# for the hostile suite (its ctest fixture), running setup.sh when the npm
# packages are missing. Nothing to do when SHARED_DIR is absent: the suite
# then checks outputs with pugixml and RapidJSON only, and its
# HostileSetup.SharedCheckersArePresent test shows as skipped.
set -u
shared="$1"
if [ ! -f "$shared/tools/check-outputs.sh" ]; then
  echo "no $shared/tools/check-outputs.sh: nothing to set up"
  exit 0
fi
if [ -d "$shared/tools/node/node_modules/jsonld" ] &&
   command -v xmllint >/dev/null &&
   /usr/bin/python3 -c 'import networkx, igraph, pyld, rdflib' 2>/dev/null; then
  echo "checkers ready"
  exit 0
fi
exec bash "$shared/tools/setup.sh"
