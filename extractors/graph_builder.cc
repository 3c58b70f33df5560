#include "extractors/graph_builder.h"

#include <cmath>
#include <set>
#include <string_view>

#include "extractors/document_state.h"

namespace newsgraph {

namespace {

Evidence MakeEvidence(const Document& doc, const DocumentState& state, size_t sentence,
                      const std::string& trigger, const std::string& rule,
                      double confidence, const std::string& cameo) {
  Evidence e;
  e.document = doc.id;
  e.sentence = static_cast<uint32_t>(sentence);
  if (sentence < doc.sentences.size()) {
    e.begin = doc.sentences[sentence].span.begin;
    e.end = doc.sentences[sentence].span.end;
    e.text = std::string(doc.Text(doc.sentences[sentence].span));
  }
  e.trigger = trigger;
  e.rule = rule;
  e.confidence = std::round(confidence * 1000.0) / 1000.0;  // stable in every format
  e.date = sentence < state.sentence_dates.size() ? state.sentence_dates[sentence] : doc.date;
  e.cameo = cameo;
  return e;
}

}  // namespace

void GraphBuilderStage::Run(Document& doc, DocumentState& state,
                            KnowledgeGraph& graph) const {
  // Views of ids held by `state`, which outlives them: no copies.
  std::set<std::string_view> in_relation;
  for (const RelationCandidate& r : state.relations) {
    in_relation.insert(r.source);
    in_relation.insert(r.target);
  }
  std::set<std::string_view> emitted;
  for (const auto& [id, entity] : state.entities) {
    if (entity.needs_relation && !in_relation.count(id)) continue;
    graph.AddNode(entity.node);
    emitted.insert(id);
  }
  for (const LocalEvent& ev : state.events) {
    Node node;
    node.id = ev.id;
    node.kind = NodeKind::kEvent;
    node.label = ev.label;
    size_t first = ev.sentences.empty() ? 0 : ev.sentences.front();
    node.date = first < state.sentence_dates.size() ? state.sentence_dates[first] : doc.date;
    node.mentions = ev.mentions.size();
    node.first_date = node.last_date = doc.date;
    for (const Span& span : ev.mentions) {
      std::string form(doc.Text(span));
      if (form != node.label) node.aliases.insert(form);
    }
    graph.AddNode(node);
    emitted.insert(ev.id);
  }
  for (const auto& [id, entity] : state.entities) {
    if (!emitted.count(id)) continue;
    for (const Affiliation& a : entity.affiliations) {
      if (!emitted.count(a.target)) continue;
      graph.AddRelation(id, a.relation, a.target,
                        MakeEvidence(doc, state, a.sentence, a.trigger, a.rule,
                                     a.confidence, ""));
    }
  }
  for (const LocalEvent& ev : state.events) {
    size_t first = ev.sentences.empty() ? 0 : ev.sentences.front();
    for (const std::string& p : ev.participants) {
      if (!emitted.count(p)) continue;
      std::string trigger(doc.Text(ev.mentions.front()));
      graph.AddRelation(p, RelationKind::kInvolvedIn, ev.id,
                        MakeEvidence(doc, state, first, trigger, "event-participant", 0.8, ""));
    }
  }
  for (const RelationCandidate& r : state.relations) {
    if (!emitted.count(r.source) || !emitted.count(r.target)) continue;
    graph.AddRelation(r.source, r.relation, r.target,
                      MakeEvidence(doc, state, r.sentence, r.trigger, r.rule,
                                   r.confidence, r.cameo));
  }
}

}  // namespace newsgraph
