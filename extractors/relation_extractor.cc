#include "extractors/relation_extractor.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "extractors/document_state.h"
#include "extractors/relation_frames.h"
#include "extractors/sentence_roles.h"
#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

// A trigger whose words were found at tokens first .. last of a sentence.
struct TriggerHit {
  const RelationTrigger& trigger;
  size_t words;  // how many words the trigger has
  size_t first;
  size_t last;
};

// What a frame reads off the sentence for one trigger: who acts on whom,
// and as what.
struct Reading {
  std::vector<std::string> sources;
  std::vector<std::string> targets;
  RelationKind relation;
  std::string cameo;
  double confidence;
  std::string rule;
};

// A verb and its subject and object (or agent, when passive); the verb may
// turn out to be a noun, a gerund or an act borne under a noun.
bool ReadVerb(const SentenceView& x, const TriggerHit& hit, Reading* r) {
  const Document& doc = x.doc;
  // "the agreement signed between Turkey and Libya": among them.
  if (Info(hit.trigger.relation).symmetric &&
      LowerToken(doc, hit.last + 1) == "between") {
    r->sources = ObjectsAfter(x, hit.last + 2, 2);
    if (r->sources.size() < 2) return false;
    r->rule = "between";
    return true;
  }
  // A gerund is a noun after an article ("a regular briefing"),
  // before an event it qualifies ("Hacking Attack") and before "of"
  // ("U.S. Killing Of Soleimani": the act of the one before it).
  if (IsGerund(LowerToken(doc, hit.first))) {
    if ((hit.first >= x.s.first_token + 2 &&
         IsDeterminer(LowerToken(doc, hit.first - 2))) ||
        !EventAfter(x, hit.last + 1, 1).empty()) {
      return false;
    }
    if (LowerToken(doc, hit.last + 1) == "of") {
      if (hit.first == x.s.first_token || x.cover[hit.first - 1] < 0)
        return false;
      AddNamed(x.doc.mentions[x.cover[hit.first - 1]], &r->sources);
      r->targets = ObjectsAfter(x, hit.last + 2, 3);
      r->rule = "gerund";
      return true;
    }
  }
  // "Turkey is under EU sanctions", "Mahan has been the subject of
  // United States sanctions": the qualifier acts on the subject.
  if (hit.trigger.frame == Frame::kSubjectVerbObject &&
      NounUnder(x, hit.first, &r->sources, &r->targets)) {
    r->rule = "under";
    return true;
  }
  std::string_view prev =
      hit.first > x.s.first_token ? LowerToken(doc, hit.first - 1) : "";
  std::string_view prev2 =
      hit.first > x.s.first_token + 1 ? LowerToken(doc, hit.first - 2) : "";
  // The agent: "by X" after the verb, maybe after a short phrase
  // ("was condemned in a joint statement by Egypt").
  size_t by = hit.last + 1;
  while (by < x.s.last_token && by < hit.last + 6 && x.cover[by] < 0 &&
         LowerToken(doc, by) != "by" && LowerToken(doc, by) != ",") {
    ++by;
  }
  bool passive = (IsBe(prev) || IsBe(prev2)) && LowerToken(doc, by) == "by";
  // "on request from", "the attack", "Sony hack says": a noun,
  // not this verb.
  std::string_view next = LowerToken(doc, hit.last + 1);
  // "pledged further support for": a noun after a verb and its
  // adjective.
  bool after_verb = LooksLikeVerb(prev) ||
                    (LooksLikeVerb(prev2) && hit.first > x.s.first_token &&
                     x.cover[hit.first - 1] < 0 && !IsAdverb(prev) &&
                     IsLowerWord(doc.TokenText(hit.first - 1)));
  if (IsSpeechVerb(next) || IsBe(next) || after_verb || prev == "the" ||
      prev == "a" || prev == "an" || (IsPreposition(prev) && prev != "to") ||
      prev == "its" || prev == "their" || prev == "his" || prev == "her" ||
      IsPossessive(prev) || prev == "this" || prev == "any") {
    return false;
  }
  if (passive) {
    r->sources = ObjectsAfter(x, by + 1, 3);
    r->targets = SubjectsOf(x, hit.first);
    // "The missile launch was condemned by Japan".
    if (r->targets.empty()) {
      std::string ev =
          EventAfter(x, x.s.first_token, hit.first - x.s.first_token);
      if (!ev.empty()) r->targets.push_back(ev);
    }
    r->rule = "passive";
  } else if (prev != "to" && (IsBe(prev) || IsBe(prev2)) &&
             !(x.Low(hit.first).size() > 4 &&
               x.Low(hit.first).compare(x.Low(hit.first).size() - 3, 3,
                                        "ing") == 0)) {
    // Passive without an agent, or a predicate adjective; but "is
    // investigating" is active.
    return false;
  } else {
    r->sources = SubjectsOf(x, hit.first);
    r->targets = ObjectsAfter(x, hit.last + 1);
    // "demanded that Russia stop", "urged that Iran ...".
    if (r->targets.empty() && LowerToken(doc, hit.last + 1) == "that" &&
        (hit.trigger.relation == RelationKind::kDemands ||
         hit.trigger.relation == RelationKind::kAppealsTo)) {
      r->targets = ObjectsAfter(x, hit.last + 2, 1);
    }
    // "vetoed the UN resolution": the object is the happening the
    // entity only qualifies.
    std::string ev = EventAfter(x, hit.last + 1, 4);
    if (!ev.empty()) {
      bool entity_first = false;
      for (size_t t = hit.last + 1; t < x.s.last_token && t < hit.last + 5;
           ++t) {
        int m = x.MentionAt(t);
        if (m < 0) continue;
        // "the accord with Iran": the event comes first; "the UN
        // resolution": the entity only qualifies the event.
        size_t after = x.M(m).last_token;
        entity_first = EventAfter(x, hit.last + 1, t - hit.last - 1).empty() &&
                       EventAfter(x, after, 1).empty();
        break;
      }
      if (r->targets.empty() || !entity_first) r->targets = {ev};
    }
    r->rule = hit.trigger.frame == Frame::kSubjectVerbObject ? "svo" : "svpo";
  }
  // "vowed to take countermeasures against", "threatened to
  // impose sanctions": a threat of the act.
  if (IsHostile(r->relation) && Threatened(x, hit.first)) {
    r->relation = RelationKind::kThreatens;
    r->cameo = "13";
    r->rule = "threat-" + r->rule;
  }
  // "Russia did not support the resolution": it opposes it.
  std::string negation = Negation(x, x.s.first_token, hit.first);
  if (!negation.empty()) {
    if (hit.trigger.relation != RelationKind::kSupports ||
        !(negation == "not" || negation == "n't" || negation == "never" ||
          negation == "refused" || negation == "declined")) {
      return false;
    }
    r->relation = RelationKind::kOpposes;
    r->cameo = "12";
    r->rule = "negated-" + r->rule;
  }
  return true;
}

