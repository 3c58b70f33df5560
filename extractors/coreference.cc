#include "extractors/coreference.h"

#include "extractors/document_state.h"
#include "extractors/text_match.h"
#include "extractors/tokenizer.h"

namespace newsgraph {

namespace {

enum class Want { kPerson, kThing, kGroup, kCountry };

bool Compatible(const LocalEntity& e, Want want) {
  switch (want) {
    case Want::kPerson:
      return e.node.kind == NodeKind::kOfficial;
    case Want::kThing:
      return e.node.kind == NodeKind::kCountry || (e.node.kind == NodeKind::kOrganization && !e.needs_relation);
    case Want::kGroup:
      return e.needs_relation || e.node.kind == NodeKind::kCountry;
    case Want::kCountry:
      return e.node.kind == NodeKind::kCountry;
  }
  return false;
}

}  // namespace

namespace {

// "Sony" after "Sony Pictures Entertainment": an organization whose name
// is the first words of another's is that other one.
void MergeShortForms(Document& doc, DocumentState& state) {
  std::vector<std::pair<std::string, std::string>> renames;  // short -> long
  // Bodies of one institution keep their own nodes (United Nations and its
  // Security Council); businesses are named by their first words.
  auto is_business = [&](const std::string& id) {
    auto it = state.lexicon->organizations.find(id.substr(4));
    return it == state.lexicon->organizations.end() || it->second.category == "company" ||
           it->second.category == "media";
  };
  for (const auto& [short_id, short_entity] : state.entities) {
    if (short_entity.node.kind != NodeKind::kOrganization || short_entity.needs_relation ||
        !is_business(short_id)) {
      continue;
    }
    std::string prefix = Lower(short_entity.node.label) + " ";
    for (const auto& [long_id, long_entity] : state.entities) {
      if (long_id == short_id || long_entity.node.kind != NodeKind::kOrganization ||
          !is_business(long_id)) {
        continue;
      }
      if (Lower(long_entity.node.label).rfind(prefix, 0) == 0) {
        renames.emplace_back(short_id, long_id);
        break;
      }
    }
  }
  for (const auto& [from, to] : renames) {
    LocalEntity& target = state.Entity(to);
    const LocalEntity& source = state.Entity(from);
    target.node.mentions += source.node.mentions;
    target.node.aliases.insert(source.node.label);
    target.node.aliases.insert(source.node.aliases.begin(), source.node.aliases.end());
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

void CoreferenceStage::Run(Document& doc, DocumentState& state, KnowledgeGraph&) const {
  MergeShortForms(doc, state);
  std::vector<int> covering = TokenMentionMap(doc);
  std::vector<EntityMention> added;
  // Walk tokens in order, remembering the latest mention of each entity.
  std::vector<const EntityMention*> history;
  size_t next_mention = 0;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (size_t i = sent.first_token; i < sent.last_token; ++i) {
      while (next_mention < doc.mentions.size() &&
             doc.mentions[next_mention].first_token <= i) {
        history.push_back(&doc.mentions[next_mention]);
        ++next_mention;
      }
      if (covering[i] >= 0 || sent.in_title) continue;
      std::string w = LowerToken(doc, i);
      Want want;
      size_t length = 1;
      std::string role_word;
      if (w == "he" || w == "she" || w == "his" || w == "her") {
        want = Want::kPerson;
      } else if (w == "it" || w == "its") {
        want = Want::kThing;
      } else if (w == "they" || w == "their") {
        want = Want::kGroup;
      } else if (w == "the" && i + 1 < sent.last_token) {
        std::string next = LowerToken(doc, i + 1);
        length = 2;
        if (next == "country" || next == "government" || next == "nation" ||
            next == "regime" || next == "kingdom" || next == "republic") {
          want = Want::kCountry;
        } else if (next == "minister" || next == "spokeswoman" || next == "spokesman" ||
                   next == "spokesperson" || next == "president" || next == "premier" ||
                   next == "chancellor" || next == "secretary") {
          want = Want::kPerson;
          role_word = next;
        } else {
          continue;
        }
        // "the government of X", "the country's": still the one in focus.
      } else {
        continue;
      }
      // Nearest compatible antecedent, at most three sentences back.
      const EntityMention* antecedent = nullptr;
      for (auto it = history.rbegin(); it != history.rend(); ++it) {
        if ((*it)->sentence + 3 < s) break;
        const LocalEntity& e = state.Entity((*it)->node_id);
        if (!Compatible(e, want)) continue;
        if (!role_word.empty() && Lower(e.node.role).find(role_word) == std::string::npos) {
          continue;
        }
        antecedent = *it;
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
      added.push_back(m);
      i += length - 1;
    }
  }
  doc.mentions.insert(doc.mentions.end(), added.begin(), added.end());
  SortMentions(doc);
}

}  // namespace newsgraph
