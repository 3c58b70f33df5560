#include "extractors/relation_extractor.h"

#include <algorithm>
#include <unordered_set>

#include "extractors/document_state.h"
#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

bool IsPreposition(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "in", "at", "of", "from", "for", "with", "to", "on", "by", "against",
      "over", "about", "after", "into", "between", "among", "than", "toward",
      "towards", "like", "via", "under", "before", "since", "during"};
  return k.count(w) > 0;
}

bool IsNegation(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "not", "n't", "never", "denied", "denies", "deny", "denying", "refused",
      "declined", "failed", "without", "unlikely", "if", "whether", "yet",
      "could", "might", "may", "reportedly", "plot", "fictional"};
  return k.count(w) > 0;
}

bool IsSpeechVerb(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "said", "says", "say", "claimed", "claims", "concluded", "concludes",
      "stated", "states", "added", "believes", "believe", "announced",
      "insisted", "alleged", "alleges", "asserted", "told", "confirmed",
      "determined", "found", "blamed", "accused", "saying", "adding", "stating", "noting"};
  return k.count(w) > 0;
}

// A past tense or speech verb: "accused", "said".
bool LooksLikeVerb(const std::string& w) {
  return (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) || IsSpeechVerb(w);
}

bool IsGerund(const std::string& w) {
  return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
}

bool IsModal(const std::string& w) {
  return w == "will" || w == "would" || w == "could" || w == "can" || w == "may" ||
         w == "might" || w == "must" || w == "should" || w == "had" || w == "has" ||
         w == "was" || w == "is";
}

bool IsDeterminer(const std::string& w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" ||
         w == "her" || w == "this" || w == "these" || w == "those" || w == "that";
}

// A lowercase word: letters and hyphens, not a number or a sign.
bool IsLowerWord(std::string_view w) {
  return !w.empty() && w[0] >= 'a' && w[0] <= 'z';
}

bool IsBe(const std::string& w) {
  return w == "was" || w == "were" || w == "been" || w == "is" || w == "are" ||
         w == "be" || w == "being";
}

struct Sent {
  const Document& doc;
  const Sentence& s;
  const std::vector<int>& cover;
  const DocumentState& state;
  size_t index;  // of the sentence in the document
  const std::string& Low(size_t i) const {
    static const std::string kEmpty;
    return i < s.last_token ? LowerToken(doc, i) : kEmpty;
  }
  int MentionAt(size_t i) const { return i < s.last_token ? cover[i] : -1; }
  const EntityMention& M(int m) const { return doc.mentions[m]; }
};

// The entities mention m names: one, or the members of a coordination a
// plural pronoun stands for.
void AddNamed(const EntityMention& m, std::vector<std::string>* out) {
  out->push_back(m.node_id);
  out->insert(out->end(), m.also.begin(), m.also.end());
}

// The first token of mention m with its possessor ("Libya's General
// Khalifa Haftar" starts at "Libya").
size_t UnitStart(const Sent& x, int m) {
  size_t first = x.M(m).first_token;
  if (first >= x.s.first_token + 2 && IsPossessive(x.doc.TokenText(first - 1))) {
    int owner = x.MentionAt(first - 2);
    if (owner >= 0) return x.M(owner).first_token;
  }
  return first;
}

