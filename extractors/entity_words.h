// EntityWords: the closed word lists the entity rules test tokens against
// (words that never start a name, organization heads, role words ...) and
// the first words of the lexicon's phrases and titles, as one table of bits.
//
// The rules ask about the same token many times; EntityWords answers every
// question about a token with one lookup, made once per token by Classify().
// Built from a LexiconData it does not keep; immutable afterwards, so any
// number of threads may read it.
#ifndef NEWSGRAPH_EXTRACTORS_ENTITY_WORDS_H_
#define NEWSGRAPH_EXTRACTORS_ENTITY_WORDS_H_

#include <cstdint>
#include <vector>

#include "extractors/document.h"
#include "extractors/lexicon_data.h"
#include "extractors/word_table.h"

namespace newsgraph {

// What a token is, as bits of a uint32_t. The word lists hold lowercase
// words; a token is in a list when its lowercase text is.
namespace entity_word {
enum : uint32_t {
  kUpper = 1u << 0,         // StartsUpper(token)
  kWordShape = 1u << 1,     // TokenShape::kWord
  kNotName = 1u << 2,       // never in a person's name ("the", "ministry")
  kNotNameStart = 1u << 3,  // capitalized, yet no name ("Many")
  kOrgHead = 1u << 4,       // heads an organization's name ("institute")
  kGroupNoun = 1u << 5,     // an unnamed acting group ("hackers")
  kLocative = 1u << 6,      // before a place ("in", "near")
  kPreposition = 1u << 7,   // before no apposition's name ("to", "of")
  kRoleWord = 1u << 8,      // names a post ("minister", "chairman")
  kTitleWord = 1u << 9,     // ends a lowercase title ("envoy")
  kTitleStop = 1u << 10,    // ends a lowercase title's search ("the")
  kParticle = 1u << 11,     // inside a name ("bin", "van")
  kPhraseStart = 1u << 12,  // the first word of a gazetteer phrase
  kTitleStart = 1u << 13,   // the first word of a lexicon title
};
}  // namespace entity_word

class EntityWords {
 public:
  explicit EntityWords(const LexiconData& lexicon);

  // The bits of every token of `doc`, by token index (doc.tokens and
  // doc.lower_text must be filled).
  std::vector<uint32_t> Classify(const Document& doc) const;

  // What a lowercase phrase key (words joined by single spaces: "united
  // states") is to the lexicon's gazetteer.
  struct Phrase {
    bool prefix = false;  // the first words of a key, or a whole key
    bool key = false;     // a whole key
  };
  Phrase PhraseOf(std::string_view key) const;

 private:
  WordTable bits_;     // lowercase word -> entity_word bits
  WordTable phrases_;  // phrase key or its first words -> kPrefix | kKey
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_ENTITY_WORDS_H_
