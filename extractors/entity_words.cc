#include "extractors/entity_words.h"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

struct WordList {
  uint32_t bit;
  std::initializer_list<const char*> words;
};

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
    {entity_word::kComma, {","}},
    {entity_word::kHouse, {"house"}},
};

// A country's bodies named by a common noun after the country: phrase ->
// canonical body slug.
const std::pair<const char*, const char*> kBodies[] = {
    {"ministry of foreign affairs", "foreign-ministry"},
    {"foreign ministry", "foreign-ministry"},
    {"foreign office", "foreign-ministry"},
    {"ministry of external affairs", "foreign-ministry"},
    {"external affairs ministry", "foreign-ministry"},
    {"state department", "foreign-ministry"},
    {"defence ministry", "defence-ministry"},
    {"defense ministry", "defence-ministry"},
    {"ministry of defence", "defence-ministry"},
    {"ministry of defense", "defence-ministry"},
    {"commerce ministry", "commerce-ministry"},
    {"ministry of commerce", "commerce-ministry"},
    {"trade ministry", "trade-ministry"},
    {"finance ministry", "finance-ministry"},
    {"interior ministry", "interior-ministry"},
    {"justice ministry", "justice-ministry"},
    {"embassy", "embassy"},
    {"high commission", "high-commission"},
    {"coast guard", "coast-guard"},
    {"coastguard", "coast-guard"},
    {"military", "military"},
    {"armed forces", "military"},
    {"forces", "military"},
    {"troops", "military"},
    {"army", "army"},
    {"navy", "navy"},
    {"air force", "air-force"},
    {"parliament", "parliament"},
    {"police", "police"},
    {"intelligence", "intelligence"},
    {"security services", "intelligence"},
    {"state media", "state-media"},
    {"state news agency", "state-media"},
};
// clang-format on

// The words of a phrase of single-space-separated words.
std::vector<std::string> SplitWords(const std::string& phrase) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= phrase.size()) {
    size_t end = phrase.find(' ', start);
    if (end == std::string::npos) end = phrase.size();
    words.push_back(phrase.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

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
  for (const auto& [word, ids] : lexicon.surnames) bits_.Add(word, entity_word::kSurname);
  // The eager bits of lowercase words (kPhraseStart is never one of them).
  constexpr uint32_t kEagerWords = entity_word::kEager & ~entity_word::kPhraseStart;
  for (const WordList& list : kLists) {
    if ((list.bit & kEagerWords) == 0) continue;
    for (const char* word : list.words) eager_.Add(word, list.bit);
  }
  for (const auto& [word, titles] : lexicon.titles_by_first_word) {
    eager_.Add(word, entity_word::kTitleStart);
  }

  phrase_entries_.resize(1);
  std::vector<uint32_t> ids;
  for (const auto& [key, entries] : lexicon.gazetteer) {
    ids.clear();
    for (const std::string& word : SplitWords(key)) ids.push_back(IdOf(word));
    const uint32_t node = phrases_.Add(ids);
    if (phrase_entries_.size() < phrases_.size()) phrase_entries_.resize(phrases_.size());
    const uint32_t first = static_cast<uint32_t>(entries_.size());
    entries_.insert(entries_.end(), entries.begin(), entries.end());
    phrase_entries_[node] = {first, static_cast<uint32_t>(entries_.size())};
  }
  phrase_entries_.resize(phrases_.size());

  titles_list_ = lexicon.titles;
  for (size_t t = 0; t < titles_list_.size(); ++t) {
    ids.clear();
    for (const std::string& word : titles_list_[t].words) ids.push_back(IdOf(word));
    const uint32_t node = titles_.Add(ids);
    if (title_of_node_.size() < titles_.size()) title_of_node_.resize(titles_.size(), -1);
    // The first title of the same words is the one a match finds.
    if (title_of_node_[node] < 0) title_of_node_[node] = static_cast<int32_t>(t);
  }
  title_of_node_.resize(titles_.size(), -1);

  for (const auto& [phrase, canonical] : kBodies) {
    Body body;
    body.phrase = phrase;
    body.canonical = canonical;
    for (const std::string& word : SplitWords(body.phrase)) body.words.push_back(IdOf(word));
    bits_.Add(SplitWords(body.phrase).front(), entity_word::kBodyStart);
    bodies_.push_back(std::move(body));
  }
  // Last, once every word has its bits and id.
  for (int c = 0; c < 256; ++c) {
    const char byte = static_cast<char>(c);
    one_byte_bits_[c] = bits_.Find(std::string_view(&byte, 1));
    one_byte_eager_[c] = eager_.Find(std::string_view(&byte, 1));
  }
}

uint32_t EntityWords::IdOf(const std::string& word) {
  const uint32_t packed = bits_.Find(word) >> kIdShift;
  if (packed == kIdMask) return big_ids_.Find(word);
  if (packed != 0) return packed;
  const uint32_t id = next_id_++;
  if (id < kIdMask) {
    bits_.Add(word, id << kIdShift);
  } else {
    bits_.Add(word, kIdMask << kIdShift);
    big_ids_.Add(word, id);
  }
  return id;
}

void EntityWords::Classify(const Document& doc, std::vector<uint32_t>* bits,
                           std::vector<uint32_t>* ids) const {
  const size_t n = doc.tokens.size();
  bits->resize(n);
  ids->resize(n);
  // Plain pointers: the loop runs at every token of the corpus.
  const Token* tokens = doc.tokens.data();
  const char* text = doc.text.data();
  // Token spans index the lowercase text as they do the text (see
  // Document::lower_text): a token's lowercase word is read from it with
  // no bounds test.
  const char* lower = doc.lower_text.data();
  uint32_t* out_bits = bits->data();
  uint32_t* out_ids = ids->data();
  for (size_t i = 0; i < n; ++i) {
    const Token& token = tokens[i];
    const std::string_view word(text + token.span.begin, token.span.size());
    const std::string_view low(lower + token.span.begin, token.span.size());
    uint32_t b = token.shape == TokenShape::kWord ? uint32_t{entity_word::kWordShape} : 0;
    const unsigned char c = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
    if (c >= 'a' && c <= 'z') {
      // The id is set when the token is completed, not before.
      out_bits[i] = b | (word.size() == 1 ? one_byte_eager_[c] : eager_.Find(low));
      continue;
    }
    if (StartsUpper(word)) {
      b |= entity_word::kUpper;
      if (word.size() > 3 && AllUpper(word)) b |= entity_word::kLongAllUpper;
    }
    const uint32_t found =
        low.size() == 1 ? one_byte_bits_[static_cast<unsigned char>(low[0])] : bits_.Find(low);
    b |= (found & kClassMask) | entity_word::kComplete;
    constexpr uint32_t kName = entity_word::kWordShape | entity_word::kUpper;
    if ((b & (kName | entity_word::kNotName | entity_word::kLongAllUpper)) == kName) {
      b |= entity_word::kNameWord;
    }
    out_bits[i] = b;
    out_ids[i] = IdIn(found, low);
  }
}

void EntityWords::Complete(const Document& doc, size_t i, uint32_t* bits,
                           uint32_t* id) const {
  const std::string_view low = LowerToken(doc, i);
  const uint32_t found = bits_.Find(low);
  // Classify() left only tokens that start with a lowercase letter
  // incomplete, and those start no phrase (see kPhraseStart).
  *bits |= (found & kClassMask & ~entity_word::kPhraseStart) | entity_word::kComplete;
  *id = IdIn(found, low);
}

}  // namespace newsgraph
