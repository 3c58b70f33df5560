#!/usr/bin/env node
/*
 * check_jsonld.js FILE [EXPECT.json] - turn a newsgraph JSON-LD file into RDF
 * with jsonld.js, offline (every remote document load is refused), in safe
 * mode (any term, @id or value that would be dropped fails), and check:
 *   - every subject and every IRI object is an absolute IRI, no blank nodes;
 *   - there is one ng:KnowledgeGraph node; its ng:nodeCount equals the number
 *     of subjects typed ng:Country|Official|Organization|Event, and its
 *     ng:edgeCount the number of ng:RelationMention subjects;
 *   - each mention has one ng:source S, ng:relation R and ng:target T, and
 *     the direct triple S R T is there too;
 *   - with EXPECT.json (from write_samples): the counts, every relation
 *     name, and each node's schema:name exactly as expected.
 * Exit 0 when every check passes, 1 otherwise, 2 on usage.
 */
'use strict';

const fs = require('fs');
const jsonld = require('jsonld');

const NG = 'https://newsgraph.dev/ns#';
const SCHEMA = 'http://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const KINDS = ['Country', 'Official', 'Organization', 'Event'].map((k) => NG + k);

if (process.argv.length < 3 || process.argv.length > 4) {
  console.error('usage: node check_jsonld.js FILE [EXPECT.json]');
  process.exit(2);
}
const [file, expectFile] = process.argv.slice(2);

async function documentLoader(url) {
  throw new Error(`remote document loading refused (offline check): ${url}`);
}

function absolute(iri) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri);
}

(async () => {
  const problems = [];
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const quads = await jsonld.toRDF(doc, {documentLoader, safe: true});

  const bySubject = new Map();
  const triples = new Set();
  for (const q of quads) {
    if (q.graph.termType !== 'DefaultGraph') problems.push(`quad in named graph ${q.graph.value}`);
    if (q.subject.termType !== 'NamedNode' || !absolute(q.subject.value)) {
      problems.push(`subject ${q.subject.termType} ${q.subject.value} is not an absolute IRI`);
    }
    if (q.object.termType === 'BlankNode' ||
        (q.object.termType === 'NamedNode' && !absolute(q.object.value))) {
      problems.push(`object ${q.object.value} of ${q.subject.value} is not an absolute IRI`);
    }
    if (!bySubject.has(q.subject.value)) bySubject.set(q.subject.value, new Map());
    const props = bySubject.get(q.subject.value);
    if (!props.has(q.predicate.value)) props.set(q.predicate.value, []);
    props.get(q.predicate.value).push(q.object.value);
    triples.add(`${q.subject.value} ${q.predicate.value} ${q.object.value}`);
  }
  const typed = (type) => [...bySubject].filter(([, p]) => (p.get(RDF_TYPE) || []).includes(type));

  const graphs = typed(NG + 'KnowledgeGraph');
  const nodes = [...bySubject].filter(([, p]) => (p.get(RDF_TYPE) || []).some((t) => KINDS.includes(t)));
  const mentions = typed(NG + 'RelationMention');
  let nodeCount = null, edgeCount = null;
  if (graphs.length !== 1) {
    problems.push(`${graphs.length} ng:KnowledgeGraph nodes, expected 1`);
  } else {
    nodeCount = Number((graphs[0][1].get(NG + 'nodeCount') || [])[0]);
    edgeCount = Number((graphs[0][1].get(NG + 'edgeCount') || [])[0]);
    if (nodeCount !== nodes.length) problems.push(`ng:nodeCount ${nodeCount} but ${nodes.length} nodes`);
    if (edgeCount !== mentions.length) problems.push(`ng:edgeCount ${edgeCount} but ${mentions.length} mentions`);
  }
  const relations = new Set();
  for (const [iri, p] of mentions) {
    const one = (name) => {
      const values = p.get(NG + name) || [];
      if (values.length !== 1) problems.push(`mention ${iri} has ${values.length} ng:${name}`);
      return values[0];
    };
    const [s, r, t] = [one('source'), one('relation'), one('target')];
    if (!triples.has(`${s} ${r} ${t}`)) problems.push(`no direct triple for mention ${iri}`);
    if (r) relations.add(r.startsWith(NG) ? r.slice(NG.length) : r);
  }

  if (expectFile) {
    const expect = JSON.parse(fs.readFileSync(expectFile, 'utf8'));
    if (nodes.length !== expect.nodes || mentions.length !== expect.edges) {
      problems.push(`${nodes.length} nodes and ${mentions.length} mentions, expected ${expect.nodes} and ${expect.edges}`);
    }
    for (const r of expect.relations) {
      if (!relations.has(r)) problems.push(`no mention of relation ${r}`);
    }
    for (const [iri, label] of Object.entries(expect.labels)) {
      const names = (bySubject.get(iri) || new Map()).get(SCHEMA + 'name') || [];
      if (names.length !== 1 || names[0] !== label) {
        problems.push(`schema:name of ${iri} is ${JSON.stringify(names)}, expected ${JSON.stringify(label)}`);
      }
    }
  }

  console.log(`  jsonld.js ${require('jsonld/package.json').version}: ${quads.length} triples, ` +
      `${nodes.length} nodes, ${mentions.length} relation mentions`);
  for (const p of problems.slice(0, 40)) console.log(`  PROBLEM: ${p}`);
  if (problems.length > 40) console.log(`  ... and ${problems.length - 40} more problems`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => {
  console.log(`  PROBLEM: jsonld.js failed: ${e.name || ''} ${e.message}` +
      (e.details && e.details.event ? ` (${e.details.event.code})` : ''));
  process.exit(1);
});
