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
bool NounContextBefore(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "the",         "a",           "an",        "this",
      "that",        "its",         "their",     "his",
      "her",         "any",         "recent",    "latest",
      "alleged",     "last",        "new",       "massive",
      "major",       "historic",    "second",    "first",
      "'s",          "\u2019s",     "cyber",     "nuclear",
      "destructive", "devastating", "deadly",    "such",
      "of",          "after",       "since",     "following",
      "over",        "against",     "about",     "unprecedented",
      "planned",     "upcoming",    "bilateral", "annual",
      "landmark",    "fresh",       "further"};
  return k.count(w) > 0;
}

// The first token of the nouns and adjectives that qualify the trigger at
// token i ("maritime border agreement", "retaliatory tariffs"): at most two
// lowercase words, no article, verb, time word or mention.
size_t ModifiersStart(const Document& doc, const std::vector<int>& covering,
                      const Sentence& sent, size_t i) {
  static const std::unordered_set<std::string_view> kNot = {
      "the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
      "her", "our", "any", "such", "of", "and", "or", "to", "in", "on", "for",
      "with", "by", "recent", "latest", "last", "new", "first", "second",
      "alleged", "further", "planned", "upcoming", "fresh", "more", "other",
      "same", "another", "after", "over", "against", "about", "since",
      "following", "is", "was", "are", "were",
      // Verbs that take these nouns ("hold talks", "impose sanctions").
      "hold", "holds", "make", "makes", "take", "takes", "give", "gives",
      "impose", "imposes", "launch", "launches", "sign", "signs", "stage",
      "stages", "conduct", "conducts", "resume", "resumes", "begin", "begins",
      "start", "starts", "end", "ends", "open", "opens", "call", "calls",
      "seek", "seeks", "announce", "announces", "join", "joins", "back",
      "backs", "condemn", "condemns", "reject", "rejects", "attend", "attends"};
  // The phrase must open after what opens a noun phrase: an article, a
  // possessive, a preposition, a name, punctuation ("will impose tariffs"
  // is no name of the tariffs).
  static const std::unordered_set<std::string_view> kOpeners = {
      "the",   "a",     "an",        "this", "that",   "these", "those",
      "its",   "their", "his",       "her",  "our",    "of",    "in",
      "on",    "for",   "with",      "by",   "after",  "over",  "against",
      "about", "since", "following", "'s",   "\u2019s"};
  auto opens = [&](size_t t) {
    return (covering[t] >= 0 &&
            doc.mentions[covering[t]].kind == NodeKind::kCountry) ||
           doc.tokens[t].shape == TokenShape::kPunctuation ||
           kOpeners.count(LowerToken(doc, t));
  };
  size_t start = i;
  size_t best = i;
  while (start > sent.first_token && start + 2 > i) {
    size_t t = start - 1;
    std::string_view text = doc.TokenText(t);
    std::string_view w = LowerToken(doc, t);
    if (covering[t] >= 0 || doc.tokens[t].shape != TokenShape::kWord ||
        text.empty() || !(text[0] >= 'a' && text[0] <= 'z') || kNot.count(w) ||
        (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) ||
        (w.size() > 2 && w.compare(w.size() - 2, 2, "ly") == 0)) {
      break;
    }
    start = t;
    if (start == sent.first_token || opens(start - 1)) best = start;
  }
  return best;
}

// The first mention of the sentence before token `limit` that is not in a
// prepositional phrase, with the mentions coordinated with it.
std::vector<std::string> SentenceSubjects(const Document& doc,
                                          const std::vector<int>& covering,
                                          const Sentence& sent, size_t limit) {
  static const std::unordered_set<std::string_view> kPrepositions = {
      "in",      "at",    "of",      "from",  "for",   "with",  "to",
      "on",      "by",    "against", "over",  "about", "after", "into",
      "between", "among", "during",  "since", "before"};
  std::vector<std::string> out;
  for (size_t t = sent.first_token; t < limit; ++t) {
    int m = covering[t];
    if (m < 0) continue;
    const EntityMention& mention = doc.mentions[m];
    std::string_view before = t > sent.first_token ? LowerToken(doc, t - 1) : "";
    if (before == "the" && t > sent.first_token + 1)
      before = LowerToken(doc, t - 2);
    size_t end = mention.last_token;
    bool possessor = end < sent.last_token && IsPossessive(doc.TokenText(end));
    if (kPrepositions.count(before) || possessor ||
        mention.kind == NodeKind::kEvent) {
      t = end - 1;
      continue;
    }
    out.push_back(mention.node_id);
    size_t k = end;
    while (k + 1 < limit &&
           (LowerToken(doc, k) == "and" || LowerToken(doc, k) == ",")) {
      size_t n = k + 1;
      if (LowerToken(doc, n) == "the") ++n;
      if (n >= limit || covering[n] < 0) break;
      out.push_back(doc.mentions[covering[n]].node_id);
      k = doc.mentions[covering[n]].last_token;
    }
    break;
  }
  return out;
}

