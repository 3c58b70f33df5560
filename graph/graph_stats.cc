#include "graph/graph_stats.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace newsgraph {

namespace {

void Widen(std::string_view date, std::string* first, std::string* last) {
  if (date.empty()) return;
  if (first->empty() || date < *first) *first = std::string(date);
  if (last->empty() || date > *last) *last = std::string(date);
}

}  // namespace

GraphStats ComputeStats(const KnowledgeGraph& graph, size_t top) {
  GraphStats stats;
  stats.documents = graph.document_count();
  const KnowledgeGraph::Elements sorted = graph.SortedElements();
  const std::vector<const Node*>& nodes = sorted.nodes;
  const std::vector<KnowledgeGraph::EdgeView>& edges = sorted.edges;
  stats.nodes = nodes.size();
  stats.edges = edges.size();

  for (const NodeKindInfo& info : AllNodeKinds()) {
    stats.nodes_by_kind.push_back({info.kind, 0});
  }
  for (const RelationInfo& info : AllRelations()) {
    stats.edges_by_relation.push_back({info.kind, 0, 0});
  }

  for (const Node* node : nodes) {
    ++stats.nodes_by_kind[static_cast<size_t>(node->kind)].nodes;
    Widen(node->first_date, &stats.first_date, &stats.last_date);
    Widen(node->last_date, &stats.first_date, &stats.last_date);
    Widen(node->date, &stats.first_date, &stats.last_date);
  }

  std::unordered_map<const Node*, GraphStats::Actor> actors;
  for (const KnowledgeGraph::EdgeView& view : edges) {
    const Edge& edge = *view.edge;
    stats.mentions += edge.weight;
    GraphStats::RelationCount& count =
        stats.edges_by_relation[static_cast<size_t>(edge.relation)];
    ++count.edges;
    count.mentions += edge.weight;
    Widen(edge.first_date, &stats.first_date, &stats.last_date);
    Widen(edge.last_date, &stats.first_date, &stats.last_date);
    if (!IsInteraction(edge.relation)) continue;
    stats.top_relations.push_back(view);
    if (view.source->kind != NodeKind::kEvent) {
      GraphStats::Actor& actor = actors[view.source];
      actor.node = view.source;
      actor.mentions_out += edge.weight;
      ++actor.edges;
    }
    if (view.target->kind != NodeKind::kEvent) {
      GraphStats::Actor& actor = actors[view.target];
      actor.node = view.target;
      actor.mentions_in += edge.weight;
      ++actor.edges;
    }
  }

  for (auto& [node, actor] : actors) {
    actor.weighted_degree = actor.mentions_out + actor.mentions_in;
    stats.top_actors.push_back(actor);
  }
  auto by_degree = [](const GraphStats::Actor& a, const GraphStats::Actor& b) {
    if (a.weighted_degree != b.weighted_degree) {
      return a.weighted_degree > b.weighted_degree;
    }
    if (a.edges != b.edges) return a.edges > b.edges;
    return a.node->id < b.node->id;
  };
  const size_t actor_count = std::min(top, stats.top_actors.size());
  std::partial_sort(stats.top_actors.begin(),
                    stats.top_actors.begin() + actor_count,
                    stats.top_actors.end(), by_degree);
  stats.top_actors.resize(actor_count);

  // Edges() is sorted by (source id, relation, target id): a stable sort by
  // weight keeps that order among equals.
  std::stable_sort(
      stats.top_relations.begin(), stats.top_relations.end(),
      [](const KnowledgeGraph::EdgeView& a, const KnowledgeGraph::EdgeView& b) {
        return a.edge->weight > b.edge->weight;
      });
  if (stats.top_relations.size() > top) stats.top_relations.resize(top);
  return stats;
}

}  // namespace newsgraph
