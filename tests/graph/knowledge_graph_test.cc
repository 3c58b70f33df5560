#include "graph/knowledge_graph.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph {
namespace {

Node Country(const std::string& iso, const std::string& label) {
  Node n;
  n.id = "country:" + iso;
  n.kind = NodeKind::kCountry;
  n.label = label;
  n.iso_code = iso;
  n.mentions = 1;
  return n;
}

Evidence Mention(const std::string& doc, uint64_t begin, const std::string& date) {
  Evidence e;
  e.document = doc;
  e.begin = begin;
  e.end = begin + 10;
  e.text = "text of " + doc;
  e.trigger = "accused";
  e.rule = "svo:accuses";
  e.date = date;
  e.cameo = "112";
  return e;
}

TEST(KnowledgeGraphTest, AddingAnExistingNodeMergesIt) {
  KnowledgeGraph g;
  g.AddNode(Country("USA", "United States"));
  Node again = Country("USA", "US");
  again.aliases = {"Washington"};
  again.wikidata = "Q30";
  g.AddNode(again);
  ASSERT_EQ(g.NodeCount(), 1u);
  const Node* n = g.FindNode("country:USA");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->label, "United States");
  EXPECT_EQ(n->aliases, (std::set<std::string>{"US", "Washington"}));
  EXPECT_EQ(n->wikidata, "Q30");
  EXPECT_EQ(n->mentions, 2u);
}

TEST(KnowledgeGraphTest, PrefetchingNodesChangesNothing) {
  KnowledgeGraph g;
  g.PrefetchNodes({"country:USA"});  // an empty graph
  g.AddNode(Country("USA", "United States"));
  g.PrefetchNodes({"country:USA", "country:FRA", ""});
  ASSERT_EQ(g.NodeCount(), 1u);
  EXPECT_EQ(g.FindNode("country:USA")->label, "United States");
  EXPECT_EQ(g.FindNode("country:FRA"), nullptr);
}

TEST(KnowledgeGraphTest, EmptyNamesAreNoAliases) {
  // An exporter would declare the aliases key for a node with "" as its only
  // alias and write an empty value that reads back as no alias at all.
  KnowledgeGraph g;
  Node first = Country("USA", "United States");
  first.aliases = {""};
  g.AddNode(first);
  EXPECT_TRUE(g.FindNode("country:USA")->aliases.empty());
  Node again = Country("USA", "");
  again.aliases = {"", "US"};
  g.AddNode(again);
  EXPECT_EQ(g.FindNode("country:USA")->aliases, (std::set<std::string>{"US"}));
}

TEST(KnowledgeGraphTest, EdgesAggregatePerSourceRelationTarget) {
  KnowledgeGraph g;
  g.AddNode(Country("USA", "United States"));
  g.AddNode(Country("PRK", "North Korea"));
  ASSERT_TRUE(g.AddRelation("country:USA", RelationKind::kAccuses, "country:PRK",
                            Mention("b", 5, "2014-12-20")).ok());
  ASSERT_TRUE(g.AddRelation("country:USA", RelationKind::kAccuses, "country:PRK",
                            Mention("a", 7, "2014-12-19")).ok());
  ASSERT_TRUE(g.AddRelation("country:USA", RelationKind::kThreatens, "country:PRK",
                            Mention("a", 9, "2014-12-19")).ok());
  ASSERT_EQ(g.EdgeCount(), 2u);
  auto edges = g.Edges();
  const Edge& accuses = *edges[0].edge;
  EXPECT_EQ(accuses.relation, RelationKind::kAccuses);
  EXPECT_EQ(accuses.weight, 2u);
  EXPECT_EQ(accuses.first_date, "2014-12-19");
  EXPECT_EQ(accuses.last_date, "2014-12-20");
  EXPECT_EQ(accuses.documents, (std::set<std::string>{"a", "b"}));
  ASSERT_EQ(accuses.evidence.size(), 2u);
  EXPECT_EQ(accuses.evidence[0].document, "a");  // sorted, not by arrival
  EXPECT_EQ(accuses.Cameo(), "112");
}

