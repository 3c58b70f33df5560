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

// Every cache line of `object` (an Edge spans several: its sets and maps
// lie beyond the first).
// The helpers are always inlined: as functions of their own GCC finds
// them free of side effects and drops the calls, prefetches and all.
#define NEWSGRAPH_PREFETCH_INLINE inline __attribute__((always_inline))

template <typename T>
NEWSGRAPH_PREFETCH_INLINE void PrefetchAll(const T* object) {
  const char* bytes = reinterpret_cast<const char*>(object);
  for (size_t offset = 0; offset < sizeof(T); offset += 64) {
    __builtin_prefetch(bytes + offset);
  }
}

// Call once per edge, with `i` the index of the edge about to be written.
NEWSGRAPH_PREFETCH_INLINE void PrefetchEdgesAhead(
    const std::vector<KnowledgeGraph::EdgeView>& edges, size_t i) {
  constexpr size_t kFar = 16;  // the edge and its nodes
  constexpr size_t kNear = 6;  // what they point to
  if (i + kFar < edges.size()) {
    const KnowledgeGraph::EdgeView& far = edges[i + kFar];
    PrefetchAll(far.edge);
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

// The lighter form for a pass that reads only each edge's relation and
// target id (JSON-LD's direct triples).
NEWSGRAPH_PREFETCH_INLINE void PrefetchTargetsAhead(
    const std::vector<KnowledgeGraph::EdgeView>& edges, size_t i) {
  constexpr size_t kFar = 16;
  constexpr size_t kNear = 6;
  if (i + kFar < edges.size()) {
    __builtin_prefetch(edges[i + kFar].edge);
    __builtin_prefetch(edges[i + kFar].target);
  }
  if (i + kNear < edges.size()) {
    __builtin_prefetch(edges[i + kNear].target->id.data());
  }
}

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_PREFETCH_H_
