#include "extractors/entity_recognizer.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extractors/document_state.h"
#include "extractors/entity_words.h"
#include "extractors/phrase_trie.h"
#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

struct Match {
  size_t length = 0;  // tokens
  const GazetteerEntry* entry = nullptr;
};

// A Lookup() answer: the rules ask for the same (token, end) several times
// in a row (mostly with end the sentence's end).
struct CachedLookup {
  size_t token = static_cast<size_t>(-1);
  size_t end = 0;
  Match match;
};
// Lookups kept, by token number modulo this: the rules ask about a token
// and a few after it, so a small table keeps nearly every answer and is
// cleared at once for the next document.
constexpr size_t kCachedLookups = 64;

// The per-token tables of one document, kept by each thread from one
// document to the next so that their memory is allocated once.
struct Scratch {
  std::vector<uint32_t> bits;          // by token: entity_word::k...
  std::vector<uint32_t> ids;           // by token: EntityWords word id
  CachedLookup lookups[kCachedLookups];  // by token % kCachedLookups
  // See Recognizer::ListOrganizations().
  std::vector<const std::pair<const std::string, LocalEntity>*> organizations;
};

class Recognizer {
 public:
  Recognizer(Document& doc, DocumentState& state, const EntityWords& words,
             Scratch& scratch)
      : doc_(doc),
        state_(state),
        lex_(*state.lexicon),
        words_(words),
        lookup_cache_(scratch.lookups),
        organizations_(scratch.organizations) {
    words.Classify(doc, &scratch.bits, &scratch.ids);
    // Two tokens of no bits past the end, so that the scans read a token's
    // next two with no bounds test (see MayOpenMention()).
    scratch.bits.resize(doc.tokens.size() + 2, 0);
    bits_ = scratch.bits.data();
    ids_ = scratch.ids.data();
    tokens_ = doc.tokens.size();
    for (CachedLookup& cached : scratch.lookups) cached.token = static_cast<size_t>(-1);
    year_ = doc.date.size() >= 4 ? std::atoi(doc.date.substr(0, 4).c_str()) : 0;
  }

  void Run() {
    for (size_t s = 0; s < doc_.sentences.size(); ++s) ScanSentence(s);
    // Lone surnames once every full name of the article is known, so "Kim"
    // in a headline is the Kim Jong Un of the body.
    for (size_t s = 0; s < doc_.sentences.size(); ++s) {
      const Sentence& sent = doc_.sentences[s];
      for (size_t i = sent.first_token; i < sent.last_token;) {
        // Both rules need a name word at i, which most tokens are not (in
        // a sentence, IsNameWord() is the bit).
        if ((bits_[i] & (entity_word::kCovered | entity_word::kNameWord)) !=
                entity_word::kNameWord ||
            !(Surname(s, i) || OrganizationShortForm(s, i))) {
          ++i;
        }
      }
    }
    SortMentions(doc_);
  }

 private:
  // ---- Node bookkeeping -------------------------------------------------

  LocalEntity& Ensure(const std::string& id, NodeKind kind,
                      const std::string& label, size_t sentence) {
    // The entity made or found last first (see Find()), then the map.
    bool added = false;
    if (recent_ == nullptr || recent_->node.id != id) {
      auto [it, inserted] = state_.entities.try_emplace(id);
      recent_ = &it->second;
      added = inserted;
    }
    LocalEntity& e = *recent_;
    if (added) {
      e.node.id = id;
      e.node.kind = kind;
      e.node.label = label;
      e.first_sentence = sentence;
      e.node.first_date = e.node.last_date = doc_.date;
    } else if (label.size() > e.node.label.size() && kind != NodeKind::kCountry &&
               e.node.kind == kind) {
      e.node.aliases.insert(e.node.label);
      e.node.label = label;
    }
    return e;
  }

  std::string EnsureCountry(const std::string& iso, size_t sentence) {
    std::string id = "country:" + iso;
    // Only this function makes country entities, and Ensure() changes no
    // country's label: one already made has all it would be given.
    if (LocalEntity* known = Find(id)) {
      recent_ = known;
      return id;
    }
    const CountryEntry& c = lex_.countries.at(iso);
    LocalEntity& e = Ensure(id, NodeKind::kCountry, c.label, sentence);
    e.node.iso_code = iso;
    e.node.wikidata = c.wikidata;
    return id;
  }

  // The entity of `id`, or null. The one made or found last is checked
  // first: a mention mostly follows the Ensure...() of its entity.
  LocalEntity* Find(const std::string& id) {
    if (recent_ != nullptr && recent_->node.id == id) return recent_;
    auto it = state_.entities.find(id);
    return it == state_.entities.end() ? nullptr : &it->second;
  }

  std::string EnsureOrganization(const std::string& key, size_t sentence) {
    const OrganizationEntry& o = lex_.organizations.at(key);
    std::string id = "org:" + key;
    LocalEntity& e = Ensure(id, NodeKind::kOrganization, o.label, sentence);
    e.node.wikidata = o.wikidata;
    if (!o.parent.empty() && e.affiliations.empty()) {
      Affiliation a;
      a.target = lex_.countries.count(o.parent) ? "country:" + o.parent
                                                 : "org:" + o.parent;
      a.relation = RelationKind::kPartOf;
      a.sentence = sentence;
      a.rule = "lexicon";
      a.needs_target_in_text = true;
      e.affiliations.push_back(a);
    }
    return id;
  }

  const OfficialEntry* OfficialTerm(const std::string& key) const {
    const auto& terms = lex_.officials.at(key);
    const OfficialEntry* best = &terms.front();
    for (const OfficialEntry& t : terms) {
      bool active = year_ == 0 ||
                    (t.from - 1 <= year_ && (t.to == 0 || year_ <= t.to));
      if (active) return &t;
      if (t.from > best->from) best = &t;
    }
    return best;
  }

  bool OfficialActive(const std::string& key) const {
    if (year_ == 0) return true;
    for (const OfficialEntry& t : lex_.officials.at(key)) {
      if (t.from - 1 <= year_ && (t.to == 0 || year_ <= t.to + 1)) return true;
    }
    return false;
  }

