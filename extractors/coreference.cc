#include "extractors/coreference.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "extractors/document_state.h"
#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

enum class Want { kPerson, kThing, kGroup, kCountry };

enum class Gender { kUnknown, kFemale, kMale };

// What the article says of an official's gender: titles ("spokeswoman",
// "Mrs May") and well-known first names.
Gender GenderOf(const Document& doc, const LocalEntity& e) {
  static const std::unordered_set<std::string> kFemaleNames = {
      "theresa",       "angela",     "hillary",  "nancy",        "nikki",
      "condoleezza",   "madeleine",  "federica", "ursula",       "kaja",
      "annalena",      "liz",        "penny",    "julie",        "christine",
      "kamala",        "jacinda",    "julia",    "sanae",        "giorgia",
      "marine",        "chrystia",   "melanie",  "catherine",    "maria",
      "samantha",      "susan",      "linda",    "margaret",     "yulia",
      "sheikh hasina", "benazir",    "indira",   "golda",        "tzipi",
      "michelle",      "dilma",      "cristina", "mette",
      "sanna",         "kristalina", "ngozi",    "tehmina",      "anne",
      "priti",         "suella",     "yvette",   "mary",         "emily",
      "karine",        "jen",        "dana",     "tammy",        "kristi",
      "gina",          "janet",      "tulsi",    "pam",          "kelly",
      "mao",           "hua",        "ing-wen",  "park geun-hye"};
  static const std::unordered_set<std::string> kMaleNames = {
      "john",      "barack",  "donald",    "joe",       "vladimir", "sergey",
      "sergei",    "xi",      "boris",     "emmanuel",  "mohammad", "mohammed",
      "muhammad",  "ali",     "abdel",     "benjamin",  "recep",    "narendra",
      "imran",     "shinzo",  "justin",    "jean-yves", "mike",     "rex",
      "antony",    "marco",   "dmitry",    "ahmed",     "hassan",   "javad",
      "george",    "tony",    "david",     "james",     "william",  "robert",
      "michael",   "richard", "thomas",    "charles",   "mark",     "paul",
      "peter",     "olaf",    "friedrich", "keir",      "rishi",    "fumio",
      "yoshihide", "moon",    "vitaly",    "gennady",   "wang",     "li",
      "zhao",      "vijay",   "shah",      "ajay",      "hamid",    "amir",
      "qasem",     "abbas",   "ayatollah", "kyriakos",  "nikos",    "recep",
      "mevlut",    "hakan"};
  std::string role = Lower(e.node.role);
  if (role.find("woman") != std::string::npos ||
      role.find("queen") != std::string::npos ||
      role.find("princess") != std::string::npos) {
    return Gender::kFemale;
  }
  if (role.find("spokesman") != std::string::npos ||
      role.find("chairman") != std::string::npos ||
      role.find("king") != std::string::npos ||
      role.find("prince") != std::string::npos ||
      role.find("sheikh") != std::string::npos ||
      role.find("emir") != std::string::npos) {
    return Gender::kMale;
  }
  for (const EntityMention& m : doc.mentions) {
    if (m.node_id != e.node.id || m.first_token == 0) continue;
    std::string before = Lower(doc.TokenText(m.first_token - 1));
    if (before == "mrs" || before == "mrs." || before == "ms" ||
        before == "ms.")
      return Gender::kFemale;
    if (before == "mr" || before == "mr.") return Gender::kMale;
  }
  std::string label = Lower(e.node.label);
  std::string first = label.substr(0, label.find(' '));
  if (kFemaleNames.count(first)) return Gender::kFemale;
  if (kMaleNames.count(first)) return Gender::kMale;
  return Gender::kUnknown;
}

bool Compatible(const LocalEntity& e, Want want) {
  switch (want) {
    case Want::kPerson:
      return e.node.kind == NodeKind::kOfficial;
    case Want::kThing:
      return e.node.kind == NodeKind::kCountry ||
             (e.node.kind == NodeKind::kOrganization && !e.needs_relation);
    case Want::kGroup:
      return e.needs_relation || e.node.kind == NodeKind::kCountry;
    case Want::kCountry:
      return e.node.kind == NodeKind::kCountry;
  }
  return false;
}

