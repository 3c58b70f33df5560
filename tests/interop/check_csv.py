#!/usr/bin/python3
"""check_csv.py NODES.csv RELATIONSHIPS.csv [EXPECT.json] - check a pair of
newsgraph CSV files against the neo4j-admin import header format and read
every row back with Python's csv module, as a spreadsheet or a script would.

Checks:
  * both files are UTF-8 without a byte order mark, every record ends in
    CRLF, and no field holds a line break (so neo4j-admin needs no
    --multiline-fields);
  * headers: every field is `name`, `name:type` or `:SPECIAL`, where type is
    one of neo4j-admin's property types (int, long, float, double, boolean,
    byte, short, char, string, point, date, localtime, time, localdatetime,
    datetime, duration), optionally followed by `[]` for an array, and
    SPECIAL an ID field (`ID`, `START_ID`, `END_ID`, each with an optional
    `(IdSpace)`), `LABEL`, `TYPE` or `IGNORE`; property names are unique;
    the nodes file has exactly one ID field and the relationships file
    exactly one START_ID, END_ID and TYPE, in ID spaces that match;
  * rows, read with csv.reader(strict=True): as many fields as the header;
    node ids unique and non-empty; every START_ID and END_ID a node id;
    every :TYPE an upper-case relationship type; typed values parse (long
    and int as integers, double and float as numbers, arrays as
    ';'-separated elements none of them empty); a value that starts or ends
    with a space is quoted (neo4j-admin may trim unquoted ones);
  * newsgraph's own columns: :LABEL is "Entity;<type>", :TYPE is the upper
    case of relation, weight >= 1, documents equals the number of
    document_ids;
  * with EXPECT.json (from write_samples): the counts, every relation name,
    and each node's label (found by the node IRI made from its id, as the
    other formats write it; tabs and line breaks in a label become spaces).

Exit 0 when every check passes, 1 otherwise, 2 on usage errors.
"""
import csv
import io
import json
import re
import sys

NEO4J_TYPES = {
    "int", "long", "float", "double", "boolean", "byte", "short", "char",
    "string", "point", "date", "localtime", "time", "localdatetime",
    "datetime", "duration",
}
SPECIAL = re.compile(r"^(ID|START_ID|END_ID)(\(([A-Za-z0-9_]+)\))?$|^(LABEL|TYPE|IGNORE)$")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
BASE_IRI = "https://newsgraph.dev/id/"


def parse_header(fields, problems, what):
    """[(name, kind, type, is_array, id_space)] for each header field."""
    columns = []
    names = set()
    for field in fields:
        name, colon, spec = field.partition(":")
        if not colon:
            spec = "string"
        m = SPECIAL.match(spec)
        if m:
            kind = m.group(1) or m.group(4)
            columns.append((name, kind, None, False, m.group(3)))
        else:
            array = spec.endswith("[]")
            base = spec[:-2] if array else spec
            if base not in NEO4J_TYPES:
                problems.append(f"{what}: header field {field!r}: {base!r} is not a neo4j-admin type")
            if not NAME.match(name):
                problems.append(f"{what}: header field {field!r} has no valid property name")
            columns.append((name, "PROPERTY", base, array, None))
        if name:
            if name in names:
                problems.append(f"{what}: property {name!r} twice in the header")
            names.add(name)
    return columns


def read(path, problems, what):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{what}: starts with a byte order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{what}: not UTF-8: {e}")
        text = raw.decode("utf-8", "replace")
    if text and not text.endswith("\r\n"):
        problems.append(f"{what}: does not end in CRLF")
    if re.search(r"(?<!\r)\n|\r(?!\n)", text):
        problems.append(f"{what}: a bare LF or CR (records must end in CRLF)")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        problems.append(f"{what}: csv module: {e}")
        return [], []
    if not rows:
        problems.append(f"{what}: empty, not even a header")
        return [], []
    for i, row in enumerate(rows, 1):
        for value in row:
            if "\n" in value or "\r" in value:
                problems.append(f"{what}:{i}: a field holds a line break")
                break
    read.raw[what] = text
    return rows[0], rows[1:]


read.raw = {}


def check_value(value, column, where, problems, raw=""):
    name, kind, base, array, _ = column
    if kind != "PROPERTY" or value == "":
        return
    if value != value.strip() and '"' + value.replace('"', '""') + '"' not in raw:
        problems.append(f"{where}: {name} {value!r} is not quoted: neo4j-admin may trim it")
    elements = value.split(";") if array else [value]
    for element in elements:
        if array and element == "":
            problems.append(f"{where}: {name} has an empty array element")
        elif base in ("int", "long", "short", "byte"):
            if not re.fullmatch(r"-?\d+", element):
                problems.append(f"{where}: {name} {element!r} is not an integer")
        elif base in ("double", "float"):
            try:
                float(element)
            except ValueError:
                problems.append(f"{where}: {name} {element!r} is not a number")
        elif base == "boolean" and element not in ("true", "false"):
            problems.append(f"{where}: {name} {element!r} is not true or false")


