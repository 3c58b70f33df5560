#!/usr/bin/python3
"""Export peers: the synthetic graph of export_bench.cc written by igraph's
and NetworkX's write_graphml, for bench/run.sh's ratios.

    /usr/bin/python3 bench/peer_export.py igraph|networkx NODES EDGES DIR

Builds the same graph as export_bench.cc's Synthetic() (same ids, edges and
attribute values; keep the two in step), writes it with the peer's
write_graphml into a pipe read by `wc -c` (as export_bench does by
default; with DIR "files:PATH" to a file in PATH instead), and prints:

    peer TOOL bytes=B seconds=S mb_per_s=R cpu_seconds=C rss_mb=G

where seconds (and cpu_seconds, user + system) time write_graphml alone
and rss_mb is the growth of the
process's peak memory during the write (Linux VmHWM, reset before it).
"""
import os
import sys
import time

NODE_KINDS = [("Country", "country"), ("Official", "official"),
              ("Organization", "org"), ("Event", "event")]
# In schema order (graph/schema.cc): name, CAMEO root, category.
RELATIONS = [
    ("appeals_to", "02", "interaction"), ("consults", "04", "interaction"),
    ("briefs", "04", "interaction"), ("supports", "05", "interaction"),
    ("cooperates_with", "06", "interaction"),
    ("investigates", "09", "interaction"), ("demands", "10", "interaction"),
    ("criticizes", "11", "interaction"), ("accuses", "112", "interaction"),
    ("opposes", "12", "interaction"), ("threatens", "13", "interaction"),
    ("sanctions", "16", "interaction"), ("attacks", "18", "interaction"),
    ("affiliated_with", "", "structural"), ("part_of", "", "structural"),
    ("involved_in", "", "structural"),
]


def date(n):
    return "1987-%02d-%02d" % (1 + n % 12, 1 + n % 28)


def vm(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass


def synthetic(nodes, edges):
    """Node and edge attribute columns, as export_bench.cc's Synthetic()."""
    node_ids, node_attrs = [], {k: [] for k in (
        "label", "type", "iri", "iso_code", "mentions", "first_date",
        "last_date")}
    for i in range(nodes):
        kind, prefix = NODE_KINDS[i % 4]
        node_id = "%s:n%d" % (prefix, i)
        node_ids.append(node_id)
        node_attrs["label"].append("Node %d" % i)
        node_attrs["type"].append(kind)
        node_attrs["iri"].append("https://newsgraph.dev/id/%s/n%d" % (prefix, i))
        node_attrs["iso_code"].append("C%d" % (i % 1000) if i % 4 == 0 else "")
        node_attrs["mentions"].append(1 + i % 97)
        node_attrs["first_date"].append(date(i))
        node_attrs["last_date"].append(date(i + 5))
    rounds = edges // nodes + 2
    step = nodes // rounds
    pairs = []
    edge_attrs = {k: [] for k in (
        "relation", "label", "weight", "cameo", "cameo_counts", "category",
        "first_date", "last_date", "documents", "document_ids")}
    for j in range(edges):
        s = j % nodes
        t = (s + 1 + (j // nodes) * step) % nodes
        name, cameo, category = RELATIONS[j % len(RELATIONS)]
        weight = 1 + j % 13
        docs = {"doc-%d" % (j % 100000)}
        if j % 3 == 0:
            docs.add("doc-%d" % ((7 * j) % 100000))
        pairs.append((s, t))
        edge_attrs["relation"].append(name)
        edge_attrs["label"].append(name)
        edge_attrs["weight"].append(float(weight))
        edge_attrs["cameo"].append(cameo)
        edge_attrs["cameo_counts"].append("%s:%d" % (cameo, weight) if cameo else "")
        edge_attrs["category"].append(category)
        edge_attrs["first_date"].append(date(j))
        edge_attrs["last_date"].append(date(j + 3))
        edge_attrs["documents"].append(len(docs))
        edge_attrs["document_ids"].append("|".join(sorted(docs)))
    return node_ids, node_attrs, pairs, edge_attrs


class Output:
    """Where a peer writes: a path that is a pipe into `wc -c`, or a file."""

    def __init__(self, out_dir, tool):
        self.file = None
        if out_dir.startswith("files:"):
            self.file = os.path.join(out_dir[len("files:"):], "peer-%s.graphml" % tool)
            self.path = self.file
            return
        import subprocess
        self.wc = subprocess.Popen(["wc", "-c"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE)
        self.path = "/proc/self/fd/%d" % self.wc.stdin.fileno()

    def close(self):
        """The number of bytes written."""
        if self.file:
            size = os.path.getsize(self.file)
            os.unlink(self.file)
            return size
        self.wc.stdin.close()
        size = int(self.wc.stdout.read())
        self.wc.wait()
        return size


def write_igraph(path, node_ids, node_attrs, pairs, edge_attrs):
    import igraph
    g = igraph.Graph(n=len(node_ids), edges=pairs, directed=True)
    g.vs["id"] = node_ids
    for key, values in node_attrs.items():
        g.vs[key] = values
    for key, values in edge_attrs.items():
        g.es[key] = values
    del pairs
    reset_peak()
    before = vm("VmRSS")
    start, cpu = time.perf_counter(), time.process_time()
    g.write_graphml(path)
    return (time.perf_counter() - start, time.process_time() - cpu,
            vm("VmHWM") - before)


def write_networkx(path, node_ids, node_attrs, pairs, edge_attrs):
    import networkx
    g = networkx.DiGraph()
    keys = list(node_attrs)
    for i, node_id in enumerate(node_ids):
        attrs = {k: node_attrs[k][i] for k in keys if node_attrs[k][i] != ""}
        g.add_node(node_id, **attrs)
    node_attrs.clear()
    keys = list(edge_attrs)
    for j, (s, t) in enumerate(pairs):
        attrs = {k: edge_attrs[k][j] for k in keys if edge_attrs[k][j] != ""}
        g.add_edge(node_ids[s], node_ids[t], **attrs)
    edge_attrs.clear()
    pairs.clear()
    reset_peak()
    before = vm("VmRSS")
    start, cpu = time.perf_counter(), time.process_time()
    networkx.write_graphml(g, path)
    return (time.perf_counter() - start, time.process_time() - cpu,
            vm("VmHWM") - before)


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("igraph", "networkx"):
        sys.exit(__doc__)
    tool, nodes, edges, out_dir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    nodes = max(nodes, 8)
    columns = synthetic(nodes, edges)
    writer = write_igraph if tool == "igraph" else write_networkx
    output = Output(out_dir, tool)
    seconds, cpu, rss = writer(output.path, *columns)
    size = output.close()
    print("peer %s bytes=%d seconds=%.3f mb_per_s=%.1f cpu_seconds=%.3f "
          "rss_mb=%.0f" % (tool, size, seconds, size / 1e6 / seconds, cpu,
                           max(rss, 0) / 1e6))


if __name__ == "__main__":
    main()
