#!/usr/bin/env bash
# The README's second command. On Debian 12, as root or with sudo:
#   installs what the tests need, builds newsgraph with its tests (Release)
#   into build/, runs every test and exits with ctest's status.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/lib.sh

# The interop tests load the exported files in the real consumers.
install_missing "${NEWSGRAPH_BUILD_PACKAGES[@]}" libxml2-utils python3-networkx \
  python3-igraph python3-pyld python3-rdflib
# NodeSource's nodejs brings its own npm (and conflicts with Debian's):
# look for the commands, not the packages.
node_packages=()
command -v node >/dev/null 2>&1 || node_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || node_packages+=(npm)
if [ "${#node_packages[@]}" -gt 0 ]; then
  install_missing "${node_packages[@]}"
fi

# The checkers of ../shared (npm packages for graphology and jsonld.js). The
# packages it would apt-get are installed above, so it needs root only to
# write its node_modules where we cannot.
if [ -f ../shared/tools/setup.sh ]; then
  if [ "$(id -u)" -eq 0 ] || [ -w ../shared/tools/node ]; then
    bash ../shared/tools/setup.sh
  else
    as_root bash ../shared/tools/setup.sh
  fi
fi

configure_and_build ON

status=0
ctest --test-dir build --output-on-failure -j2 || status=$?
exit "$status"
