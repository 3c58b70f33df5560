// EntityWords: the closed word lists the entity rules test tokens against
// (words that never start a name, organization heads, role words ...), the
// lexicon's gazetteer phrases and titles, and the common nouns of a
// country's bodies ("foreign ministry").
//
// The rules ask about the same token many times; EntityWords answers every
// question about a token with one lookup, made once per token by Classify():
// the token's bits, and the id of its word when a phrase, title or body has
// that word. Phrases and titles are then tries over word ids, so matching
// one at a token builds no string. Built from a LexiconData it does not
// keep (it copies the gazetteer entries and titles it hands out);
// immutable afterwards, so any number of threads may read it.
#ifndef NEWSGRAPH_EXTRACTORS_ENTITY_WORDS_H_
#define NEWSGRAPH_EXTRACTORS_ENTITY_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/document.h"
#include "extractors/lexicon_data.h"
#include "extractors/phrase_trie.h"
#include "extractors/word_table.h"

namespace newsgraph {

// What a token is, as bits of a uint32_t. The word lists hold lowercase
// words; a token is in a list when its lowercase text is. See
// EntityWords::Classify for which bits a token has before it is complete.
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
  // The first word of a gazetteer phrase, at a token that can start one: a
  // token whose first byte is a lowercase ASCII letter never has this bit,
  // as it neither has a capital (which a phrase not matched by case needs)
  // nor spells an all-capitals one (which one matched by case needs).
  kPhraseStart = 1u << 12,
  kTitleStart = 1u << 13,   // the first word of a lexicon title
  kComma = 1u << 14,        // ","
  kLongAllUpper = 1u << 15,  // AllUpper(token) and longer than 3 bytes
  kBodyStart = 1u << 16,    // the first word of a body of bodies()
  kSurname = 1u << 17,      // a key of the lexicon's surnames
  kHouse = 1u << 18,        // "house" (of Commons ...), a head like kOrgHead
  // The bits above are of a token's word (kIdShift is above them); these
  // are of the token itself.
  // Not a class: set by the entity rules on a token inside a mention.
  kCovered = 1u << 29,
  // kWordShape and kUpper, and not kNotName nor kLongAllUpper: the token
  // may be part of a person's name.
  kNameWord = 1u << 30,
  // Not a class: the token's word was looked up in the whole table, so it
  // has all its bits and its id.
  kComplete = 1u << 31,
  // The bits every token has from Classify(), complete or not: the ones
  // asked of nearly every token (whether it may open a mention, whether it
  // goes on a name).
  kEager = kUpper | kWordShape | kLongAllUpper | kNameWord | kPhraseStart | kTitleStart |
           kGroupNoun | kTitleWord | kComma | kParticle | kCovered,
};
}  // namespace entity_word

class EntityWords {
 public:
  explicit EntityWords(const LexiconData& lexicon);

  // Fills (*bits)[i] with the bits of token i of `doc` and (*ids)[i] with
  // the id of its lowercase word, 0 when no phrase, title or body has that
  // word (the segmenter's layers must be filled). Both vectors are resized
  // to the tokens, so a caller may reuse them from one document to the
  // next.
  //
  // Most tokens are lowercase words, and of those only a few words matter
  // to the rules that try every token (entity_word::kEager): a token whose
  // first byte is a lowercase ASCII letter gets only its kEager bits, from
  // a small table that rules nearly every word out at once, and no id yet
  // ((*ids)[i] is left as it was); every other token is looked up in full
  // and marked kComplete. Complete() fills in the rest of a token, its id
  // too, when a rule asks for it.
  void Classify(const Document& doc, std::vector<uint32_t>* bits,
                std::vector<uint32_t>* ids) const;

  // Completes token i of `doc`, which Classify() left incomplete: adds its
  // other bits and kComplete to *bits, and sets *id.
  void Complete(const Document& doc, size_t i, uint32_t* bits, uint32_t* id) const;

  // ---- Gazetteer phrases: a trie walked from PhraseTrie::kRoot.
  // The node of `node`'s words followed by `word` (an id from Classify),
  // or PhraseTrie::kNone when no gazetteer phrase begins so.
  uint32_t NextPhrase(uint32_t node, uint32_t word) const {
    return phrases_.Next(node, word);
  }
  // What the phrase of `node` names (none for a node that only begins
  // phrases), in the lexicon's order.
  struct Entries {
    const GazetteerEntry* first = nullptr;
    const GazetteerEntry* last = nullptr;
    const GazetteerEntry* begin() const { return first; }
    const GazetteerEntry* end() const { return last; }
    bool empty() const { return first == last; }
  };
  Entries EntriesOf(uint32_t node) const {
    const std::pair<uint32_t, uint32_t>& range = phrase_entries_[node];
    return {entries_.data() + range.first, entries_.data() + range.second};
  }

  // ---- Lexicon titles: a trie walked from PhraseTrie::kRoot.
  uint32_t NextTitle(uint32_t node, uint32_t word) const {
    return titles_.Next(node, word);
  }
  // The first lexicon title whose words are those of `node`, or null.
  const TitleEntry* TitleOf(uint32_t node) const {
    const int32_t index = title_of_node_[node];
    return index < 0 ? nullptr : &titles_list_[index];
  }

  // ---- A country's bodies named by a common noun after the country
  // ("China's foreign ministry"), in order of preference.
  struct Body {
    std::string phrase;           // lowercase words ("foreign ministry")
    std::string canonical;        // the body's slug ("foreign-ministry")
    std::vector<uint32_t> words;  // the ids of the phrase's words
  };
  const std::vector<Body>& bodies() const { return bodies_; }

 private:
  // Bits of a word in bits_: its entity_word bits below kIdShift, its id
  // above, or kIdMask when the id is too large to fit (then in big_ids_).
  static constexpr int kIdShift = 19;
  static constexpr uint32_t kIdMask = 0x1FFFu;
  static constexpr uint32_t kClassMask = (1u << kIdShift) - 1;
  static_assert(entity_word::kHouse < (1u << kIdShift), "a class bit holds an id bit");
  // The id of `word`, given one if it has none.
  uint32_t IdOf(const std::string& word);

  // The id in a word's bits_ (reading big_ids_ when it is too large).
  uint32_t IdIn(uint32_t found, std::string_view word) const {
    const uint32_t id = found >> kIdShift;
    return id == kIdMask ? big_ids_.Find(word) : id;
  }

  WordTable bits_;     // lowercase word -> entity_word bits | id << kIdShift
  // bits_.Find() and eager_.Find() of each one-byte word, by its byte: the
  // commonest tokens (",", ".", "a") are read, not hashed.
  uint32_t one_byte_bits_[256] = {};
  uint32_t one_byte_eager_[256] = {};
  WordTable eager_;    // lowercase word -> its entity_word::kEager bits
  WordTable big_ids_;  // lowercase word -> id, for ids of kIdMask and more
  uint32_t next_id_ = 1;
  PhraseTrie phrases_;
  std::vector<GazetteerEntry> entries_;
  std::vector<std::pair<uint32_t, uint32_t>> phrase_entries_;  // by node
  PhraseTrie titles_;
  std::vector<TitleEntry> titles_list_;
  std::vector<int32_t> title_of_node_;  // by node: in titles_list_ or -1
  std::vector<Body> bodies_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_ENTITY_WORDS_H_
