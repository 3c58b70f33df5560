// Graph reader: reads back the graphs newsgraph itself wrote, as GraphML
// (both flavours) or JSON-LD, into a KnowledgeGraph.
//
// This is the reduce side of a sharded build: graphs of disjoint parts of a
// corpus are read back and Merge()d, and because every merge rule is
// commutative and associative, the result equals the graph one build over
// the whole corpus gives. For that, the writers carry everything the graph
// holds: nodes with every attribute, edges with weight, dates, the complete
// document list, the CAMEO code counts and the kept evidence, and the
// graph's document count. Files from other tools are not a goal: the reader
// expects newsgraph's keys and terms and refuses what it cannot restore.
//
// All functions here are thread-safe: they keep no state between calls.
#ifndef NEWSGRAPH_EXPORTERS_GRAPH_READER_H_
#define NEWSGRAPH_EXPORTERS_GRAPH_READER_H_

#include <cstddef>
#include <string_view>

#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace newsgraph {

// Reads the graph in `bytes`, a GraphML or JSON-LD document that
// newsgraph's writers produced; the format is told from the first
// non-blank byte ('<' GraphML, '{' JSON-LD). `name` is only used in
// messages (a file name, or "-" for standard input). The result has
// `evidence_limit` as its limit (0 keeps all): evidence beyond it is
// dropped as the graph would have dropped it.
//
// On success returns the graph: nodes, edges and the graph's document count
// as written. On failure returns an error whose message starts with the
// location, "name:line: reason" (line is 1-based, counted in `bytes`):
//   "shard-1.graphml:14: edge 'e3': unknown relation 'greets'"
//   "shard-2.jsonld:1: not a graph newsgraph wrote: no @graph"
StatusOr<KnowledgeGraph> ReadGraph(std::string_view name,
                                   std::string_view bytes,
                                   size_t evidence_limit);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_GRAPH_READER_H_
