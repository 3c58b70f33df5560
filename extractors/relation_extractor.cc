#include "extractors/relation_extractor.h"

#include <algorithm>
#include <unordered_set>

#include "extractors/document_state.h"
#include "extractors/relation_frames.h"
#include "extractors/sentence_roles.h"
#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

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
    SentenceView x{doc, sentence, cover, state, si};
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