TEST(KnowledgeGraphTest, RejectsUnknownNodesAndSelfLoops) {
  KnowledgeGraph g;
  g.AddNode(Country("USA", "United States"));
  Status missing = g.AddRelation("country:USA", RelationKind::kAccuses, "country:XXX",
                                 Mention("a", 0, ""));
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.message(), "no node 'country:XXX'");
  Status self = g.AddRelation("country:USA", RelationKind::kAccuses, "country:USA",
                              Mention("a", 0, ""));
  EXPECT_EQ(self.message(), "relation from 'country:USA' to itself");
  EXPECT_EQ(g.EdgeCount(), 0u);
}

TEST(KnowledgeGraphTest, EvidenceLimitKeepsCountsAndTheFirstMentions) {
  KnowledgeGraph g(2);
  g.AddNode(Country("USA", "United States"));
  g.AddNode(Country("PRK", "North Korea"));
  for (int i = 5; i > 0; --i) {
    g.AddRelation("country:USA", RelationKind::kAccuses, "country:PRK",
                  Mention("d" + std::to_string(i), 0, "2014-12-0" + std::to_string(i)));
  }
  const Edge& e = *g.Edges()[0].edge;
  EXPECT_EQ(e.weight, 5u);
  EXPECT_EQ(e.documents.size(), 5u);
  EXPECT_EQ(e.first_date, "2014-12-01");
  EXPECT_EQ(e.last_date, "2014-12-05");
  ASSERT_EQ(e.evidence.size(), 2u);
  EXPECT_EQ(e.evidence[0].document, "d1");
  EXPECT_EQ(e.evidence[1].document, "d2");
}

// The graph of a corpus must not depend on the order documents arrive in,
// so that any number of threads gives the same output.
TEST(KnowledgeGraphTest, MergeIsOrderIndependent) {
  auto part = [](const std::string& doc, const std::string& label) {
    KnowledgeGraph g(3);
    Node us = Country("USA", label);
    g.AddNode(us);
    g.AddNode(Country("PRK", "North Korea"));
    g.AddRelation("country:USA", RelationKind::kAccuses, "country:PRK",
                  Mention(doc, 1, "2014-12-2" + doc.substr(1)));
    g.AddDocuments(1);
    return g;
  };
  KnowledgeGraph ab(3), ba(3);
  KnowledgeGraph a = part("d1", "United States"), b = part("d2", "US");
  ab.Merge(a);
  ab.Merge(b);
  ba.Merge(b);
  ba.Merge(a);
  ASSERT_EQ(ab.NodeCount(), ba.NodeCount());
  EXPECT_EQ(ab.document_count(), 2u);
  auto na = ab.Nodes(), nb = ba.Nodes();
  for (size_t i = 0; i < na.size(); ++i) {
    EXPECT_EQ(na[i]->label, nb[i]->label);
    EXPECT_EQ(na[i]->aliases, nb[i]->aliases);
    EXPECT_EQ(na[i]->mentions, nb[i]->mentions);
  }
  const Edge& ea = *ab.Edges()[0].edge;
  const Edge& eb = *ba.Edges()[0].edge;
  EXPECT_EQ(ea.weight, 2u);
  EXPECT_EQ(ea.evidence, eb.evidence);
  EXPECT_EQ(ea.first_date, eb.first_date);
}

// Merge(KnowledgeGraph&&) takes the other graph apart instead of copying
// it: the same graph as Merge(const KnowledgeGraph&), and the other empty.
TEST(KnowledgeGraphTest, MergingAMovedGraphEqualsMergingACopy) {
  auto part = [](const std::string& doc, const std::string& label) {
    KnowledgeGraph g(1);
    Node us = Country("USA", label);
    us.aliases.insert("America");
    g.AddNode(us);
    g.AddNode(Country("PRK", "North Korea"));
    g.AddNode(Country("JPN", "Japan"));
    g.AddRelation("country:USA", RelationKind::kAccuses, "country:PRK",
                  Mention(doc, 1, "2014-12-2" + doc.substr(1)));
    g.AddRelation("country:JPN", RelationKind::kConsults, "country:USA",
                  Mention(doc, 2, ""));
    g.AddDocuments(1);
    return g;
  };
  KnowledgeGraph copied = part("d1", "United States");
  KnowledgeGraph moved = part("d1", "United States");
  KnowledgeGraph other = part("d2", "US");
  copied.Merge(other);
  moved.Merge(std::move(other));
  EXPECT_EQ(other.NodeCount(), 0u);
  EXPECT_EQ(other.EdgeCount(), 0u);
  EXPECT_EQ(moved.document_count(), 2u);
  auto nc = copied.Nodes(), nm = moved.Nodes();
  ASSERT_EQ(nc.size(), nm.size());
  for (size_t i = 0; i < nc.size(); ++i) {
    EXPECT_EQ(nc[i]->id, nm[i]->id);
    EXPECT_EQ(nc[i]->label, nm[i]->label);
    EXPECT_EQ(nc[i]->aliases, nm[i]->aliases);
    EXPECT_EQ(nc[i]->mentions, nm[i]->mentions);
  }
  auto ec = copied.Edges(), em = moved.Edges();
  ASSERT_EQ(ec.size(), em.size());
  for (size_t i = 0; i < ec.size(); ++i) {
    EXPECT_EQ(ec[i].source->id, em[i].source->id);
    EXPECT_EQ(ec[i].target->id, em[i].target->id);
    EXPECT_EQ(ec[i].edge->weight, em[i].edge->weight);
    EXPECT_EQ(ec[i].edge->documents, em[i].edge->documents);
    EXPECT_EQ(ec[i].edge->evidence, em[i].edge->evidence);
  }
}

