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
      "could", "might", "may", "reportedly", "plot", "fictional", "would"};
  return k.count(w) > 0;
}

bool IsSpeechVerb(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "said", "says", "say", "claimed", "claims", "concluded", "concludes",
      "stated", "states", "added", "believes", "believe", "announced",
      "insisted", "alleged", "alleges", "asserted", "told", "confirmed",
      "determined", "found", "blamed", "accused"};
  return k.count(w) > 0;
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
  const std::string& Low(size_t i) const {
    static const std::string kEmpty;
    return i < s.last_token ? LowerToken(doc, i) : kEmpty;
  }
  int MentionAt(size_t i) const { return i < s.last_token ? cover[i] : -1; }
  const EntityMention& M(int m) const { return doc.mentions[m]; }
};

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
    chain.push_back(x.M(prev).node_id);
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
  for (size_t t = x.s.first_token; t < i; ++t) {
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
    out.push_back(mention.node_id);
    // Coordinated to the right: "Russia and China vetoed".
    size_t k = end;
    while (k + 1 < i && (x.Low(k) == "and" || x.Low(k) == ",")) {
      size_t n = k + 1;
      if (x.Low(n) == "the") ++n;
      int next = x.MentionAt(n);
      if (next < 0) break;
      out.push_back(x.M(next).node_id);
      k = x.M(next).last_token;
    }
    return out;
  }
  return out;
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
  // "..., after officially accusing the Gulf state": a participle clause
  // has the subject of the main clause.
  const std::string& verb = x.Low(i);
  if (verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0 && b > x.s.first_token) {
    const std::string& lead = x.Low(b - 1);
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
    if (m < 0) {
      // An apposition ", a/the ... ," between subject and verb: skip it.
      continue;
    }
    const EntityMention& mention = x.M(m);
    size_t first = mention.first_token;
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
      if (kConjunctions.count(x.Low(lead)) && gap == i) in_pp = false;
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
        apposition = (after_comma == "a" || after_comma == "an" || after_comma == "who" ||
                      after_comma == "which") && k > x.s.first_token + 1 &&
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
    out.push_back(mention.node_id);
    AddCoordinatedLeft(x, m, &out);
    return out;
  }
  if (fallback_possessor >= 0) {
    out.push_back(x.M(fallback_possessor).node_id);
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
    if (m < 0) {
      ++gap;
      continue;
    }
    const EntityMention* mention = &x.M(m);
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
        if (x.Low(k) == "," || IsPreposition(x.Low(k))) break;
      }
    }
    out.push_back(mention->node_id);
    // Coordination to the right: "the US and Australia", "Japan, South
    // Korea and Australia", "Qureshi and Kashmiri separatist leader Farooq".
    std::vector<std::string> chain;
    size_t k = mention->last_token;
    while (k + 1 < x.s.last_token && (x.Low(k) == "and" || x.Low(k) == ",")) {
      bool is_and = x.Low(k) == "and";
      size_t n = k + 1;
      if (x.Low(n) == "the") ++n;
      if (is_and) {
        while (n < x.s.last_token && n < k + 4 && x.MentionAt(n) < 0 &&
               x.doc.tokens[n].shape == TokenShape::kWord) {
          ++n;
        }
      }
      int next = x.MentionAt(n);
      if (next < 0) break;
      chain.push_back(x.M(next).node_id);
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

bool Negated(const Sent& x, size_t from, size_t trigger) {
  size_t start = trigger > from + 8 ? trigger - 8 : from;
  start = std::max(start, trigger >= 3 ? std::min(start, trigger - 3) : start);
  for (size_t t = std::max(start, x.s.first_token); t < trigger; ++t) {
    if (IsNegation(x.Low(t))) return true;
  }
  return false;
}

}  // namespace

RelationStage::RelationStage(const LexiconData& lexicon) {
  for (const RelationTrigger& t : lexicon.relation_triggers) {
    IndexedTrigger indexed{&t, {}};
    for (const std::string& word : t.words) indexed.forms.push_back(Inflections(word));
    for (const std::string& form : indexed.forms[0]) {
      index_[form].push_back(indexed);
      first_forms_.Add(form, 1);
    }
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
    Sent x{doc, sentence, cover, state};
    for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
      if (cover[i] >= 0 || !first_forms_.Find(LowerToken(doc, i))) continue;
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
        double confidence = trig.confidence;
        std::string rule;
        switch (trig.frame) {
          case Frame::kSubjectVerbObject:
          case Frame::kSubjectVerbPrepObj: {
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
            // "on request from", "the attack": a noun, not this verb.
            if (prev == "the" || prev == "a" || prev == "an" || (IsPreposition(prev) && prev != "to") ||
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
            } else if ((IsBe(prev) || IsBe(prev2)) &&
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
              if (!ev.empty() && (targets.empty() || trig.frame == Frame::kSubjectVerbObject)) {
                bool entity_first = false;
                for (size_t t = best_last + 1; t < x.s.last_token && t < best_last + 5; ++t) {
                  int m = x.MentionAt(t);
                  if (m < 0) continue;
                  size_t after = x.M(m).last_token;
                  entity_first = EventAfter(x, after, 1).empty();
                  break;
                }
                if (targets.empty() || !entity_first) targets = {ev};
              }
              rule = trig.frame == Frame::kSubjectVerbObject ? "svo" : "svpo";
            }
            if (Negated(x, sentence.first_token, i)) return false;
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
            if (LowerToken(doc, best_last + 1) == "between" && targets.size() >= 2 &&
                Info(trig.relation).symmetric) {
              sources = {targets[0]};
              targets.erase(targets.begin());
              rule = "noun-between";
              break;
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
                       doc.mentions[cover[k - 1]].kind == NodeKind::kCountry) {
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
          case Frame::kAttribution: {
            // Y was behind ..., said X / X said Y was behind ...
            targets = SubjectsOf(x, i);
            if (targets.size() > 1) targets.resize(1);
            for (size_t k = sentence.first_token; k < sentence.last_token; ++k) {
              if (!IsSpeechVerb(LowerToken(doc, k)) || cover[k] >= 0) continue;
              if (k < i) {
                sources = SubjectsOf(x, k);
              } else {
                // "..., says the FBI" / "..., the FBI said".
                sources = ObjectsAfter(x, k + 1, 1);
                if (sources.empty()) sources = SubjectsOf(x, k);
              }
              if (!sources.empty()) break;
            }
            if (Negated(x, sentence.first_token, i)) return false;
            rule = "attribution";
            confidence *= 0.9;
            break;
          }
        }
        // "Kerry and Zarif held talks": a symmetric act among the subjects.
        if (targets.empty() && sources.size() >= 2 && Info(trig.relation).symmetric) {
          for (size_t a = 1; a < sources.size(); ++a) targets.push_back(sources[a]);
          sources.resize(1);
          rule += "+coordinated";
        }
        // Meeting or working with a happening is no relation.
        if (Info(trig.relation).symmetric) {
          targets.erase(std::remove_if(targets.begin(), targets.end(),
                                       [](const std::string& t) { return t.rfind("event:", 0) == 0; }),
                        targets.end());
        }
        bool produced = false;
        for (const std::string& source : sources) {
          for (const std::string& target : targets) {
            if (source == target) continue;
            produced = true;
            RelationCandidate r;
            r.source = source;
            r.target = target;
            r.relation = trig.relation;
            r.sentence = si;
            r.trigger = trigger_text;
            r.rule = rule + ":" + std::string(newsgraph::Name(trig.relation));
            r.cameo = trig.cameo;
            r.confidence = confidence;
            r.event = trig.event;
            state.relations.push_back(r);
          }
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
