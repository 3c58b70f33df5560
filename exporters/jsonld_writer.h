// JSON-LD writer: the knowledge graph as one self-contained JSON-LD 1.0
// document that jsonld.js, PyLD and rdflib turn into the same RDF offline.
//
// Shape (see ../shared/FORMATS.md section 0):
//   {"@context": {...inline, every term declared, no @vocab...},
//    "@graph": [graph, nodes..., relation mentions...]}
// - Every @id is an absolute IRI. A node is ExportOptions::base_iri plus its
//   id with ':' -> '/' (NodeIri() in exporters.h); the graph itself is
//   base_iri + ";graph"; the mention of an edge is
//   <source IRI>;<relation>;<target path>, e.g.
//   https://newsgraph.dev/id/country/USA;accuses;country/RUS, and its k-th
//   kept evidence that IRI + ";k". Node paths never contain ';', so these
//   never collide.
// - Nodes carry two types: the schema.org one (Country -> schema:Country,
//   Official -> schema:Person, Organization -> schema:Organization, Event ->
//   schema:Event) and ng:<kind> (ng: is kVocabularyIri). Properties:
//   schema:name (label), schema:alternateName (aliases), schema:jobTitle
//   (role), schema:startDate (event date), schema:sameAs (the Wikidata
//   entity, when the id looks like Q123), ng:isoCode, ng:wikidata,
//   ng:mentions, ng:firstDate, ng:lastDate.
// - Every edge is written twice: as a direct triple on its source node
//   (<source> ng:accuses <target>), and as an ng:RelationMention node with
//   ng:source, ng:relation (the IRI ng:accuses), ng:target, ng:cameo (the
//   most frequent code), ng:cameoCounts (every mention's code with its
//   count, "1121:2|112:5"),
//   ng:category, ng:weight (mentions), ng:firstDate, ng:lastDate,
//   ng:document (each document id), ng:documentCount, ng:confidence (the
//   highest of the kept evidence) and ng:evidence: ng:Evidence nodes with
//   ng:document, ng:sentence, ng:begin, ng:end (byte offsets into the
//   document's UTF-8 text, half-open), ng:text, ng:trigger, ng:rule,
//   ng:confidence, ng:date and ng:cameo. RDF collapses identical triples,
//   so counts and provenance live on the mention.
// - Literals are typed through the context: counts and offsets xsd:integer,
//   confidences xsd:decimal, full dates xsd:date (a partial date is written
//   as xsd:gYearMonth or xsd:gYear, anything else as a plain string). The
//   values are JSON strings, so jsonld.js, PyLD and rdflib all produce the
//   same lexical form. (Not xsd:double: PyLD 2 fails on a string typed
//   xsd:double, and native JSON doubles come out of the three processors in
//   three different canonical forms.)
// - Text is repaired as exporters.h says, so the output is valid UTF-8 JSON
//   whatever the input.
#ifndef NEWSGRAPH_EXPORTERS_JSONLD_WRITER_H_
#define NEWSGRAPH_EXPORTERS_JSONLD_WRITER_H_

#include <ostream>
#include <string_view>
#include <vector>

#include "exporters/exporters.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {

// The namespace of newsgraph's own terms (relations, node kinds, counts).
inline constexpr std::string_view kVocabularyIri = "https://newsgraph.dev/ns#";

// The terms the writer's @context defines besides the relation names
// (which are terms too). A relation must never be named like one of these.
const std::vector<std::string_view>& JsonldFixedTerms();

// Writes `graph` to `out` as JSON-LD. Returns Ok after flushing `out`, or
// "jsonld: write failed: <reason>" when the stream fails. options.base_iri
// must be absolute (Export() checks it). Thread-safe for concurrent calls on
// the same unmodified graph.
Status WriteJsonld(const KnowledgeGraph& graph, const ExportOptions& options,
                   std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_JSONLD_WRITER_H_
