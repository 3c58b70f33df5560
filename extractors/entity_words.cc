#include "extractors/entity_words.h"

#include <initializer_list>

#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

struct WordList {
  uint32_t bit;
  std::initializer_list<const char*> words;
};

// Bits of EntityWords::phrases_.
constexpr uint32_t kPrefix = 1;
constexpr uint32_t kKey = 2;

// The lists read best filled line by line.
// clang-format off
const WordList kLists[] = {
    {entity_word::kLocative,
     {"in", "at", "near", "outside", "to", "from", "into", "around", "across",
      "via", "inside", "toward", "towards"}},
    // Capitalized words that never start or continue a person's name.
    {entity_word::kNotName,
     {"the", "a", "an", "on", "in", "at", "of", "and", "or", "but", "for",
      "to", "by", "with", "from", "as", "said", "says", "told", "has", "had",
      "is", "was", "will", "would", "who", "which", "that", "this", "these",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december",
      "he", "she", "it", "they", "his", "her", "its", "their", "we", "i",
      "mr", "mr.", "mrs.", "ms.", "dr.", "after", "before", "during", "when",
      "while", "also", "if", "since", "government", "ministry", "office",
      "department", "administration", "state", "house", "council", "party",
      "today", "yesterday", "tonight", "tomorrow", "last", "this", "next"}},
    // Words that head a capitalized organization name.
    {entity_word::kOrgHead,
     {"institute", "agency", "corporation", "corp.", "party", "council",
      "ministry", "department", "commission", "committee", "bank",
      "university", "company", "group", "organization", "organisation",
      "association", "union", "court", "parliament", "assembly", "army",
      "navy", "guard", "police", "service", "office", "bureau", "fund",
      "foundation", "authority", "front", "movement", "forces", "force",
      "conference", "alliance", "federation", "institution", "center",
      "centre", "academy", "administration", "network", "inc.", "ltd",
      "ltd.", "co.", "airlines", "airline", "air", "times", "post",
      "news", "daily", "tribune", "herald", "journal", "press", "radio",
      "television", "brigade", "brigades", "cabinet", "senate", "congress",
      "secretariat", "board", "programme", "program", "entertainment",
      "forum", "initiative", "mission", "coalition", "league", "society",
      "guards", "corps", "directorate", "electronics", "technology",
      "technologies", "industries", "holdings", "systems"}},
    // Capitalized sentence-initial words that are not part of a name.
    {entity_word::kNotNameStart,
     {"many", "some", "several", "all", "both", "other", "most", "few",
      "each", "every", "those", "our", "new", "former", "top", "senior",
      "another", "two", "three", "four", "five", "ten", "members",
      "according", "under", "without", "despite", "although", "though",
      "however", "meanwhile", "speaking", "asked", "earlier", "later", "then",
      "now", "there", "here", "what", "why", "how", "where", "whether", "not",
      "no", "more", "less"}},
    // Plural nouns for unnamed groups that can act ("the hackers threatened").
    {entity_word::kGroupNoun,
     {"hackers", "protesters", "protestors", "militants", "rebels",
      "insurgents", "gunmen", "separatists", "demonstrators", "attackers",
      "terrorists", "jihadists", "pirates", "rioters", "extremists",
      "assailants", "activists", "smugglers"}},
    {entity_word::kPreposition,
     {"to", "in", "at", "of", "from", "on", "for", "with", "by", "abandon"}},
    {entity_word::kRoleWord,
     {"minister", "spokeswoman", "spokesman", "spokesperson", "president",
      "vice-president", "director", "chairman", "chairwoman", "leader",
      "secretary", "ambassador", "envoy", "official", "adviser", "advisor",
      "chief", "head", "commander", "general", "governor", "senator",
      "deputy", "premier", "chancellor", "king", "queen", "professor",
      "analyst", "researcher", "expert", "editor", "executive", "ceo",
      "founder", "mayor", "lawmaker", "legislator", "diplomat", "counsellor",
      "commissioner", "representative", "prosecutor", "judge", "negotiator",
      "constable", "aide", "counterpart", "officer"}},
    // Lexicon title words that lowercase modifiers make a title of
    // ("energy minister", "deputy trade minister").
    {entity_word::kTitleWord,
     {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
      "ambassador", "envoy", "commissioner", "adviser", "advisor"}},
    {entity_word::kTitleStop, {"the", "a", "an", "and", "of"}},
    // "bin Salman", "van der Leyen": parts of a name under way.
    {entity_word::kParticle,
     {"bin", "ibn", "van", "von", "der", "de", "da", "di", "del", "la", "le",
      "abu", "al"}},
};
// clang-format on

}  // namespace

EntityWords::EntityWords(const LexiconData& lexicon) {
  for (const WordList& list : kLists) {
    for (const char* word : list.words) bits_.Add(word, list.bit);
  }
  for (const std::string& prefix : lexicon.phrase_prefixes) {
    if (prefix.find(' ') == std::string::npos) {
      bits_.Add(prefix, entity_word::kPhraseStart);
    }
  }
  for (const auto& [word, titles] : lexicon.titles_by_first_word) {
    bits_.Add(word, entity_word::kTitleStart);
  }
  for (const std::string& prefix : lexicon.phrase_prefixes) {
    phrases_.Add(prefix, kPrefix);
  }
  for (const auto& [key, entries] : lexicon.gazetteer) phrases_.Add(key, kKey);
}

EntityWords::Phrase EntityWords::PhraseOf(std::string_view key) const {
  const uint32_t bits = phrases_.Find(key);
  Phrase phrase;
  phrase.prefix = (bits & kPrefix) != 0;
  phrase.key = (bits & kKey) != 0;
  return phrase;
}

std::vector<uint32_t> EntityWords::Classify(const Document& doc) const {
  std::vector<uint32_t> bits(doc.tokens.size(), 0);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    bits[i] = bits_.Find(doc.LowerTokenText(i));
    if (StartsUpper(doc.TokenText(i))) bits[i] |= entity_word::kUpper;
    if (doc.tokens[i].shape == TokenShape::kWord) {
      bits[i] |= entity_word::kWordShape;
    }
  }
  return bits;
}

}  // namespace newsgraph
