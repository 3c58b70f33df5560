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

#include <cstdint>
#include <string>
#include <utility>
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

  // A trigger with the surface forms of its words as ids of form_ids_, so
  // that a token is compared by one integer, not by strings.
  struct IndexedTrigger {
    const RelationTrigger* trigger;
    size_t words;  // how many words the trigger has
    // For each word after the first, the ids of its surface forms.
    std::vector<std::vector<uint32_t>> later_forms;
  };
  // A trigger whose words follow a token, with the token of its last word.
  using Match = std::pair<const IndexedTrigger*, size_t>;

 private:
  // The triggers whose words follow token i of the sentence in order, with
  // short gaps, each with the token of its last word: the longest first.
  // `ids` holds the form_ids_ of the sentence's tokens, by token index (0:
  // no form). Fills *matches (cleared first).
  void Matches(const std::vector<uint32_t>& ids, const Sentence& sentence,
               const Document& doc, size_t i,
               std::vector<Match>* matches) const;

  // Every surface form of every word of a trigger -> its id (1, 2 ...).
  WordTable form_ids_;
  // By id of a first word's form: the triggers starting with it, the
  // longest first (stable, so in lexicon order among equals); empty for the
  // forms that only later words have.
  std::vector<std::vector<IndexedTrigger>> by_first_form_;
  // By id: 1 for a form of a word after the first of some trigger.
  std::vector<uint8_t> is_later_form_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_RELATION_EXTRACTOR_H_
