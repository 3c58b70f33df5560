// The parsed contents of the lexicons (see lexicons/README.md for the file
// formats). Filled by Lexicons::Add; immutable afterwards, so any number of
// threads may read it.
#ifndef NEWSGRAPH_EXTRACTORS_LEXICON_DATA_H_
#define NEWSGRAPH_EXTRACTORS_LEXICON_DATA_H_

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractors/word_table.h"
#include "graph/schema.h"

namespace newsgraph {

struct CountryEntry {
  std::string iso3;
  std::string label;
  std::string wikidata;
  std::vector<std::string> aliases;
  std::vector<std::string> seats;
  std::vector<std::string> demonyms;
};

struct OrganizationEntry {
  std::string id;
  std::string label;
  std::string wikidata;
  std::vector<std::string> aliases;
  std::string parent;  // ISO3 of a country or id of an organization
  std::string category;
};

struct OfficialEntry {
  std::string id;
  std::string label;
  std::string wikidata;
  std::vector<std::string> aliases;
  std::string role;
  std::string affiliation;  // ISO3 or organization id
  int from = 0;             // years in office; to == 0 while in office
  int to = 0;
};

struct TitleEntry {
  std::vector<std::string> words;  // lowercase tokens
  std::string title;               // as written in the lexicon
  std::string kind;                // government | organization | any
  bool head = false;               // head of state or government
};

enum class Frame {
  kSubjectVerbObject,    // X accused Y
  kSubjectVerbPrepObj,   // X called on Y: object after the phrase
  kNoun,                 // X's accusations against Y
  kAttribution,          // X said Y was behind ...: Y is the target
  kEvaluation,           // X called Y a provocation: Y is the target
  kMutual,               // X and Y clash / X clashed with Y: both ways
};

struct RelationTrigger {
  std::vector<std::string> words;  // lemmas, lowercase
  RelationKind relation = RelationKind::kConsults;
  std::string cameo;
  Frame frame = Frame::kSubjectVerbObject;
  double confidence = 0.8;
  std::string event;  // category of the happening the act is, or empty
};

struct EventTrigger {
  std::vector<std::string> words;  // lowercase
  std::string category;            // attack, meeting, call, vote ...
  std::string cameo;
};

// What a gazetteer phrase names.
struct GazetteerEntry {
  enum class How { kName, kSeat, kDemonym };
  NodeKind kind = NodeKind::kCountry;
  std::string key;  // ISO3, organization id or official id
  How how = How::kName;
  bool exact_case = false;  // acronyms match only as written ("US")
  std::string form;         // the phrase as written in the lexicon
  std::string exact_key;    // ExactPhraseKey(form): what exact_case matches
};

struct LexiconData {
  std::map<std::string, CountryEntry> countries;          // by ISO3
  std::map<std::string, OrganizationEntry> organizations;  // by id
  std::map<std::string, std::vector<OfficialEntry>> officials;  // by id
  std::vector<TitleEntry> titles;
  std::vector<RelationTrigger> relation_triggers;
  std::vector<EventTrigger> event_triggers;

  // Derived by Lexicons after every Add: lowercase phrase (tokens joined by
  // single spaces) -> what it may name.
  std::unordered_map<std::string, std::vector<GazetteerEntry>> gazetteer;
  size_t max_phrase_tokens = 1;
  // Every phrase key and each of its leading parts ("united", "united
  // states"), so a lookup stops as soon as no phrase can match.
  std::unordered_set<std::string> phrase_prefixes;
  // Lowercase first word -> indexes into titles / event_triggers.
  std::unordered_map<std::string, std::vector<size_t>> titles_by_first_word;
  std::unordered_map<std::string, std::vector<size_t>> events_by_first_word;
  // The same first words (bits 1), for the quick test at every token that
  // most words fail.
  WordTable event_first_words;
  // Surname (lowercase) -> official ids, for "Lavrov said".
  std::unordered_map<std::string, std::vector<std::string>> surnames;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_LEXICON_DATA_H_