// The length of a role named without a name at token i: a role noun
// ("minister", "ambassador"), maybe after one qualifier ("prime
// minister", "foreign secretary"); 0 when there is none.
size_t RoleLength(const Document& doc, size_t i, size_t end) {
  // Compared inline (each test is a size check first): a hashed set costs
  // more for so few words, and this runs at every "the".
  auto is_role = [](std::string_view w) {
    return w == "minister" || w == "spokeswoman" || w == "spokesman" ||
           w == "spokesperson" || w == "president" || w == "premier" ||
           w == "chancellor" || w == "secretary" || w == "ambassador" ||
           w == "envoy";
  };
  auto is_qualifier = [](std::string_view w) {
    return w == "prime" || w == "foreign" || w == "defence" ||
           w == "defense" || w == "finance" || w == "deputy" || w == "vice" ||
           w == "interior" || w == "home" || w == "trade" || w == "energy";
  };
  if (i >= end) return 0;
  std::string_view first = LowerToken(doc, i);
  if (is_role(first)) return 1;
  if (is_qualifier(first) && i + 1 < end && is_role(LowerToken(doc, i + 1)))
    return 2;
  return 0;
}

// Whether w opens a reference: a pronoun (he she his her it its they
// their) or "the". Compared by size first, so that most words cost one
// test.
bool IsOpener(std::string_view w) {
  switch (w.size()) {
    case 2:
      return w == "he" || w == "it";
    case 3:
      return w == "the" || w == "his" || w == "her" || w == "its" ||
             w == "she";
    case 4:
      return w == "they";
    case 5:
      return w == "their";
    default:
      return false;
  }
}

// The first token from `from` on, before `end`, that opens a reference
// outside every mention; `end` when there is none. A loop of its own,
// tight, since most tokens are none.
size_t NextOpener(const Document& doc, const std::vector<int>& covering,
                  size_t from, size_t end) {
  for (size_t i = from; i < end; ++i) {
    const std::string_view w = LowerToken(doc, i);
    // 2 to 5 letters starting h, i, s or t, tested without a branch for
    // each (word lengths and letters are not predictable); "the" and
    // "to" pass, most words do not.
    const size_t n = w.size();
    const char c = n > 0 ? w[0] : '\0';
    if (((n - 2 <= 3) & ((c == 'h') | (c == 'i') | (c == 's') | (c == 't'))) &&
        IsOpener(w) && covering[i] < 0) {
      return i;
    }
  }
  return end;
}

// No clause boundary (punctuation, a conjunction) between tokens from and
// to.
bool SameClause(const Document& doc, size_t from, size_t to) {
  for (size_t t = from; t < to; ++t) {
    std::string_view w = LowerToken(doc, t);
    if (doc.tokens[t].shape == TokenShape::kPunctuation || w == "and" ||
        w == "after" || w == "before" || w == "while" || w == "but" ||
        w == "because") {
      return false;
    }
  }
  return true;
}

bool AfterPreposition(const Document& doc, const EntityMention& m) {
  static const std::unordered_set<std::string_view> kPrepositions = {
      "with", "to", "by", "from", "for", "against", "on", "at", "of", "about"};
  size_t t = m.first_token;
  const size_t first = doc.sentences[m.sentence].first_token;
  if (t > first && LowerToken(doc, t - 1) == "the") --t;
  return t > first && kPrepositions.count(LowerToken(doc, t - 1)) > 0;
}