// A noun: its object through a preposition ("talks with", "support for"),
// its actor from a possessor ("Washington's accusations") or the clause.
bool ReadNoun(const SentenceView& x, const TriggerHit& hit, Reading* r) {
  const Document& doc = x.doc;
  // A one-word noun names its target through a preposition: "talks
  // with", "support for"; "the meeting of X" is no act on X.
  static const std::unordered_set<std::string_view> kNounPrepositions = {
      "with", "between", "for", "to", "against", "on"};
  bool has_object = hit.words > 1 ||
                    kNounPrepositions.count(LowerToken(doc, hit.last + 1)) > 0;
  if (has_object) r->targets = ObjectsAfter(x, hit.last + 1, 3);
  // "talks between A and B", "a meeting involving the heads of A
  // and B, alongside C": among those it names.
  size_t joined =
      hit.last + 1;  // maybe after a place: "a meeting in Doha involving"
  while (joined < x.s.last_token && joined < hit.last + 4 &&
         LowerToken(doc, joined) != "between" &&
         LowerToken(doc, joined) != "involving" &&
         doc.tokens[joined].shape == TokenShape::kWord) {
    ++joined;
  }
  std::string_view joiner = LowerToken(doc, joined);
  if ((joiner == "between" || joiner == "involving") &&
      Info(hit.trigger.relation).symmetric) {
    std::vector<std::string> members = ObjectsAfter(x, joined + 1, 4);
    if (members.size() >= 2) {
      r->sources = members;
      r->targets.clear();
      r->rule = "noun-between";
      return true;
    }
  }
  if (r->targets.empty()) {
    std::string ev = EventAfter(x, hit.last + 1);
    if (!ev.empty()) r->targets.push_back(ev);
  }
  // The possessor: "Washington's accusations", "its opposition".
  size_t k = hit.first;
  while (k > x.s.first_token && k + 3 > hit.first &&
         !IsPossessive(doc.TokenText(k - 1)) && x.cover[k - 1] < 0 &&
         LowerToken(doc, k - 1) != "its" && LowerToken(doc, k - 1) != "their") {
    --k;
  }
  if (k > x.s.first_token && IsPossessive(doc.TokenText(k - 1)) &&
      k >= x.s.first_token + 2 && x.cover[k - 2] >= 0) {
    r->sources.push_back(x.doc.mentions[x.cover[k - 2]].node_id);
  } else if (k > x.s.first_token && x.cover[k - 1] >= 0 && k + 2 > hit.first &&
             (x.doc.mentions[x.cover[k - 1]].kind == NodeKind::kCountry ||
              x.doc.mentions[x.cover[k - 1]].coreference)) {
    // "her deadline for Russia": a possessive pronoun too.
    // "North Korean hacking attack on Sony": the actor qualifies the act.
    r->sources.push_back(x.doc.mentions[x.cover[k - 1]].node_id);
  } else {
    // "... and pledged further support for": the clause's subject.
    size_t conj = 0;
    for (size_t k2 = hit.first; k2 > x.s.first_token && k2 + 4 > hit.first;
         --k2) {
      if (x.cover[k2 - 1] >= 0) break;
      if (LowerToken(doc, k2 - 1) == "and") {
        conj = k2 - 1;
        break;
      }
    }
    r->sources = conj > x.s.first_token && x.cover[conj - 1] < 0
                     ? ClauseSubjects(x, conj)
                     : SubjectsOf(x, hit.first);
    r->confidence *= 0.8;
  }
  if (Negated(x, x.s.first_token, hit.first)) return false;
  r->rule = "noun";
  return true;
}