TEST(KnowledgeGraphTest, NodesAndEdgesComeSorted) {
  KnowledgeGraph g;
  g.AddNode(Country("ZWE", "Zimbabwe"));
  g.AddNode(Country("AFG", "Afghanistan"));
  g.AddNode(Country("MEX", "Mexico"));
  g.AddRelation("country:ZWE", RelationKind::kSupports, "country:AFG", Mention("a", 0, ""));
  g.AddRelation("country:AFG", RelationKind::kOpposes, "country:MEX", Mention("a", 0, ""));
  g.AddRelation("country:AFG", RelationKind::kAppealsTo, "country:MEX", Mention("a", 0, ""));
  auto nodes = g.Nodes();
  EXPECT_EQ(nodes[0]->id, "country:AFG");
  EXPECT_EQ(nodes[2]->id, "country:ZWE");
  auto edges = g.Edges();
  EXPECT_EQ(edges[0].edge->relation, RelationKind::kAppealsTo);
  EXPECT_EQ(edges[1].edge->relation, RelationKind::kOpposes);
  EXPECT_EQ(edges[2].source->id, "country:ZWE");
  // Both at once, in the same orders.
  const KnowledgeGraph::Elements sorted = g.SortedElements();
  EXPECT_EQ(sorted.nodes, nodes);
  ASSERT_EQ(sorted.edges.size(), edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    EXPECT_EQ(sorted.edges[i].edge, edges[i].edge);
    EXPECT_EQ(sorted.edges[i].source, edges[i].source);
    EXPECT_EQ(sorted.edges[i].target, edges[i].target);
  }
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// boost::adjacency_list cannot move, and the edge index points into the
// graph's storage: a copied or moved graph must still find its edges
// (a returned StatusOr<KnowledgeGraph> used to crash in Merge()).
TEST(KnowledgeGraphTest, CopiesAndMovesKeepFindingTheirEdges) {
  KnowledgeGraph graph(2);
  graph.AddNode(Country("USA", "United States"));
  graph.AddNode(Country("RUS", "Russia"));
  ASSERT_TRUE(graph.AddRelation("country:USA", RelationKind::kAccuses,
                                "country:RUS", Mention("d1", 0, "")).ok());
  KnowledgeGraph copy = graph;
  KnowledgeGraph moved = std::move(graph);
  for (KnowledgeGraph* g : {&copy, &moved}) {
    ASSERT_TRUE(g->AddRelation("country:USA", RelationKind::kAccuses,
                               "country:RUS", Mention("d2", 0, "")).ok());
    ASSERT_EQ(g->EdgeCount(), 1u);
    EXPECT_EQ(g->Edges()[0].edge->weight, 2u);
  }
  // The moved-from graph is empty and usable.
  EXPECT_EQ(graph.NodeCount(), 0u);  // NOLINT(bugprone-use-after-move)
  graph.AddNode(Country("FRA", "France"));
  EXPECT_EQ(graph.NodeCount(), 1u);
  copy = moved;
  EXPECT_EQ(copy.Edges()[0].edge->weight, 2u);
  ASSERT_TRUE(copy.AddRelation("country:USA", RelationKind::kAccuses,
                               "country:RUS", Mention("d3", 0, "")).ok());
  EXPECT_EQ(copy.EdgeCount(), 1u);
}

TEST(KnowledgeGraphTest, AddEdgeMergesAnAggregatedEdge) {
  KnowledgeGraph graph(1);
  graph.AddNode(Country("USA", "United States"));
  graph.AddNode(Country("RUS", "Russia"));
  Edge edge;
  edge.relation = RelationKind::kAccuses;
  edge.weight = 3;
  edge.documents = {"d1", "d2"};
  edge.cameo_counts = {{"112", 3}};
  edge.evidence = {Mention("d2", 0, ""), Mention("d1", 0, "")};
  ASSERT_TRUE(graph.AddEdge("country:USA", "country:RUS", edge).ok());
  ASSERT_TRUE(graph.AddEdge("country:USA", "country:RUS", edge).ok());
  const Edge& merged = *graph.Edges()[0].edge;
  EXPECT_EQ(merged.weight, 6u);
  EXPECT_EQ(merged.cameo_counts.at("112"), 6u);
  ASSERT_EQ(merged.evidence.size(), 1u);
  EXPECT_EQ(merged.evidence[0].document, "d1");
  EXPECT_EQ(graph.AddEdge("country:USA", "country:XXX", edge).message(),
            "no node 'country:XXX'");
}

// A mention of a known edge is merged in place (AddRelation); the same
// mentions merged as one-mention graphs (Merge, MergeEdge) must give the
// same edge: counts, dates, documents, codes, and which evidence is kept in
// what order, ties included.
TEST(KnowledgeGraphTest, AddingMentionsEqualsMergingThem) {
  std::vector<Evidence> mentions;
  for (const char* doc : {"d3", "d1", "d10", "d2", "d1", "d3", "d0"}) {
    Evidence e = Mention(doc, 4, std::string("2014-12-0") + doc[1]);
    if (mentions.size() % 3 == 1) e.cameo = "1121";
    mentions.push_back(e);
  }
  mentions.push_back(mentions[1]);  // the very same mention again
  for (size_t limit : {size_t{0}, size_t{1}, size_t{3}}) {
    KnowledgeGraph added(limit);
    KnowledgeGraph merged(limit);
    const KnowledgeGraph::Vertex us = added.AddNode(Country("USA", "US"));
    const KnowledgeGraph::Vertex ru = added.AddNode(Country("RUS", "Russia"));
    merged.AddNode(Country("USA", "US"));
    merged.AddNode(Country("RUS", "Russia"));
    for (const Evidence& e : mentions) {
      ASSERT_TRUE(added.AddRelation(us, RelationKind::kAccuses, ru, e).ok());
      KnowledgeGraph one(limit);
      one.AddNode(Country("USA", "US"));
      one.AddNode(Country("RUS", "Russia"));
      ASSERT_TRUE(one.AddRelation("country:USA", RelationKind::kAccuses,
                                  "country:RUS", e)
                      .ok());
      merged.Merge(std::move(one));
    }
    const Edge& a = *added.Edges()[0].edge;
    const Edge& b = *merged.Edges()[0].edge;
    EXPECT_EQ(a.weight, b.weight);
    EXPECT_EQ(a.first_date, b.first_date);
    EXPECT_EQ(a.last_date, b.last_date);
    EXPECT_EQ(a.documents, b.documents);
    EXPECT_EQ(a.cameo_counts, b.cameo_counts);
    EXPECT_EQ(a.evidence, b.evidence) << "limit " << limit;
  }
}

TEST(KnowledgeGraphTest, AddNodeReturnsTheVertexOfItsId) {
  KnowledgeGraph g;
  const KnowledgeGraph::Vertex us = g.AddNode(Country("USA", "US"));
  const KnowledgeGraph::Vertex ru = g.AddNode(Country("RUS", "Russia"));
  EXPECT_NE(us, ru);
  EXPECT_EQ(g.AddNode(Country("USA", "United States")), us);
  EXPECT_EQ(g.graph()[us].id, "country:USA");
  EXPECT_EQ(g.AddRelation(us, RelationKind::kAccuses, us, Mention("a", 0, ""))
                .message(),
            "relation from 'country:USA' to itself");
}

}  // namespace
}  // namespace newsgraph
