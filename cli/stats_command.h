// `newsgraph stats`: reads a graph file newsgraph wrote and prints what it
// holds (graph/graph_stats.h), as text for people or as JSON for scripts.
#ifndef NEWSGRAPH_CLI_STATS_COMMAND_H_
#define NEWSGRAPH_CLI_STATS_COMMAND_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "cli/args.h"
#include "graph/graph_stats.h"

namespace newsgraph {
namespace cli {

// Reads options.input (GraphML or JSON-LD that newsgraph wrote; .gz, or "-"
// for standard input), prints its statistics to `out` and returns kExitOk;
// or prints "newsgraph: error: FILE:LINE: reason" to `err` and returns
// kExitFailed when the file cannot be read or is not such a graph.
int RunStats(const StatsOptions& options, std::FILE* out, std::FILE* err);

// The statistics as text, for `name` (the file as the user named it):
//   samples.graphml: 9 documents, 86 nodes, 119 edges, 203 mentions
//   dates: 2024-03-24 to 2025-03-13
// then the nodes by kind, the edges by relation (relations with no edge
// left out), the most connected actors and the most frequent relations,
// each a table under a title line. Labels have tabs and line breaks made
// spaces; a node without a label shows its id.
std::string StatsText(const GraphStats& stats, std::string_view name);

// The same as one JSON object (two-space indent, ending in a line break):
// {"file", "documents", "nodes", "edges", "mentions", "first_date",
//  "last_date" (null when unknown), "nodes_by_kind": {kind: count},
//  "edges_by_relation": {relation: {"edges", "mentions"}} (every kind and
//  relation, zero included), "top_actors": [{"id", "label", "type",
//  "weighted_degree", "mentions_out", "mentions_in", "edges"}],
//  "top_relations": [{"source", "source_label", "relation", "target",
//  "target_label", "mentions", "documents", "first_date", "last_date"}]}.
// Dates missing on a relation are null.
std::string StatsJson(const GraphStats& stats, std::string_view name);

}  // namespace cli
}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_STATS_COMMAND_H_
