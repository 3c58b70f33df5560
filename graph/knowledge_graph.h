// KnowledgeGraph: the typed, directed multigraph that extractors fill and
// exporters write.
//
// Nodes are countries, officials, organizations and events, each with a
// stable canonical id ("country:USA", "official:john-kerry"). Adding a node
// whose id exists merges into it. Edges are aggregated per (source,
// relation, target): one edge carries the number of mentions, the first and
// last date, the documents, and up to `evidence_limit` mentions with their
// provenance. Every merge rule is commutative and associative, so the graph
// built from a corpus does not depend on the order in which documents (or
// shards) were merged, and the sorted views give a deterministic output.
//
// The graph owns its nodes and edges. It is not thread-safe: build one graph
// per thread and Merge() them.
#ifndef NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
#define NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "graph/edge_index.h"
#include "graph/node_index.h"
#include "graph/schema.h"
#include "graph/status.h"

namespace newsgraph {

struct Node {
  std::string id;  // canonical id, an XML NMTOKEN: "country:USA"
  NodeKind kind = NodeKind::kOrganization;
  std::string label;              // fullest common name
  std::set<std::string> aliases;  // every other name seen for it
  std::string iso_code;           // Country: ISO 3166-1 alpha-3
  std::string wikidata;           // Wikidata id ("Q30"), when known
  std::string role;               // Official: title ("Secretary of State")
  std::string date;               // Event: ISO date of the happening
  uint64_t mentions = 0;          // how often the text names it
  std::string first_date;         // first and last date it was mentioned
  std::string last_date;          // (ISO dates, empty when unknown)
};

// Where one mention of a relation was found.
struct Evidence {
  std::string document;     // document id
  uint32_t sentence = 0;    // sentence index within the document
  uint64_t begin = 0;       // byte span of the sentence in the document
  uint64_t end = 0;         //   text, half-open [begin, end)
  std::string text;         // the sentence
  std::string trigger;      // the words that expressed the relation
  std::string rule;         // the extractor rule that fired
  double confidence = 1.0;  // in [0, 1]
  std::string date;         // ISO date the act happened, or empty
  std::string cameo;        // most specific CAMEO code of this mention
};

bool operator<(const Evidence& a, const Evidence& b);
bool operator==(const Evidence& a, const Evidence& b);

struct Edge {
  RelationKind relation = RelationKind::kConsults;
  uint64_t weight = 0;  // number of mentions
  std::string first_date;
  std::string last_date;
  std::set<std::string> documents;
  std::map<std::string, uint64_t> cameo_counts;  // code -> mentions
  std::vector<Evidence> evidence;  // sorted, at most the graph's limit

  // The most frequent CAMEO code of the mentions (the most specific on a
  // tie), or the relation's root code when none was recorded.
  std::string Cameo() const;
};

class KnowledgeGraph {
 public:
  using Graph = boost::adjacency_list<boost::listS, boost::vecS,
                                      boost::bidirectionalS, Node, Edge>;
  using Vertex = Graph::vertex_descriptor;
  using EdgeDescriptor = Graph::edge_descriptor;

  // evidence_limit: mentions kept per edge (0 keeps all). Counts, dates and
  // documents are always kept in full.
  explicit KnowledgeGraph(size_t evidence_limit = 0);

  // Copies are deep. A move takes the other graph's storage (O(1)) and
  // leaves it empty but usable. (boost::adjacency_list has no move
  // constructor, and the edge index holds descriptors into the graph's
  // storage, so the storage lives behind a pointer.)
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  KnowledgeGraph(KnowledgeGraph&& other) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept;
  ~KnowledgeGraph();

  // Adds `node`, or merges it into the node with the same id: aliases are
  // united (the label and empty names are no aliases), mentions added, dates widened, and empty attributes filled. The
  // label and attributes are chosen by a fixed order (longest, then
  // lexicographically smallest), so merging commutes. Returns the node's
  // vertex, valid until the graph is moved, merged into or cleared.
  Vertex AddNode(const Node& node);

  // Brings what AddNode() reads for these ids into the cache, all at once
  // (the table slot, then the node, then its id, label and aliases), so
  // that their cache misses overlap instead of coming one after another.
  // Changes nothing.
  void PrefetchNodes(const std::vector<std::string_view>& ids) const;

  // The node with this id, or nullptr.
  const Node* FindNode(std::string_view id) const;

  // Records one mention of `relation` from `source_id` to `target_id`.
  // Fails when either node does not exist or source equals target.
  Status AddRelation(std::string_view source_id, RelationKind relation,
                     std::string_view target_id, Evidence evidence);
  // The same between two vertices AddNode() returned, for a builder that
  // has them: no lookup by id. Fails when source equals target.
  Status AddRelation(Vertex source, RelationKind relation, Vertex target,
                     Evidence evidence);

  // Adds the aggregated `edge` (weight, dates, documents, CAMEO counts and
  // evidence, in any order) from `source_id` to `target_id`, merging it as
  // Merge() does: this is how a graph read back from a file is rebuilt.
  // Fails when either node does not exist or source equals target.
  Status AddEdge(std::string_view source_id, std::string_view target_id,
                 Edge edge);

  // Adds every node and edge of `other` into this graph.
  void Merge(const KnowledgeGraph& other);
  // The same, taking `other`'s nodes and edges instead of copying them;
  // leaves `other` empty.
  void Merge(KnowledgeGraph&& other);

  size_t NodeCount() const { return boost::num_vertices(*graph_); }
  size_t EdgeCount() const { return boost::num_edges(*graph_); }
  size_t evidence_limit() const { return evidence_limit_; }

  // Number of documents whose graphs went into this one.
  uint64_t document_count() const { return document_count_; }
  void AddDocuments(uint64_t count) { document_count_ += count; }

  // Nodes sorted by id.
  std::vector<const Node*> Nodes() const;

  struct EdgeView {
    const Node* source;
    const Node* target;
    const Edge* edge;
  };
  // Edges sorted by (source id, relation, target id).
  std::vector<EdgeView> Edges() const;

  // Nodes() and Edges() together, sorting the ids once for both (a writer
  // needs both).
  struct Elements {
    std::vector<const Node*> nodes;
    std::vector<EdgeView> edges;
  };
  Elements SortedElements() const;

  // The underlying Boost graph, for algorithms (read-only).
  const Graph& graph() const { return *graph_; }

 private:
  // Every vertex, sorted by its node's id; and the nodes and edges sorted
  // as Nodes() and Edges() say, given that order.
  std::vector<Vertex> VerticesById() const;
  std::vector<const Node*> NodesOf(const std::vector<Vertex>& by_id) const;
  std::vector<EdgeView> EdgesOf(const std::vector<Vertex>& by_id) const;

  // Merges `node` into `mine`, the node with the same id.
  static void MergeNode(Node& mine, const Node& node);
  void MergeEdge(Vertex source, Vertex target, Edge&& edge);
  void RebuildEdgeIndex();

  // The id of vertex v, for node_index_.
  const std::string& IdOf(Vertex v) const { return (*graph_)[v].id; }
  // The vertex of the node with this id, or NodeIndex::kNotFound.
  Vertex Lookup(std::string_view id) const {
    return node_index_.Find(id, [this](Vertex v) -> const std::string& {
      return IdOf(v);
    });
  }

  std::unique_ptr<Graph> graph_;  // never null
  size_t evidence_limit_;
  uint64_t document_count_ = 0;
  NodeIndex node_index_;
  // Looked up for every mention of a relation: hashed, since a tree of
  // many thousand edges costs a cache miss at each of its levels.
  EdgeIndex edge_index_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
