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

  // A trigger, with where to find the ids (in later_forms_) of the surface
  // forms of its later words: a token is compared by one integer, not by
  // strings, and the triggers of a first word lie together in memory.
  struct IndexedTrigger {
    const RelationTrigger* trigger;
    uint32_t words;       // how many words the trigger has
    uint32_t later_word;  // its second word in later_words_, if any
  };
  // A trigger whose words follow a token, with the token of its last word.
  using Match = std::pair<const IndexedTrigger*, size_t>;

 private:
  static constexpr uint32_t kNotLookedUp = ~uint32_t{0};

  // The triggers whose first word is the form `first` of first_forms_ at
  // token i and whose later words follow in the sentence in order, with
  // short gaps, each with the token of its last word: the longest first.
  // Fills *matches (cleared first). `later` holds later_forms_ ids by
  // token, or kNotLookedUp; looks up and keeps those it needs.
  void Matches(const Document& doc, const Sentence& sentence, size_t i,
               uint32_t first, std::vector<uint32_t>* later,
               std::vector<Match>* matches) const;

  // The surface forms of first words -> their index in by_first_form_
  // (1, 2 ...). Looked up at every token, so it holds only these: the
  // words that only follow ("to", "with", "on"), frequent as they are,
  // are rejected by its quick test.
  WordTable first_forms_;
  // The surface forms of later words -> their id (1, 2 ...).
  WordTable later_forms_;
  // The triggers, by the id of their first word's form, the longest first
  // (stable, so in lexicon order among equals); a trigger whose first word
  // has several forms is there once for each.
  std::vector<IndexedTrigger> triggers_;
  // By id of a first word's form: its triggers, [begin, end) of triggers_.
  std::vector<std::pair<uint32_t, uint32_t>> by_first_form_;
  // Each later word of each trigger: [begin, end) of later_ids_.
  std::vector<std::pair<uint32_t, uint32_t>> later_words_;
  // The ids of every later word's surface forms, word after word.
  std::vector<uint32_t> later_ids_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_RELATION_EXTRACTOR_H_