  std::string EnsureLexiconOfficial(const std::string& key, size_t sentence) {
    const OfficialEntry* term = OfficialTerm(key);
    std::string id = "official:" + key;
    LocalEntity& e = Ensure(id, NodeKind::kOfficial, term->label, sentence);
    e.node.wikidata = term->wikidata;
    if (e.node.role.empty()) e.node.role = term->role;
    if (e.affiliations.empty()) {
      Affiliation a;
      a.target = lex_.countries.count(term->affiliation)
                     ? EnsureCountry(term->affiliation, sentence)
                     : "org:" + term->affiliation;
      a.needs_target_in_text = !lex_.countries.count(term->affiliation);
      a.sentence = sentence;
      a.rule = "lexicon";
      e.affiliations.push_back(a);
    }
    RememberSurname(e.node.label, id);
    return id;
  }

  void RememberSurname(const std::string& label, const std::string& id) {
    std::vector<Token> t = Tokenize(label);
    if (t.size() >= 2) {
      surname_to_official_[Lower(label.substr(t.back().span.begin, t.back().span.size()))] = id;
      // Family name first ("Kim Jong Un", "Xi Jinping"): the first word too,
      // unless another official already has it.
      surname_to_official_.emplace(Lower(label.substr(0, t.front().span.end)), id);
    }
  }

  void AddMention(size_t sentence, size_t first, size_t last,
                  const std::string& id, NodeKind kind, std::string_view rule) {
    LocalEntity* e = Find(id);
    if (doc_.mentions.capacity() == 0) doc_.mentions.reserve(16);
    EntityMention& m = doc_.mentions.emplace_back();  // made in place
    m.sentence = sentence;
    m.first_token = first;
    m.last_token = last;
    m.span = {doc_.tokens[first].span.begin, doc_.tokens[last - 1].span.end};
    m.node_id = id;
    m.kind = kind;
    m.rule.assign(rule);
    for (size_t t = first; t < last; ++t) bits_[t] |= entity_word::kCovered;
    if (e != nullptr) {
      e->node.mentions++;
      // insert(), not emplace(): a form already there makes no node.
      const std::string_view form = doc_.Text(m.span);
      if (form != e->node.label) e->node.aliases.insert(std::string(form));
    }
  }

  // ---- Token helpers ----------------------------------------------------

  std::string_view Tok(size_t i) const {
    return i < doc_.tokens.size() ? doc_.TokenText(i) : std::string_view();
  }
  // Lowercase text of token i ("" past the end): a string_view, so that
  // comparing it with a word compares the lengths first.
  std::string_view Low(size_t i) const { return LowerToken(doc_, i); }
  // True when token i has any of `bits` (entity_word::k...); false past
  // the end. Bits other than the eager ones complete the token first (the
  // test folds away where `bits` are eager, as at nearly every call).
  bool Is(size_t i, uint32_t bits) const {
    if (i >= tokens_) return false;
    uint32_t has = bits_[i];
    if ((bits & ~entity_word::kEager) != 0 && !(has & entity_word::kComplete)) {
      has = Complete(i);
    }
    return (has & bits) != 0;
  }
  // Completes token i (see EntityWords::Classify) and returns its bits.
  uint32_t Complete(size_t i) const {
    words_.Complete(doc_, i, &bits_[i], &ids_[i]);
    return bits_[i];
  }
  bool Upper(size_t i) const { return Is(i, entity_word::kUpper); }
  // Inside a mention (AddMention() marks its tokens).
  bool Covered(size_t i) const { return Is(i, entity_word::kCovered); }
  // True when token i is capitalized and has any of `bits`. Classify()
  // completes every capitalized token, so any bit may be asked here with
  // no test of completeness.
  bool UpperWith(size_t i, uint32_t bits) const {
    return Upper(i) && (bits_[i] & bits) != 0;
  }
  // The EntityWords id of token i's word (0: no phrase, title or body has
  // it, or i is past the end).
  uint32_t Id(size_t i) const {
    if (i >= tokens_) return 0;
    if (!(bits_[i] & entity_word::kComplete)) Complete(i);
    return ids_[i];
  }

  // Longest gazetteer match at token i within [i, end).
  Match Lookup(size_t i, size_t end) const {
    // Inline: most tokens start no phrase, and the rules ask at each one.
    if (i >= end || !Is(i, entity_word::kPhraseStart)) return Match();
    CachedLookup& cached = lookup_cache_[i % kCachedLookups];
    if (cached.token != i || cached.end != end) {
      cached.token = i;
      cached.end = end;
      cached.match = LookupUncached(i, end);
    }
    return cached.match;
  }

  Match LookupUncached(size_t i, size_t end) const {
    Match best;
    if (i >= end || !Is(i, entity_word::kPhraseStart)) return best;
    uint32_t node = PhraseTrie::kRoot;
    for (size_t n = 1; i + n <= end; ++n) {
      node = words_.NextPhrase(node, Id(i + n - 1));
      if (node == PhraseTrie::kNone) break;
      const EntityWords::Entries entries = words_.EntriesOf(node);
      if (entries.empty()) continue;
      const GazetteerEntry* chosen = nullptr;
      for (const GazetteerEntry& e : entries) {
        if (e.exact_case) {
          if (!TokensSpell(i, n, e.exact_key)) continue;
        } else if (!Upper(i) && !(static_cast<unsigned char>(Tok(i)[0]) >= 0x80)) {
          continue;
        }
        if (chosen == nullptr || Rank(e) < Rank(*chosen)) chosen = &e;
      }
      if (chosen) best = {n, chosen};
    }
    return best;
  }

  static int Rank(const GazetteerEntry& e) {
    if (e.kind == NodeKind::kOfficial) return 0;
    if (e.how == GazetteerEntry::How::kName) return e.kind == NodeKind::kCountry ? 1 : 2;
    return e.how == GazetteerEntry::How::kSeat ? 3 : 4;
  }

  // True when tokens [i, i + n) joined by single spaces are `text`, case
  // and all.
  bool TokensSpell(size_t i, size_t n, std::string_view text) const {
    size_t pos = 0;
    for (size_t k = i; k < i + n; ++k) {
      if (k > i && (pos >= text.size() || text[pos++] != ' ')) return false;
      std::string_view token = Tok(k);
      if (text.substr(pos, token.size()) != token) return false;
      pos += token.size();
    }
    return pos == text.size();
  }

  // The country referred to by tokens ending just before `i` ("US",
  // "China's", "Chinese"); sets *start to its first token.
  std::string CountryBefore(size_t i, size_t sentence_begin, size_t* start) const {
    size_t end = i;
    if (end > sentence_begin && IsPossessive(Tok(end - 1))) --end;
    for (size_t n = std::min<size_t>(4, end - sentence_begin); n >= 1; --n) {
      Match m = Lookup(end - n, end);
      if (m.entry && m.length == n && m.entry->kind == NodeKind::kCountry) {
        *start = end - n;
        return m.entry->key;
      }
    }
    return "";
  }