bool ParticipantPreposition(std::string_view w) {
  return w == "on" || w == "against" || w == "of" || w == "targeting" ||
         w == "by" || w == "with" || w == "between" || w == "in";
}

}  // namespace

void EventStage::Run(Document& doc, DocumentState& state,
                     KnowledgeGraph&) const {
  const LexiconData& lex = *state.lexicon;
  std::vector<int> covering = TokenMentionMap(doc);
  std::map<std::string, LocalEvent> by_category;
  std::map<std::string, std::map<std::string, int>> trigger_counts;
  std::map<std::string, std::map<std::string, std::string>> fullest_names;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (size_t i = sent.first_token; i < sent.last_token; ++i) {
      const EventTrigger* best = nullptr;
      if (!lex.event_first_words.Find(LowerToken(doc, i))) continue;
      auto first = lex.events_by_first_word.find(std::string(doc.LowerTokenText(i)));
      if (first == lex.events_by_first_word.end()) continue;
      for (size_t index : first->second) {
        const EventTrigger& t = lex.event_triggers[index];
        if (i + t.words.size() > sent.last_token) continue;
        bool ok = true;
        for (size_t k = 0; k < t.words.size() && ok; ++k) {
          ok = LowerToken(doc, i + k) == t.words[k] && covering[i + k] < 0;
        }
        if (ok && (!best || t.words.size() > best->words.size())) best = &t;
      }
      if (!best) continue;
      const size_t end = i + best->words.size();
      std::string_view before = i > sent.first_token ? LowerToken(doc, i - 1) : "";
      std::string_view after = LowerToken(doc, end);
      bool mention_before =
          i > sent.first_token &&
          (covering[i - 1] >= 0 ||
           (IsPossessive(doc.TokenText(i - 1)) && i - 1 > sent.first_token &&
            covering[i - 2] >= 0));
      const size_t modifiers = ModifiersStart(doc, covering, sent, i);
      bool noun = sent.in_title || NounContextBefore(before) ||
                  mention_before || ParticipantPreposition(after) ||
                  modifiers < i;
      if (!noun) continue;
      LocalEvent& ev = by_category[best->category];
      ev.category = best->category;
      ev.cameo = best->cameo;
      ev.mentions.push_back(
          {doc.tokens[i].span.begin, doc.tokens[end - 1].span.end});
      ev.sentences.push_back(s);
      std::string trigger = Lower(doc.Text(ev.mentions.back()));
      trigger_counts[best->category][trigger]++;
      // The fullest name the text gives it: "maritime border agreement".
      std::string named = Lower(doc.Text(
          {doc.tokens[modifiers].span.begin, doc.tokens[end - 1].span.end}));
      std::string& fullest = fullest_names[best->category][trigger];
      if (named.size() > fullest.size()) fullest = named;
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
        int m = covering[i - 1] >= 0 ? covering[i - 1] : covering[i - 2];
        add(m);
        // "Sony hack" names the target; "North Korea's hack" the actor.
        if (covering[i - 1] >= 0 && ev.target.empty())
          ev.target = doc.mentions[m].node_id;
      }
      if (ParticipantPreposition(after) && after != "in") {
        size_t j = end + 1;
        while (j < sent.last_token && j < end + 4 && covering[j] < 0 &&
               doc.tokens[j].shape == TokenShape::kWord &&
               !StartsUpper(doc.TokenText(j))) {
          ++j;
        }
        if (j < sent.last_token && covering[j] >= 0) {
          add(covering[j]);
          if (after != "by" && after != "with" && after != "between") {
            ev.target = doc.mentions[covering[j]].node_id;
          }
        }
      }
      // The actors of the sentence take part: "Kerry and Zarif were in
      // nonstop negotiations", "Britain imposed sanctions".
      for (const std::string& id : SentenceSubjects(doc, covering, sent, i)) {
        if (std::find(ev.participants.begin(), ev.participants.end(), id) ==
            ev.participants.end()) {
          ev.participants.push_back(id);
        }
      }
      i = end - 1;
    }
  }
  for (auto& [category, ev] : by_category) {
    if (ev.mentions.size() >= 2) ev.salient = true;
    ev.id = "event:" + Slug(doc.id.empty() ? doc.origin : doc.id) + ":" +
            Slug(category);
    // The most used trigger names the event until RelationEventStage
    // labels it.
    const auto& counts = trigger_counts[category];
    const std::string& trigger =
        std::max_element(
            counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first;
    ev.label = fullest_names[category][trigger];
    state.events.push_back(std::move(ev));
  }
}

