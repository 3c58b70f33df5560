#!/usr/bin/env node
/*
 * load_graphml.js FILE - load a GraphML file the way Gephi Lite does
 * (graphology + graphology-graphml) and print what came through as JSON:
 *   {"library", "directed", "graph": {attrs}, "nodes": [[id, attrs]],
 *    "edges": [[id, source, target, attrs]], "warnings": [...]}
 * The file must be valid UTF-8 and is first parsed strictly with
 * @xmldom/xmldom: any XML warning or error fails, as does any character XML
 * 1.0 forbids (xmldom accepts them, libxml2 and expat do not).
 * Exit 0 when loaded, 1 when the file does not parse or load, 2 on usage.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const {DOMParser} = require('@xmldom/xmldom');
const Graph = require('graphology');
const graphml = require('graphology-graphml');

if (process.argv.length !== 3) {
  console.error('usage: node load_graphml.js FILE');
  process.exit(2);
}
const file = process.argv[2];
let text;
try {
  text = new TextDecoder('utf-8', {fatal: true}).decode(fs.readFileSync(file));
} catch (e) {
  console.error(`${file} is not valid UTF-8: ${e.message}`);
  process.exit(1);
}

const problems = [];
new DOMParser({
  onError: (level, message) => {
    // U+FFFD is how newsgraph writes invalid UTF-8 it was given: expected.
    if (level === 'warning' && /replacement character/i.test(message)) return;
    problems.push(`${level}: ${message}`);
  },
}).parseFromString(text, 'application/xml');
const forbidden = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.exec(text);
if (forbidden) {
  problems.push(`U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0')} is not an XML 1.0 character`);
}
if (problems.length) {
  console.error(`XML error in ${file}:\n  ` + problems.join('\n  '));
  process.exit(1);
}

function version(name) {
  const file = path.join(__dirname, 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

let graph;
try {
  graph = graphml.parse(Graph, text);
} catch (e) {
  console.error(`graphology-graphml failed on ${file}: ${e.message}`);
  process.exit(1);
}
const nodes = [];
graph.forEachNode((id, attrs) => nodes.push([id, attrs]));
const edges = [];
graph.forEachEdge((id, attrs, source, target) => edges.push([id, source, target, attrs]));
console.log(JSON.stringify({
  library: `graphology ${version('graphology')} + graphology-graphml ${version('graphology-graphml')}`,
  directed: graph.type === 'directed',
  graph: graph.getAttributes(),
  nodes,
  edges,
  warnings: [],
}));
