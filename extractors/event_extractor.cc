#include "extractors/event_extractor.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "extractors/document_state.h"
#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

// Words before a noun that show it is a noun ("the attack", "its hack").
bool NounContextBefore(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "the", "a", "an", "this", "that", "its", "their", "his", "her", "any",
      "recent", "latest", "alleged", "last", "new", "massive", "major",
      "historic", "second", "first", "'s", "\u2019s", "cyber", "nuclear",
      "destructive", "devastating", "deadly", "such", "of", "after", "since",
      "following", "over", "against", "about", "unprecedented", "planned",
      "upcoming", "bilateral", "annual", "landmark", "fresh", "further"};
  return k.count(w) > 0;
}

bool ParticipantPreposition(const std::string& w) {
  return w == "on" || w == "against" || w == "of" || w == "targeting" || w == "by" ||
         w == "with" || w == "between" || w == "in";
}

}  // namespace

void EventStage::Run(Document& doc, DocumentState& state, KnowledgeGraph&) const {
  const LexiconData& lex = *state.lexicon;
  std::vector<int> covering = TokenMentionMap(doc);
  std::map<std::string, LocalEvent> by_category;
  std::map<std::string, std::map<std::string, int>> trigger_counts;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (size_t i = sent.first_token; i < sent.last_token; ++i) {
      const EventTrigger* best = nullptr;
      for (const EventTrigger& t : lex.event_triggers) {
        if (i + t.words.size() > sent.last_token) continue;
        bool ok = true;
        for (size_t k = 0; k < t.words.size() && ok; ++k) {
          ok = LowerToken(doc, i + k) == t.words[k] && covering[i + k] < 0;
        }
        if (ok && (!best || t.words.size() > best->words.size())) best = &t;
      }
      if (!best) continue;
      const size_t end = i + best->words.size();
      std::string before = i > sent.first_token ? LowerToken(doc, i - 1) : "";
      std::string after = LowerToken(doc, end);
      bool mention_before = i > sent.first_token &&
                            (covering[i - 1] >= 0 ||
                             (IsPossessive(doc.TokenText(i - 1)) && i - 1 > sent.first_token &&
                              covering[i - 2] >= 0));
      bool noun = sent.in_title || NounContextBefore(before) || mention_before ||
                  ParticipantPreposition(after);
      if (!noun) continue;
      LocalEvent& ev = by_category[best->category];
      ev.category = best->category;
      ev.cameo = best->cameo;
      ev.mentions.push_back({doc.tokens[i].span.begin, doc.tokens[end - 1].span.end});
      ev.sentences.push_back(s);
      std::string trigger(doc.Text(ev.mentions.back()));
      trigger_counts[best->category][Lower(trigger)]++;
      if (sent.in_title) ev.salient = true;
      // Participants: "X hack", "X's attack", "attack on X", "attack by X".
      auto add = [&](int m) {
        if (m < 0) return;
        const std::string& id = doc.mentions[m].node_id;
        if (std::find(ev.participants.begin(), ev.participants.end(), id) ==
            ev.participants.end()) {
          ev.participants.push_back(id);
        }
        ev.salient = true;
      };
      if (mention_before) {
        add(covering[i - 1] >= 0 ? covering[i - 1] : covering[i - 2]);
      }
      if (ParticipantPreposition(after) && after != "in") {
        size_t j = end + 1;
        while (j < sent.last_token && j < end + 4 && covering[j] < 0 &&
               doc.tokens[j].shape == TokenShape::kWord && !StartsUpper(doc.TokenText(j))) {
          ++j;
        }
        if (j < sent.last_token) add(covering[j]);
      }
      i = end - 1;
    }
  }
  // In an article about a cyberattack, "the attack" is that cyberattack.
  auto cyber = by_category.find("cyberattack");
  auto plain = by_category.find("attack");
  if (cyber != by_category.end() && plain != by_category.end()) {
    LocalEvent& into = cyber->second;
    for (size_t k = 0; k < plain->second.mentions.size(); ++k) {
      into.mentions.push_back(plain->second.mentions[k]);
      into.sentences.push_back(plain->second.sentences[k]);
    }
    for (const std::string& p : plain->second.participants) {
      if (std::find(into.participants.begin(), into.participants.end(), p) ==
          into.participants.end()) {
        into.participants.push_back(p);
      }
    }
    into.salient = into.salient || plain->second.salient;
    by_category.erase(plain);
  }
  for (auto& [category, ev] : by_category) {
    if (ev.mentions.size() >= 2) ev.salient = true;
    if (!ev.salient) continue;
    // Label: the most used trigger, with the first participant that is a
    // target ("hack of Sony Pictures Entertainment").
    const auto& counts = trigger_counts[category];
    std::string trigger = std::max_element(counts.begin(), counts.end(),
                                           [](const auto& a, const auto& b) {
                                             return a.second < b.second;
                                           })->first;
    ev.label = trigger;
    if (!ev.participants.empty()) {
      const LocalEntity& p = state.Entity(ev.participants.front());
      ev.label += (category == "talks" || category == "meeting" || category == "call"
                       ? " with "
                       : category == "attack" || category == "cyberattack" ? " on " : " of ");
      ev.label += p.node.label;
    }
    ev.id = "event:" + Slug(doc.id.empty() ? doc.origin : doc.id) + ":" + Slug(category);
    state.events.push_back(std::move(ev));
  }
}

}  // namespace newsgraph
