// GraphML writer: the knowledge graph as one GraphML 1.0 document.
//
// The strict flavour follows ../shared/FORMATS.md section 0, the profile
// that Gephi, Gephi Lite (graphology), NetworkX, igraph and Cytoscape all
// load, and is valid against the GraphML 1.0 XSD:
//   - line 1 is the XML declaration; the root is an unprefixed <graphml>;
//   - one <graph id="G" edgedefault="directed">, whose <data> (generator,
//     documents, node_count, edge_count) comes first, then every node, then
//     every edge;
//   - every <key> has a prefixed id (g_, v_, e_), an explicit for= and
//     attr.type, and an attr.name unique in its domain; there is no
//     <default>. A key is declared only when some element has a value for
//     it, and a missing value is omitted, never written empty;
//   - node ids are the graph's canonical ids ("country:USA"), which are
//     NMTOKENs; an id that is not (it should not happen) has every other
//     character replaced by '_' and, if that collides, a "_2", "_3" ...
//     suffix. Edge ids are e0, e1 ... in the graph's sorted edge order.
//
// Node data: label, type (the node kind: Country, Official, Organization,
// Event), iri (the node's JSON-LD IRI), aliases (joined with '|'; when an
// alias itself holds a '|', also aliases_json: a JSON array), iso_code,
// wikidata, role, date, mentions (long), first_date, last_date.
// Edge data: relation and label (both the relation name, e.g. "accuses"),
// weight (double: the number of mentions, the type Gephi's weight column
// has), cameo (the most frequent code), cameo_counts (every mention's CAMEO
// code with its count, "1121:2|112:5"), category (interaction or
// structural), first_date, last_date,
// documents (long: how many), document_ids (joined with '|'; when an id
// holds a '|', also document_ids_json: a JSON array), confidence
// (double: the highest confidence of the kept evidence), evidence (the kept
// evidence for people to read, one mention per line:
//   doc-7 [120,245) trigger="accused" rule=accuse_verb confidence=0.9
//   date=2014-03-01: <the sentence>
// ) and evidence_json (the same mentions as a JSON array of objects with
// document, sentence, begin, end, text, trigger, rule, confidence, date,
// cameo, for scripts; empty strings are left out, a non-finite confidence
// is null). Offsets are byte offsets into the document's UTF-8 text,
// half-open [begin, end).
//
// Parallel edges (same pair, different relations) are separate <edge>s.
// Gephi merges edges with the same source, target and kind unless told
// "Don't merge": the strict flavour gives every edge the same (empty) kind,
// so in Gephi pick "Don't merge" or use the Gephi flavour.
//
// The Gephi flavour (kGraphmlGephi) adds what Gephi reads and strict
// GraphML cannot hold, for Gephi and Neo4j APOC:
//   - the relation as the non-standard XML attribute <edge label="accuses">,
//     Gephi's edge kind (so different relations between the same pair stay
//     apart) and APOC's relationship type;
//   - Gephi's reserved node keys size (NodeSize(): 10 + 4 log2(1 +
//     mentions), to 0.1) and r, g, b (NodeColor(): one colour per node
//     kind), and edge keys r, g, b (RelationColor(): one colour per
//     relation), from the palette every format shares (palette.h).
// The label= attribute is NOT valid against the GraphML XSD, so the Gephi
// flavour is not schema-valid; NetworkX, igraph and graphology ignore it
// (and read size, r, g, b as ordinary data).
//
// Text is repaired as exporters.h says, and escaped: & < > " ' as entities,
// CR as &#13; so that it survives parsing.
#ifndef NEWSGRAPH_EXPORTERS_GRAPHML_WRITER_H_
#define NEWSGRAPH_EXPORTERS_GRAPHML_WRITER_H_

#include <ostream>

#include "exporters/exporters.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {

enum class GraphmlFlavour { kStrict, kGephi };

// Writes `graph` to `out` as GraphML. Returns Ok after flushing `out`, or
// "graphml: write failed: <reason>" when the stream fails. Thread-safe for
// concurrent calls on the same unmodified graph.
Status WriteGraphml(const KnowledgeGraph& graph, GraphmlFlavour flavour,
                    const ExportOptions& options, std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_GRAPHML_WRITER_H_