// The other members of the coordination mention m is in ("Germany,
// France and Britain", "Kerry and Iran's Foreign Minister Zarif"): mentions
// joined by commas and one "and", each maybe after "the" or qualified by a
// country. Empty when m is in none.
std::vector<std::string> CoordinatedWith(const Document& doc,
                                         const std::vector<int>& covering,
                                         const EntityMention& m) {
  const Sentence& sent = doc.sentences[m.sentence];
  auto joiner = [&](size_t t) {
    std::string_view w = LowerToken(doc, t);
    return w == "," || w == "and";
  };
  // The first token of the member whose head starts at token t: its
  // qualifying country included.
  auto member_start = [&](size_t t) {
    size_t q = t;
    if (q > sent.first_token && IsPossessive(doc.TokenText(q - 1))) --q;
    if (q > sent.first_token && covering[q - 1] >= 0 &&
        QualifiedMention(doc, covering, covering[q - 1]) == covering[t]) {
      return doc.mentions[covering[q - 1]].first_token;
    }
    return t;
  };
  // Walk left to the first member, then collect rightwards.
  size_t first = member_start(m.first_token);
  for (;;) {
    size_t k = first;
    if (k > sent.first_token && LowerToken(doc, k - 1) == "the") --k;
    if (k < sent.first_token + 2 || !joiner(k - 1) || covering[k - 2] < 0)
      break;
    first = member_start(doc.mentions[covering[k - 2]].first_token);
  }
  std::vector<std::string> members;
  bool has_and = false;
  size_t t = first;
  while (t < sent.last_token && covering[t] >= 0) {
    const EntityMention& member =
        doc.mentions[QualifiedMention(doc, covering, covering[t])];
    if (std::find(members.begin(), members.end(), member.node_id) ==
        members.end()) {
      members.push_back(member.node_id);
    }
    t = member.last_token;
    if (t + 1 >= sent.last_token || !joiner(t)) break;
    has_and = has_and || LowerToken(doc, t) == "and";
    size_t next = t + 1;
    if (LowerToken(doc, next) == "and") {  // "A, B, and C"
      has_and = true;
      ++next;
    }
    if (next < sent.last_token && LowerToken(doc, next) == "the") ++next;
    if (next >= sent.last_token || covering[next] < 0) break;
    t = next;
  }
  if (!has_and || members.size() < 2) return {};
  members.erase(std::remove(members.begin(), members.end(), m.node_id),
                members.end());
  return members;
}

}  // namespace

namespace {

// Whether `long_label` starts with `short_label` and a space, ASCII letters
// compared without case ("Sony Pictures" and "SONY"): what comparing their
// Lower() forms gives, without making them.
bool StartsWithWords(std::string_view long_label,
                     std::string_view short_label) {
  auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  if (long_label.size() <= short_label.size() ||
      long_label[short_label.size()] != ' ') {
    return false;
  }
  for (size_t k = 0; k < short_label.size(); ++k) {
    if (lower(long_label[k]) != lower(short_label[k])) return false;
  }
  return true;
}

// "Sony" after "Sony Pictures Entertainment": an organization whose name
// is the first words of another's is that other one.
void MergeShortForms(Document& doc, DocumentState& state) {
  std::vector<std::pair<std::string, std::string>> renames;  // short -> long
  // Bodies of one institution keep their own nodes (United Nations and its
  // Security Council); businesses are named by their first words.
  auto is_business = [&](const std::string& id) {
    auto it = state.lexicon->organizations.find(id.substr(4));
    return it == state.lexicon->organizations.end() ||
           it->second.category == "company" || it->second.category == "media";
  };
  std::vector<std::pair<const std::string*, const LocalEntity*>> organizations;
  for (const auto& [id, entity] : state.entities) {
    if (entity.node.kind == NodeKind::kOrganization)
      organizations.emplace_back(&id, &entity);
  }
  // A rename needs one organization's name to start another's: most
  // articles have none, and need no lookup in the lexicon.
  auto starts_another = [&](const auto& a) {
    for (const auto& b : organizations) {
      if (a.first != b.first &&
          StartsWithWords(b.second->node.label, a.second->node.label))
        return true;
    }
    return false;
  };
  if (std::none_of(organizations.begin(), organizations.end(),
                   starts_another)) {
    return;
  }
  std::vector<std::pair<const std::string*, const LocalEntity*>> businesses;
  for (const auto& org : organizations) {
    if (is_business(*org.first)) businesses.push_back(org);
  }
  for (const auto& [short_id, short_form] : businesses) {
    if (short_form->needs_relation) continue;
    for (const auto& [long_id, long_form] : businesses) {
      if (long_id == short_id) continue;
      if (StartsWithWords(long_form->node.label, short_form->node.label)) {
        renames.emplace_back(*short_id, *long_id);
        break;
      }
    }
  }
  for (const auto& [from, to] : renames) {
    LocalEntity& target = state.Entity(to);
    const LocalEntity& source = state.Entity(from);
    target.node.mentions += source.node.mentions;
    target.node.aliases.insert(source.node.label);
    target.node.aliases.insert(source.node.aliases.begin(),
                               source.node.aliases.end());
    for (EntityMention& m : doc.mentions) {
      if (m.node_id == from) m.node_id = to;
    }
    for (auto& [id, e] : state.entities) {
      for (Affiliation& a : e.affiliations) {
        if (a.target == from) a.target = to;
      }
    }
    state.entities.erase(from);
  }
}

}  // namespace

