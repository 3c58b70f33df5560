// Prefetching for the writers' pass over the edges. Internal to exporters/.
//
// Writers visit edges in id order, not in the order their memory was
// allocated, so on a large graph nearly every edge (and its document set,
// CAMEO counts, evidence and target node) is a cache miss. Asking for the
// memory a few edges ahead overlaps those misses with the writing.
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_PREFETCH_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_PREFETCH_H_

#include <cstddef>
#include <vector>

#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace exporters_internal {

// Call once per edge, with `i` the index of the edge about to be written.
inline void PrefetchEdgesAhead(
    const std::vector<KnowledgeGraph::EdgeView>& edges, size_t i) {
  constexpr size_t kFar = 16;  // the edge and its nodes
  constexpr size_t kNear = 6;  // what they point to
  if (i + kFar < edges.size()) {
    const KnowledgeGraph::EdgeView& far = edges[i + kFar];
    __builtin_prefetch(far.edge);
    __builtin_prefetch(far.target);
  }
  if (i + kNear < edges.size()) {
    const KnowledgeGraph::EdgeView& near = edges[i + kNear];
    const Edge& e = *near.edge;
    __builtin_prefetch(near.target->id.data());
    if (!e.documents.empty()) __builtin_prefetch(&*e.documents.begin());
    if (!e.cameo_counts.empty()) __builtin_prefetch(&*e.cameo_counts.begin());
    if (!e.evidence.empty()) __builtin_prefetch(e.evidence.data());
  }
}

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_PREFETCH_H_
