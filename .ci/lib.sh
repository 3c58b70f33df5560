# Shared by .ci/quickstart.sh and .ci/test.sh (sourced, not run).
# Debian 12. Installs only what is missing, so that a second run needs no
# network; uses sudo only when not root, and only if sudo exists.

# The packages every build needs.
NEWSGRAPH_BUILD_PACKAGES=(cmake g++ make libboost-graph-dev rapidjson-dev
  libpugixml-dev libgtest-dev zlib1g-dev)

log() { echo "[$(basename "$0")] $*"; }

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# as_root CMD...: runs CMD as root (directly, or through sudo).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    # Without a terminal (CI) sudo must not wait for a password.
    if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
  else
    log "this needs root: run as root, or install sudo" >&2
    return 1
  fi
}

# install_missing PACKAGE...: apt-get installs those not installed yet.
install_missing() {
  local missing=() p
  for p in "$@"; do
    package_installed "$p" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${missing[@]}" </dev/null || return 1
}

# configure_and_build TESTS(ON|OFF) [TARGET]: a Release build in build/.
configure_and_build() {
  local tests="$1" target="${2:-}"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNEWSGRAPH_BUILD_TESTS="$tests"
  if [ -n "$target" ]; then
    cmake --build build -j "$(nproc)" --target "$target"
  else
    cmake --build build -j "$(nproc)"
  fi
}