void CoreferenceStage::Run(Document& doc, DocumentState& state,
                           KnowledgeGraph&) const {
  MergeShortForms(doc, state);
  std::vector<int> covering = TokenMentionMap(doc);
  // Resolved references, in token order; each joins the history, so a chain
  // goes on ("May ... the prime minister ... she").
  std::vector<EntityMention> added;
  // Walk tokens in order, remembering the latest mention of each entity:
  // the history holds indexes into doc.mentions, or kAdded + an index into
  // `added` (whose elements move as it grows).
  constexpr size_t kAdded = size_t{1} << (sizeof(size_t) * 8 - 1);
  struct Seen {
    size_t mention;
    const LocalEntity* entity = nullptr;  // the entity it names, if any
    bool looked_up = false;               // whether `entity` is known
  };
  std::vector<Seen> history;
  history.reserve(doc.mentions.size());  // one allocation, not one a doubling
  auto at = [&](size_t h) -> const EntityMention& {
    return h < kAdded ? doc.mentions[h] : added[h - kAdded];
  };
  // Looked up once per mention, when a reference first passes it, not at
  // every reference (the entities stay put from here on).
  auto entity_of = [&](Seen& seen) {
    if (!seen.looked_up) {
      auto it = state.entities.find(at(seen.mention).node_id);
      seen.entity = it == state.entities.end() ? nullptr : &it->second;
      seen.looked_up = true;
    }
    return seen.entity;
  };
  std::map<std::string, Gender> genders;
  size_t next_mention = 0;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    // An antecedent is at most three sentences back: with none there and
    // none in this sentence, no word of it is resolved. (Its mentions, if
    // any, join the history at the next sentence, in the same order.)
    const bool recent =
        !history.empty() && at(history.back().mention).sentence + 3 >= s;
    const bool own = next_mention < doc.mentions.size() &&
                     doc.mentions[next_mention].first_token < sent.last_token;
    if (sent.in_title || (!recent && !own)) continue;
    const size_t end = sent.last_token;
    for (size_t i = NextOpener(doc, covering, sent.first_token, end); i < end;
         i = NextOpener(doc, covering, i + 1, end)) {
      // The mentions before this token join the history first.
      while (next_mention < doc.mentions.size() &&
             doc.mentions[next_mention].first_token <= i) {
        history.push_back({next_mention});
        ++next_mention;
      }
      std::string_view w = LowerToken(doc, i);
      Gender gender = w == "she" || w == "her"  ? Gender::kFemale
                      : w == "he" || w == "his" ? Gender::kMale
                                                : Gender::kUnknown;
      Want want;
      size_t length = 1;
      std::string role_word;
      if (w == "he" || w == "she" || w == "his" || w == "her") {
        want = Want::kPerson;
      } else if (w == "it" || w == "its") {
        want = Want::kThing;
      } else if (w == "they" || w == "their") {
        want = Want::kGroup;
      } else if (w == "the" && i + 2 < sent.last_token && covering[i + 1] < 0 &&
                 doc.tokens[i + 1].shape == TokenShape::kWord &&
                 (LowerToken(doc, i + 2) == "state" ||
                  LowerToken(doc, i + 2) == "kingdom" ||
                  LowerToken(doc, i + 2) == "nation" ||
                  LowerToken(doc, i + 2) == "emirate" ||
                  LowerToken(doc, i + 2) == "republic" ||
                  LowerToken(doc, i + 2) == "country")) {
        want = Want::kCountry;  // "the Gulf state", "the communist nation"
        length = 3;
      } else if (w == "the" && i + 1 < sent.last_token) {
        std::string_view next = LowerToken(doc, i + 1);
        length = 2;
        if (next == "country" || next == "government" || next == "nation" ||
            next == "regime" || next == "kingdom" || next == "republic") {
          want = Want::kCountry;
        } else if (size_t role_length =
                       RoleLength(doc, i + 1, sent.last_token)) {
          // "the minister", "the prime minister", "the foreign minister":
          // the official whose role holds these words.
          want = Want::kPerson;
          length = 1 + role_length;
          for (size_t k = i + 1; k < i + length; ++k) {
            if (k > i + 1) role_word += ' ';
            role_word += LowerToken(doc, k);
          }
        } else if (next == "ministry" || next == "agency" ||
                   next == "department" || next == "council" ||
                   next == "bureau" || next == "commission" ||
                   next == "company" || next == "firm" || next == "embassy") {
          want = Want::kThing;
          role_word = next;  // the organization whose name holds this word
        } else {
          continue;
        }
        // "the government of X", "the country's": still the one in focus.
      } else {
        continue;
      }
      // The nearest compatible antecedent in this sentence, else the first
      // (the subject, most often) of the nearest earlier sentence that has
      // one; at most three sentences back.
      const EntityMention* antecedent = nullptr;
      for (auto h = history.rbegin(); h != history.rend(); ++h) {
        const EntityMention* it = &at(h->mention);
        if (it->sentence + 3 < s) break;
        if (antecedent && it->sentence != antecedent->sentence) break;
        if (!entity_of(*h)) continue;
        // "which U.S. officials blame on the communist nation": a
        // description is not the subject of its own clause.
        if (length == 3 && it->sentence == s &&
            SameClause(doc, it->last_token, i))
          continue;
        const LocalEntity& e = *h->entity;
        // "Kerry and Zarif ... they": people too, when coordinated.
        if (!Compatible(e, want) &&
            !(want == Want::kGroup &&
              !CoordinatedWith(doc, covering, *it).empty())) {
          continue;
        }
        if (!role_word.empty()) {
          const std::string& named =
              e.node.kind == NodeKind::kOfficial ? e.node.role : e.node.label;
          if (Lower(named).find(role_word) == std::string::npos) continue;
          if (e.node.kind == NodeKind::kCountry) continue;
        }
        if (gender != Gender::kUnknown && want == Want::kPerson) {
          auto known = genders.find(e.node.id);
          if (known == genders.end())
            known = genders.emplace(e.node.id, GenderOf(doc, e)).first;
          if (known->second != Gender::kUnknown && known->second != gender)
            continue;
        }
        antecedent = it;
        // The nearest in the same sentence; but "Mitsotakis met with
        // President Trump, where he denounced": a person in a prepositional
        // phrase only when no subject before is compatible.
        if (it->sentence == s &&
            !(want == Want::kPerson && AfterPreposition(doc, *it)))
          break;
      }
      if (!antecedent) continue;
      EntityMention m;
      m.sentence = s;
      m.first_token = i;
      m.last_token = i + length;
      m.span = {doc.tokens[i].span.begin, doc.tokens[i + length - 1].span.end};
      m.node_id = antecedent->node_id;
      m.kind = antecedent->kind;
      m.rule = "coreference";
      m.coreference = true;
      if (want == Want::kGroup)
        m.also = CoordinatedWith(doc, covering, *antecedent);
      added.push_back(std::move(m));
      history.push_back({kAdded + added.size() - 1});
      i += length - 1;
    }
  }
  // Both are in order of position: merged in place from the back, a
  // reference after the named mentions at its place (the order a stable
  // sort of the two would give), each mention moved once.
  size_t named = doc.mentions.size();
  size_t references = added.size();
  doc.mentions.resize(named + references);
  for (size_t out = doc.mentions.size(); references > 0;) {
    if (named > 0 && added[references - 1].span.begin <
                         doc.mentions[named - 1].span.begin) {
      doc.mentions[--out] = std::move(doc.mentions[--named]);
    } else {
      doc.mentions[--out] = std::move(added[--references]);
    }
  }
}

}  // namespace newsgraph
