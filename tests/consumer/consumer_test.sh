#!/bin/bash
# consumer_test.sh BUILD_DIR SOURCE_DIR: installs newsgraph from BUILD_DIR into
# a temporary prefix, builds tests/consumer/project against it with
# find_package(newsgraph), runs it and checks the graph it writes.
set -eu
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/tests/consumer/project" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" -j2 >/dev/null
"$work/build/consumer" > "$work/out.graphml"
grep -q '<data key="e_relation">accuses</data>' "$work/out.graphml"
grep -q '<node id="country:JPN">' "$work/out.graphml"
echo "find_package(newsgraph) works: the consumer built a graph with Japan accusing China"
