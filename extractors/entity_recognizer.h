// EntityStage: finds the countries, officials and organizations a document
// names and links each mention to a canonical node id.
//
// Rules, in order of preference at each token: title + name officials
// ("Foreign Minister Wang Yi"), a country's body ("China's foreign
// ministry"), lexicon names (longest match; acronyms match only as
// written), capitalized names ending in an organization noun ("... Research
// Institute"), acronyms defined in the text ("... (APEC)"), appositions
// ("Hua Chunying, a Chinese foreign ministry spokeswoman"), and unnamed
// acting groups ("hackers"). Capitals are the country only where they do
// not name a place ("in Beijing" is a place). Holds the word classes of
// the lexicon it was built with (see entity_words.h); Run() is const and
// thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_ENTITY_RECOGNIZER_H_
#define NEWSGRAPH_EXTRACTORS_ENTITY_RECOGNIZER_H_

#include "extractors/entity_words.h"
#include "extractors/lexicon_data.h"
#include "extractors/pipeline.h"

namespace newsgraph {

class EntityStage : public Stage {
 public:
  explicit EntityStage(const LexiconData& lexicon) : words_(lexicon) {}
  std::string Name() const override { return "entities"; }
  std::vector<std::string> Requires() const override {
    return {layer::kTokens, layer::kSentences};
  }
  std::vector<std::string> Provides() const override { return {layer::kEntities}; }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;

 private:
  EntityWords words_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_ENTITY_RECOGNIZER_H_
