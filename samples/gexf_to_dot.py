#!/usr/bin/env python3
"""gexf_to_dot.py GRAPH.gexf [--no-events] [--no-isolated] > GRAPH.dot
gexf_to_dot.py GRAPH.gexf [--no-events] [--no-isolated] --legend-into LAID.dot
    > DRAWING.dot

Turns a GEXF file that newsgraph wrote into a Graphviz DOT graph drawn in the
colours the file carries: each node a rounded box filled with its viz:color
and labelled with its label, in a type size that follows its viz:size (the
mentions); each edge in its viz:color, as thick as its weight (the
mentions). Only Python's standard library is used.

  --no-events       leave out Event nodes and their edges (involved_in)
  --no-isolated     leave out nodes without an edge (after --no-events)
  --legend-into F   instead, print F, the same graph already laid out by
                    Graphviz (sfdp -Tdot), with a key of the node types and
                    relations drawn added at its top right, ready for
                    `neato -n2` to render

The output is deterministic: nodes and edges come in the file's order.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}


def hex_color(element):
    color = element.find("viz:color", NS)
    if color is None:
        return "#808080"
    if color.get("hex"):
        return color.get("hex")
    return "#%02x%02x%02x" % tuple(int(color.get(c)) for c in "rgb")


def attvalues(element):
    return {
        v.get("for"): v.get("value")
        for v in element.findall("g:attvalues/g:attvalue", NS)
    }


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def html(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def text_color(fill):
    """Black or white, whichever reads better on `fill`."""
    r, g, b = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.55 else "#ffffff"


def hue_order(color):
    """Sort key: cooperation greens, then amber to red, then greys last."""
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    high, low = max(r, g, b), min(r, g, b)
    if high - low < 0.1:
        return (1, -high)
    if high == r:
        hue = 60 * (((g - b) / (high - low)) % 6)
    elif high == g:
        hue = 60 * ((b - r) / (high - low) + 2)
    else:
        hue = 60 * ((r - g) / (high - low) + 4)
    if hue > 300:
        hue -= 360
    lightness = (high + low) / 2
    return (0, -(hue // 15), -lightness)


def legend_node(kinds, relations):
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>nodes</B></TD></TR>']
    for kind, fill in kinds.items():
        rows.append(
            '<TR><TD BGCOLOR="%s" WIDTH="28" HEIGHT="12" FIXEDSIZE="TRUE"></TD>'
            '<TD ALIGN="LEFT">%s</TD></TR>' % (fill, html(kind)))
    rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT"><B>relations</B></TD></TR>')
    for kind, color in sorted(relations.items(),
                              key=lambda kc: (hue_order(kc[1]), kc[0])):
        rows.append(
            '<TR><TD BGCOLOR="%s" WIDTH="28" HEIGHT="4" FIXEDSIZE="TRUE"></TD>'
            '<TD ALIGN="LEFT">%s</TD></TR>' % (color, html(kind)))
    return (
        '  legend [shape="plaintext", style="", fontsize=13, label=<'
        '<TABLE BORDER="1" COLOR="#bbbbbb" CELLBORDER="0" CELLSPACING="3"'
        ' CELLPADDING="1" BGCOLOR="white">%s</TABLE>>];' % "".join(rows))


def read_graph(path, no_events, no_isolated):
    """(nodes, edges): [(id, label, type, fill, size)], [(source, target,
    kind, color, weight)], in the file's order, filtered."""
    graph = ET.parse(path).getroot().find("g:graph", NS)
    nodes, edges = [], []
    for node in graph.findall("g:nodes/g:node", NS):
        kind = attvalues(node).get("type", "")
        if no_events and kind == "Event":
            continue
        size_element = node.find("viz:size", NS)
        size = float(size_element.get("value")) if size_element is not None else 10.0
        nodes.append((node.get("id"), node.get("label") or node.get("id"), kind,
                      hex_color(node), size))
    kept = {n[0] for n in nodes}
    for edge in graph.findall("g:edges/g:edge", NS):
        source, target = edge.get("source"), edge.get("target")
        if source not in kept or target not in kept:
            continue
        edges.append((source, target, edge.get("kind") or edge.get("label") or "",
                      hex_color(edge), float(edge.get("weight") or 1)))
    if no_isolated:
        linked = {e[0] for e in edges} | {e[1] for e in edges}
        nodes = [n for n in nodes if n[0] in linked]
    return nodes, edges


def graph_dot(nodes, edges):
    out = [
        "digraph newsgraph {",
        '  graph [bgcolor="white", outputorder="edgesfirst", overlap="prism",'
        ' overlap_scaling=2, sep="+6", splines="true", pad="0.3",'
        ' fontname="DejaVu Sans"];',
        '  node [shape="box", style="rounded,filled", penwidth=0,'
        ' fontname="DejaVu Sans", margin="0.06,0.03"];',
        '  edge [arrowsize=0.7];',
    ]
    for node_id, label, _, fill, size in nodes:
        fontsize = round(7 + size / 3, 1)  # 11.7 (one mention) to about 22
        out.append(
            "  %s [label=%s, fillcolor=%s, fontcolor=%s, fontsize=%s];"
            % (quote(node_id), quote(label), quote(fill), quote(text_color(fill)),
               fontsize))
    for source, target, kind, color, weight in edges:
        penwidth = min(1.0 + 1.2 * (weight - 1), 4.6)
        out.append(
            "  %s -> %s [color=%s, penwidth=%s, tooltip=%s];"
            % (quote(source), quote(target), quote(color), round(penwidth, 1),
               quote(kind)))
    out.append("}")
    return "\n".join(out) + "\n"


def with_legend(laid_path, nodes, edges):
    """The laid-out DOT with the key pinned to the right of the drawing."""
    import re

    kinds, relations = {}, {}
    for _, _, kind, fill, _ in nodes:
        kinds.setdefault(kind, fill)
    for _, _, kind, color, _ in edges:
        relations.setdefault(kind, color)
    text = open(laid_path, encoding="utf-8").read()
    m = re.search(r'bb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"', text)
    if not m:
        raise SystemExit("%s: no bb: not laid out by Graphviz (-Tdot)" % laid_path)
    x0, y0, x1, y1 = (float(v) for v in m.groups())
    rows = 2 + len(kinds) + len(relations)
    width, height = 150.0, 8 + 19.0 * rows  # points, at fontsize 13
    x = x1 + 30 + width / 2
    y = y1 - height / 2
    node = legend_node(kinds, relations).rstrip(";").rstrip("]")
    node += ', pos="%.1f,%.1f"];' % (x, y)
    text = text.replace(m.group(0), 'bb="%s,%s,%.1f,%s"' % (
        m.group(1), m.group(2), x1 + 40 + width, m.group(4)), 1)
    end = text.rstrip().rfind("}")
    return text[:end] + node + "\n}\n"


def main(argv):
    args, flags, laid = [], set(), None
    rest = argv[1:]
    while rest:
        arg = rest.pop(0)
        if arg == "--legend-into" and rest:
            laid = rest.pop(0)
        elif arg in ("--no-events", "--no-isolated"):
            flags.add(arg)
        elif arg.startswith("--"):
            args = []
            break
        else:
            args.append(arg)
    if len(args) != 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    nodes, edges = read_graph(args[0], "--no-events" in flags,
                              "--no-isolated" in flags)
    if laid:
        sys.stdout.write(with_legend(laid, nodes, edges))
    else:
        sys.stdout.write(graph_dot(nodes, edges))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