// A mutual act: "Japan and South Korea clash", "Japan clashed with Korea":
// each acts on the other.
bool ReadMutual(const SentenceView& x, const TriggerHit& hit, Reading* r) {
  const Document& doc = x.doc;
  // "Japan and South Korea clash", "Japan clashed with Korea":
  // each acts on the other.
  // "a clash of cultures": a noun.
  if (hit.first > x.s.first_token &&
      IsDeterminer(LowerToken(doc, hit.first - 1)))
    return false;
  r->sources = SubjectsOf(x, hit.first);
  if (LowerToken(doc, hit.last + 1) == "with")
    r->targets = ObjectsAfter(x, hit.last + 2, 3);
  if (Negated(x, x.s.first_token, hit.first)) return false;
  r->rule = "mutual";
  return true;
}

bool ReadEvaluation(const SentenceView& x, const TriggerHit& hit, Reading* r) {
  Evaluation(x, hit.first, &r->sources, &r->targets);
  if (Negated(x, x.s.first_token, hit.first)) return false;
  r->rule = "evaluation";
  return true;
}

// Y was behind ..., said X / X said Y was behind ...
bool ReadAttribution(const SentenceView& x, const TriggerHit& hit, Reading* r) {
  // Y was behind ..., said X / X said Y was behind ...
  r->targets = SubjectsOf(x, hit.first);
  if (r->targets.size() > 1) r->targets.resize(1);
  r->sources = Speakers(x, hit.first);
  if (Negated(x, x.s.first_token, hit.first)) return false;
  r->rule = "attribution";
  r->confidence *= 0.9;
  return true;
}

bool Read(const SentenceView& x, const TriggerHit& hit, Reading* r) {
  switch (hit.trigger.frame) {
    case Frame::kSubjectVerbObject:
    case Frame::kSubjectVerbPrepObj:
      return ReadVerb(x, hit, r);
    case Frame::kNoun:
      return ReadNoun(x, hit, r);
    case Frame::kMutual:
      return ReadMutual(x, hit, r);
    case Frame::kEvaluation:
      return ReadEvaluation(x, hit, r);
    case Frame::kAttribution:
      return ReadAttribution(x, hit, r);
  }
  return false;
}

