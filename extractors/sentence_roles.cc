#include "extractors/sentence_roles.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>
#include <utility>

#include "extractors/tokenizer.h"
#include "extractors/word_table.h"

namespace newsgraph {

namespace {

// What the predicates below ask of a word, as bits of one table: one
// lookup per question instead of a hashed std::string set each.
enum WordClass : uint32_t {
  kNegation = 1,  // negates, denies or hedges what follows
  kModal = 2,     // opens a clause after its subject ("it would")
  kPreposition = 4,
  kSpeechVerb = 8,
  kDeterminer = 16,
  kBe = 32,
  kBeforeVerb = 64,  // may stand between a subject and its verb
};

uint32_t ClassesOf(std::string_view w) {
  static const WordTable table = [] {
    WordTable t;
    const std::pair<WordClass, std::vector<const char*>> kWords[] = {
        {kNegation,
         {"not",        "n't",     "never",    "denied", "denies",  "deny",
          "denying",    "refused", "declined", "failed", "without", "unlikely",
          "if",         "whether", "yet",      "could",  "might",   "may",
          "reportedly", "plot",    "fictional"}},
        {kModal,
         {"will", "would", "could", "can", "may", "might", "must", "should",
          "had", "has", "was", "is"}},
        {kPreposition,
         {"in",      "at",     "of",      "from",   "for",     "with",  "to",
          "on",      "by",     "against", "over",   "about",   "after", "into",
          "between", "among",  "than",    "toward", "towards", "like",  "via",
          "under",   "before", "since",   "during"}},
        {kSpeechVerb,
         {"said",      "says",      "say",       "claimed",   "claims",
          "concluded", "concludes", "stated",    "states",    "added",
          "believes",  "believe",   "announced", "insisted",  "alleged",
          "alleges",   "asserted",  "told",      "confirmed", "determined",
          "found",     "blamed",    "accused",   "saying",    "adding",
          "stating",   "noting"}},
        {kDeterminer,
         {"the", "a", "an", "its", "their", "his", "her", "this", "these",
          "those", "that"}},
        {kBe, {"was", "were", "been", "is", "are", "be", "being"}},
        {kBeforeVerb,
         {"also", "then", "later", "again", "has", "have", "had", "will",
          "would", "is", "are", "was", "were", "in", "a", "an", "the", "to"}},
    };
    for (const auto& [word_class, words] : kWords) {
      for (const char* w : words) t.Add(w, word_class);
    }
    return t;
  }();
  return table.Find(w);
}

// A word that negates, denies or hedges what follows ("not", "denied",
// "could", "reportedly").
bool IsNegation(std::string_view w) { return ClassesOf(w) & kNegation; }

// An auxiliary or modal that opens a clause after its subject ("it
// would", "it has").
bool IsModal(std::string_view w) { return ClassesOf(w) & kModal; }

// The first token of mention m with its possessor ("Libya's General
// Khalifa Haftar" starts at "Libya").
size_t UnitStart(const SentenceView& x, int m) {
  size_t first = x.M(m).first_token;
  if (first >= x.s.first_token + 2 &&
      IsPossessive(x.doc.TokenText(first - 1))) {
    int owner = x.MentionAt(first - 2);
    if (owner >= 0) return x.M(owner).first_token;
  }
  return first;
}

// Mentions coordinated with mention `m` to its left ("Russia and China",
// "Saudi Arabia, the UAE and Egypt"); returns the first token of the chain.
size_t AddCoordinatedLeft(const SentenceView& x, int m,
                          std::vector<std::string>* out) {
  size_t first = UnitStart(x, m);
  std::vector<std::string> chain;
  size_t chain_first = first;
  bool has_and = false;
  while (first >= x.s.first_token + 2) {
    size_t k = first;
    if (x.Low(k - 1) == "the") --k;
    if (k < x.s.first_token + 2) break;
    std::string_view w = x.Low(k - 1);
    if (w != "and" && w != ",") break;
    int prev = x.MentionAt(k - 2);
    if (prev < 0) break;
    // A list is "X, Y and Z": commas alone are appositions, not a list.
    if (w == "and") {
      has_and = true;
    } else if (!has_and) {
      break;
    }
    AddNamed(x.M(prev), &chain);
    first = UnitStart(x, prev);
    chain_first = first;
  }
  if (out) out->insert(out->end(), chain.begin(), chain.end());
  return chain.empty() ? UnitStart(x, m) : chain_first;
}

bool InPrepositionalPhrase(const SentenceView& x, size_t first) {
  std::string_view before = first > x.s.first_token ? x.Low(first - 1) : "";
  // "the delegations of Cyprus, Greece and Israel met": the states act.
  if (before == "of" && first >= x.s.first_token + 2) {
    static const std::unordered_set<std::string_view> kGroups = {
        "delegations",     "delegation",  "leaders",
        "representatives", "governments", "heads",
        "ministers",       "envoys",      "officials"};
    if (kGroups.count(x.Low(first - 2))) return false;
  }
  return IsPreposition(before) ||
         (first >= x.s.first_token + 2 && before == "the" &&
          IsPreposition(x.Low(first - 2)));
}

// The state "his country", "her government" names: the country the
// official is affiliated with; "" for other words or people.
std::string StateOf(const SentenceView& x, const EntityMention& owner,
                    std::string_view noun) {
  if (noun != "country" && noun != "government" && noun != "nation") return "";
  if (owner.kind == NodeKind::kCountry) return owner.node_id;
  auto it = x.state.entities.find(owner.node_id);
  if (it == x.state.entities.end()) return "";
  for (const Affiliation& a : it->second.affiliations) {
    if (a.target.rfind("country:", 0) == 0) return a.target;
  }
  return "";
}

}  // namespace

// A preposition ("in", "against", "towards").
bool IsPreposition(std::string_view w) { return ClassesOf(w) & kPreposition; }

// A verb that reports speech or a finding ("said", "alleged", "adding").
bool IsSpeechVerb(std::string_view w) { return ClassesOf(w) & kSpeechVerb; }

// A past tense or speech verb: "accused", "said".
bool LooksLikeVerb(std::string_view w) {
  return (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) ||
         IsSpeechVerb(w);
}

// An -ing form ("killing", "briefing").
bool IsGerund(std::string_view w) {
  return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
}

// An article, possessive or demonstrative ("the", "its", "those").
bool IsDeterminer(std::string_view w) { return ClassesOf(w) & kDeterminer; }

// A lowercase word: letters and hyphens, not a number or a sign.
bool IsLowerWord(std::string_view w) {
  return !w.empty() && w[0] >= 'a' && w[0] <= 'z';
}

// A form of "be".
bool IsBe(std::string_view w) { return ClassesOf(w) & kBe; }

// The entities mention m names: one, or the members of a coordination a
// plural pronoun stands for.
void AddNamed(const EntityMention& m, std::vector<std::string>* out) {
  out->push_back(m.node_id);
  out->insert(out->end(), m.also.begin(), m.also.end());
}

// A word that may stand between a subject and its verb: an -ly adverb,
// an auxiliary, "also", "then" ...
bool IsAdverb(std::string_view w) {
  return (w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0) ||
         (ClassesOf(w) & kBeforeVerb);
}

// The subject of the clause that ends before token i: the first mention of
// the sentence not inside a prepositional phrase ("France has recalled its
// ambassadors to the US and accused the UK": France).
std::vector<std::string> ClauseSubjects(const SentenceView& x, size_t i) {
  std::vector<std::string> out;
  // The clause starts after the last "which", "that" or ";" before
  // i: "X said that Y recalled ... and accused Z" is Y's.
  size_t start = x.s.first_token;
  for (size_t t = i; t > x.s.first_token; --t) {
    std::string_view w = x.Low(t - 1);
    if (x.MentionAt(t - 1) < 0 && (w == "which" || w == "that" || w == ";")) {
      start = t;
      break;
    }
  }
  for (size_t t = start; t < i; ++t) {
    int m = x.MentionAt(t);
    if (m < 0) continue;
    const EntityMention& mention = x.M(m);
    size_t end = mention.last_token;
    bool possessor = end < x.s.last_token &&
                     IsPossessive(x.doc.TokenText(end)) &&
                     x.MentionAt(end + 1) >= 0;
    if (InPrepositionalPhrase(x, mention.first_token) || possessor) {
      t = end - 1;
      continue;
    }
    AddNamed(mention, &out);
    // Coordinated to the right: "Russia and China vetoed".
    size_t k = end;
    while (k + 1 < i && (x.Low(k) == "and" || x.Low(k) == ",")) {
      size_t n = k + 1;
      if (x.Low(n) == "the") ++n;
      int next = x.MentionAt(n);
      if (next < 0) break;
      // "... and Libya's General Khalifa Haftar": the general.
      next = QualifiedMention(x.doc, x.cover, next);
      AddNamed(x.M(next), &out);
      k = x.M(next).last_token;
    }
    return out;
  }
  return out;
}

// The subjects of a predicate starting at token i: the nearest mention to
// the left that is not inside a prepositional phrase or an apposition.
std::vector<std::string> SubjectsOf(const SentenceView& x, size_t i) {
  std::vector<std::string> out;
  // A second verb of the same subject: "X recalled ... and accused Y".
  size_t b = i;
  while (b > x.s.first_token && IsAdverb(x.Low(b - 1))) --b;
  if (b > x.s.first_token && x.Low(b - 1) == "and" &&
      (b < x.s.first_token + 2 || x.MentionAt(b - 2) < 0)) {
    return ClauseSubjects(x, b - 1);
  }
  // A headline's second verb after a comma: "Grossi meets Araghchi in
  // Tehran, urges Iran to ...".
  if (x.s.in_title && b > x.s.first_token && x.Low(b - 1) == ",")
    return ClauseSubjects(x, b - 1);
  // "..., after officially accusing the Gulf state": a participle clause
  // has the subject of the main clause; "..., the FBI says, warning": of
  // the speech verb just before.
  std::string_view verb = x.Low(i);
  if (verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0 &&
      b > x.s.first_token) {
    std::string_view lead = x.Low(b - 1);
    if (lead == "," && b >= x.s.first_token + 3 && IsSpeechVerb(x.Low(b - 2)) &&
        x.MentionAt(b - 3) >= 0) {
      AddNamed(x.M(x.MentionAt(b - 3)), &out);
      return out;
    }
    if (lead == "after" || lead == "before" || lead == "while" ||
        lead == "when" || lead == "," || lead == "since" || lead == "by") {
      return ClauseSubjects(x, b - 1);
    }
  }
  size_t lower = i > x.s.first_token + 30 ? i - 30 : x.s.first_token;
  int fallback_possessor = -1;
  for (size_t j = i; j > lower; --j) {
    size_t t = j - 1;
    std::string_view w = x.Low(t);
    if (w == ";" || w == "\u2014") break;
    int m = x.MentionAt(t);
    // "X said Royal Family members will boycott": the subject comes after
    // the speech verb, not before it.
    if (m < 0 && IsSpeechVerb(w) && t + 1 < i) break;
    if (m < 0 && (w == "who" || w == "which")) {
      // A relative clause acts for the noun before it: "Russia, which
      // vetoed"; "groups who use cyber means to threaten": no named actor.
      // A resolution or law "which tightens sanctions" is its author's act.
      size_t before = t > x.s.first_token && x.Low(t - 1) == "," ? t - 1 : t;
      if (before > x.s.first_token && x.MentionAt(before - 1) >= 0) {
        j = before + 1;
        continue;
      }
      if (w == "who") break;
      continue;
    }
    if (m < 0) {
      // An apposition ", a/the ... ," between subject and verb: skip it.
      continue;
    }
    const EntityMention& mention = x.M(m);
    size_t first = mention.first_token;
    // "who use their resources to support": a possessive determiner is
    // no subject.
    if (mention.coreference &&
        (w == "its" || w == "their" || w == "his" || w == "her")) {
      // "his country had opposed": the official's state.
      std::string state = StateOf(x, mention, x.Low(t + 1));
      if (!state.empty()) {
        out.push_back(state);
        return out;
      }
      continue;
    }
    // A coordination inside a prepositional phrase ("to the US and
    // Australia") is in it as a whole.
    size_t chain_first = AddCoordinatedLeft(x, m, nullptr);
    bool in_pp = InPrepositionalPhrase(x, chain_first);
    if (in_pp) {
      // "after Canada arrested": a conjunction opens a clause whose subject
      // stands right before the verb.
      size_t lead =
          chain_first > x.s.first_token ? chain_first - 1 : chain_first;
      if (x.Low(lead) == "the" && lead > x.s.first_token) --lead;
      static const std::unordered_set<std::string_view> kConjunctions = {
          "after", "before",  "since", "as",
          "until", "because", "when",  "while"};
      size_t gap = mention.last_token;
      while (gap < i && IsAdverb(x.Low(gap))) ++gap;
      // "with Republicans applauding": so does "with" before a participle.
      bool participle =
          verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0;
      if ((kConjunctions.count(x.Low(lead)) ||
           (participle && x.Low(lead) == "with")) &&
          gap == i) {
        in_pp = false;
      }
    }
    if (in_pp) first = chain_first;
    bool possessor =
        IsPossessive(x.doc.TokenText(mention.last_token < x.s.last_token
                                         ? mention.last_token
                                         : mention.last_token - 1)) &&
        mention.last_token < i;
    // Inside an apposition: the comma-delimited stretch starts with a/an/the.
    bool apposition = false;
    for (size_t k = first; k > x.s.first_token && k + 12 > first; --k) {
      if (x.Low(k - 1) == ",") {
        std::string_view after_comma = x.Low(k);
        // ", which U.S. officials blame": the relative clause's own subject.
        bool relative_subject =
            (after_comma == "who" || after_comma == "which") && k + 1 == first;
        apposition = (after_comma == "a" || after_comma == "an" ||
                      after_comma == "who" || after_comma == "which") &&
                     !relative_subject && k > x.s.first_token + 1 &&
                     x.MentionAt(k - 2) >= 0;
        break;
      }
    }
    if (in_pp || apposition) {
      j = first + 1;
      continue;
    }
    if (possessor) {
      if (fallback_possessor < 0) fallback_possessor = m;
      j = first + 1;
      continue;
    }
    AddNamed(mention, &out);
    AddCoordinatedLeft(x, m, &out);
    return out;
  }
  if (fallback_possessor >= 0) {
    AddNamed(x.M(fallback_possessor), &out);
    AddCoordinatedLeft(x, fallback_possessor, &out);
  }
  return out;
}

// The objects after token j: the first mention (its head when it is a
// possessor: "Beijing's ally North Korea"), and those coordinated with it.
std::vector<std::string> ObjectsAfter(const SentenceView& x, size_t j,
                                      size_t max_gap) {
  std::vector<std::string> out;
  size_t gap = 0;
  for (size_t t = j; t < x.s.last_token && gap <= max_gap; ++t) {
    std::string_view w = x.Low(t);
    bool quote = w == "\"" || w == "\u201c" || w == "\u201d" || w == "'";
    if (quote && x.MentionAt(t + 1) >= 0) continue;  // Egypt condemns "Israel"
    if (w == "," || w == "." || w == ";" || w == "that" || w == "which" ||
        w == "who" || w == "\u2014" || w == "(" || w == ":" || quote) {
      break;
    }
    int m = x.MentionAt(t);
    // "boycott the World Cup and targeted Putin": a second verb, its own
    // object; "the attack on Friday and US President Obama": a new clause.
    if (w == "and" && (LooksLikeVerb(x.Low(t + 1)) || out.empty())) break;
    // "encouraging firms to cease trading in Iran": past an infinitive the
    // mentions belong to its own clause.
    if (m < 0 && w == "to" && gap > 0 && x.MentionAt(t + 1) < 0 &&
        t + 1 < x.s.last_token && IsLowerWord(x.doc.TokenText(t + 1)) &&
        !IsDeterminer(x.Low(t + 1))) {
      break;
    }
    if (m < 0) {
      ++gap;
      continue;
    }
    const EntityMention* mention = &x.M(m);
    // "warned they would", "warned it risked": a pronoun that starts a
    // clause is its subject, not the object.
    if (mention->coreference && (w == "he" || w == "she" || w == "they" ||
                                 (w == "it" && (LooksLikeVerb(x.Low(t + 1)) ||
                                                IsModal(x.Low(t + 1)))))) {
      break;
    }
    // "its European Union partners": a possessive pronoun only qualifies.
    if (mention->coreference && t + 1 < x.s.last_token) {
      std::string_view w0 = x.Low(t);
      if (w0 == "its" || w0 == "their" || w0 == "his" || w0 == "her") {
        ++gap;
        continue;
      }
    }
    // "US Secretary of State John Kerry": the country only qualifies the
    // official that follows it; so does "the Chinese ambassador to Canada,
    // Lu Shaye".
    int next = x.MentionAt(mention->last_token);
    if (next >= 0 && next != m && x.M(next).kind == NodeKind::kOfficial) {
      mention = &x.M(next);
    } else if (mention->kind == NodeKind::kCountry) {
      for (size_t k = mention->last_token;
           k < x.s.last_token && k < mention->last_token + 7; ++k) {
        if (x.Low(k) != ",") continue;
        int named = x.MentionAt(k + 1);
        if (named >= 0 && x.M(named).kind == NodeKind::kOfficial &&
            x.M(named).rule == "role+name") {
          mention = &x.M(named);
        }
        break;
      }
    }
    size_t end = mention->last_token;
    // A possessor followed by its head within three tokens.
    if (end < x.s.last_token && IsPossessive(x.doc.TokenText(end))) {
      for (size_t k = end + 1; k < end + 4 && k < x.s.last_token; ++k) {
        int head = x.MentionAt(k);
        if (head >= 0) {
          mention = &x.M(head);
          break;
        }
        if (x.Low(k) == "," || x.Low(k) == "and" || x.Low(k) == "or" ||
            IsPreposition(x.Low(k))) {
          break;
        }
      }
    }
    AddNamed(*mention, &out);
    // Coordination to the right: "the US and Australia", "Japan, South
    // Korea and Australia", "Qureshi and Kashmiri separatist leader Farooq".
    std::vector<std::string> chain;
    size_t k = mention->last_token;
    while (k + 1 < x.s.last_token && (x.Low(k) == "and" || x.Low(k) == ",")) {
      bool is_and = x.Low(k) == "and";
      size_t n = k + 1;
      if (!is_and && x.Low(n) == "and") {  // "A, B, and C"
        is_and = true;
        ++n;
      }
      // "A and B, alongside C", "A, along with B".
      if (!is_and && (x.Low(n) == "alongside" ||
                      (x.Low(n) == "along" && x.Low(n + 1) == "with"))) {
        is_and = true;
        n += x.Low(n) == "along" ? 2 : 1;
      }
      // "met with the IMF, then with President Trump": the act again.
      if (x.Low(n) == "then") {
        is_and = true;
        ++n;
        if (IsPreposition(x.Low(n))) ++n;
      }
      if (x.Low(n) == "the") ++n;
      if (is_and) {
        // Qualifiers of the next member ("and Kashmiri separatist leader
        // Farooq"), but not a second verb ("and accused the UK").
        while (n < x.s.last_token && n < k + 4 && x.MentionAt(n) < 0 &&
               x.doc.tokens[n].shape == TokenShape::kWord &&
               !LooksLikeVerb(x.Low(n))) {
          ++n;
        }
      }
      int next = x.MentionAt(n);
      if (next < 0) break;
      next = QualifiedMention(x.doc, x.cover, next);
      AddNamed(x.M(next), &chain);
      k = x.M(next).last_token;
      if (is_and) {
        out.insert(out.end(), chain.begin(), chain.end());
        chain.clear();
      }
    }
    return out;
  }
  return out;
}

// Event mentioned in tokens [j, j + 6) of the sentence, as an object.
std::string EventAfter(const SentenceView& x, size_t j, size_t window) {
  size_t limit = std::min<size_t>(x.s.last_token, j + window);
  if (j >= limit) return "";
  size_t begin = x.doc.tokens[j].span.begin;
  size_t end = x.doc.tokens[limit - 1].span.end;
  for (const LocalEvent& ev : x.state.events) {
    for (const Span& span : ev.mentions) {
      if (span.begin >= begin && span.end <= end) return ev.id;
    }
  }
  return "";
}

// The latest event named before token i, at most three sentences back
// ("called it an aggression": it is the strike).
std::string EventBefore(const SentenceView& x, size_t i) {
  size_t end = x.doc.tokens[i].span.begin;
  size_t begin = x.doc.sentences[x.index >= 3 ? x.index - 3 : 0].span.begin;
  std::string best;
  size_t best_begin = 0;
  for (const LocalEvent& ev : x.state.events) {
    for (const Span& span : ev.mentions) {
      if (span.begin >= begin && span.end <= end &&
          (best.empty() || span.begin > best_begin)) {
        best = ev.id;
        best_begin = span.begin;
      }
    }
  }
  return best;
}

// Who says what the sentence reports at token i: the subject of the first
// speech verb ("X said Y was behind"), or who follows one ("..., says the
// FBI", "..., the FBI said").
std::vector<std::string> Speakers(const SentenceView& x, size_t i,
                                  size_t* verb) {
  std::vector<std::string> out;
  for (size_t k = x.s.first_token; k < x.s.last_token; ++k) {
    // "According to Pakistan's Foreign Office spokesperson Mohammad Faisal,
    // ...", "..., according to a tweet by Mike Pompeo".
    if (x.Low(k) == "according" && x.Low(k + 1) == "to") {
      out = ObjectsAfter(x, k + 2, 5);
      if (!out.empty()) {
        if (verb) *verb = k;
        break;
      }
      continue;
    }
    if (!IsSpeechVerb(x.Low(k)) || x.MentionAt(k) >= 0) continue;
    if (verb) *verb = k;
    if (k < i) {
      out = SubjectsOf(x, k);
    } else {
      out = ObjectsAfter(x, k + 1, 1);
      if (out.empty()) out = SubjectsOf(x, k);
    }
    if (!out.empty()) break;
  }
  return out;
}

// The word that negates, denies or hedges the act at token trigger ("not",
// "denied", "could"), or "" when there is none.
std::string Negation(const SentenceView& x, size_t from, size_t trigger) {
  size_t start = trigger > from + 8 ? trigger - 8 : from;
  start = std::max(start, trigger >= 3 ? std::min(start, trigger - 3) : start);
  for (size_t t = std::max(start, x.s.first_token); t < trigger; ++t) {
    // "Theresa May said": a name is no modal.
    if (x.MentionAt(t) < 0 && IsNegation(x.Low(t))) return std::string(x.Low(t));
  }
  return "";
}

bool Negated(const SentenceView& x, size_t from, size_t trigger) {
  return !Negation(x, from, trigger).empty();
}

}  // namespace newsgraph
