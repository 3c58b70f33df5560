#include "exporters/internal/node_ids.h"

#include <unordered_set>

#include "exporters/internal/text.h"

namespace newsgraph {
namespace exporters_internal {

RepairedNodeIds::RepairedNodeIds(const std::vector<const Node*>& nodes) {
  std::unordered_set<std::string> used;
  std::vector<std::pair<const Node*, std::string>> repaired;
  for (const Node* node : nodes) {
    std::string clean;
    AppendCleanText(node->id, &clean);
    if (clean == node->id) {
      used.insert(std::move(clean));
    } else {
      repaired.emplace_back(node, std::move(clean));
    }
  }
  for (auto& [node, base] : repaired) {
    std::string candidate = base;
    for (uint64_t n = 2; used.count(candidate) > 0; ++n) {
      candidate = base + "_" + std::to_string(n);
    }
    used.insert(candidate);
    renamed_.emplace(node, std::move(candidate));
  }
}

}  // namespace exporters_internal
}  // namespace newsgraph
