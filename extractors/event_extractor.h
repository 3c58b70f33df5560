// EventStage: the specific happenings an article reports (hacks, summits,
// talks, calls, votes, sanctions, tests ...). Nouns from events.tsv that
// name the same kind of happening in one article are one event ("the
// hack", "the cyberattack"); an event becomes a node when the article is
// about it (named in the title, named twice, or given a participant by
// "on X", "against X", "X's", "by X"). Participants get involved_in edges.
// Stateless, so thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_EVENT_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACTORS_EVENT_EXTRACTOR_H_

#include "extractors/pipeline.h"

namespace newsgraph {

class EventStage : public Stage {
 public:
  std::string Name() const override { return "events"; }
  std::vector<std::string> Requires() const override {
    return {layer::kEntities, layer::kCoreference};
  }
  std::vector<std::string> Provides() const override { return {layer::kEvents}; }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;
};

// RelationEventStage: acts that are happenings ("Britain expelled 23
// Russian diplomats" is an expulsion) join the article's event of their
// category (events.tsv), or make one, with the act's source and target as
// participants; actors of relations aimed at an event take part in it.
// Then labels the events and keeps those the article is about.
class RelationEventStage : public Stage {
 public:
  std::string Name() const override { return "relation-events"; }
  std::vector<std::string> Requires() const override {
    return {layer::kRelations, layer::kEvents};
  }
  std::vector<std::string> Provides() const override { return {"relation-events"}; }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_EVENT_EXTRACTOR_H_
