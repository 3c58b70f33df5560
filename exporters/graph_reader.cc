#include "exporters/graph_reader.h"

#include <string>

namespace newsgraph {

StatusOr<KnowledgeGraph> ReadGraph(std::string_view name,
                                   std::string_view bytes,
                                   size_t evidence_limit) {
  (void)bytes;
  (void)evidence_limit;
  return Status::Error(std::string(name) + ":1: reading graphs is not implemented yet");
}

}  // namespace newsgraph
