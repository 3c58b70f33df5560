#!/usr/bin/python3
"""check_graphml.py FILE [EXPECT.json] - load a GraphML file in NetworkX,
igraph and graphology (through node/load_graphml.js) and check that they all
see the same graph.

Checks:
  * each library loads the file, directed, without warnings;
  * node and edge counts equal the number of <node>/<edge> elements and, when
    the file has them (newsgraph writes them), the graph's node_count and
    edge_count data;
  * every node has `label` (when the file declares it) and `type`, every edge
    `relation` and a positive numeric `weight`, and the three libraries give
    the same values, ids, sources and targets;
  * with EXPECT.json (from write_samples): the counts, every relation name
    present, and each node's label, by its `iri`, exactly as expected.

Exit 0 when every check passes, 1 otherwise, 2 on usage errors.
Run with /usr/bin/python3: Debian's python3-networkx and python3-igraph.
"""
import json
import os
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"
HERE = os.path.dirname(os.path.abspath(__file__))


def raw_view(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    graph = root.find(NS + "graph")
    data = {keys.get(d.get("key")): d.text for d in graph.findall(NS + "data")}
    declared = {k.get("for"): set() for k in root.iter(NS + "key")}
    for k in root.iter(NS + "key"):
        declared[k.get("for")].add(k.get("attr.name"))
    return {
        "nodes": len(graph.findall(NS + "node")),
        "edges": len(graph.findall(NS + "edge")),
        "graph": data,
        "declared": declared,
    }


def networkx_view(path):
    import networkx as nx

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    return {
        "library": "networkx " + nx.__version__,
        "directed": g.is_directed(),
        "nodes": {n: dict(d) for n, d in g.nodes(data=True)},
        "edges": {
            k: dict(d, _source=u, _target=v)
            for u, v, k, d in g.edges(keys=True, data=True)
        },
        "graph": dict(g.graph),
        "warnings": [str(w.message) for w in caught],
    }


def igraph_view(path):
    import igraph as ig

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = ig.Graph.Read_GraphML(path)
    nodes, edges = {}, {}
    for v in g.vs:
        attrs = {k: x for k, x in v.attributes().items() if x is not None}
        nodes[attrs.pop("id")] = attrs
    for e in g.es:
        attrs = {k: x for k, x in e.attributes().items() if x is not None}
        attrs["_source"] = g.vs[e.source]["id"]
        attrs["_target"] = g.vs[e.target]["id"]
        edges[attrs.pop("id")] = attrs
    return {
        "library": "python-igraph " + ig.__version__,
        "directed": g.is_directed(),
        "nodes": nodes,
        "edges": edges,
        "graph": {k: g[k] for k in g.attributes()},
        "warnings": [str(w.message) for w in caught],
    }


def graphology_view(path):
    p = subprocess.run(
        ["node", os.path.join(HERE, "node", "load_graphml.js"), path],
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        raise RuntimeError((p.stderr or p.stdout).strip())
    view = json.loads(p.stdout)
    view["edges"] = {
        k: dict(a, _source=s, _target=t) for k, s, t, a in view["edges"]
    }
    view["nodes"] = {k: a for k, a in view["nodes"]}
    return view


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check(path, expect_path):
    problems = []
    raw = raw_view(path)
    views = {}
    for name, loader in (
        ("networkx", networkx_view),
        ("igraph", igraph_view),
        ("graphology", graphology_view),
    ):
        try:
            views[name] = loader(path)
        except Exception as e:  # noqa: BLE001 - any failure is a finding
            problems.append(f"{name} failed to load: {type(e).__name__}: {e}")
    want_nodes, want_edges = raw["nodes"], raw["edges"]
    for key, want in (("node_count", want_nodes), ("edge_count", want_edges)):
        if key in raw["graph"] and int(raw["graph"][key]) != want:
            problems.append(f"graph data {key}={raw['graph'][key]} but the file has {want}")
    node_keys = raw["declared"].get("node", set())
    for name, v in views.items():
        if v["warnings"]:
            problems.append(f"{name} warned: " + " | ".join(v["warnings"]))
        if not v["directed"]:
            problems.append(f"{name} read the graph as undirected")
        if len(v["nodes"]) != want_nodes or len(v["edges"]) != want_edges:
            problems.append(
                f"{name} loaded {len(v['nodes'])} nodes and {len(v['edges'])} edges, "
                f"the file has {want_nodes} and {want_edges}"
            )
        for node_id, a in v["nodes"].items():
            if "type" not in a:
                problems.append(f"{name}: node {node_id} has no type")
            if "label" in node_keys and "label" not in a:
                problems.append(f"{name}: node {node_id} has no label")
        for edge_id, a in v["edges"].items():
            if not a.get("relation"):
                problems.append(f"{name}: edge {edge_id} has no relation")
            w = a.get("weight")
            if not is_number(w) or w <= 0:
                problems.append(f"{name}: edge {edge_id} weight {w!r} is not a positive number")
    # The libraries must agree on every value that matters.
    names = list(views)
    base = views[names[0]] if names else None
    for name in names[1:]:
        v = views[name]
        for node_id, a in base["nodes"].items():
            b = v["nodes"].get(node_id)
            if b is None:
                problems.append(f"{name} has no node {node_id!r} ({names[0]} has)")
                continue
            for field in ("label", "type", "iri"):
                if a.get(field) != b.get(field):
                    problems.append(
                        f"node {node_id!r} {field}: {names[0]} {a.get(field)!r} != {name} {b.get(field)!r}"
                    )
        for edge_id, a in base["edges"].items():
            b = v["edges"].get(edge_id)
            if b is None:
                problems.append(f"{name} has no edge {edge_id!r} ({names[0]} has)")
                continue
            for field in ("_source", "_target", "relation", "label", "weight"):
                if a.get(field) != b.get(field):
                    problems.append(
                        f"edge {edge_id!r} {field}: {names[0]} {a.get(field)!r} != {name} {b.get(field)!r}"
                    )
    if expect_path and base is not None:
        with open(expect_path, encoding="utf-8") as f:
            expect = json.load(f)
        if (want_nodes, want_edges) != (expect["nodes"], expect["edges"]):
            problems.append(
                f"file has {want_nodes} nodes and {want_edges} edges, expected "
                f"{expect['nodes']} and {expect['edges']}"
            )
        for name, v in views.items():
            relations = {a.get("relation") for a in v["edges"].values()}
            missing = sorted(set(expect["relations"]) - relations)
            if missing:
                problems.append(f"{name}: no edge with relation {', '.join(missing)}")
            by_iri = {a.get("iri"): a.get("label") for a in v["nodes"].values()}
            for iri, label in expect["labels"].items():
                if by_iri.get(iri) != label:
                    problems.append(f"{name}: label of {iri} is {by_iri.get(iri)!r}, expected {label!r}")
    for name, v in views.items():
        print(f"  {v['library']}: {len(v['nodes'])} nodes, {len(v['edges'])} edges")
    for p in problems[:40]:
        print(f"  PROBLEM: {p}")
    if len(problems) > 40:
        print(f"  ... and {len(problems) - 40} more problems")
    return not problems


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    ok = check(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
