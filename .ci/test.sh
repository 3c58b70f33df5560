#!/usr/bin/env bash
# The README's second command. On Debian 12, as root or with sudo:
#   installs what the tests need, builds newsgraph with its tests (Release)
#   into build/ and runs every test, then does it again built with
#   AddressSanitizer and UndefinedBehaviorSanitizer into build-asan/, and
#   exits with ctest's status (non-zero if either run failed).
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

# The whole suite again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan; leaks are checked too). A
# sanitizer's report fails the test it happens in: the process exits 86
# (ASan, LeakSanitizer) or aborts (UBSan), never with the 1 a test may
# expect from newsgraph.
log "building with -DNEWSGRAPH_SANITIZE=ON into build-asan"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSGRAPH_BUILD_TESTS=ON -DNEWSGRAPH_SANITIZE=ON
cmake --build build-asan -j "$(nproc)"
ASAN_OPTIONS=detect_leaks=1:exitcode=86:check_initialization_order=1:strict_init_order=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j2 || status=$?
exit "$status"
