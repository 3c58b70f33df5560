#include "extractors/text_match.h"

#include <algorithm>
#include <map>

#include "extractors/tokenizer.h"

namespace newsgraph {

std::vector<int> TokenMentionMap(const Document& doc) {
  std::vector<int> map(doc.tokens.size(), -1);
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    for (size_t t = doc.mentions[m].first_token; t < doc.mentions[m].last_token; ++t) {
      if (map[t] < 0) map[t] = static_cast<int>(m);
    }
  }
  return map;
}

int QualifiedMention(const Document& doc, const std::vector<int>& cover, int m) {
  const EntityMention& mention = doc.mentions[m];
  if (mention.kind != NodeKind::kCountry) return m;
  const size_t end = doc.sentences[mention.sentence].last_token;
  size_t next = mention.last_token;
  if (next < end && IsPossessive(doc.TokenText(next))) ++next;
  if (next >= end || cover[next] < 0 || cover[next] == m) return m;
  const EntityMention& head = doc.mentions[cover[next]];
  return head.kind == NodeKind::kCountry ? m : cover[next];
}

std::string Slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());  // at most one byte per byte: no regrowth
  bool dash = false;
  for (unsigned char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      keep = true;
    }
    if (c == '.' || c == '\'') continue;  // U.S. -> us, O'Brien -> obrien
    if (keep) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c);
    } else {
      dash = true;
    }
  }
  return out;
}

bool IsPossessive(std::string_view token) {
  return token == "'s" || token == "\u2019s" || token == "'S" || token == "'";
}

