#include "extractors/relation_frames.h"

#include <algorithm>
#include <unordered_set>

#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

bool IsNamingVerb(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "call",      "calls",     "called",     "calling", "describe",
      "describes", "described", "describing", "brand",   "brands",
      "branded",   "branding",  "label",      "labels",  "labelled",
      "labeled",   "labelling", "labeling",   "term",    "termed",
      "terming",   "dub",       "dubbed",     "dubbing"};
  return k.count(w) > 0;
}

}  // namespace

// An evaluation at token i ("a provocation", "unacceptable"): who made it
// and of whom or what. "X called/described Y (as) a <word>": the object of
// the naming verb; "X said (that) Y was <word>" and "Y is <word>, X said":
// the subject of the clause. A pronoun object stands for the latest event.
void Evaluation(const SentenceView& x, size_t i,
                std::vector<std::string>* sources,
                std::vector<std::string>* targets) {
  size_t lower = i > x.s.first_token + 15 ? i - 15 : x.s.first_token;
  size_t verb = i;
  for (size_t t = i; t > lower; --t) {
    std::string_view w = x.Low(t - 1);
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
    while (t > object && t + 5 > i && !IsBe(x.Low(t - 1)) &&
           x.Low(t - 1) != "as" && x.MentionAt(t - 1) < 0) {
      --t;
    }
    if (t == object || t + 5 <= i || x.MentionAt(t - 1) >= 0) return;
  }
  std::string_view first = x.Low(object);
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
      if (!counterparts || roles[a] == roles[b])
        pairs.emplace_back(members[a], members[b]);
    }
  }
  return pairs;
}

// A trigger used as a noun after its actor, in a phrase saying the clause's
// subject bears it: "under EU sanctions", "the subject of United States
// sanctions", "the target of Israeli strikes".
bool NounUnder(const SentenceView& x, size_t i,
               std::vector<std::string>* sources,
               std::vector<std::string>* targets) {
  int actor = x.MentionAt(i > x.s.first_token ? i - 1 : i);
  if (i == x.s.first_token || actor < 0) return false;
  size_t before = x.M(actor).first_token;
  if (before < x.s.first_token + 1) return false;
  std::string_view w = x.Low(before - 1);
  bool bears =
      w == "under" ||
      (w == "of" && before >= x.s.first_token + 2 &&
       (x.Low(before - 2) == "subject" || x.Low(before - 2) == "target"));
  if (!bears) return false;
  size_t phrase = w == "under" ? before - 1 : before - 2;
  while (phrase > x.s.first_token &&
         (x.Low(phrase - 1) == "the" || x.Low(phrase - 1) == "a")) {
    --phrase;
  }
  *targets = SubjectsOf(x, phrase);
  AddNamed(x.M(actor), sources);
  return !targets->empty();
}

// Relations whose threat is a threat: sanctions and attacks.
bool IsHostile(RelationKind r) {
  return r == RelationKind::kSanctions || r == RelationKind::kAttacks;
}

// The act at token i is the complement of a threat: "threatened to",
// "vowed to", "warned it would".
bool Threatened(const SentenceView& x, size_t i) {
  static const std::unordered_set<std::string_view> kThreats = {
      "threaten", "threatens", "threatened", "threatening", "vow",
      "vows",     "vowed",     "vowing",     "warn",        "warns",
      "warned",   "warning",   "pledge",     "pledges",     "pledged",
      "promise",  "promises",  "promised"};
  size_t t = i;
  while (t > x.s.first_token && t + 4 > i && IsAdverb(x.Low(t - 1)) &&
         x.Low(t - 1) != "to")
    --t;
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
  return t >= x.s.first_token + 3 && x.Low(t - 1) == "would" &&
         x.MentionAt(t - 2) >= 0 && kThreats.count(x.Low(t - 3)) > 0;
}

// "The British government is to expel 23 Russian diplomats, Theresa May
// said": an official who announces an act of the state or body they serve
// takes part in it.
std::vector<std::string> AnnouncedBy(const SentenceView& x, size_t i,
                                     const std::vector<std::string>& sources) {
  std::vector<std::string> out;
  // Only an official serving one of the sources can be added: most
  // documents have none, and need no search for the speakers.
  auto serves_a_source = [&sources](const LocalEntity& e) {
    if (e.node.kind != NodeKind::kOfficial) return false;
    for (const Affiliation& a : e.affiliations) {
      if (std::find(sources.begin(), sources.end(), a.target) != sources.end())
        return true;
    }
    return false;
  };
  bool possible = false;
  for (const auto& [id, e] : x.state.entities) {
    if (serves_a_source(e)) {
      possible = true;
      break;
    }
  }
  if (!possible) return out;
  size_t verb = i;
  std::vector<std::string> speakers = Speakers(x, i, &verb);
  // Not an act told of in a relative clause ("an attack, which U.S.
  // officials blame on ...").
  for (size_t t = std::min(verb, i); t < std::max(verb, i); ++t) {
    if (x.Low(t) == "which" || x.Low(t) == "who") return out;
  }
  for (const std::string& speaker : speakers) {
    auto it = x.state.entities.find(speaker);
    if (it == x.state.entities.end() ||
        it->second.node.kind != NodeKind::kOfficial)
      continue;
    for (const Affiliation& a : it->second.affiliations) {
      if (std::find(sources.begin(), sources.end(), a.target) !=
              sources.end() &&
          std::find(sources.begin(), sources.end(), speaker) == sources.end()) {
        out.push_back(speaker);
        break;
      }
    }
  }
  return out;
}

}  // namespace newsgraph
