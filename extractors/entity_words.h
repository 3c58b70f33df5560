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
inline constexpr uint32_t kUpper = 1u << 0;      // StartsUpper(token)
inline constexpr uint32_t kWordShape = 1u << 1;  // TokenShape::kWord
// Never in a person's name ("the", "ministry").
inline constexpr uint32_t kNotName = 1u << 2;
// Capitalized, yet no name ("Many").
inline constexpr uint32_t kNotNameStart = 1u << 3;
// Heads an organization's name ("institute").
inline constexpr uint32_t kOrgHead = 1u << 4;
// An unnamed acting group ("hackers").
inline constexpr uint32_t kGroupNoun = 1u << 5;
// Before a place ("in", "near").
inline constexpr uint32_t kLocative = 1u << 6;
// Before no apposition's name ("to", "of").
inline constexpr uint32_t kPreposition = 1u << 7;
// Names a post ("minister", "chairman").
inline constexpr uint32_t kRoleWord = 1u << 8;
// Ends a lowercase title ("envoy").
inline constexpr uint32_t kTitleWord = 1u << 9;
// Ends a lowercase title's search ("the").
inline constexpr uint32_t kTitleStop = 1u << 10;
// Inside a name ("bin", "van").
inline constexpr uint32_t kParticle = 1u << 11;
// The first word of a gazetteer phrase.
inline constexpr uint32_t kPhraseStart = 1u << 12;
// The first word of a lexicon title.
inline constexpr uint32_t kTitleStart = 1u << 13;
}  // namespace entity_word

class EntityWords {
 public:
  explicit EntityWords(const LexiconData& lexicon);

  // The bits of every token of `doc`, by token index (doc.tokens and
  // doc.lower_tokens must be filled).
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