namespace {

// The word that names a category's events: the first trigger of events.tsv
// in that category ("expulsion").
std::string DisplayName(const LexiconData& lex, const std::string& category) {
  for (const EventTrigger& t : lex.event_triggers) {
    if (t.category != category) continue;
    std::string name;
    for (const std::string& w : t.words) name += (name.empty() ? "" : " ") + w;
    return name;
  }
  return category;
}

const char* Preposition(const std::string& category) {
  if (category == "talks" || category == "severing" ||
      category == "agreement") {
    return " with ";
  }
  if (category == "attack" || category == "sanctions" || category == "ban") {
    return " on ";
  }
  return " of ";
}

void AddParticipant(LocalEvent& ev, const std::string& id) {
  if (std::find(ev.participants.begin(), ev.participants.end(), id) ==
      ev.participants.end()) {
    ev.participants.push_back(id);
  }
}

}  // namespace

void RelationEventStage::Run(Document& doc, DocumentState& state,
                             KnowledgeGraph&) const {
  const LexiconData& lex = *state.lexicon;
  std::map<std::string, size_t> by_category;
  for (size_t k = 0; k < state.events.size(); ++k)
    by_category[state.events[k].category] = k;
  for (const RelationCandidate& r : state.relations) {
    // An act on an event makes the event one the article is about, and
    // its actor a participant.
    for (LocalEvent& ev : state.events) {
      if (ev.id != r.target) continue;
      ev.salient = true;
      AddParticipant(ev, r.source);
    }
    if (r.event.empty() || r.confidence < 0.6)
      continue;  // weak acts make no event
    // "X and Y met": the meeting is named elsewhere, if it matters.
    if (r.rule.find("+coordinated") != std::string::npos) continue;
    auto it = by_category.find(r.event);
    if (it == by_category.end()) {
      LocalEvent ev;
      ev.category = r.event;
      ev.id = "event:" + Slug(doc.id.empty() ? doc.origin : doc.id) + ":" +
              Slug(r.event);
      ev.mentions.push_back(r.sentence < doc.sentences.size()
                                ? doc.sentences[r.sentence].span
                                : Span{});
      ev.sentences.push_back(r.sentence);
      it = by_category.emplace(r.event, state.events.size()).first;
      state.events.push_back(std::move(ev));
    }
    LocalEvent& ev = state.events[it->second];
    // Another happening of the same kind ("Canada arrested Meng" in an
    // article about China's detentions): no actor in common, not joined.
    auto shares = [&](const std::string& id) {
      return std::find(ev.participants.begin(), ev.participants.end(), id) !=
             ev.participants.end();
    };
    if (ev.participants.size() >= 2 && !shares(r.source) && !shares(r.target))
      continue;
    ev.salient = true;
    ev.from_relation = true;
    AddParticipant(ev, r.source);
    if (r.target.rfind("event:", 0) != 0) {
      AddParticipant(ev, r.target);
      if (ev.target.empty()) ev.target = r.target;
    }
  }
  // Readable labels: "expulsion of Russia", "hack on Sony Pictures
  // Entertainment"; events named only by a verb take the category's name.
  for (LocalEvent& ev : state.events) {
    if (!ev.salient) continue;
    std::string head =
        ev.label.empty() ? DisplayName(lex, ev.category) : ev.label;
    std::string target =
        state.Has(ev.target) ? state.Entity(ev.target).node.label : "";
    ev.label = target.empty() ? head : head + Preposition(ev.category) + target;
  }
  // Only the events the article is about become nodes.
  state.events.erase(
      std::remove_if(state.events.begin(), state.events.end(),
                     [](const LocalEvent& ev) { return !ev.salient; }),
      state.events.end());
}

}  // namespace newsgraph
