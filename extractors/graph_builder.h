// GraphBuilderStage: the last stage. Turns the document's entities, events,
// affiliations and relation candidates into nodes and edges of the graph,
// each edge with its evidence (document, sentence, byte span, trigger,
// rule, confidence, date). Stateless, so thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_GRAPH_BUILDER_H_
#define NEWSGRAPH_EXTRACTORS_GRAPH_BUILDER_H_

#include "extractors/pipeline.h"

namespace newsgraph {

class GraphBuilderStage : public Stage {
 public:
  std::string Name() const override { return "graph-builder"; }
  std::vector<std::string> Requires() const override {
    return {layer::kEntities, layer::kRelations, layer::kEvents, "relation-events"};
  }
  std::vector<std::string> Provides() const override { return {}; }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_GRAPH_BUILDER_H_
