// CoreferenceStage: mentions that name an entity without its name:
// pronouns (he, she, it, they and their possessives) to the nearest
// compatible antecedent, "the minister"/"the spokeswoman" to the nearest
// official with that role, "the country"/"the government" to the country in
// focus. Adds EntityMentions with coreference = true. Stateless.
#ifndef NEWSGRAPH_EXTRACTORS_COREFERENCE_H_
#define NEWSGRAPH_EXTRACTORS_COREFERENCE_H_

#include "extractors/pipeline.h"

namespace newsgraph {

class CoreferenceStage : public Stage {
 public:
  std::string Name() const override { return "coreference"; }
  std::vector<std::string> Requires() const override { return {layer::kEntities}; }
  std::vector<std::string> Provides() const override { return {layer::kCoreference}; }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_COREFERENCE_H_
