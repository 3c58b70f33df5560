#!/usr/bin/python3
"""Prints bench/run.sh's results (key=value lines) as tables, with the
issue's targets and the newsgraph/peer ratios."""
import re
import shlex
import sys

rows = []
for line in open(sys.argv[1]):
    parts = shlex.split(line.strip())
    if not parts:
        continue
    kind, fields = parts[0], {}
    for p in parts[1:]:
        if "=" in p:
            k, v = p.split("=", 1)
            fields[k] = v
        else:
            fields.setdefault("_", []).append(p)
    rows.append((kind, fields))


def get(kind, **match):
    for k, f in rows:
        if k == kind and all(f.get(a) == b for a, b in match.items()):
            return f
    return None


def num(f, key):
    try:
        return float(f[key])
    except (TypeError, KeyError, ValueError):
        return float("nan")


def verdict(ok):
    return "yes" if ok else "NO"


machine = get("machine")
if machine:
    print("%s cores, load average %s when the run started\n" % (machine["cores"], machine["load"]))
print("## End to end: newsgraph build (read, extract, merge, write GraphML)\n")
print("| input | threads | time s | CPU s | MB/s | MB per CPU-s | docs/s | peak RSS MB |")
print("|---|---|---|---|---|---|---|---|")
for k, f in rows:
    if k == "e2e":
        print("| %s (%s MB) | %s | %s | %s | %s | %.1f | %s | %s |" % (
            f["name"], f["input_mb"], f["threads"], f["seconds"],
            f.get("cpu_seconds", "?"), f["mb_per_s"],
            num(f, "input_mb") / num(f, "cpu_seconds"), f["docs_per_s"],
            f["peak_rss_mb"]))
r1, r2, whole = get("e2e", name="reuters", threads="1"), get("e2e", name="reuters", threads="2"), get("e2e", name="corpus")
speedup = num(r1, "seconds") / num(r2, "seconds") if r1 and r2 else float("nan")
print()
print("| target | measured | met |")
print("|---|---|---|")
if r1:
    print("| >= 50 MB/s per core on Reuters | %.1f MB/s | %s |" % (num(r1, "mb_per_s"), verdict(num(r1, "mb_per_s") >= 50)))
print("| >= 1.8x with 2 threads | %.2fx | %s |" % (speedup, verdict(speedup >= 1.8)))
if whole:
    print("| peak RSS < 500 MB, whole corpus | %.0f MB | %s |" % (num(whole, "peak_rss_mb"), verdict(num(whole, "peak_rss_mb") < 500)))

print("\n## Time per stage (pipeline_bench, Reuters-21578)\n")
for threads in ("1", "2"):
    total = get("stage", threads=threads)
    if total is None:
        continue
    summary = [f for k, f in rows if k == "stage" and f.get("threads") == threads and "mb_per_s" in f]
    if summary:
        s = summary[0]
        print("threads %s: %s MB/s, %s docs/s, peak RSS %s MB\n" % (threads, s["mb_per_s"], s["docs_per_s"], s["peak_rss_mb"]))
    print("| step (threads %s) | seconds (all threads) | share |" % threads)
    print("|---|---|---|")
    for k, f in rows:
        if k == "stage" and f.get("threads") == threads and "step" in f:
            print("| %s | %s | %s |" % (f["step"], f["seconds"], f["share"]))
    print()

print("## Export: synthetic graph\n")
graph = get("graph")
if graph:
    print("%s nodes, %s edges (built in %s s, %s MB resident)\n" % (graph["nodes"], graph["edges"], graph["build_seconds"], graph["rss_mb"]))
print("| writer | MB written | seconds | CPU s | MB/s | MB per CPU-s | peak RSS added MB |")
print("|---|---|---|---|---|---|---|")
for k, f in rows:
    if k in ("export", "peer") and "bytes" in f:
        name = ("newsgraph " + f["_"][0]) if k == "export" else (f["_"][0] + " write_graphml")
        if f.get("threads", "1") != "1":
            name += " (%s threads)" % f["threads"]
        print("| %s | %.0f | %s | %s | %s | %.0f | %s |" % (
            name, num(f, "bytes") / 1e6, f["seconds"], f.get("cpu_seconds", "?"),
            f["mb_per_s"], num(f, "bytes") / 1e6 / num(f, "cpu_seconds"), f["rss_mb"]))
ours = {f["_"][0]: f for k, f in rows if k == "export" and f.get("threads", "1") == "1"}
print()
print("| target / ratio | measured | met |")
print("|---|---|---|")
for fmt, target in (("graphml", 300), ("jsonld", 200)):
    if fmt in ours:
        f = ours[fmt]
        per_cpu = num(f, "bytes") / 1e6 / num(f, "cpu_seconds")
        print("| %s >= %d MB/s | %s MB/s wall, %.0f MB per CPU-s | %s |" % (
            fmt, target, f["mb_per_s"], per_cpu, verdict(num(f, "mb_per_s") >= target)))
for tool in ("igraph", "networkx"):
    peer = [f for k, f in rows if k == "peer" and f.get("_", [None])[0] == tool and "seconds" in f]
    if peer and "graphml" in ours:
        ratio = num(peer[0], "seconds") / num(ours["graphml"], "seconds")
        cpu_ratio = num(peer[0], "cpu_seconds") / num(ours["graphml"], "cpu_seconds")
        target = " (>= 2x)" if tool == "igraph" else ""
        print("| newsgraph/%s write_graphml, same graph%s | %.2fx wall, %.2fx CPU | %s |" % (
            tool, target, ratio, cpu_ratio, verdict(ratio >= 2) if tool == "igraph" else "-"))

ner = [f for k, f in rows if k == "peer" and f.get("_", [None])[0] == "compromise"]
if ner and r1:
    f = ner[0]
    print("\n## Extraction peer: compromise (people, places, organizations) over Reuters-21578\n")
    print("| tool | documents | seconds | MB/s | peak RSS MB |")
    print("|---|---|---|---|---|")
    print("| newsgraph build --threads 1 (whole pipeline) | - | %s | %s | %s |" % (r1["seconds"], r1["mb_per_s"], r1["peak_rss_mb"]))
    print("| compromise %s (NER only) | %s | %s | %s | %s |" % ("", f["documents"], f["seconds"], f["mb_per_s"], f["peak_rss_mb"]))
    print("\nnewsgraph/compromise throughput ratio: %.1fx" % (num(r1, "mb_per_s") / num(f, "mb_per_s")))
for k, f in rows:
    if k == "peer" and "failed" in f.get("_", []):
        print("\n%s failed" % f["_"][0])