// Who acts on whom, pair by pair, from what a frame read.
std::vector<std::pair<std::string, std::string>> Pairs(const SentenceView& x,
                                                       const TriggerHit& hit,
                                                       Reading* r) {
  // Meeting or working with a happening is no relation.
  if (Info(hit.trigger.relation).symmetric) {
    r->targets.erase(std::remove_if(r->targets.begin(), r->targets.end(),
                                    [](const std::string& t) {
                                      return t.rfind("event:", 0) == 0;
                                    }),
                     r->targets.end());
  }
  // "Kerry and Zarif held talks", "the meeting was attended by A, B
  // and C": a symmetric act among all of them, each pair once; but not
  // "Mexico and Panama attended the ceremony".
  std::vector<std::pair<std::string, std::string>> pairs;
  if (r->sources.empty() && r->targets.size() >= 2 &&
      Info(hit.trigger.relation).symmetric) {
    std::swap(r->sources, r->targets);  // "was attended by A, B and C"
  }
  if (r->targets.empty() && r->sources.size() >= 2 &&
      Info(hit.trigger.relation).symmetric) {
    pairs = MeetingPairs(x.state, r->sources);
    r->rule += "+coordinated";
  } else if (hit.trigger.frame == Frame::kMutual) {
    std::vector<std::string> sides = r->sources;
    sides.insert(sides.end(), r->targets.begin(), r->targets.end());
    for (const std::string& a : sides) {
      for (const std::string& b : sides) pairs.emplace_back(a, b);
    }
  } else {
    // A speaker joins sources, each paired with every target: with no
    // source (whom the speaker must serve) or no target, none is sought.
    if (hit.trigger.frame != Frame::kAttribution &&
        hit.trigger.frame != Frame::kEvaluation && !r->sources.empty() &&
        !r->targets.empty()) {
      for (const std::string& speaker : AnnouncedBy(x, hit.first, r->sources))
        r->sources.push_back(speaker);
    }
    for (const std::string& source : r->sources) {
      for (const std::string& target : r->targets)
        pairs.emplace_back(source, target);
    }
  }
  return pairs;
}

// "," "." or ";": no trigger's words match across one. One byte, so
// tested as one (an std::string == "," is an out-of-line compare).
bool IsClauseBreak(std::string_view low) {
  return low.size() == 1 && (low[0] == ',' || low[0] == '.' || low[0] == ';');
}

}  // namespace

RelationStage::RelationStage(const LexiconData& lexicon) {
  // The id of a form in `table`, given on first sight (1, 2 ...).
  auto id_of = [](WordTable& table, const std::string& form) {
    uint32_t id = table.Find(form);
    if (id == 0) {
      id = static_cast<uint32_t>(table.size()) + 1;
      table.Add(form, id);
    }
    return id;
  };
  // (first form id, trigger), in lexicon order.
  std::vector<std::pair<uint32_t, IndexedTrigger>> by_first;
  for (const RelationTrigger& t : lexicon.relation_triggers) {
    IndexedTrigger indexed{&t, static_cast<uint32_t>(t.words.size()),
                           static_cast<uint32_t>(later_words_.size())};
    for (size_t w = 1; w < t.words.size(); ++w) {
      const uint32_t begin = static_cast<uint32_t>(later_ids_.size());
      for (const std::string& form : Inflections(t.words[w]))
        later_ids_.push_back(id_of(later_forms_, form));
      later_words_.emplace_back(begin,
                                static_cast<uint32_t>(later_ids_.size()));
    }
    for (const std::string& form : Inflections(t.words[0]))
      by_first.emplace_back(id_of(first_forms_, form), indexed);
  }
  // By first form, the longest first: Matches() then needs no sorting.
  std::stable_sort(by_first.begin(), by_first.end(),
                   [](const auto& a, const auto& b) {
                     return a.first != b.first ? a.first < b.first
                                               : a.second.words > b.second.words;
                   });
  by_first_form_.assign(first_forms_.size() + 1, {0, 0});
  for (const auto& [id, trigger] : by_first) {
    if (by_first_form_[id].second == 0) {
      by_first_form_[id].first = static_cast<uint32_t>(triggers_.size());
    }
    triggers_.push_back(trigger);
    by_first_form_[id].second = static_cast<uint32_t>(triggers_.size());
  }
}

