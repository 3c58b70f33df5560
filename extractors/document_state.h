// DocumentState: what the stages of one pipeline run hand to each other
// besides the Document's layers: the document's entities before they become
// graph nodes, candidate relations and events. Owned by Pipeline::Process
// for one document; never shared between threads.
#ifndef NEWSGRAPH_EXTRACTORS_DOCUMENT_STATE_H_
#define NEWSGRAPH_EXTRACTORS_DOCUMENT_STATE_H_

#include <map>
#include <string>
#include <vector>

#include "extractors/document.h"
#include "extractors/lexicon_data.h"
#include "extractors/pipeline.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {

// A structural link found for an entity (official -> country, org -> parent).
struct Affiliation {
  std::string target;  // node id
  RelationKind relation = RelationKind::kAffiliatedWith;
  size_t sentence = 0;
  std::string trigger;
  std::string rule;
  double confidence = 0.9;
  bool needs_target_in_text = false;  // from a lexicon: only if it is named
};

// One entity of this document, before it becomes a graph node.
struct LocalEntity {
  Node node;
  std::vector<Affiliation> affiliations;
  // An unnamed acting group ("the hackers"): a node only when it takes part
  // in an interaction relation.
  bool needs_relation = false;
  size_t first_sentence = 0;
};

struct RelationCandidate {
  std::string source;  // node ids
  std::string target;
  RelationKind relation = RelationKind::kConsults;
  size_t sentence = 0;
  std::string trigger;
  std::string rule;
  std::string cameo;
  double confidence = 0.5;
  std::string event;  // category of the happening the act is, or empty
};

// A happening the article reports, with the sentences that name it.
struct LocalEvent {
  std::string id;
  std::string category;
  std::string label;
  std::string cameo;
  std::vector<Span> mentions;
  std::vector<size_t> sentences;
  std::vector<std::string> participants;  // node ids
  std::string target;  // the participant acted upon ("hack on Sony"), if known
  bool salient = false;  // in the title, named twice or given a participant
  bool from_relation = false;  // an act joined it (RelationEventStage)
  // Named only by the acts' verbs, never by a noun.
  bool from_relation_only() const { return from_relation && label.empty(); }
};

struct DocumentState {
  const LexiconData* lexicon = nullptr;
  std::map<std::string, LocalEntity> entities;  // by node id
  std::vector<RelationCandidate> relations;
  std::vector<LocalEvent> events;
  std::vector<std::string> sentence_dates;  // ISO date per sentence or ""

  LocalEntity& Entity(const std::string& id) { return entities.at(id); }
  bool Has(const std::string& id) const { return entities.count(id) > 0; }
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_DOCUMENT_STATE_H_