def node_iri(node_id):
    out = []
    for b in node_id.encode("utf-8"):
        c = chr(b)
        if c == ":":
            out.append("/")
        elif c.isascii() and (c.isalnum() or c in "-._~"):
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return BASE_IRI + "".join(out)


def check(nodes_path, relationships_path, expect_path):
    problems = []
    node_header, node_rows = read(nodes_path, problems, "nodes")
    rel_header, rel_rows = read(relationships_path, problems, "relationships")
    node_columns = parse_header(node_header, problems, "nodes")
    rel_columns = parse_header(rel_header, problems, "relationships")

    def index(columns, kind, what):
        found = [i for i, c in enumerate(columns) if c[1] == kind]
        if len(found) != 1:
            problems.append(f"{what}: {len(found)} :{kind} fields, expected 1")
            return None
        return found[0]

    id_i = index(node_columns, "ID", "nodes")
    start_i = index(rel_columns, "START_ID", "relationships")
    end_i = index(rel_columns, "END_ID", "relationships")
    type_i = index(rel_columns, "TYPE", "relationships")
    if None in (id_i, start_i, end_i, type_i):
        return report(problems, len(node_rows), len(rel_rows))
    space = node_columns[id_i][4]
    for i in (start_i, end_i):
        if rel_columns[i][4] != space:
            problems.append(f"relationships: :{rel_columns[i][1]} ID space {rel_columns[i][4]} != nodes' {space}")
    names = {c[0]: i for i, c in enumerate(node_columns) if c[0]}
    rnames = {c[0]: i for i, c in enumerate(rel_columns) if c[0]}
    label_i = next((i for i, c in enumerate(node_columns) if c[1] == "LABEL"), None)

    ids = {}
    for n, row in enumerate(node_rows, 2):
        where = f"nodes:{n}"
        if len(row) != len(node_columns):
            problems.append(f"{where}: {len(row)} fields, the header has {len(node_columns)}")
            continue
        for value, column in zip(row, node_columns):
            check_value(value, column, where, problems, read.raw["nodes"])
        node_id = row[id_i]
        if not node_id:
            problems.append(f"{where}: empty id")
        elif node_id in ids:
            problems.append(f"{where}: id {node_id!r} also on line {ids[node_id]}")
        ids[node_id] = n
        if label_i is not None and "type" in names:
            want = "Entity;" + row[names["type"]]
            if row[label_i] != want:
                problems.append(f"{where}: :LABEL {row[label_i]!r}, expected {want!r}")

    relations = set()
    for n, row in enumerate(rel_rows, 2):
        where = f"relationships:{n}"
        if len(row) != len(rel_columns):
            problems.append(f"{where}: {len(row)} fields, the header has {len(rel_columns)}")
            continue
        for value, column in zip(row, rel_columns):
            check_value(value, column, where, problems, read.raw["relationships"])
        for i in (start_i, end_i):
            if row[i] not in ids:
                problems.append(f"{where}: {rel_columns[i][1]} {row[i]!r} is no node id")
        rel_type = row[type_i]
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", rel_type):
            problems.append(f"{where}: :TYPE {rel_type!r} is not an upper-case type")
        if "relation" in rnames:
            relation = row[rnames["relation"]]
            relations.add(relation)
            if rel_type != relation.upper():
                problems.append(f"{where}: :TYPE {rel_type!r} is not relation {relation!r} in upper case")
        if "weight" in rnames and not (row[rnames["weight"]].isdigit() and int(row[rnames["weight"]]) >= 1):
            problems.append(f"{where}: weight {row[rnames['weight']]!r} is not a count of mentions")
        if "documents" in rnames and "document_ids" in rnames:
            listed = [d for d in row[rnames["document_ids"]].split(";") if d]
            if row[rnames["documents"]] != str(len(listed)):
                problems.append(f"{where}: documents {row[rnames['documents']]} but {len(listed)} document_ids")

    if expect_path:
        with open(expect_path, encoding="utf-8") as f:
            expect = json.load(f)
        if (len(node_rows), len(rel_rows)) != (expect["nodes"], expect["edges"]):
            problems.append(
                f"{len(node_rows)} nodes and {len(rel_rows)} relationships, expected "
                f"{expect['nodes']} and {expect['edges']}"
            )
        missing = sorted(set(expect["relations"]) - relations)
        if missing:
            problems.append(f"no relationship with relation {', '.join(missing)}")
        by_iri = {node_iri(row[id_i]): row[names["label"]] for row in node_rows
                  if len(row) == len(node_columns)}
        for iri, label in expect["labels"].items():
            want = re.sub(r"[\t\r\n]", " ", label)
            if by_iri.get(iri) != want:
                problems.append(f"label of {iri} is {by_iri.get(iri)!r}, expected {want!r}")
    return report(problems, len(node_rows), len(rel_rows))


def report(problems, nodes, relationships):
    print(f"  python csv {csv.__version__}: {nodes} nodes, {relationships} relationships")
    for p in problems[:40]:
        print(f"  PROBLEM: {p}")
    if len(problems) > 40:
        print(f"  ... and {len(problems) - 40} more problems")
    return not problems


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    return 0 if check(argv[1], argv[2], argv[3] if len(argv) == 4 else None) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