std::vector<std::string> Inflections(const std::string& lemma) {
  static const std::map<std::string, std::vector<std::string>> kIrregular = {
      {"hold", {"holds", "held", "holding"}},
      {"meet", {"meets", "met", "meeting"}},
      {"speak", {"speaks", "spoke", "spoken", "speaking"}},
      {"tell", {"tells", "told", "telling"}},
      {"strike", {"strikes", "struck", "striking"}},
      {"seek", {"seeks", "sought", "seeking"}},
      {"fight", {"fights", "fought", "fighting"}},
      {"shoot", {"shoots", "shot", "shooting"}},
      {"cut", {"cuts", "cut", "cutting"}},
      {"break", {"breaks", "broke", "broken", "breaking"}},
      {"be", {"is", "are", "was", "were", "been", "being", "'s"}},
      {"stand", {"stands", "stood", "standing"}},
      {"lead", {"leads", "led", "leading"}},
      {"take", {"takes", "took", "taken", "taking"}},
      {"give", {"gives", "gave", "given", "giving"}},
      {"send", {"sends", "sent", "sending"}},
      {"hit", {"hits", "hit", "hitting"}},
      {"join", {"joins", "joined", "joining"}},
      {"slap", {"slaps", "slapped", "slapping"}},
      {"ban", {"bans", "banned", "banning"}},
      {"veto", {"vetoes", "vetoed", "vetoing", "vetos"}},
      {"sign", {"signs", "signed", "signing"}},
      {"talk", {"talks", "talked", "talking"}},
      {"lash", {"lashes", "lashed", "lashing"}},
      {"press", {"presses", "pressed", "pressing"}},
      {"reach", {"reaches", "reached", "reaching"}},
      {"stop", {"stops", "stopped", "stopping"}},
      {"plan", {"plans", "planned", "planning"}},
      {"withdraw", {"withdraws", "withdrew", "withdrawn", "withdrawing"}},
      {"pull", {"pulls", "pulled", "pulling"}},
      {"leave", {"leaves", "left", "leaving"}},
      {"bring", {"brings", "brought", "bringing"}},
      {"freeze", {"freezes", "froze", "frozen", "freezing"}},
      {"seize", {"seizes", "seized", "seizing"}},
      {"shut", {"shuts", "shut", "shutting"}},
      {"throw", {"throws", "threw", "thrown", "throwing"}},
      {"lay", {"lays", "laid", "laying"}},
      {"put", {"puts", "put", "putting"}},
      {"set", {"sets", "set", "setting"}},
      {"make", {"makes", "made", "making"}},
      {"pay", {"pays", "paid", "paying"}},
      {"win", {"wins", "won", "winning"}},
      {"sell", {"sells", "sold", "selling"}},
      {"buy", {"buys", "bought", "buying"}},
      {"keep", {"keeps", "kept", "keeping"}},
      {"fly", {"flies", "flew", "flown", "flying"}},
      {"flee", {"flees", "fled", "fleeing"}},
      {"begin", {"begins", "began", "begun", "beginning"}},
      {"write", {"writes", "wrote", "written", "writing"}},
      {"come", {"comes", "came", "coming"}},
      {"sit", {"sits", "sat", "sitting"}},
      {"go", {"goes", "went", "gone", "going"}},
      {"say", {"says", "said", "saying"}},
      {"call", {"calls", "called", "calling"}},
      {"describe", {"describes", "described", "describing"}},
      {"the", {}}, {"a", {"an"}}, {"with", {}}, {"on", {}}, {"to", {}},
      {"at", {}}, {"of", {}}, {"by", {}}, {"into", {}}, {"against", {}},
      {"for", {}}, {"from", {}}, {"upon", {}}, {"off", {}}, {"up", {}},
      {"out", {}},
  };
  std::vector<std::string> forms = {lemma};
  auto it = kIrregular.find(lemma);
  if (it != kIrregular.end()) {
    forms.insert(forms.end(), it->second.begin(), it->second.end());
    return forms;
  }
  const size_t n = lemma.size();
  auto vowel = [](char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; };
  if (n >= 2 && lemma[n - 1] == 'y' && !vowel(lemma[n - 2])) {
    std::string stem = lemma.substr(0, n - 1);
    forms.insert(forms.end(), {stem + "ies", stem + "ied", lemma + "ing"});
  } else if (n >= 1 && lemma[n - 1] == 'e') {
    std::string stem = lemma.substr(0, n - 1);
    forms.insert(forms.end(), {lemma + "s", lemma + "d", stem + "ing"});
  } else if (n >= 2 && (lemma.substr(n - 2) == "sh" || lemma.substr(n - 2) == "ch" ||
                        lemma[n - 1] == 's' || lemma[n - 1] == 'x')) {
    forms.insert(forms.end(), {lemma + "es", lemma + "ed", lemma + "ing"});
  } else {
    forms.insert(forms.end(), {lemma + "s", lemma + "ed", lemma + "ing"});
    // expel -> expelled, slap -> slapped: a final consonant after one vowel
    // doubles (the regular forms stay too: visit -> visited).
    if (n >= 3 && !vowel(lemma[n - 1]) && vowel(lemma[n - 2]) && !vowel(lemma[n - 3]) &&
        std::string_view("wxy").find(lemma[n - 1]) == std::string_view::npos) {
      forms.insert(forms.end(), {lemma + lemma[n - 1] + "ed", lemma + lemma[n - 1] + "ing"});
    }
  }
  return forms;
}

void SortMentions(Document& doc) {
  // Mentions are mostly found in order: then there is nothing to move.
  auto by_position = [](const EntityMention& a, const EntityMention& b) {
    return a.span.begin < b.span.begin;
  };
  if (std::is_sorted(doc.mentions.begin(), doc.mentions.end(), by_position)) return;
  // Sort positions, not mentions (strings and a vector each), then move
  // each mention once: a stable sort of the mentions themselves moves each
  // several times.
  std::vector<uint32_t> order(doc.mentions.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
  std::stable_sort(order.begin(), order.end(), [&doc](uint32_t a, uint32_t b) {
    return doc.mentions[a].span.begin < doc.mentions[b].span.begin;
  });
  std::vector<EntityMention> sorted;
  sorted.reserve(doc.mentions.size());
  for (uint32_t k : order) sorted.push_back(std::move(doc.mentions[k]));
  doc.mentions.swap(sorted);
}

}  // namespace newsgraph