  // "of the US" / "of China" after token i: the country's ISO code.
  std::string CountryAfterOf(size_t i, size_t end) const {
    if (Low(i) != "of") return "";
    size_t j = i + 1;
    if (Low(j) == "the") ++j;
    Match m = Lookup(j, end);
    if (m.entry && m.entry->kind == NodeKind::kCountry &&
        m.entry->how == GazetteerEntry::How::kName) {
      return m.entry->key;
    }
    return "";
  }

  // "al-Assad", "el-Sisi", "bin Salman", "van der Leyen": parts of a name
  // that is already under way.
  bool IsNameParticle(size_t i) const {
    if (Is(i, entity_word::kParticle)) return i + 1 < doc_.tokens.size() && IsNameWord(i + 1);
    std::string_view low = Low(i);
    return (low.rfind("al-", 0) == 0 || low.rfind("el-", 0) == 0) && low.size() > 3 &&
           StartsUpper(Tok(i).substr(3));
  }

  // The end of a person's name starting at `first`: up to four name words
  // (and particles inside), stopping at a known non-person name.
  size_t NameEnd(size_t first, size_t end) const {
    size_t k = first;
    while (k < end && k - first < 5) {
      bool word = IsNameWord(k) || (k > first && IsNameParticle(k));
      if (!word) break;
      Match m = Lookup(k, end);
      if (m.entry && m.entry->kind != NodeKind::kOfficial) break;
      ++k;
    }
    return k;
  }

  bool IsNameWord(size_t i) const {
    if (Is(i, entity_word::kNameWord)) return true;
    // A word in capitals counts only in a text of no sentence.
    return doc_.sentences.empty() && Is(i, entity_word::kWordShape) && Upper(i) &&
           !UpperWith(i, entity_word::kNotName);
  }

  // ---- Rules ------------------------------------------------------------

  // Title words at token i: the longest title of the lexicon.
  const TitleEntry* TitleAt(size_t i, size_t end, size_t* length) const {
    const TitleEntry* best = nullptr;
    if (Is(i, entity_word::kTitleStart)) {
      uint32_t node = PhraseTrie::kRoot;
      for (size_t k = i; k < end; ++k) {
        node = words_.NextTitle(node, Id(k));
        if (node == PhraseTrie::kNone) break;
        if (const TitleEntry* t = words_.TitleOf(node)) best = t;
      }
    }
    if (best) {
      *length = best->words.size();
      return best;
    }
    // "energy minister", "deputy trade minister": lowercase modifiers
    // before a lexicon title word make a title too.
    static const TitleEntry kGeneric{{}, "", "government", false};
    for (size_t k = i; k < end && k < i + 3; ++k) {
      if (Upper(k) || !Is(k, entity_word::kWordShape)) break;
      if (k > i && Is(k, entity_word::kTitleWord)) {
        *length = k + 1 - i;
        return &kGeneric;
      }
      if (Is(k, entity_word::kTitleStop)) break;
    }
    return nullptr;
  }

  // Resolves a person's name tokens [first, last) to an official id.
  std::string ResolvePerson(size_t first, size_t last, size_t sentence,
                            const std::string& role) {
    Match m = Lookup(first, last);
    if (m.entry && m.length == last - first && m.entry->kind == NodeKind::kOfficial) {
      return EnsureLexiconOfficial(m.entry->key, sentence);
    }
    std::string name(doc_.Text({doc_.tokens[first].span.begin, doc_.tokens[last - 1].span.end}));
    if (last - first == 1 && (!surname_to_official_.empty() || Is(first, entity_word::kSurname))) {
      const std::string low(Low(first));
      auto local = surname_to_official_.find(low);
      if (local != surname_to_official_.end()) return local->second;
      auto it = Is(first, entity_word::kSurname) ? lex_.surnames.find(low) : lex_.surnames.end();
      if (it != lex_.surnames.end()) {
        std::vector<std::string> active;
        for (const std::string& key : it->second) {
          if (OfficialActive(key)) active.push_back(key);
        }
        if (active.size() == 1) return EnsureLexiconOfficial(active[0], sentence);
      }
    }
    std::string id = "official:" + Slug(name);
    LocalEntity& e = Ensure(id, NodeKind::kOfficial, name, sentence);
    if (e.node.role.empty()) e.node.role = role;
    if (last - first >= 2) RememberSurname(name, id);
    return id;
  }

  void Affiliate(const std::string& official, const std::string& target,
                 size_t sentence, const std::string& trigger, const std::string& rule) {
    if (target.empty() || official == target) return;
    LocalEntity& e = state_.Entity(official);
    for (const Affiliation& a : e.affiliations) {
      if (a.target == target) return;
    }
    Affiliation a;
    a.target = target;
    a.relation = e.node.kind == NodeKind::kOfficial ? RelationKind::kAffiliatedWith
                                                      : RelationKind::kPartOf;
    a.sentence = sentence;
    a.trigger = trigger;
    a.rule = rule;
    e.affiliations.push_back(a);
  }

