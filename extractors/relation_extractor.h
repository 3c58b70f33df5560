// RelationStage: interaction relations between the entities of a sentence,
// from the trigger words of relations.tsv.
//
// Frames: subject-verb-object ("Japan accused China"), verb + preposition
// ("called on Iran to"), passive ("was condemned by the EU"), nouns
// ("Washington's accusations against Pyongyang"), and attribution ("the FBI
// said North Korea was behind the attack": FBI accuses North Korea).
// Coordinated subjects and objects give one edge each. No relation where
// the sentence negates, denies, questions or hedges it. Holds an index of
// the triggers built once; Run() is const and thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_RELATION_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACTORS_RELATION_EXTRACTOR_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "extractors/lexicon_data.h"
#include "extractors/pipeline.h"
#include "extractors/word_table.h"

namespace newsgraph {

class RelationStage : public Stage {
 public:
  explicit RelationStage(const LexiconData& lexicon);
  std::string Name() const override { return "relations"; }
  std::vector<std::string> Requires() const override {
    return {layer::kEntities, layer::kCoreference, layer::kEvents};
  }
  std::vector<std::string> Provides() const override { return {layer::kRelations}; }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;

  struct IndexedTrigger {
    const RelationTrigger* trigger;
    // Surface forms of each word of the trigger.
    std::vector<std::vector<std::string>> forms;
  };

 private:
  // The triggers whose words follow token i of the sentence in order, with
  // short gaps, each with the token of its last word: the longest first.
  std::vector<std::pair<const IndexedTrigger*, size_t>> Matches(const Document& doc,
                                                                const Sentence& sentence,
                                                                size_t i) const;

  // Surface form of a first word -> triggers starting with it.
  std::unordered_map<std::string, std::vector<IndexedTrigger>> index_;
  // The keys of index_ (bits 1), for the quick test at every token.
  WordTable first_forms_;
  // The forms of every later word of every trigger (bits 1): most tokens
  // after a first word are none, and need no search of a trigger's forms.
  WordTable later_forms_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_RELATION_EXTRACTOR_H_
