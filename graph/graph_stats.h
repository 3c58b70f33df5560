// GraphStats: what a knowledge graph holds, in numbers a person reads at a
// glance: nodes and edges by kind, the most connected actors, the most
// frequent relations between pairs, the date range. Format-free: the
// `newsgraph stats` command reads a file into a KnowledgeGraph and prints
// these as text or JSON.
//
// Everything is computed from the graph's sorted views, with every tie
// broken by id, so the same graph gives the same statistics however it was
// built. A GraphStats points into the graph it was computed from, which
// must outlive it. Computing is thread-safe for concurrent calls on the
// same unmodified graph.
#ifndef NEWSGRAPH_GRAPH_GRAPH_STATS_H_
#define NEWSGRAPH_GRAPH_GRAPH_STATS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/schema.h"

namespace newsgraph {

struct GraphStats {
  uint64_t documents = 0;  // the graph's document count
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint64_t mentions = 0;  // the sum of every edge's weight

  // Every node kind, in schema order, with how many nodes have it (zero
  // included).
  struct KindCount {
    NodeKind kind;
    uint64_t nodes = 0;
  };
  std::vector<KindCount> nodes_by_kind;

  // Every relation, in schema order, with its edges and their mentions.
  struct RelationCount {
    RelationKind relation;
    uint64_t edges = 0;
    uint64_t mentions = 0;
  };
  std::vector<RelationCount> edges_by_relation;

  // The most connected actors (countries, officials, organizations: not
  // events), by weighted degree over interaction relations: the mentions
  // of every interaction edge that starts or ends at the actor. Structural
  // links (an official's affiliation, a body's parent) say who someone is,
  // not what they did, and are left out. Ordered by weighted degree, then
  // by more distinct edges, then by id; actors with no interaction are not
  // listed.
  struct Actor {
    const Node* node = nullptr;
    uint64_t weighted_degree = 0;  // mentions_out + mentions_in
    uint64_t mentions_out = 0;     // as the source: what it did
    uint64_t mentions_in = 0;      // as the target: what was done to it
    uint64_t edges = 0;            // distinct interaction edges
  };
  std::vector<Actor> top_actors;

  // The most frequent relations between pairs: interaction edges by
  // weight, then by (source id, relation, target id).
  std::vector<KnowledgeGraph::EdgeView> top_relations;

  // The earliest and latest date the graph knows (node mentions, event
  // dates, edge dates), compared as ISO text; empty when it knows none.
  std::string first_date;
  std::string last_date;
};

// The statistics of `graph`, listing at most `top` actors and `top`
// relations (0 lists none).
GraphStats ComputeStats(const KnowledgeGraph& graph, size_t top);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_GRAPH_STATS_H_