  // "US Secretary of State John Kerry", "Foreign Minister Wang Yi of China".
  bool TitleName(size_t s, size_t& i) {
    const Sentence& sent = doc_.sentences[s];
    size_t title_len = 0;
    const TitleEntry* title = TitleAt(i, sent.last_token, &title_len);
    if (!title) return false;
    size_t name = i + title_len;
    size_t title_end = name;
    // "Ambassador to the UK Alexander Yakovenko", "Under-Secretary-General
    // for Political Affairs Jeffrey Feltman": the post's complement.
    if (Low(name) == "to" || Low(name) == "for") {
      size_t k = name + 1;
      if (Low(k) == "the") ++k;
      size_t c = k;
      bool country = false;
      while (c < sent.last_token && c - k < 6 && Upper(c)) {
        Match m = Lookup(c, sent.last_token);
        if (m.entry && m.entry->kind == NodeKind::kCountry) {
          c += m.length;
          country = true;
          break;
        }
        ++c;
      }
      if (country) {
        if (NameEnd(c, sent.last_token) >= c + 2) name = c;
      } else if (c >= k + 3) {
        name = c - 2;  // "for Political Affairs | Jeffrey Feltman"
      }
    }
    size_t name_end = NameEnd(name, sent.last_token);
    // "spokesperson He Yadong": after a title, a short surname that is also
    // a word ("He", "Ma") still opens a name.
    if (name_end == name && Upper(name) && Tok(name).size() <= 3 &&
        name + 1 < sent.last_token && IsNameWord(name + 1)) {
      name_end = NameEnd(name + 1, sent.last_token);
    }
    if (name_end == name) return false;
    (void)title_end;
    // A title written in lower case needs a capitalized title or name.
    std::string role(doc_.Text({doc_.tokens[i].span.begin,
                                doc_.tokens[name - 1].span.end}));
    std::string id = ResolvePerson(name, name_end, s, role);
    AddMention(s, i, name_end, id, NodeKind::kOfficial, "title+name");
    size_t start = 0;
    std::string iso = CountryBefore(i, sent.first_token, &start);
    std::string org;
    if (!iso.empty()) {
      std::string country = EnsureCountry(iso, s);
      if (!Covered(start)) {
        AddMention(s, start, IsPossessive(Tok(i - 1)) ? i - 1 : i, country,
                   NodeKind::kCountry, "title-country");
      }
      Affiliate(id, country, s, role, "country+title+name");
    } else if (i > sent.first_token) {
      int m = MentionEndingAt(i);
      if (m >= 0 && doc_.mentions[m].kind == NodeKind::kOrganization) {
        // A body's official serves its country too ("Pakistan's Foreign
        // Office spokesperson Mohammad Faisal").
        const std::string org = doc_.mentions[m].node_id;
        Affiliate(id, org, s, role, "org+title+name");
        for (const Affiliation& a : std::vector<Affiliation>(state_.Entity(org).affiliations)) {
          if (a.target.rfind("country:", 0) == 0 && !a.needs_target_in_text) {
            Affiliate(id, a.target, s, role, "org+title+name");
          }
        }
      } else if (m >= 0 && doc_.mentions[m].kind == NodeKind::kOfficial) {
        // "Israeli prime minister Benjamin Netanyahu and energy minister
        // Yuval Steinitz": handled below through the coordination.
      }
      // Coordinated officials share their country: "... Netanyahu and
      // energy minister Yuval Steinitz".
      if (Low(i - 1) == "and" && i >= sent.first_token + 2) {
        int prev = MentionEndingAt(i - 1);
        if (prev >= 0 && doc_.mentions[prev].kind == NodeKind::kOfficial &&
            doc_.mentions[prev].node_id != id) {
          for (const Affiliation& a :
               std::vector<Affiliation>(state_.Entity(doc_.mentions[prev].node_id).affiliations)) {
            if (a.target.rfind("country:", 0) == 0) Affiliate(id, a.target, s, role, "coordinated");
          }
        }
      }
      // A government post with no country named: the country the sentence
      // is about, when it names one before ("South Korea ... sending deputy
      // trade minister Kim Seung-ho").
      // Not when an unknown people or place qualifies the post ("Kashmiri
      // separatist leader").
      bool foreign_qualifier = false;
      for (size_t k = i; k > sent.first_token && k + 3 > i; --k) {
        if (Upper(k - 1) && !Covered(k - 1)) foreign_qualifier = true;
        if (Low(k - 1) == "and" || Low(k - 1) == "," ) break;
      }
      if (title->kind == "government" && !foreign_qualifier &&
          state_.Entity(id).affiliations.empty()) {
        for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend(); ++it) {
          if (it->sentence != s) break;
          if (it->kind == NodeKind::kCountry && it->last_token <= i) {
            Affiliate(id, it->node_id, s, role, "sentence-country");
            break;
          }
        }
      }
    }
    std::string after = CountryAfterOf(name_end, sent.last_token);
    if (!after.empty()) Affiliate(id, EnsureCountry(after, s), s, role, "title+name+of");
    i = name_end;
    return true;
  }

  int MentionEndingAt(size_t i) const {
    size_t end = i;
    if (end > 0 && IsPossessive(Tok(end - 1))) --end;
    // Mentions are added left to right (but for a few inside a rule), so
    // the search stops once it is well behind `end`.
    for (int m = static_cast<int>(doc_.mentions.size()) - 1; m >= 0; --m) {
      if (doc_.mentions[m].last_token == end) return m;
      if (doc_.mentions[m].last_token + 16 < end) break;
    }
    return -1;
  }

  // Tokens [i, end) spell one of EntityWords::bodies() ("Foreign Ministry").
  const std::string* BodyOf(size_t i, size_t end) const {
    for (const EntityWords::Body& body : words_.bodies()) {
      if (SpellsBody(i, end, body)) return &body.canonical;
    }
    return nullptr;
  }
  // True when tokens [i, end) are the words of `body`.
  bool SpellsBody(size_t i, size_t end, const EntityWords::Body& body) const {
    if (end < i || end - i != body.words.size()) return false;
    for (size_t k = 0; k < body.words.size(); ++k) {
      if (Id(i + k) != body.words[k]) return false;
    }
    return true;
  }
  bool BareBody(size_t i, size_t end) const { return BodyOf(i, end) != nullptr; }

  // A country's body named without its country ("the Foreign Ministry
  // said"): the body of the country in focus, the latest one named.
  bool AnchoredBody(size_t s, size_t i, size_t end) {
    const std::string* body = BodyOf(i, end);
    if (!body) return false;
    std::string iso;
    // A body of this kind named with its country earlier in the article.
    for (const auto& [id, e] : state_.entities) {
      if (e.node.kind != NodeKind::kOrganization) continue;
      if (id.size() > body->size() + 9 && id.compare(id.size() - body->size(), body->size(), *body) == 0 &&
          id[id.size() - body->size() - 1] == '-' && id[7] == '-') {
        iso = id.substr(4, 3);
        for (char& c : iso) c = static_cast<char>(c - 'a' + 'A');
        break;
      }
    }
    for (auto it = doc_.mentions.rbegin(); iso.empty() && it != doc_.mentions.rend(); ++it) {
      if (it->sentence + 5 < s) break;  // the country in focus, not any
      if (it->kind == NodeKind::kCountry) {
        iso = it->node_id.substr(std::string("country:").size());
        break;
      }
    }
    if (iso.empty()) return false;
    std::string label(doc_.Text({doc_.tokens[i].span.begin, doc_.tokens[end - 1].span.end}));
    std::string id = BodyId(iso, *body);
    Ensure(id, NodeKind::kOrganization, TitleCase(label), s);
    AddMention(s, i, end, id, NodeKind::kOrganization, "body-in-focus");
    Affiliate(id, "country:" + iso, s, "", "body-in-focus");
    return true;
  }

  // The id of a country's body: a lexicon organization when one is named
  // "<Country> <body>" or "<Demonym> <body>" (China Coast Guard), else
  // "org:<iso>-<body>".
  std::string BodyId(const std::string& iso, const std::string& body) const {
    const CountryEntry& c = lex_.countries.at(iso);
    if (body == "military") return "org:" + Lower(iso) + "-" + body;  // generic
    for (const EntityWords::Body& b : words_.bodies()) {
      if (b.canonical != body) continue;
      const std::string& phrase = b.phrase;
      std::vector<std::string> owners = {c.label};
      owners.insert(owners.end(), c.demonyms.begin(), c.demonyms.end());
      for (const std::string& owner : owners) {
        auto it = lex_.gazetteer.find(PhraseKey(owner + " " + phrase));
        if (it == lex_.gazetteer.end()) continue;
        for (const GazetteerEntry& e : it->second) {
          if (e.kind == NodeKind::kOrganization) return "org:" + e.key;
        }
      }
    }
    return "org:" + Lower(iso) + "-" + body;
  }

  // "China's foreign ministry", "Chinese coastguard", "Pakistan's Foreign Office".
  bool CountryBody(size_t s, size_t& i) {
    const Sentence& sent = doc_.sentences[s];
    Match m = Lookup(i, sent.last_token);
    if (!m.entry || m.entry->kind != NodeKind::kCountry ||
        m.entry->how == GazetteerEntry::How::kSeat) {
      return false;
    }
    size_t j = i + m.length;
    if (IsPossessive(Tok(j))) ++j;
    if (!Is(j, entity_word::kBodyStart)) return false;
    for (const EntityWords::Body& b : words_.bodies()) {
      const std::string& body = b.canonical;
      const std::vector<uint32_t>& words = b.words;
      if (j + words.size() > sent.last_token) continue;
      if (!SpellsBody(j, j + words.size(), b)) continue;
      size_t end = j + words.size();
      // "Chinese military officials": the body is still the actor.
      const std::string& iso = m.entry->key;
      std::string country = EnsureCountry(iso, s);
      if (body == "state-media") return false;
      // "Chinese Foreign Ministry", but "Ministry of Commerce" (a name of
      // its own, whose owner is the part_of edge).
      size_t label_begin = words.size() > 1 && Low(j + 1) == "of" ? j : i;
      std::string label = TitleCase(std::string(doc_.Text(
          {doc_.tokens[label_begin].span.begin, doc_.tokens[end - 1].span.end})));
      std::string id = BodyId(iso, body);
      if (id.rfind("org:" + Lower(iso) + "-", 0) == 0) {
        Ensure(id, NodeKind::kOrganization, label, s);
      } else {
        EnsureOrganization(id.substr(4), s);
      }
      state_.Entity(country).node.mentions++;
      AddMention(s, i, end, id, NodeKind::kOrganization, "country+body");
      Affiliate(id, country, s, "", "country+body");
      i = end;
      return true;
    }
    return false;
  }

  EntityMention MakeMention(size_t s, size_t first, size_t last,
                            const std::string& id, NodeKind kind, std::string_view rule) {
    EntityMention m;
    m.sentence = s;
    m.first_token = first;
    m.last_token = last;
    m.span = {doc_.tokens[first].span.begin, doc_.tokens[last - 1].span.end};
    m.node_id = id;
    m.kind = kind;
    m.rule = rule;
    return m;
  }

  // "foreign ministry of commerce" -> "Foreign Ministry of Commerce".
  static std::string TitleCase(std::string text) {
    static const std::unordered_set<std::string> kSmall = {"of", "for", "and", "the", "on"};
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find_first_of(" -", start);
      if (end == std::string::npos) end = text.size();
      std::string word = text.substr(start, end - start);
      if (!kSmall.count(word) && !word.empty() && word[0] >= 'a' && word[0] <= 'z') {
        text[start] = static_cast<char>(text[start] - 'a' + 'A');
      }
      start = end + 1;
    }
    return text;
  }

  // Lexicon names.
  bool Gazetteer(size_t s, size_t& i) {
    const Sentence& sent = doc_.sentences[s];
    Match m = Lookup(i, sent.last_token);
    if (!m.entry) return false;
    const GazetteerEntry& e = *m.entry;
    size_t end = i + m.length;
    if (e.kind == NodeKind::kCountry && e.how == GazetteerEntry::How::kSeat) {
      bool place = i > sent.first_token && Is(i - 1, entity_word::kLocative);
      bool dateline = i == sent.first_token && AllUpper(Tok(i)) &&
                      (Tok(end) == "\u2014" || Tok(end) == "-" || Tok(end) == ",");
      if (place || dateline) {
        i = end;
        return true;  // consumed, but a place is not a node
      }
    }
    std::string id;
    if (e.kind == NodeKind::kCountry) {
      id = EnsureCountry(e.key, s);
    } else if (e.kind == NodeKind::kOrganization) {
      id = EnsureOrganization(e.key, s);
    } else {
      id = EnsureLexiconOfficial(e.key, s);
    }
    AddMention(s, i, end, id, e.kind, e.how == GazetteerEntry::How::kSeat ? "seat"
                                     : e.how == GazetteerEntry::How::kDemonym ? "demonym"
                                                                              : "lexicon");
    if (e.kind == NodeKind::kOrganization) MaybeAcronym(s, end, id);
    i = end;
    return true;
  }

  // "Long Name (ACR)": remember ACR as this organization's name.
  void MaybeAcronym(size_t s, size_t end, const std::string& id) {
    const Sentence& sent = doc_.sentences[s];
    if (end + 2 < sent.last_token && Tok(end) == "(" && AllUpper(Tok(end + 1)) &&
        Tok(end + 2) == ")") {
      std::string acronym(Tok(end + 1));
      local_names_[acronym] = id;
      AddMention(s, end + 1, end + 2, id, NodeKind::kOrganization, "acronym");
    }
  }

  // Capitalized names ending in an organization noun.
  bool OrganizationPattern(size_t s, size_t& i) {
    const Sentence& sent = doc_.sentences[s];
    if (!Upper(i) ||
        (UpperWith(i, entity_word::kNotName) && !UpperWith(i, entity_word::kOrgHead)) ||
        UpperWith(i, entity_word::kNotNameStart)) {
      return false;
    }
    // "US-based Sony ...": a hyphenated modifier is not part of the name.
    std::string_view first = Low(i);
    size_t hyphen = first.find('-');
    if (hyphen != std::string::npos && !StartsUpper(Tok(i).substr(hyphen + 1))) return false;
    size_t j = i;
    size_t last_head = 0;
    while (j < sent.last_token && j - i < 8) {
      std::string_view low = Low(j);
      if (Upper(j) && Is(j, entity_word::kWordShape)) {
        bool head = UpperWith(j, entity_word::kOrgHead) ||
                    (low == "house" && Low(j + 1) == "of");
        if (head) last_head = j + 1;
        ++j;
        // "Ministry of Commerce", "Institute for Economic Research": the
        // complement after a head belongs to the name.
        if (head && j + 1 < sent.last_token && (Low(j) == "of" || Low(j) == "for") &&
            Upper(j + 1)) {
          size_t k = j + 1;
          while (k < sent.last_token && k - j < 6) {
            // "Bureau of Fisheries and Aquatic Resources".
            if (Low(k) == "and" && k > j + 1 && k + 1 < sent.last_token &&
                Upper(k + 1)) {
              ++k;
              continue;
            }
            if (!Upper(k) || UpperWith(k, entity_word::kNotName)) break;
            Match m = Lookup(k, sent.last_token);
            if (m.entry && m.entry->kind == NodeKind::kCountry) break;
            ++k;
          }
          if (k > j + 1) {
            last_head = k;
            j = k;
          }
        }
      } else if ((low == "of" || low == "for" || low == "and" || low == "&") &&
                 j + 1 < sent.last_token && Upper(j + 1)) {
        ++j;
      } else {
        break;
      }
    }
    if (last_head == 0) return false;
    bool head_first = UpperWith(i, entity_word::kOrgHead) && last_head - i >= 3;
    if (last_head - i < 2 && !head_first) return false;
    if (BareBody(i, last_head) && AnchoredBody(s, i, last_head)) {
      i = last_head;
      return true;
    }
    if (last_head - i < 2 && !head_first) return false;
    size_t end = last_head;
    std::string label(doc_.Text({doc_.tokens[i].span.begin, doc_.tokens[end - 1].span.end}));
    // A name the lexicon knows is that organization.
    Match known = Lookup(i, end);
    if (known.entry && known.length == end - i && known.entry->kind == NodeKind::kOrganization) {
      std::string lexicon_id = EnsureOrganization(known.entry->key, s);
      AddMention(s, i, end, lexicon_id, NodeKind::kOrganization, "lexicon");
      MaybeAcronym(s, end, lexicon_id);
      i = end;
      return true;
    }
    std::string id = "org:" + Slug(label);
    Ensure(id, NodeKind::kOrganization, label, s);
    AddMention(s, i, end, id, NodeKind::kOrganization, "org-pattern");
    // A country at the start of the name owns the body ("China ... Institute").
    Match m = Lookup(i, end);
    if (m.entry && m.entry->kind == NodeKind::kCountry) {
      Affiliate(id, "country:" + m.entry->key, s, "", "country-named-org");
      state_.Entity(id).affiliations.back().needs_target_in_text = true;
    } else if (Low(end) == "of" || (Low(end) == "in" && end + 1 < sent.last_token)) {
      // "Federal Aviation Office of Germany".
      size_t c = end + 1;
      if (Low(c) == "the") ++c;
      Match after = Lookup(c, sent.last_token);
      if (after.entry && after.entry->kind == NodeKind::kCountry &&
          after.entry->how == GazetteerEntry::How::kName) {
        std::string country = EnsureCountry(after.entry->key, s);
        AddMention(s, c, c + after.length, country, NodeKind::kCountry, "org-of-country");
        Affiliate(id, country, s, "", "org-of-country");
        end = c + after.length;
      }
    } else if (Low(i) == "ministry" || Low(i) == "department") {
      // "the country's Ministry of Commerce": a government's ministry
      // belongs to the country in focus.
      for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend(); ++it) {
        if (it->sentence + 3 < s) break;
        if (it->kind == NodeKind::kCountry) {
          Affiliate(id, it->node_id, s, "", "ministry-in-focus");
          break;
        }
      }
    }
    MaybeAcronym(s, end, id);
    i = end;
    return true;
  }

  // "Mahan" after "Mahan Air": the first word of an organization's name
  // named earlier in the article stands for it.
  bool OrganizationShortForm(size_t s, size_t& i) {
    if (!IsNameWord(i) || (i + 1 < doc_.sentences[s].last_token && IsNameWord(i + 1))) {
      return false;
    }
    std::string_view word = Low(i);
    if (!organizations_listed_) ListOrganizations();
    for (const auto* entity : organizations_) {
      const auto& [id, e] = *entity;
      const std::string& label = e.node.label;
      if (label.size() <= word.size() || label[word.size()] != ' ') continue;
      if (!LowerStartsWith(label, word)) continue;
      AddMention(s, i, i + 1, id, NodeKind::kOrganization, "short-form");
      ++i;
      return true;
    }
    return false;
  }

  // The organizations a short form may stand for, in the order of their
  // ids, listed once for the pass of short forms (which makes no
  // organization and changes none), not walked out of all entities at each
  // name word.
  void ListOrganizations() {
    organizations_.clear();
    for (const auto& entity : state_.entities) {
      const LocalEntity& e = entity.second;
      if (e.node.kind == NodeKind::kOrganization && !e.needs_relation) {
        organizations_.push_back(&entity);
      }
    }
    organizations_listed_ = true;
  }

  // True when `text`, ASCII-lowercased as Lower() does, starts with `low`
  // (compared in place: no lowered copy).
  static bool LowerStartsWith(std::string_view text, std::string_view low) {
    if (text.size() < low.size()) return false;
    for (size_t k = 0; k < low.size(); ++k) {
      char c = text[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != low[k]) return false;
    }
    return true;
  }

  // "German Institute for Economic Research": a name that starts with a
  // country or demonym is the organization's, not the country's.
  bool CountryNamedOrganization(size_t s, size_t& i) {
    Match m = Lookup(i, doc_.sentences[s].last_token);
    if (!m.entry || m.entry->kind != NodeKind::kCountry) return false;
    size_t next = i + m.length;
    if (next >= doc_.sentences[s].last_token || !Upper(next)) return false;
    Match after = Lookup(next, doc_.sentences[s].last_token);
    if (after.entry) return false;
    size_t j = i;
    return OrganizationPattern(s, j) && (i = j, true);
  }

  // The id of what an acronym defined earlier in the text ("(OPEC)")
  // names, when token i is one; otherwise null.
  const std::string* LocalNameAt(size_t i) const {
    if (local_names_.empty()) return nullptr;
    auto it = local_names_.find(std::string(Tok(i)));
    return it == local_names_.end() ? nullptr : &it->second;
  }

  bool LocalName(size_t s, size_t& i) {
    const std::string* id = LocalNameAt(i);
    if (id == nullptr) return false;
    AddMention(s, i, i + 1, *id, state_.Entity(*id).node.kind, "acronym");
    ++i;
    return true;
  }

  bool Group(size_t s, size_t& i) {
    if (!Is(i, entity_word::kGroupNoun)) return false;
    const std::string low(Low(i));
    std::string id = "org:group-" + Slug(low);
    LocalEntity& e = Ensure(id, NodeKind::kOrganization, low, s);
    if (e.node.mentions == 0) e.needs_relation = true;
    AddMention(s, i, i + 1, id, NodeKind::kOrganization, "group");
    ++i;
    return true;
  }

  // "Hua Chunying, a Chinese foreign ministry spokeswoman in Beijing, ..."
  // "Zuo Xiaodong, vice-president of China Information Security Research
  // Institute, said"
  bool Apposition(size_t s, size_t& i) {
    const Sentence& sent = doc_.sentences[s];
    // NameEnd() goes past i + 1 only through a name word or particle, and
    // a comma must follow the name, which ends at most 5 tokens on (quick
    // tests that most tokens fail, so they go first).
    if (!IsNameWord(i + 1) && !IsNameParticle(i + 1)) return false;
    bool comma = false;
    for (size_t k = i + 2; k <= i + 5 && !comma; ++k) comma = Is(k, entity_word::kComma);
    if (!comma) return false;
    if (i > sent.first_token && Is(i - 1, entity_word::kPreposition)) return false;
    size_t end = NameEnd(i, sent.last_token);
    if (end - i < 2 || Tok(end) != ",") return false;
    std::string_view opener = Tok(end + 1);
    if (opener.empty() || (StartsUpper(opener) && Low(end + 1) != "a" && Low(end + 1) != "an" &&
                           Low(end + 1) != "the")) {
      Match m = Lookup(end + 1, sent.last_token);
      if (!m.entry || m.entry->kind != NodeKind::kCountry) return false;
    }
    // The role: up to the next comma or sentence end, must hold a title word.
    size_t r = end + 1;
    if (Low(r) == "a" || Low(r) == "an" || Low(r) == "the") ++r;
    size_t role_end = r;
    bool has_title = false;
    while (role_end < sent.last_token && Tok(role_end) != "," && role_end - r < 12 &&
           Low(role_end) != "said" && Low(role_end) != "who" && !IsQuote(Tok(role_end))) {
      if (Is(role_end, entity_word::kRoleWord)) has_title = true;
      ++role_end;
    }
    if (!has_title) return false;
    std::string role(doc_.Text({doc_.tokens[r].span.begin, doc_.tokens[role_end - 1].span.end}));
    std::string id = ResolvePerson(i, end, s, role);
    AddMention(s, i, end, id, NodeKind::kOfficial, "apposition");
    i = end;
    // Affiliations inside the role: countries, bodies, organizations.
    size_t k = r;
    while (k < role_end) {
      size_t before = k;
      if (CountryBody(s, k)) {
        Affiliate(id, doc_.mentions.back().node_id, s, role, "apposition");
        Affiliate(id, state_.Entity(doc_.mentions.back().node_id).affiliations.empty()
                          ? ""
                          : state_.Entity(doc_.mentions.back().node_id).affiliations[0].target,
                  s, role, "apposition");
        continue;
      }
      if (CountryNamedOrganization(s, k) || Gazetteer(s, k) || OrganizationPattern(s, k)) {
        if (k > before && !doc_.mentions.empty() && doc_.mentions.back().last_token == k) {
          const EntityMention& m = doc_.mentions.back();
          // "ambassador to Australia" names the post's place, not its owner.
          bool place = before > r && (Low(before - 1) == "to" || Low(before - 1) == "in");
          if (m.kind != NodeKind::kOfficial && !place) {
            Affiliate(id, m.node_id, s, role, "apposition");
          }
        }
        continue;
      }
      ++k;
    }
    i = std::max(i, k);
    return true;
  }

  static bool IsQuote(std::string_view t) {
    return t == "\"" || t == "\u201C" || t == "\u201D" || t == "'" || t == "\u2018" ||
           t == "\u2019";
  }

  // "Russia's deputy foreign minister, Gennady Gatilov," and "Mahan's
  // director, Hamid Arabnejad Khanooki,": a role, a comma, then the name.
  bool RoleThenName(size_t s, size_t& i) {
    const Sentence& sent = doc_.sentences[s];
    // i is at the comma after the role.
    if (Tok(i) != "," || i == sent.first_token) return false;
    // "the Chinese ambassador to Canada, Lu Shaye": the post's place.
    size_t role_last = i - 1;
    for (size_t k = i - 1; k > sent.first_token && k + 4 > i; --k) {
      std::string_view w = Low(k - 1);
      if ((w == "to" || w == "in" || w == "at") && k >= sent.first_token + 2 &&
          Is(k - 2, entity_word::kRoleWord)) {
        role_last = k - 2;
        break;
      }
    }
    if (!Is(role_last, entity_word::kRoleWord)) return false;
    size_t name = i + 1;
    size_t end = NameEnd(name, sent.last_token);
    if (end - name < 2) return false;
    if (end < sent.last_token && Tok(end) != "," && Tok(end) != "." &&
        Low(end) != "said" && Low(end) != "says" && Low(end) != "told") {
      return false;
    }
    // The role phrase: back to the start of the noun phrase.
    size_t r = role_last;
    while (r > sent.first_token && r + 8 > role_last) {
      std::string_view w = Low(r - 1);
      if (w == "," || w == "." || w == "the" || w == "a" || w == "an" || w == "and" ||
          IsQuote(Tok(r - 1)) || w == "said" || w == "with" || w == "by") {
        break;
      }
      --r;
    }
    std::string role(doc_.Text({doc_.tokens[r].span.begin, doc_.tokens[i - 1].span.end}));
    std::string id = ResolvePerson(name, end, s, role);
    AddMention(s, name, end, id, NodeKind::kOfficial, "role+name");
    // Affiliation: the first entity named in the role, not after "to".
    size_t from = doc_.mentions.size();
    while (from > 0 && doc_.mentions[from - 1].sentence == s) --from;
    for (size_t k = from; k < doc_.mentions.size(); ++k) {
      const EntityMention& m = doc_.mentions[k];
      if (m.first_token < r || m.last_token > i) continue;
      if (m.first_token > r && Low(m.first_token - 1) == "to") continue;
      std::string target = m.node_id;
      if (m.kind == NodeKind::kOfficial) {
        const auto& affs = state_.Entity(m.node_id).affiliations;
        target = affs.empty() ? "" : affs.front().target;
      }
      Affiliate(id, target, s, role, "role+name");
      break;
    }
    i = end;
    return true;
  }

  // A lone surname of an official named earlier ("Kerry said").
  bool Surname(size_t s, size_t& i) {
    if (!IsNameWord(i)) return false;
    size_t end = i + 1;
    if (IsNameWord(end)) return false;
    // Most name words are in neither map: both are passed over then.
    const bool lexicon_surname = Is(i, entity_word::kSurname);
    if (!lexicon_surname && surname_to_official_.empty()) return false;
    std::string id;
    const std::string low(Low(i));
    auto it = surname_to_official_.find(low);
    if (it != surname_to_official_.end()) {
      id = it->second;
    } else {
      // A well-known office holder named by surname alone ("Lavrov said"):
      // only when one holder of that surname was in office at the time.
      if (!lexicon_surname) return false;
      auto known = lex_.surnames.find(low);
      if (known == lex_.surnames.end()) return false;
      std::string only;
      for (const std::string& key : known->second) {
        if (!OfficialActive(key)) continue;
        if (!only.empty()) return false;
        only = key;
      }
      if (only.empty()) return false;
      id = EnsureLexiconOfficial(only, s);
    }
    AddMention(s, i, end, id, NodeKind::kOfficial, "surname");
    i = end;
    return true;
  }

  // False when OrganizationPattern() at i finds no head: it looks for one
  // among the next 8 tokens of the sentence, all capitalized (which
  // Classify() completes, so their bits are read directly).
  bool MayOpenOrganization(size_t i, size_t end) const {
    constexpr uint32_t kHead = entity_word::kOrgHead | entity_word::kHouse;
    for (size_t k = i; k < end && k - i < 8; ++k) {
      if ((bits_[k] & entity_word::kUpper) && (bits_[k] & kHead)) return true;
    }
    return false;
  }

  // False when TitleAt(i, ...) finds no title: a lexicon title starts at
  // i, or a title word follows within two tokens ("energy minister").
  bool MayOpenTitle(size_t i) const {
    return Is(i, entity_word::kTitleStart) || Is(i + 1, entity_word::kTitleWord) ||
           Is(i + 2, entity_word::kTitleWord);
  }

  // False when no rule of ScanSentence() can match at token i: each needs
  // one of these (a capital, a lexicon phrase's or title's first word, a
  // group noun, a title word just after, a comma, an acronym defined in the
  // text), and most tokens have none, so they are passed over at once.
  // For i below the number of tokens: the bits of i + 1 and i + 2 are read
  // directly, as the constructor put two tokens of no bits past the end.
  static constexpr uint32_t kOpeners = entity_word::kUpper | entity_word::kPhraseStart |
                                       entity_word::kTitleStart | entity_word::kGroupNoun |
                                       entity_word::kComma;
  bool MayOpenMention(size_t i) const {
    return (bits_[i] & kOpeners) || ((bits_[i + 1] | bits_[i + 2]) & entity_word::kTitleWord) ||
           (!local_names_.empty() && LocalNameAt(i) != nullptr);
  }

  // MayOpenMention() but for its test of acronyms defined in the text:
  // the bits alone, which Classify() settles (completing a token adds none
  // of them).
  bool OpensByBits(size_t i) const {
    return ((bits_[i] & kOpeners) | ((bits_[i + 1] | bits_[i + 2]) & entity_word::kTitleWord)) != 0;
  }

  // The first token of [i, end) OpensByBits(), or end: a tight loop
  // over the bits, as most tokens are passed over.
  size_t NextOpener(size_t i, size_t end) const {
    while (i < end && !OpensByBits(i)) ++i;
    return i;
  }

  void ScanSentence(size_t s) {
    const Sentence& sent = doc_.sentences[s];
    size_t i = sent.first_token;
    while (i < sent.last_token) {
      // Straight to the next token a rule may open at, unless the text
      // has defined an acronym (one may be at any token).
      if (local_names_.empty()) {
        i = NextOpener(i, sent.last_token);
        if (i == sent.last_token) break;
        if (Covered(i)) {
          ++i;
          continue;
        }
      } else if (Covered(i) || !MayOpenMention(i)) {
        ++i;
        continue;
      }
      // Each rule is tried only where the token has what the rule needs
      // first (a comma, a title's word, a lexicon phrase's first word, a
      // name word ...): a rule that lacks it returns false at once, with
      // nothing done, so passing it over is the same.
      const bool phrase = Is(i, entity_word::kPhraseStart);
      if ((Is(i, entity_word::kComma) && RoleThenName(s, i)) ||
          (MayOpenTitle(i) && TitleName(s, i)) || (phrase && CountryBody(s, i)) ||
          (IsNameWord(i) && Apposition(s, i)) ||
          (phrase && CountryNamedOrganization(s, i)) || (phrase && Gazetteer(s, i)) ||
          (Upper(i) && MayOpenOrganization(i, sent.last_token) && OrganizationPattern(s, i)) ||
          (!local_names_.empty() && LocalName(s, i)) ||
          (Is(i, entity_word::kGroupNoun) && Group(s, i))) {
        continue;
      }
      ++i;
    }
  }

  Document& doc_;
  DocumentState& state_;
  const LexiconData& lex_;
  const EntityWords& words_;
  // By token, from EntityWords::Classify(); a token is completed the first
  // time a rule asks for more than its eager bits.
  uint32_t* bits_ = nullptr;  // entity_word::k...
  uint32_t* ids_ = nullptr;   // EntityWords word id
  size_t tokens_ = 0;               // doc_.tokens.size()
  CachedLookup* lookup_cache_;  // [kCachedLookups], see Lookup()
  int year_ = 0;
  std::unordered_map<std::string, std::string> surname_to_official_;
  LocalEntity* recent_ = nullptr;  // made or found last (see Find())
  // See ListOrganizations(): filled at the first short form tried.
  std::vector<const std::pair<const std::string, LocalEntity>*>& organizations_;
  bool organizations_listed_ = false;
  std::unordered_map<std::string, std::string> local_names_;
};

}  // namespace

void EntityStage::Run(Document& doc, DocumentState& state, KnowledgeGraph&) const {
  doc.mentions.clear();
  thread_local Scratch scratch;
  Recognizer(doc, state, words_, scratch).Run();
}

}  // namespace newsgraph