void RelationStage::Matches(const Document& doc, const Sentence& sentence,
                            size_t i, uint32_t first,
                            std::vector<uint32_t>* later,
                            std::vector<Match>* matches) const {
  matches->clear();
  // Later forms are looked up only here, near a first word, once a token.
  auto later_id = [&](size_t k) {
    uint32_t& id = (*later)[k];
    if (id == kNotLookedUp) id = later_forms_.Find(LowerToken(doc, k));
    return id;
  };
  // Where a second word can be: a later form within four tokens, before a
  // clause break (no form is one). Found once for every trigger; most first
  // words ("is", "cut", "take") have none there, or one.
  size_t near[4];
  size_t near_count = 0;
  for (size_t k = i + 1; k < sentence.last_token && k <= i + 4; ++k) {
    if (later_id(k) != 0) {
      near[near_count++] = k;
    } else if (IsClauseBreak(LowerToken(doc, k))) {
      break;
    }
  }
  // Whether `id` is a surface form of later word w (of later_words_).
  auto is_form = [this](size_t w, uint32_t id) {
    const auto [begin, end] = later_words_[w];
    for (uint32_t f = begin; f < end; ++f) {
      if (later_ids_[f] == id) return true;
    }
    return false;
  };
  const auto [begin, end] = by_first_form_[first];
  for (uint32_t c = begin; c < end; ++c) {
    const IndexedTrigger& cand = triggers_[c];
    size_t pos = i;
    bool ok = true;
    if (cand.words > 1) {
      ok = false;
      for (size_t n = 0; n < near_count && !ok; ++n) {
        if (is_form(cand.later_word, (*later)[near[n]])) {
          pos = near[n];
          ok = true;
        }
      }
    }
    // Each further word within four tokens of the one before it.
    for (size_t w = 2; w < cand.words && ok; ++w) {
      ok = false;
      for (size_t k = pos + 1; k < sentence.last_token && k <= pos + 4; ++k) {
        const uint32_t id = later_id(k);
        if (id != 0 && is_form(cand.later_word + w - 1, id)) {
          pos = k;
          ok = true;
          break;
        }
        if (IsClauseBreak(LowerToken(doc, k))) break;
      }
    }
    if (ok) matches->emplace_back(&cand, pos);
  }
}

void RelationStage::Run(Document& doc, DocumentState& state,
                        KnowledgeGraph&) const {
  std::vector<int> cover = TokenMentionMap(doc);
  // later_forms_ ids by token, looked up when first needed.
  std::vector<uint32_t> later(doc.tokens.size(), kNotLookedUp);
  std::vector<Match> matches;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sentence = doc.sentences[si];
    if (sentence.last_token > sentence.first_token &&
        doc.TokenText(sentence.last_token - 1) == "?") {
      continue;
    }
    // Every frame finds the actor among the sentence's mentions (its
    // subject, a possessor, a speaker): with none there is no relation.
    bool has_mention = false;
    for (size_t t = sentence.first_token; t < sentence.last_token; ++t) {
      if (cover[t] >= 0) {
        has_mention = true;
        break;
      }
    }
    if (!has_mention) continue;
    SentenceView x{doc, sentence, cover, state, si};
    for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
      if (cover[i] >= 0) continue;
      const uint32_t first = first_forms_.Find(LowerToken(doc, i));
      if (first == 0) continue;
      // Every trigger whose words follow in order, with short gaps; the
      // longest is tried first, and a shorter one when the longer yields no
      // relation ("is in talks with": not the verb "talk with", the noun).
      Matches(doc, sentence, i, first, &later, &matches);
      for (const auto& [cand, last] : matches) {
        const RelationTrigger& trigger = *cand->trigger;
        TriggerHit hit{trigger, cand->words, i, last};
        Reading reading{
            {}, {}, trigger.relation, trigger.cameo, trigger.confidence, ""};
        if (!Read(x, hit, &reading)) continue;
        bool produced = false;
        for (const auto& [source, target] : Pairs(x, hit, &reading)) {
          if (source == target) continue;
          produced = true;
          RelationCandidate r;
          r.source = source;
          r.target = target;
          r.relation = reading.relation;
          r.sentence = si;
          r.trigger = std::string(
              doc.Text({doc.tokens[i].span.begin, doc.tokens[last].span.end}));
          r.rule = reading.rule + ":" +
                   std::string(newsgraph::Name(reading.relation));
          r.cameo = reading.cameo;
          r.confidence = reading.confidence;
          r.event = trigger.event;
          state.relations.push_back(std::move(r));
        }
        if (produced) {
          i = last;
          break;
        }
      }
    }
  }
}

}  // namespace newsgraph
