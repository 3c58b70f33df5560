#include "graph/knowledge_graph.h"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>

namespace newsgraph {

namespace {

auto EvidenceKey(const Evidence& e) {
  return std::tie(e.document, e.begin, e.end, e.sentence, e.trigger, e.rule,
                  e.date, e.cameo, e.confidence, e.text);
}

// Deterministic choice between two values of one attribute: the longer wins,
// then the lexicographically smaller. Empty never wins over non-empty.
void Prefer(std::string& mine, const std::string& theirs) {
  if (theirs.empty()) return;
  if (mine.empty() || theirs.size() > mine.size() ||
      (theirs.size() == mine.size() && theirs < mine)) {
    mine = theirs;
  }
}

void WidenDates(std::string& first, std::string& last,
                const std::string& other_first,
                const std::string& other_last) {
  if (!other_first.empty() && (first.empty() || other_first < first)) {
    first = other_first;
  }
  if (!other_last.empty() && (last.empty() || other_last > last)) {
    last = other_last;
  }
}

}  // namespace

bool operator<(const Evidence& a, const Evidence& b) {
  return EvidenceKey(a) < EvidenceKey(b);
}

bool operator==(const Evidence& a, const Evidence& b) {
  return EvidenceKey(a) == EvidenceKey(b);
}

std::string Edge::Cameo() const {
  const std::string* best = nullptr;
  uint64_t best_count = 0;
  for (const auto& [code, count] : cameo_counts) {
    if (best == nullptr || count > best_count ||
        (count == best_count && code.size() > best->size())) {
      best = &code;
      best_count = count;
    }
  }
  return best ? *best : std::string(Info(relation).cameo);
}

KnowledgeGraph::KnowledgeGraph(size_t evidence_limit)
    : graph_(std::make_unique<Graph>()), evidence_limit_(evidence_limit) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : graph_(std::make_unique<Graph>(*other.graph_)),
      evidence_limit_(other.evidence_limit_),
      document_count_(other.document_count_),
      node_index_(other.node_index_) {
  RebuildEdgeIndex();
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

// An empty Graph is only a few vectors: allocating one for the moved-from
// graph does not throw in practice, and keeps it usable.
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) noexcept
    : graph_(std::exchange(other.graph_, std::make_unique<Graph>())),
      evidence_limit_(other.evidence_limit_),
      document_count_(std::exchange(other.document_count_, 0)),
      node_index_(std::move(other.node_index_)),
      edge_index_(std::move(other.edge_index_)) {
  other.node_index_.Clear();
  other.edge_index_.Clear();
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) noexcept {
  if (this != &other) {
    graph_ = std::exchange(other.graph_, std::make_unique<Graph>());
    evidence_limit_ = other.evidence_limit_;
    document_count_ = std::exchange(other.document_count_, 0);
    node_index_ = std::move(other.node_index_);
    edge_index_ = std::move(other.edge_index_);
    other.node_index_.Clear();
    other.edge_index_.Clear();
  }
  return *this;
}

KnowledgeGraph::~KnowledgeGraph() = default;

void KnowledgeGraph::RebuildEdgeIndex() {
  edge_index_.Clear();
  for (auto [it, end] = boost::edges(*graph_); it != end; ++it) {
    Edge& edge = (*graph_)[*it];
    edge_index_.Insert(boost::source(*it, *graph_), edge.relation,
                       boost::target(*it, *graph_), &edge);
  }
}

KnowledgeGraph::Vertex KnowledgeGraph::AddNode(const Node& node) {
  const Vertex known = Lookup(node.id);
  if (known == NodeIndex::kNotFound) {
    Vertex v = boost::add_vertex(node, *graph_);
    node_index_.Insert(node.id, v);
    Node& added = (*graph_)[v];
    added.aliases.erase(added.label);
    added.aliases.erase("");  // an empty name is no alias
    return v;
  }
  MergeNode((*graph_)[known], node);
  return known;
}

void KnowledgeGraph::PrefetchNodes(
    const std::vector<std::string_view>& ids) const {
  constexpr size_t kBatch = 16;  // on the stack; a document has a few
  uint64_t hashes[kBatch];
  Vertex vertices[kBatch];
  for (size_t from = 0; from < ids.size(); from += kBatch) {
    const size_t n = std::min(kBatch, ids.size() - from);
    for (size_t i = 0; i < n; ++i) {
      hashes[i] = NodeIndex::HashOf(ids[from + i]);
      node_index_.PrefetchSlot(hashes[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      vertices[i] = node_index_.Probable(hashes[i]);
      if (vertices[i] == NodeIndex::kNotFound) continue;
      const char* node = reinterpret_cast<const char*>(&(*graph_)[vertices[i]]);
      for (size_t at = 0; at < sizeof(Node); at += 64) {
        __builtin_prefetch(node + at);
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (vertices[i] == NodeIndex::kNotFound) continue;
      const Node& node = (*graph_)[vertices[i]];
      __builtin_prefetch(node.id.data());
      __builtin_prefetch(node.label.data());
      if (!node.aliases.empty()) {  // the ends of the tree of aliases
        __builtin_prefetch(&*node.aliases.begin());
        __builtin_prefetch(&*node.aliases.rbegin());
      }
    }
  }
}

void KnowledgeGraph::MergeNode(Node& mine, const Node& node) {
  if (node.label == mine.label) {
    // The common case: the label stays (and is never among the aliases).
    for (const std::string& alias : node.aliases) {
      if (alias != mine.label && !alias.empty()) mine.aliases.insert(alias);
    }
  } else {
    std::string old_label = mine.label;
    Prefer(mine.label, node.label);
    mine.aliases.insert(node.aliases.begin(), node.aliases.end());
    if (!old_label.empty()) mine.aliases.insert(old_label);
    if (!node.label.empty()) mine.aliases.insert(node.label);
    mine.aliases.erase(mine.label);
    mine.aliases.erase("");  // an empty name is no alias
  }
  Prefer(mine.iso_code, node.iso_code);
  Prefer(mine.wikidata, node.wikidata);
  Prefer(mine.role, node.role);
  Prefer(mine.date, node.date);
  mine.mentions += node.mentions;
  WidenDates(mine.first_date, mine.last_date, node.first_date, node.last_date);
}

const Node* KnowledgeGraph::FindNode(std::string_view id) const {
  const Vertex v = Lookup(id);
  return v == NodeIndex::kNotFound ? nullptr : &(*graph_)[v];
}

Status KnowledgeGraph::AddRelation(std::string_view source_id,
                                   RelationKind relation,
                                   std::string_view target_id,
                                   Evidence evidence) {
  const Vertex source = Lookup(source_id);
  const Vertex target = Lookup(target_id);
  if (source == NodeIndex::kNotFound) {
    return Status::Error("no node '" + std::string(source_id) + "'");
  }
  if (target == NodeIndex::kNotFound) {
    return Status::Error("no node '" + std::string(target_id) + "'");
  }
  return AddRelation(source, relation, target, std::move(evidence));
}

Status KnowledgeGraph::AddRelation(Vertex source, RelationKind relation,
                                   Vertex target, Evidence evidence) {
  if (source == target) {
    return Status::Error("relation from '" + (*graph_)[source].id +
                         "' to itself");
  }
  Edge* known = edge_index_.Find(source, relation, target);
  if (known == nullptr) {
    Edge edge;
    edge.relation = relation;
    edge.weight = 1;
    edge.first_date = edge.last_date = evidence.date;
    if (!evidence.document.empty()) edge.documents.insert(evidence.document);
    if (!evidence.cameo.empty()) edge.cameo_counts[evidence.cameo] = 1;
    edge.evidence.push_back(std::move(evidence));
    MergeEdge(source, target, std::move(edge));
    return Status::Ok();
  }
  // Merged in place, as MergeEdge() would merge a one-mention edge, without
  // building that edge's set, map and vector first.
  Edge& mine = *known;
  mine.weight += 1;
  WidenDates(mine.first_date, mine.last_date, evidence.date, evidence.date);
  if (!evidence.document.empty()) {
    // Documents mostly come in order: then the hint saves the search.
    mine.documents.emplace_hint(mine.documents.end(), evidence.document);
  }
  if (!evidence.cameo.empty()) mine.cameo_counts[evidence.cameo] += 1;
  if (evidence_limit_ > 0 && mine.evidence.size() >= evidence_limit_ &&
      !(evidence < mine.evidence.back())) {
    return Status::Ok();
  }
  // After the kept ones it equals, as std::merge in MergeEdge() puts it.
  auto at = std::upper_bound(mine.evidence.begin(), mine.evidence.end(),
                             evidence);
  mine.evidence.insert(at, std::move(evidence));
  if (evidence_limit_ > 0 && mine.evidence.size() > evidence_limit_) {
    mine.evidence.resize(evidence_limit_);
  }
  return Status::Ok();
}

Status KnowledgeGraph::AddEdge(std::string_view source_id,
                               std::string_view target_id, Edge edge) {
  const Vertex source = Lookup(source_id);
  const Vertex target = Lookup(target_id);
  if (source == NodeIndex::kNotFound) {
    return Status::Error("no node '" + std::string(source_id) + "'");
  }
  if (target == NodeIndex::kNotFound) {
    return Status::Error("no node '" + std::string(target_id) + "'");
  }
  if (source == target) {
    return Status::Error("relation from '" + std::string(source_id) +
                         "' to itself");
  }
  std::sort(edge.evidence.begin(), edge.evidence.end());
  MergeEdge(source, target, std::move(edge));
  return Status::Ok();
}

void KnowledgeGraph::MergeEdge(Vertex source, Vertex target, Edge&& edge) {
  Edge* known = edge_index_.Find(source, edge.relation, target);
  if (known == nullptr) {
    // boost::add_edge copies a property: add an empty one, move this in.
    auto [descriptor, added] = boost::add_edge(source, target, *graph_);
    (void)added;
    Edge& mine = (*graph_)[descriptor];
    mine = std::move(edge);
    std::sort(mine.evidence.begin(), mine.evidence.end());
    if (evidence_limit_ > 0 && mine.evidence.size() > evidence_limit_) {
      mine.evidence.resize(evidence_limit_);
    }
    edge_index_.Insert(source, mine.relation, target, &mine);
    return;
  }
  Edge& mine = *known;
  mine.weight += edge.weight;
  WidenDates(mine.first_date, mine.last_date, edge.first_date, edge.last_date);
  mine.documents.merge(edge.documents);  // moves the nodes of the set
  for (const auto& [code, count] : edge.cameo_counts) {
    mine.cameo_counts[code] += count;
  }
  // On a large corpus most edges have their evidence full, and a new
  // mention sorts after the kept ones: then nothing changes (std::merge puts
  // mine first on ties), and no vector is built and thrown away.
  if (evidence_limit_ > 0 && mine.evidence.size() >= evidence_limit_ &&
      (edge.evidence.empty() || !(edge.evidence.front() < mine.evidence.back()))) {
    return;
  }
  std::vector<Evidence> merged;
  merged.reserve(mine.evidence.size() + edge.evidence.size());
  std::merge(std::make_move_iterator(mine.evidence.begin()),
             std::make_move_iterator(mine.evidence.end()),
             std::make_move_iterator(edge.evidence.begin()),
             std::make_move_iterator(edge.evidence.end()),
             std::back_inserter(merged));
  if (evidence_limit_ > 0 && merged.size() > evidence_limit_) {
    merged.resize(evidence_limit_);
  }
  mine.evidence = std::move(merged);
}

void KnowledgeGraph::Merge(const KnowledgeGraph& other) {
  Merge(KnowledgeGraph(other));
}

// Merging commutes (see AddNode), so other's nodes and edges are taken in
// the order they are stored, not sorted.
void KnowledgeGraph::Merge(KnowledgeGraph&& other) {
  document_count_ += other.document_count_;
  Graph& theirs = *other.graph_;
  std::vector<Vertex> ours(boost::num_vertices(theirs));  // by their vertex
  for (auto [it, end] = boost::vertices(theirs); it != end; ++it) {
    Node& node = theirs[*it];
    const Vertex known = Lookup(node.id);
    if (known != NodeIndex::kNotFound) {
      ours[*it] = known;
      MergeNode((*graph_)[known], node);
      continue;
    }
    // A graph never keeps a node's label among its aliases: nothing to
    // erase.
    Vertex v = boost::add_vertex(*graph_);
    node_index_.Insert(node.id, v);
    (*graph_)[v] = std::move(node);
    ours[*it] = v;
  }
  for (auto [it, end] = boost::edges(theirs); it != end; ++it) {
    // A graph keeps each edge's evidence sorted, as MergeEdge() needs.
    MergeEdge(ours[boost::source(*it, theirs)],
              ours[boost::target(*it, theirs)], std::move(theirs[*it]));
  }
  other = KnowledgeGraph(other.evidence_limit_);
}

std::vector<KnowledgeGraph::Vertex> KnowledgeGraph::VerticesById() const {
  // The ids are gathered into one array first: each comparison then reads
  // two array entries (and their bytes), not two nodes spread over memory.
  const Graph& g = *graph_;
  std::vector<std::pair<std::string_view, Vertex>> keyed;
  keyed.reserve(NodeCount());
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    keyed.emplace_back(g[*it].id, *it);
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Vertex> by_id;
  by_id.reserve(keyed.size());
  for (const auto& k : keyed) by_id.push_back(k.second);
  return by_id;
}

std::vector<const Node*> KnowledgeGraph::NodesOf(
    const std::vector<Vertex>& by_id) const {
  std::vector<const Node*> nodes;
  nodes.reserve(by_id.size());
  for (Vertex v : by_id) nodes.push_back(&(*graph_)[v]);
  return nodes;
}

std::vector<KnowledgeGraph::EdgeView> KnowledgeGraph::EdgesOf(
    const std::vector<Vertex>& by_id) const {
  // Ids are unique, so sorting by each node's rank in id order gives the
  // (source id, relation, target id) order with integer comparisons: the
  // ids are compared once per node, not at every step of the edge sort.
  const Graph& g = *graph_;
  std::vector<uint32_t> rank(by_id.size());
  for (size_t r = 0; r < by_id.size(); ++r) {
    rank[by_id[r]] = static_cast<uint32_t>(r);
  }
  struct Keyed {
    uint64_t key;  // source rank, relation, target rank
    uint32_t low;
    EdgeView view;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(EdgeCount());
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const Vertex source = boost::source(*it, g);
    const Vertex target = boost::target(*it, g);
    const Edge& edge = g[*it];
    keyed.push_back({(uint64_t{rank[source]} << 32) |
                         static_cast<uint32_t>(edge.relation),
                     rank[target], EdgeView{&g[source], &g[target], &edge}});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.key != b.key ? a.key < b.key : a.low < b.low;
  });
  std::vector<EdgeView> edges;
  edges.reserve(keyed.size());
  for (const Keyed& k : keyed) edges.push_back(k.view);
  return edges;
}

std::vector<const Node*> KnowledgeGraph::Nodes() const {
  return NodesOf(VerticesById());
}

std::vector<KnowledgeGraph::EdgeView> KnowledgeGraph::Edges() const {
  return EdgesOf(VerticesById());
}

KnowledgeGraph::Elements KnowledgeGraph::SortedElements() const {
  const std::vector<Vertex> by_id = VerticesById();
  return Elements{NodesOf(by_id), EdgesOf(by_id)};
}

}  // namespace newsgraph
