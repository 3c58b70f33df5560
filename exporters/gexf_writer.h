// GEXF writer: the knowledge graph as one GEXF 1.3 document, the format
// Gephi reads best and Gephi Lite (graphology-gexf) loads. Valid against the
// GEXF 1.3 RelaxNG schema (not the 1.3 XSD, which rejects viz:*; see
// ../shared/FORMATS.md).
//
// Shape:
//   <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"
//         version="1.3">
//     <meta><creator>newsgraph</creator><description>...</description></meta>
//     <graph defaultedgetype="directed" [mode="dynamic" timeformat="date"]>
//       <attributes class="node" mode="static">...</attributes>
//       <attributes class="edge" mode="static">...</attributes>
//       <nodes count="N"><node id label>attvalues spells viz</node>...
//       <edges count="M"><edge id source target kind label weight>...
//
// Nodes: id (the graph's canonical id, "country:USA"), label, attributes
// type (Country, Official, Organization, Event), iri, aliases (joined with
// '|'), iso_code, wikidata, role, date, mentions (long), first_date,
// last_date; viz:color by node kind and viz:size by mentions, both from
// exporters/palette.h.
// Edges: id e0, e1 ... in the graph's sorted edge order; kind and label the
// relation name ("accuses": the kind keeps different relations between one
// pair apart in Gephi); weight the number of mentions; attributes relation,
// cameo, category, first_date, last_date, documents (long: how many),
// document_ids (joined with '|'), confidence (double: the highest of the
// kept evidence) and evidence (one mention per line, as in GraphML);
// viz:color by relation. An attribute is declared only when some element
// has a value for it, and a missing value is omitted, never written empty
// (graphology-gexf throws on an undeclared attribute). No attribute is
// named like a GEXF or graphology reserved name (label, weight, kind,
// color, size).
//
// Time: when any date is known the graph is dynamic (timeformat="date") and
// Gephi's timeline replays the story. An edge lives from its first to its
// last date; a node from its first to its last mention, widened to its
// event date and to every dated edge it has, so that no edge is on stage
// while one of its ends is not. Spells hold xsd:dates only: a partial date
// covers its whole period ("2014-11" starts 2014-11-01 and ends 2014-11-30,
// "2014" is the year), and a date that is not ISO (nor an ISO date-time,
// whose date part is taken) is left out of the spell; the attributes keep
// every date as written. An element without a known date has no spell, and
// Gephi shows it throughout.
//
// Node ids are written as they are (GEXF ids are strings), repaired like
// all text; should two ids repair to the same text (invalid UTF-8 only),
// the later gets a "_2", "_3" ... suffix. Text is repaired as exporters.h
// says and escaped for XML.
#ifndef NEWSGRAPH_EXPORTERS_GEXF_WRITER_H_
#define NEWSGRAPH_EXPORTERS_GEXF_WRITER_H_

#include <ostream>

#include "exporters/exporters.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {

// Writes `graph` to `out` as GEXF 1.3. Returns Ok after flushing `out`, or
// "gexf: write failed: <reason>" when the stream fails. Thread-safe for
// concurrent calls on the same unmodified graph.
Status WriteGexf(const KnowledgeGraph& graph, const ExportOptions& options,
                 std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_GEXF_WRITER_H_
