// The ids under which a writer whose ids are free text (GEXF, CSV) writes
// the graph's nodes. Internal to exporters/.
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_NODE_IDS_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_NODE_IDS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace exporters_internal {

// Each node's own id, repaired as AppendCleanText() does. Ids that differ
// only in what the repair replaces (invalid UTF-8, controls) would collide:
// the later ones in `nodes` get "_2", "_3" ... until unique. With `nodes`
// sorted (KnowledgeGraph::Nodes()) the result does not depend on the order
// the graph was built in. A graph built by the extractors needs no repair,
// and then the ids are the graph's.
class RepairedNodeIds {
 public:
  explicit RepairedNodeIds(const std::vector<const Node*>& nodes);

  // The id to write for `node`, one of the nodes given to the constructor.
  std::string_view Get(const Node* node) const {
    if (renamed_.empty()) return node->id;
    auto it = renamed_.find(node);
    return it == renamed_.end() ? std::string_view(node->id) : it->second;
  }

 private:
  std::unordered_map<const Node*, std::string> renamed_;
};

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_NODE_IDS_H_