// Mentions coordinated with mention `m` to its left ("Russia and China",
// "Saudi Arabia, the UAE and Egypt"); returns the first token of the chain.
size_t AddCoordinatedLeft(const Sent& x, int m, std::vector<std::string>* out) {
  size_t first = UnitStart(x, m);
  std::vector<std::string> chain;
  size_t chain_first = first;
  bool has_and = false;
  while (first >= x.s.first_token + 2) {
    size_t k = first;
    if (x.Low(k - 1) == "the") --k;
    if (k < x.s.first_token + 2) break;
    const std::string& w = x.Low(k - 1);
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

bool InPrepositionalPhrase(const Sent& x, size_t first) {
  std::string before = first > x.s.first_token ? x.Low(first - 1) : "";
  // "the delegations of Cyprus, Greece and Israel met": the states act.
  if (before == "of" && first >= x.s.first_token + 2) {
    static const std::unordered_set<std::string> kGroups = {
        "delegations", "delegation", "leaders", "representatives", "governments",
        "heads", "ministers", "envoys", "officials"};
    if (kGroups.count(x.Low(first - 2))) return false;
  }
  return IsPreposition(before) ||
         (first >= x.s.first_token + 2 && before == "the" && IsPreposition(x.Low(first - 2)));
}

bool IsAdverb(const std::string& w) {
  return (w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0) || w == "also" ||
         w == "then" || w == "later" || w == "again" || w == "has" || w == "have" ||
         w == "had" || w == "will" || w == "would" || w == "is" || w == "are" || w == "was" ||
         w == "were" || w == "in" || w == "a" || w == "an" || w == "the" || w == "to";
}

// The subject of the clause that ends before token i: the first mention of
// the sentence not inside a prepositional phrase ("France has recalled its
// ambassadors to the US and accused the UK": France).
std::vector<std::string> ClauseSubjects(const Sent& x, size_t i) {
  std::vector<std::string> out;
  // The clause starts after the last "which", "that" or speech verb before
  // i: "X said that Y recalled ... and accused Z" is Y's.
  size_t start = x.s.first_token;
  for (size_t t = i; t > x.s.first_token; --t) {
    const std::string& w = x.Low(t - 1);
    if (x.MentionAt(t - 1) < 0 && (w == "which" || w == "that" || w == ";" || IsSpeechVerb(w))) {
      start = t;
      break;
    }
  }
  for (size_t t = start; t < i; ++t) {
    int m = x.MentionAt(t);
    if (m < 0) continue;
    const EntityMention& mention = x.M(m);
    size_t end = mention.last_token;
    bool possessor = end < x.s.last_token && IsPossessive(x.doc.TokenText(end)) &&
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

// The state "his country", "her government" names: the country the
// official is affiliated with; "" for other words or people.
std::string StateOf(const Sent& x, const EntityMention& owner, const std::string& noun) {
  if (noun != "country" && noun != "government" && noun != "nation") return "";
  if (owner.kind == NodeKind::kCountry) return owner.node_id;
  auto it = x.state.entities.find(owner.node_id);
  if (it == x.state.entities.end()) return "";
  for (const Affiliation& a : it->second.affiliations) {
    if (a.target.rfind("country:", 0) == 0) return a.target;
  }
  return "";
}

// The subjects of a predicate starting at token i: the nearest mention to
// the left that is not inside a prepositional phrase or an apposition.
std::vector<std::string> SubjectsOf(const Sent& x, size_t i) {
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
  if (x.s.in_title && b > x.s.first_token && x.Low(b - 1) == ",") return ClauseSubjects(x, b - 1);
  // "..., after officially accusing the Gulf state": a participle clause
  // has the subject of the main clause; "..., the FBI says, warning": of
  // the speech verb just before.
  const std::string& verb = x.Low(i);
  if (verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0 && b > x.s.first_token) {
    const std::string& lead = x.Low(b - 1);
    if (lead == "," && b >= x.s.first_token + 3 && IsSpeechVerb(x.Low(b - 2)) &&
        x.MentionAt(b - 3) >= 0) {
      AddNamed(x.M(x.MentionAt(b - 3)), &out);
      return out;
    }
    if (lead == "after" || lead == "before" || lead == "while" || lead == "when" ||
        lead == "," || lead == "since" || lead == "by") {
      return ClauseSubjects(x, b - 1);
    }
  }
  size_t lower = i > x.s.first_token + 30 ? i - 30 : x.s.first_token;
  int fallback_possessor = -1;
  for (size_t j = i; j > lower; --j) {
    size_t t = j - 1;
    const std::string& w = x.Low(t);
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
    if (mention.coreference && (w == "its" || w == "their" || w == "his" || w == "her")) {
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
      size_t lead = chain_first > x.s.first_token ? chain_first - 1 : chain_first;
      if (x.Low(lead) == "the" && lead > x.s.first_token) --lead;
      static const std::unordered_set<std::string> kConjunctions = {
          "after", "before", "since", "as", "until", "because", "when", "while"};
      size_t gap = mention.last_token;
      while (gap < i && IsAdverb(x.Low(gap))) ++gap;
      // "with Republicans applauding": so does "with" before a participle.
      bool participle = verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0;
      if ((kConjunctions.count(x.Low(lead)) || (participle && x.Low(lead) == "with")) && gap == i) {
        in_pp = false;
      }
    }
    if (in_pp) first = chain_first;
    bool possessor = IsPossessive(x.doc.TokenText(mention.last_token < x.s.last_token
                                                      ? mention.last_token
                                                      : mention.last_token - 1)) &&
                     mention.last_token < i;
    // Inside an apposition: the comma-delimited stretch starts with a/an/the.
    bool apposition = false;
    for (size_t k = first; k > x.s.first_token && k + 12 > first; --k) {
      if (x.Low(k - 1) == ",") {
        std::string after_comma = x.Low(k);
        // ", which U.S. officials blame": the relative clause's own subject.
        bool relative_subject = (after_comma == "who" || after_comma == "which") && k + 1 == first;
        apposition = (after_comma == "a" || after_comma == "an" || after_comma == "who" ||
                      after_comma == "which") && !relative_subject && k > x.s.first_token + 1 &&
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
std::vector<std::string> ObjectsAfter(const Sent& x, size_t j, size_t max_gap = 6) {
  std::vector<std::string> out;
  size_t gap = 0;
  for (size_t t = j; t < x.s.last_token && gap <= max_gap; ++t) {
    const std::string& w = x.Low(t);
    bool quote = w == "\"" || w == "\u201c" || w == "\u201d" || w == "'";
    if (quote && x.MentionAt(t + 1) >= 0) continue;  // Egypt condemns "Israel"
    if (w == "," || w == "." || w == ";" || w == "that" || w == "which" || w == "who" ||
        w == "\u2014" || w == "(" || w == ":" || quote) {
      break;
    }
    int m = x.MentionAt(t);
    // "boycott the World Cup and targeted Putin": a second verb, its own
    // object; "the attack on Friday and US President Obama": a new clause.
    if (w == "and" && (LooksLikeVerb(x.Low(t + 1)) || out.empty())) break;
    // "encouraging firms to cease trading in Iran": past an infinitive the
    // mentions belong to its own clause.
    if (m < 0 && w == "to" && gap > 0 && x.MentionAt(t + 1) < 0 && t + 1 < x.s.last_token &&
        IsLowerWord(x.doc.TokenText(t + 1)) &&
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
                                 (w == "it" && (LooksLikeVerb(x.Low(t + 1)) || IsModal(x.Low(t + 1)))))) {
      break;
    }
    // "its European Union partners": a possessive pronoun only qualifies.
    if (mention->coreference && t + 1 < x.s.last_token) {
      const std::string& w0 = x.Low(t);
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
      for (size_t k = mention->last_token; k < x.s.last_token && k < mention->last_token + 7; ++k) {
        if (x.Low(k) != ",") continue;
        int named = x.MentionAt(k + 1);
        if (named >= 0 && x.M(named).kind == NodeKind::kOfficial && x.M(named).rule == "role+name") {
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
        if (x.Low(k) == "," || x.Low(k) == "and" || x.Low(k) == "or" || IsPreposition(x.Low(k))) {
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
      if (!is_and && (x.Low(n) == "alongside" || (x.Low(n) == "along" && x.Low(n + 1) == "with"))) {
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
               x.doc.tokens[n].shape == TokenShape::kWord && !LooksLikeVerb(x.Low(n))) {
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
std::string EventAfter(const Sent& x, size_t j, size_t window = 6) {
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
std::string EventBefore(const Sent& x, size_t i) {
  size_t end = x.doc.tokens[i].span.begin;
  size_t begin = x.doc.sentences[x.index >= 3 ? x.index - 3 : 0].span.begin;
  std::string best;
  size_t best_begin = 0;
  for (const LocalEvent& ev : x.state.events) {
    for (const Span& span : ev.mentions) {
      if (span.begin >= begin && span.end <= end && (best.empty() || span.begin > best_begin)) {
        best = ev.id;
        best_begin = span.begin;
      }
    }
  }
  return best;
}

bool IsNamingVerb(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "call", "calls", "called", "calling", "describe", "describes", "described",
      "describing", "brand", "brands", "branded", "branding", "label", "labels",
      "labelled", "labeled", "labelling", "labeling", "term", "termed", "terming",
      "dub", "dubbed", "dubbing"};
  return k.count(w) > 0;
}

// An evaluation at token i ("a provocation", "unacceptable"): who made it
// and of whom or what. "X called/described Y (as) a <word>": the object of
// the naming verb; "X said (that) Y was <word>" and "Y is <word>, X said":
// the subject of the clause. A pronoun object stands for the latest event.
void Evaluation(const Sent& x, size_t i, std::vector<std::string>* sources,
                std::vector<std::string>* targets) {
  size_t lower = i > x.s.first_token + 15 ? i - 15 : x.s.first_token;
  size_t verb = i;
  for (size_t t = i; t > lower; --t) {
    const std::string& w = x.Low(t - 1);
    if (w == ";") break;
    if (x.MentionAt(t - 1) < 0 && (IsNamingVerb(w) || IsSpeechVerb(w))) {
      verb = t - 1;
      break;
    }
  }
  size_t object = verb + 1;
  if (verb == i) {
    // "Y's actions are unacceptable, X said": the speech verb follows.
    for (size_t t = i + 1; t < x.s.last_token && t < i + 12; ++t) {
      if (x.MentionAt(t) < 0 && IsSpeechVerb(x.Low(t))) {
        *sources = ObjectsAfter(x, t + 1, 1);
        if (sources->empty()) *sources = SubjectsOf(x, t);
        break;
      }
    }
    object = x.s.first_token;
  } else {
    *sources = SubjectsOf(x, verb);
    if (IsSpeechVerb(x.Low(verb))) {
      // "told Sky News that Britain's actions were ...": the clause after
      // "that"; with no "that", the words after the verb.
      for (size_t t = verb + 1; t < i; ++t) {
        if (x.Low(t) == "that") {
          object = t + 1;
          break;
        }
      }
    }
  }
  if (sources->empty() || object >= i) return;
  // Said of something, the word is a predicate ("were unacceptable", "as
  // a provocation"); "Turkish interference with the project" only names an
  // act.
  if (!IsNamingVerb(x.Low(verb))) {
    size_t t = i;
    while (t > object && t + 5 > i && !IsBe(x.Low(t - 1)) && x.Low(t - 1) != "as" &&
           x.MentionAt(t - 1) < 0) {
      --t;
    }
    if (t == object || t + 5 <= i || x.MentionAt(t - 1) >= 0) return;
  }
  const std::string& first = x.Low(object);
  if (first == "it" || first == "this") {
    std::string ev = EventBefore(x, object);
    if (!ev.empty()) targets->push_back(ev);
    return;
  }
  std::string ev = EventAfter(x, object, i - object);
  std::vector<std::string> named = ObjectsAfter(x, object, i - object);
  // The first of the two named in the stretch: "Britain's actions" or "the
  // deal".
  bool event_first = !ev.empty();
  if (!named.empty() && !ev.empty()) {
    for (size_t t = object; t < i; ++t) {
      if (x.MentionAt(t) >= 0) {
        event_first = !EventAfter(x, object, t - object).empty();
        break;
      }
    }
  }
  if (event_first) {
    targets->push_back(ev);
  } else {
    for (const std::string& id : named) targets->push_back(id);
  }
}

// Who meets whom when several take part together: every pair; but a
// delegation list of officials in different roles ("prime minister A and
// energy minister B, prime minister C and energy minister D") pairs the
// counterparts, those of one role.
std::vector<std::pair<std::string, std::string>> MeetingPairs(
    const DocumentState& state, const std::vector<std::string>& members) {
  std::vector<std::string> roles;
  for (const std::string& id : members) {
    auto it = state.entities.find(id);
    const LocalEntity* e = it == state.entities.end() ? nullptr : &it->second;
    if (!e || e->node.kind != NodeKind::kOfficial || e->node.role.empty()) {
      roles.clear();
      break;
    }
    roles.push_back(Lower(e->node.role));
  }
  bool counterparts = members.size() > 2 && !roles.empty() &&
                      std::count(roles.begin(), roles.end(), roles[0]) <
                          static_cast<long>(roles.size());
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t a = 0; a < members.size(); ++a) {
    for (size_t b = a + 1; b < members.size(); ++b) {
      if (!counterparts || roles[a] == roles[b]) pairs.emplace_back(members[a], members[b]);
    }
  }
  return pairs;
}

// A trigger used as a noun after its actor, in a phrase saying the clause's
// subject bears it: "under EU sanctions", "the subject of United States
// sanctions", "the target of Israeli strikes".
bool NounUnder(const Sent& x, size_t i, std::vector<std::string>* sources,
               std::vector<std::string>* targets) {
  int actor = x.MentionAt(i > x.s.first_token ? i - 1 : i);
  if (i == x.s.first_token || actor < 0) return false;
  size_t before = x.M(actor).first_token;
  if (before < x.s.first_token + 1) return false;
  const std::string& w = x.Low(before - 1);
  bool bears = w == "under" ||
               (w == "of" && before >= x.s.first_token + 2 &&
                (x.Low(before - 2) == "subject" || x.Low(before - 2) == "target"));
  if (!bears) return false;
  size_t phrase = w == "under" ? before - 1 : before - 2;
  while (phrase > x.s.first_token && (x.Low(phrase - 1) == "the" || x.Low(phrase - 1) == "a")) {
    --phrase;
  }
  *targets = SubjectsOf(x, phrase);
  AddNamed(x.M(actor), sources);
  return !targets->empty();
}

bool IsHostile(RelationKind r) {
  return r == RelationKind::kSanctions || r == RelationKind::kAttacks;
}

// The act at token i is the complement of a threat: "threatened to",
// "vowed to", "warned it would".
bool Threatened(const Sent& x, size_t i) {
  static const std::unordered_set<std::string> kThreats = {
      "threaten", "threatens", "threatened", "threatening", "vow", "vows", "vowed",
      "vowing", "warn", "warns", "warned", "warning", "pledge", "pledges", "pledged",
      "promise", "promises", "promised"};
  size_t t = i;
  while (t > x.s.first_token && t + 4 > i && IsAdverb(x.Low(t - 1)) && x.Low(t - 1) != "to") --t;
  if (t < x.s.first_token + 2) return false;
  if (x.Low(t - 1) == "to") {
    // "threatened on Thursday to take".
    for (size_t k = t - 1; k > x.s.first_token && k + 5 > t; --k) {
      if (kThreats.count(x.Low(k - 1))) return true;
      if (x.doc.tokens[k - 1].shape == TokenShape::kPunctuation) break;
    }
    return false;
  }
  // "warned it would impose": a clause of the threat.
  return t >= x.s.first_token + 3 && x.Low(t - 1) == "would" && x.MentionAt(t - 2) >= 0 &&
         kThreats.count(x.Low(t - 3)) > 0;
}

// Who says what the sentence reports at token i: the subject of the first
// speech verb ("X said Y was behind"), or who follows one ("..., says the
// FBI", "..., the FBI said").
std::vector<std::string> Speakers(const Sent& x, size_t i, size_t* verb = nullptr) {
  std::vector<std::string> out;
  for (size_t k = x.s.first_token; k < x.s.last_token; ++k) {
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

// "The British government is to expel 23 Russian diplomats, Theresa May
// said": an official who announces an act of the state or body they serve
// takes part in it.
std::vector<std::string> AnnouncedBy(const Sent& x, size_t i, const std::vector<std::string>& sources) {
  std::vector<std::string> out;
  size_t verb = i;
  std::vector<std::string> speakers = Speakers(x, i, &verb);
  // Not an act told of in a relative clause ("an attack, which U.S.
  // officials blame on ...").
  for (size_t t = std::min(verb, i); t < std::max(verb, i); ++t) {
    if (x.Low(t) == "which" || x.Low(t) == "who") return out;
  }
  for (const std::string& speaker : speakers) {
    auto it = x.state.entities.find(speaker);
    if (it == x.state.entities.end() || it->second.node.kind != NodeKind::kOfficial) continue;
    for (const Affiliation& a : it->second.affiliations) {
      if (std::find(sources.begin(), sources.end(), a.target) != sources.end() &&
          std::find(sources.begin(), sources.end(), speaker) == sources.end()) {
        out.push_back(speaker);
        break;
      }
    }
  }
  return out;
}

// The word that negates, denies or hedges the act at token trigger ("not",
// "denied", "could"), or "" when there is none.
std::string Negation(const Sent& x, size_t from, size_t trigger) {
  size_t start = trigger > from + 8 ? trigger - 8 : from;
  start = std::max(start, trigger >= 3 ? std::min(start, trigger - 3) : start);
  for (size_t t = std::max(start, x.s.first_token); t < trigger; ++t) {
    // "Theresa May said": a name is no modal.
    if (x.MentionAt(t) < 0 && IsNegation(x.Low(t))) return x.Low(t);
  }
  return "";
}

bool Negated(const Sent& x, size_t from, size_t trigger) {
  return !Negation(x, from, trigger).empty();
}

}  // namespace

RelationStage::RelationStage(const LexiconData& lexicon) {
  for (const RelationTrigger& t : lexicon.relation_triggers) {
    IndexedTrigger indexed{&t, {}};
    for (const std::string& word : t.words) indexed.forms.push_back(Inflections(word));
    for (const std::string& form : indexed.forms[0]) index_[form].push_back(indexed);
  }
}

void RelationStage::Run(Document& doc, DocumentState& state, KnowledgeGraph&) const {
  std::vector<int> cover = TokenMentionMap(doc);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sentence = doc.sentences[si];
    if (sentence.last_token > sentence.first_token &&
        doc.TokenText(sentence.last_token - 1) == "?") {
      continue;
    }
    Sent x{doc, sentence, cover, state, si};
    for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
      if (cover[i] >= 0) continue;
      auto it = index_.find(LowerToken(doc, i));
      if (it == index_.end()) continue;
      // The longest trigger whose words follow in order, with short gaps.
      // Every trigger whose words follow in order, with short gaps; the
      // longest is tried first, and a shorter one when the longer yields no
      // relation ("is in talks with": not the verb "talk with", the noun).
      std::vector<std::pair<const IndexedTrigger*, size_t>> matches;
      for (const IndexedTrigger& cand : it->second) {
        size_t pos = i;
        bool ok = true;
        for (size_t w = 1; w < cand.forms.size() && ok; ++w) {
          ok = false;
          for (size_t k = pos + 1; k < sentence.last_token && k <= pos + 4; ++k) {
            const std::string& low = LowerToken(doc, k);
            if (std::find(cand.forms[w].begin(), cand.forms[w].end(), low) !=
                cand.forms[w].end()) {
              pos = k;
              ok = true;
              break;
            }
            if (low == "," || low == "." || low == ";") break;
          }
        }
        if (ok) matches.emplace_back(&cand, pos);
      }
      std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
        return a.first->forms.size() > b.first->forms.size();
      });
      auto apply = [&](const IndexedTrigger* best, size_t best_last) -> bool {
        const RelationTrigger& trig = *best->trigger;
        std::string trigger_text(doc.Text({doc.tokens[i].span.begin, doc.tokens[best_last].span.end}));
        std::vector<std::string> sources, targets;
        RelationKind relation = trig.relation;
        std::string cameo = trig.cameo;
        double confidence = trig.confidence;
        std::string rule;
        switch (trig.frame) {
          case Frame::kSubjectVerbObject:
          case Frame::kSubjectVerbPrepObj: {
            // "the agreement signed between Turkey and Libya": among them.
            if (Info(trig.relation).symmetric && LowerToken(doc, best_last + 1) == "between") {
              sources = ObjectsAfter(x, best_last + 2, 2);
              if (sources.size() < 2) return false;
              rule = "between";
              break;
            }
            // A gerund is a noun after an article ("a regular briefing"),
            // before an event it qualifies ("Hacking Attack") and before "of"
            // ("U.S. Killing Of Soleimani": the act of the one before it).
            if (IsGerund(LowerToken(doc, i))) {
              if ((i >= sentence.first_token + 2 && IsDeterminer(LowerToken(doc, i - 2))) ||
                  !EventAfter(x, best_last + 1, 1).empty()) {
                return false;
              }
              if (LowerToken(doc, best_last + 1) == "of") {
                if (i == sentence.first_token || cover[i - 1] < 0) return false;
                AddNamed(doc.mentions[cover[i - 1]], &sources);
                targets = ObjectsAfter(x, best_last + 2, 3);
                rule = "gerund";
                break;
              }
            }
            // "Turkey is under EU sanctions", "Mahan has been the subject of
            // United States sanctions": the qualifier acts on the subject.
            if (trig.frame == Frame::kSubjectVerbObject && NounUnder(x, i, &sources, &targets)) {
              rule = "under";
              break;
            }
            std::string prev = i > sentence.first_token ? LowerToken(doc, i - 1) : "";
            std::string prev2 = i > sentence.first_token + 1 ? LowerToken(doc, i - 2) : "";
            // The agent: "by X" after the verb, maybe after a short phrase
            // ("was condemned in a joint statement by Egypt").
            size_t by = best_last + 1;
            while (by < sentence.last_token && by < best_last + 6 && cover[by] < 0 &&
                   LowerToken(doc, by) != "by" && LowerToken(doc, by) != ",") {
              ++by;
            }
            bool passive = (IsBe(prev) || IsBe(prev2)) && LowerToken(doc, by) == "by";
            // "on request from", "the attack", "Sony hack says": a noun,
            // not this verb.
            const std::string& next = LowerToken(doc, best_last + 1);
            // "pledged further support for": a noun after a verb and its
            // adjective.
            bool after_verb = LooksLikeVerb(prev) ||
                              (LooksLikeVerb(prev2) && i > sentence.first_token && cover[i - 1] < 0 &&
                               !IsAdverb(prev) && IsLowerWord(doc.TokenText(i - 1)));
            if (IsSpeechVerb(next) || IsBe(next) || after_verb || prev == "the" || prev == "a" || prev == "an" || (IsPreposition(prev) && prev != "to") ||
                prev == "its" || prev == "their" || prev == "his" || prev == "her" ||
                IsPossessive(prev) || prev == "this" || prev == "any") {
              return false;
            }
            if (passive) {
              sources = ObjectsAfter(x, by + 1, 3);
              targets = SubjectsOf(x, i);
              // "The missile launch was condemned by Japan".
              if (targets.empty()) {
                std::string ev = EventAfter(x, sentence.first_token, i - sentence.first_token);
                if (!ev.empty()) targets.push_back(ev);
              }
              rule = "passive";
            } else if (prev != "to" && (IsBe(prev) || IsBe(prev2)) &&
                       !(x.Low(i).size() > 4 &&
                         x.Low(i).compare(x.Low(i).size() - 3, 3, "ing") == 0)) {
              // Passive without an agent, or a predicate adjective; but "is
              // investigating" is active.
              return false;
            } else {
              sources = SubjectsOf(x, i);
              targets = ObjectsAfter(x, best_last + 1);
              // "demanded that Russia stop", "urged that Iran ...".
              if (targets.empty() && LowerToken(doc, best_last + 1) == "that" &&
                  (trig.relation == RelationKind::kDemands ||
                   trig.relation == RelationKind::kAppealsTo)) {
                targets = ObjectsAfter(x, best_last + 2, 1);
              }
              // "vetoed the UN resolution": the object is the happening the
              // entity only qualifies.
              std::string ev = EventAfter(x, best_last + 1, 4);
              if (!ev.empty()) {
                bool entity_first = false;
                for (size_t t = best_last + 1; t < x.s.last_token && t < best_last + 5; ++t) {
                  int m = x.MentionAt(t);
                  if (m < 0) continue;
                  // "the accord with Iran": the event comes first; "the UN
                  // resolution": the entity only qualifies the event.
                  size_t after = x.M(m).last_token;
                  entity_first = EventAfter(x, best_last + 1, t - best_last - 1).empty() &&
                                 EventAfter(x, after, 1).empty();
                  break;
                }
                if (targets.empty() || !entity_first) targets = {ev};
              }
              rule = trig.frame == Frame::kSubjectVerbObject ? "svo" : "svpo";
            }
            // "vowed to take countermeasures against", "threatened to
            // impose sanctions": a threat of the act.
            if (IsHostile(relation) && Threatened(x, i)) {
              relation = RelationKind::kThreatens;
              cameo = "13";
              rule = "threat-" + rule;
            }
            // "Russia did not support the resolution": it opposes it.
            std::string negation = Negation(x, sentence.first_token, i);
            if (!negation.empty()) {
              if (trig.relation != RelationKind::kSupports ||
                  !(negation == "not" || negation == "n't" || negation == "never" ||
                    negation == "refused" || negation == "declined")) {
                return false;
              }
              relation = RelationKind::kOpposes;
              cameo = "12";
              rule = "negated-" + rule;
            }
            break;
          }
          case Frame::kNoun: {
            // A one-word noun names its target through a preposition: "talks
            // with", "support for"; "the meeting of X" is no act on X.
            static const std::unordered_set<std::string> kNounPrepositions = {
                "with", "between", "for", "to", "against", "on"};
            bool has_object = best->forms.size() > 1 ||
                              kNounPrepositions.count(LowerToken(doc, best_last + 1)) > 0;
            if (has_object) targets = ObjectsAfter(x, best_last + 1, 3);
            // "talks between A and B", "a meeting involving the heads of A
            // and B, alongside C": among those it names.
            size_t joined = best_last + 1;  // maybe after a place: "a meeting in Doha involving"
            while (joined < sentence.last_token && joined < best_last + 4 &&
                   LowerToken(doc, joined) != "between" && LowerToken(doc, joined) != "involving" &&
                   doc.tokens[joined].shape == TokenShape::kWord) {
              ++joined;
            }
            const std::string& joiner = LowerToken(doc, joined);
            if ((joiner == "between" || joiner == "involving") && Info(trig.relation).symmetric) {
              std::vector<std::string> members = ObjectsAfter(x, joined + 1, 4);
              if (members.size() >= 2) {
                sources = members;
                targets.clear();
                rule = "noun-between";
                break;
              }
            }
            if (targets.empty()) {
              std::string ev = EventAfter(x, best_last + 1);
              if (!ev.empty()) targets.push_back(ev);
            }
            // The possessor: "Washington's accusations", "its opposition".
            size_t k = i;
            while (k > sentence.first_token && k + 3 > i &&
                   !IsPossessive(doc.TokenText(k - 1)) && cover[k - 1] < 0 &&
                   LowerToken(doc, k - 1) != "its" && LowerToken(doc, k - 1) != "their") {
              --k;
            }
            if (k > sentence.first_token && IsPossessive(doc.TokenText(k - 1)) &&
                k >= sentence.first_token + 2 && cover[k - 2] >= 0) {
              sources.push_back(doc.mentions[cover[k - 2]].node_id);
            } else if (k > sentence.first_token && cover[k - 1] >= 0 && k + 2 > i &&
                       (doc.mentions[cover[k - 1]].kind == NodeKind::kCountry ||
                        doc.mentions[cover[k - 1]].coreference)) {
              // "her deadline for Russia": a possessive pronoun too.
              // "North Korean hacking attack on Sony": the actor qualifies the act.
              sources.push_back(doc.mentions[cover[k - 1]].node_id);
            } else {
              // "... and pledged further support for": the clause's subject.
              size_t conj = 0;
              for (size_t k2 = i; k2 > sentence.first_token && k2 + 4 > i; --k2) {
                if (cover[k2 - 1] >= 0) break;
                if (LowerToken(doc, k2 - 1) == "and") {
                  conj = k2 - 1;
                  break;
                }
              }
              sources = conj > sentence.first_token && cover[conj - 1] < 0 ? ClauseSubjects(x, conj)
                                                                         : SubjectsOf(x, i);
              confidence *= 0.8;
            }
            if (Negated(x, sentence.first_token, i)) return false;
            rule = "noun";
            break;
          }
          case Frame::kMutual: {
            // "Japan and South Korea clash", "Japan clashed with Korea":
            // each acts on the other.
            // "a clash of cultures": a noun.
            if (i > sentence.first_token && IsDeterminer(LowerToken(doc, i - 1))) return false;
            sources = SubjectsOf(x, i);
            if (LowerToken(doc, best_last + 1) == "with") targets = ObjectsAfter(x, best_last + 2, 3);
            if (Negated(x, sentence.first_token, i)) return false;
            rule = "mutual";
            break;
          }
          case Frame::kEvaluation: {
            Evaluation(x, i, &sources, &targets);
            if (Negated(x, sentence.first_token, i)) return false;
            rule = "evaluation";
            break;
          }
          case Frame::kAttribution: {
            // Y was behind ..., said X / X said Y was behind ...
            targets = SubjectsOf(x, i);
            if (targets.size() > 1) targets.resize(1);
            sources = Speakers(x, i);
            if (Negated(x, sentence.first_token, i)) return false;
            rule = "attribution";
            confidence *= 0.9;
            break;
          }
        }
        // Meeting or working with a happening is no relation.
        if (Info(trig.relation).symmetric) {
          targets.erase(std::remove_if(targets.begin(), targets.end(),
                                       [](const std::string& t) { return t.rfind("event:", 0) == 0; }),
                        targets.end());
        }
        // "Kerry and Zarif held talks", "the meeting was attended by A, B
        // and C": a symmetric act among all of them, each pair once.
        std::vector<std::pair<std::string, std::string>> pairs;
        if (targets.empty() && sources.size() >= 2 && Info(trig.relation).symmetric) {
          pairs = MeetingPairs(state, sources);
          rule += "+coordinated";
        } else if (trig.frame == Frame::kMutual) {
          std::vector<std::string> sides = sources;
          sides.insert(sides.end(), targets.begin(), targets.end());
          for (const std::string& a : sides) {
            for (const std::string& b : sides) pairs.emplace_back(a, b);
          }
        } else {
          if (trig.frame != Frame::kAttribution && trig.frame != Frame::kEvaluation) {
            for (const std::string& speaker : AnnouncedBy(x, i, sources)) sources.push_back(speaker);
          }
          for (const std::string& source : sources) {
            for (const std::string& target : targets) pairs.emplace_back(source, target);
          }
        }
        bool produced = false;
        for (const auto& [source, target] : pairs) {
          if (source == target) continue;
          produced = true;
          RelationCandidate r;
          r.source = source;
          r.target = target;
          r.relation = relation;
          r.sentence = si;
          r.trigger = trigger_text;
          r.rule = rule + ":" + std::string(newsgraph::Name(relation));
          r.cameo = cameo;
          r.confidence = confidence;
          r.event = trig.event;
          state.relations.push_back(r);
        }
        return produced;
      };
      for (const auto& [cand, last] : matches) {
        if (apply(cand, last)) {
          i = last;
          break;
        }
      }
    }
  }
}

}  // namespace newsgraph
