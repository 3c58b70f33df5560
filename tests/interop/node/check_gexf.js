#!/usr/bin/env node
/*
 * check_gexf.js FILE [EXPECT.json] - load a newsgraph GEXF file with
 * graphology-gexf (Gephi Lite's reader) and check what came through:
 *   - the file is valid UTF-8 and parses strictly (@xmldom/xmldom: any XML
 *     warning or error fails, as does a character XML 1.0 forbids);
 *   - graphology-gexf loads it as a directed graph (the file says
 *     defaultedgetype="directed") with as many nodes and edges as the file
 *     has <node> and <edge> elements;
 *   - every node has a type, a label (when the file gives one), a colour and
 *     a positive size; every edge a kind that equals its relation and its
 *     label, a positive weight and a colour;
 *   - one palette: all nodes of a type share one colour, all edges of a kind
 *     share one, and no two types or two kinds share a colour;
 *   - time: a graph with spells is mode="dynamic" timeformat="date"; every
 *     spell holds xsd:dates (YYYY-MM-DD, a real day) with start <= end; and
 *     every dated edge lies within the spells of both its nodes, so that
 *     Gephi's timeline never shows an edge without its ends;
 *   - with EXPECT.json (from write_samples): the counts, every relation
 *     name, and each node's label, by its iri, exactly as expected.
 * Exit 0 when every check passes, 1 otherwise, 2 on usage.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const {DOMParser} = require('@xmldom/xmldom');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

if (process.argv.length < 3 || process.argv.length > 4) {
  console.error('usage: node check_gexf.js FILE [EXPECT.json]');
  process.exit(2);
}
const [file, expectFile] = process.argv.slice(2);

function version(name) {
  const p = path.join(__dirname, 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(p, 'utf8')).version;
}

let text;
try {
  text = new TextDecoder('utf-8', {fatal: true}).decode(fs.readFileSync(file));
} catch (e) {
  console.error(`${file} is not valid UTF-8: ${e.message}`);
  process.exit(1);
}

const problems = [];
const xmlProblems = [];
const doc = new DOMParser({
  onError: (level, message) => {
    // U+FFFD is how newsgraph writes invalid UTF-8 it was given: expected.
    if (level === 'warning' && /replacement character/i.test(message)) return;
    xmlProblems.push(`${level}: ${message}`);
  },
}).parseFromString(text, 'application/xml');
const forbidden = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.exec(text);
if (forbidden) {
  xmlProblems.push(`U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0')} is not an XML 1.0 character`);
}
if (xmlProblems.length) {
  console.error(`XML error in ${file}:\n  ` + xmlProblems.join('\n  '));
  process.exit(1);
}

let graph;
try {
  graph = gexf.parse(Graph, text);
} catch (e) {
  console.error(`graphology-gexf failed on ${file}: ${e.message}`);
  process.exit(1);
}

// The raw file, for what graphology-gexf does not keep (spells, mode).
const graphElement = doc.getElementsByTagName('graph')[0];
const nodeElements = Array.from(doc.getElementsByTagName('node'));
const edgeElements = Array.from(doc.getElementsByTagName('edge'));

if (graphElement.getAttribute('defaultedgetype') !== 'directed') {
  problems.push('<graph> has no defaultedgetype="directed"');
}
// graphology-gexf takes the type from the first edge: with none, "mixed".
if (graph.type !== 'directed' && edgeElements.length > 0) {
  problems.push(`graph type is ${graph.type}, not directed`);
}
if (graph.order !== nodeElements.length || graph.size !== edgeElements.length) {
  problems.push(`graphology loaded ${graph.order} nodes and ${graph.size} edges, ` +
                `the file has ${nodeElements.length} and ${edgeElements.length}`);
}

// One palette.
function samePalette(what, pairs) {
  const byKey = new Map();
  const byColor = new Map();
  for (const [key, color] of pairs) {
    if (!byKey.has(key)) byKey.set(key, new Set());
    byKey.get(key).add(color);
    if (!byColor.has(color)) byColor.set(color, new Set());
    byColor.get(color).add(key);
  }
  for (const [key, colors] of byKey) {
    if (colors.size > 1) problems.push(`${what} ${key} has ${colors.size} colours: ${[...colors].join(' ')}`);
  }
  for (const [color, keys] of byColor) {
    if (keys.size > 1) problems.push(`${what}s ${[...keys].join(', ')} share the colour ${color}`);
  }
}

const nodePalette = [];
graph.forEachNode((id, a) => {
  if (!a.type) problems.push(`node ${id} has no type`);
  if (typeof a.color !== 'string' || !/^rgb\(\d+,\d+,\d+\)$/.test(a.color)) {
    problems.push(`node ${id} colour ${JSON.stringify(a.color)}`);
  }
  if (!(typeof a.size === 'number' && a.size > 0)) problems.push(`node ${id} size ${a.size}`);
  nodePalette.push([a.type, a.color]);
});
for (const element of nodeElements) {
  const id = element.getAttribute('id');
  if (element.hasAttribute('label') && graph.hasNode(id) &&
      graph.getNodeAttribute(id, 'label') !== element.getAttribute('label')) {
    problems.push(`node ${id} label differs from the file's`);
  }
}
const edgePalette = [];
graph.forEachEdge((id, a, source, target) => {
  if (!a.relation) problems.push(`edge ${id} has no relation`);
  if (a.kind !== a.relation || a.label !== a.relation) {
    problems.push(`edge ${id} kind ${a.kind} / label ${a.label} / relation ${a.relation} differ`);
  }
  if (!(typeof a.weight === 'number' && a.weight > 0)) problems.push(`edge ${id} weight ${a.weight}`);
  if (typeof a.color !== 'string' || !/^rgb\(\d+,\d+,\d+\)$/.test(a.color)) {
    problems.push(`edge ${id} colour ${JSON.stringify(a.color)}`);
  }
  edgePalette.push([a.kind, a.color]);
});
samePalette('node type', nodePalette);
samePalette('edge kind', edgePalette);

// Time.
function isDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}
function spellsOf(element) {
  const spells = [];
  for (const spell of Array.from(element.getElementsByTagName('spell'))) {
    const start = spell.getAttribute('start');
    const end = spell.getAttribute('end');
    if (!isDate(start) || !isDate(end)) {
      problems.push(`${element.tagName} ${element.getAttribute('id')}: spell ${start}..${end} is not two xsd:dates`);
    } else if (start > end) {
      problems.push(`${element.tagName} ${element.getAttribute('id')}: spell starts ${start} after it ends ${end}`);
    }
    spells.push([start, end]);
  }
  return spells;
}
const nodeSpells = new Map();
let spellCount = 0;
for (const element of nodeElements) {
  const spells = spellsOf(element);
  spellCount += spells.length;
  nodeSpells.set(element.getAttribute('id'), spells);
}
for (const element of edgeElements) {
  const spells = spellsOf(element);
  spellCount += spells.length;
  for (const [start, end] of spells) {
    for (const end_ of ['source', 'target']) {
      const nodeId = element.getAttribute(end_);
      const around = nodeSpells.get(nodeId) || [];
      if (!around.some(([s, e]) => s <= start && end <= e)) {
        problems.push(`edge ${element.getAttribute('id')} (${start}..${end}) is outside the spells of its ${end_} ${nodeId}`);
      }
    }
  }
}
const mode = graphElement.getAttribute('mode');
const timeformat = graphElement.getAttribute('timeformat');
if (spellCount > 0 && (mode !== 'dynamic' || timeformat !== 'date')) {
  problems.push(`the file has spells but <graph mode="${mode}" timeformat="${timeformat}">`);
}
if (spellCount === 0 && mode === 'dynamic') problems.push('mode="dynamic" but no spell');

if (expectFile) {
  const expect = JSON.parse(fs.readFileSync(expectFile, 'utf8'));
  if (graph.order !== expect.nodes || graph.size !== expect.edges) {
    problems.push(`loaded ${graph.order} nodes and ${graph.size} edges, expected ${expect.nodes} and ${expect.edges}`);
  }
  const relations = new Set();
  graph.forEachEdge((id, a) => relations.add(a.relation));
  const missing = expect.relations.filter((r) => !relations.has(r));
  if (missing.length) problems.push(`no edge with relation ${missing.join(', ')}`);
  const byIri = new Map();
  graph.forEachNode((id, a) => byIri.set(a.iri, a.label));
  for (const [iri, label] of Object.entries(expect.labels)) {
    if (byIri.get(iri) !== label) {
      problems.push(`label of ${iri} is ${JSON.stringify(byIri.get(iri))}, expected ${JSON.stringify(label)}`);
    }
  }
}

console.log(`  graphology ${version('graphology')} + graphology-gexf ${version('graphology-gexf')}: ` +
            `${graph.order} nodes, ${graph.size} edges, ${spellCount} spells` +
            (mode === 'dynamic' ? ' (dynamic)' : ''));
for (const p of problems.slice(0, 40)) console.log(`  PROBLEM: ${p}`);
if (problems.length > 40) console.log(`  ... and ${problems.length - 40} more problems`);
process.exit(problems.length ? 1 : 0);
