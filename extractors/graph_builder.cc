#include "extractors/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

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
  using Vertex = KnowledgeGraph::Vertex;
  // The nodes this document added, by id (views of ids held by `state`,
  // which outlives them), with their vertices: sorted once, then searched,
  // so that an edge needs no lookup in the graph's index of ids.
  std::vector<std::pair<std::string_view, Vertex>> emitted;
  emitted.reserve(state.entities.size() + state.events.size());
  auto vertex_of = [&emitted](std::string_view id, Vertex* v) {
    auto it = std::lower_bound(
        emitted.begin(), emitted.end(), id,
        [](const auto& e, std::string_view key) { return e.first < key; });
    if (it == emitted.end() || it->first != id) return false;
    *v = it->second;
    return true;
  };
  // An unnamed acting group is a node only when a relation names it.
  auto in_relation = [&state](std::string_view id) {
    for (const RelationCandidate& r : state.relations) {
      if (r.source == id || r.target == id) return true;
    }
    return false;
  };
  {
    std::vector<std::string_view> ids;
    ids.reserve(state.entities.size() + state.events.size());
    for (const auto& [id, entity] : state.entities) ids.push_back(id);
    for (const LocalEvent& ev : state.events) ids.push_back(ev.id);
    graph.PrefetchNodes(ids);
  }
  // The entities made nodes, in the order of their ids, with their vertices.
  std::vector<std::pair<const LocalEntity*, Vertex>> entities;
  entities.reserve(state.entities.size());
  for (const auto& [id, entity] : state.entities) {
    if (entity.needs_relation && !in_relation(id)) continue;
    entities.emplace_back(&entity, graph.AddNode(entity.node));
    emitted.emplace_back(id, entities.back().second);
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
    emitted.emplace_back(ev.id, graph.AddNode(node));
  }
  // Entities come sorted by id (a std::map); events follow, a few. A stable
  // sort keeps the first of two equal ids, as a set's insert did.
  std::stable_sort(
      emitted.begin(), emitted.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  Vertex source = 0;
  Vertex target = 0;
  size_t next = 0;  // in `entities`
  for (const auto& [id, entity] : state.entities) {
    if (next < entities.size() && entities[next].first == &entity) {
      source = entities[next++].second;
    } else if (!vertex_of(id, &source)) {  // maybe an event's id
      continue;
    }
    for (const Affiliation& a : entity.affiliations) {
      if (!vertex_of(a.target, &target)) continue;
      graph.AddRelation(source, a.relation, target,
                        MakeEvidence(doc, state, a.sentence, a.trigger, a.rule,
                                     a.confidence, ""));
    }
  }
  for (const LocalEvent& ev : state.events) {
    if (!vertex_of(ev.id, &target)) continue;
    size_t first = ev.sentences.empty() ? 0 : ev.sentences.front();
    for (const std::string& p : ev.participants) {
      if (!vertex_of(p, &source)) continue;
      std::string trigger(doc.Text(ev.mentions.front()));
      graph.AddRelation(source, RelationKind::kInvolvedIn, target,
                        MakeEvidence(doc, state, first, trigger, "event-participant", 0.8, ""));
    }
  }
  for (const RelationCandidate& r : state.relations) {
    if (!vertex_of(r.source, &source) || !vertex_of(r.target, &target)) continue;
    graph.AddRelation(source, r.relation, target,
                      MakeEvidence(doc, state, r.sentence, r.trigger, r.rule,
                                   r.confidence, r.cameo));
  }
}

}  // namespace newsgraph
