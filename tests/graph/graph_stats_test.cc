#include "graph/graph_stats.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph {
namespace {

void AddNode(KnowledgeGraph& graph, const std::string& id, NodeKind kind,
             const std::string& first = "", const std::string& last = "") {
  Node node;
  node.id = id;
  node.kind = kind;
  node.label = id.substr(id.find(':') + 1);
  node.mentions = 1;
  node.first_date = first;
  node.last_date = last;
  graph.AddNode(node);
}

// `times` mentions of source relation target, dated `date`, each in its own
// document.
void Relate(KnowledgeGraph& graph, const std::string& source,
            RelationKind relation, const std::string& target, int times,
            const std::string& date = "") {
  for (int i = 0; i < times; ++i) {
    Evidence e;
    e.document = "doc-" + std::to_string(i);
    e.begin = static_cast<uint64_t>(i);
    e.date = date;
    ASSERT_TRUE(graph.AddRelation(source, relation, target, e).ok());
  }
}

// USA accuses RUS 3 times, RUS attacks UKR twice, UKR appeals to USA once,
// DEU supports UKR once; Kerry, affiliated with USA 5 times, consults the
// foreign minister of RUS once; USA is involved in a summit (an Event).
KnowledgeGraph Sample() {
  KnowledgeGraph graph;
  graph.AddDocuments(4);
  AddNode(graph, "country:USA", NodeKind::kCountry, "2014-03-02", "2014-03-04");
  AddNode(graph, "country:RUS", NodeKind::kCountry, "2014-03-02", "2014-03-02");
  AddNode(graph, "country:UKR", NodeKind::kCountry);
  AddNode(graph, "country:DEU", NodeKind::kCountry);
  AddNode(graph, "official:kerry", NodeKind::kOfficial);
  AddNode(graph, "official:lavrov", NodeKind::kOfficial);
  AddNode(graph, "org:nato", NodeKind::kOrganization);
  Node summit;
  summit.id = "event:doc-1:summit";
  summit.kind = NodeKind::kEvent;
  summit.label = "the summit";
  summit.date = "2014-02";
  graph.AddNode(summit);
  Relate(graph, "country:USA", RelationKind::kAccuses, "country:RUS", 3,
         "2014-03-01");
  Relate(graph, "country:RUS", RelationKind::kAttacks, "country:UKR", 2,
         "2014-03-05");
  Relate(graph, "country:UKR", RelationKind::kAppealsTo, "country:USA", 1);
  Relate(graph, "country:DEU", RelationKind::kSupports, "country:UKR", 1);
  Relate(graph, "official:kerry", RelationKind::kAffiliatedWith, "country:USA",
         5);
  Relate(graph, "official:kerry", RelationKind::kConsults, "official:lavrov",
         1);
  Relate(graph, "country:USA", RelationKind::kInvolvedIn, "event:doc-1:summit",
         1);
  return graph;
}

TEST(GraphStatsTest, CountsByKindAndRelation) {
  const KnowledgeGraph graph = Sample();
  const GraphStats stats = ComputeStats(graph, 10);
  EXPECT_EQ(stats.documents, 4u);
  EXPECT_EQ(stats.nodes, 8u);
  EXPECT_EQ(stats.edges, 7u);
  EXPECT_EQ(stats.mentions, 14u);
  ASSERT_EQ(stats.nodes_by_kind.size(), 4u);
  EXPECT_EQ(stats.nodes_by_kind[0].kind, NodeKind::kCountry);
  EXPECT_EQ(stats.nodes_by_kind[0].nodes, 4u);
  EXPECT_EQ(stats.nodes_by_kind[1].nodes, 2u);  // officials
  EXPECT_EQ(stats.nodes_by_kind[2].nodes, 1u);  // organizations
  EXPECT_EQ(stats.nodes_by_kind[3].nodes, 1u);  // events
  ASSERT_EQ(stats.edges_by_relation.size(), AllRelations().size());
  auto count = [&](RelationKind relation) {
    const GraphStats::RelationCount& c =
        stats.edges_by_relation[static_cast<size_t>(relation)];
    EXPECT_EQ(c.relation, relation);
    return std::to_string(c.edges) + "/" + std::to_string(c.mentions);
  };
  EXPECT_EQ(count(RelationKind::kAccuses), "1/3");
  EXPECT_EQ(count(RelationKind::kAttacks), "1/2");
  EXPECT_EQ(count(RelationKind::kAffiliatedWith), "1/5");
  EXPECT_EQ(count(RelationKind::kSanctions), "0/0");
}

TEST(GraphStatsTest, DateRangeCoversNodesEventsAndEdges) {
  const GraphStats stats = ComputeStats(Sample(), 10);
  EXPECT_EQ(stats.first_date, "2014-02");    // the summit's partial date
  EXPECT_EQ(stats.last_date, "2014-03-05");  // the attack
  EXPECT_EQ(ComputeStats(KnowledgeGraph(), 10).first_date, "");
}

TEST(GraphStatsTest, MostConnectedActorsCountInteractionsOnly) {
  const KnowledgeGraph graph = Sample();
  const GraphStats stats = ComputeStats(graph, 10);
  std::vector<std::string> ranking;
  for (const GraphStats::Actor& a : stats.top_actors) {
    ranking.push_back(a.node->id + " " + std::to_string(a.weighted_degree) +
                      " out " + std::to_string(a.mentions_out) + " in " +
                      std::to_string(a.mentions_in) + " edges " +
                      std::to_string(a.edges));
  }
  // Kerry's five affiliations and USA's event count for nothing; ties go to
  // more edges, then to the smaller id; NATO, with no edge, is not listed.
  EXPECT_EQ(ranking, (std::vector<std::string>{
                         "country:RUS 5 out 2 in 3 edges 2",
                         "country:UKR 4 out 1 in 3 edges 3",
                         "country:USA 4 out 3 in 1 edges 2",
                         "country:DEU 1 out 1 in 0 edges 1",
                         "official:kerry 1 out 1 in 0 edges 1",
                         "official:lavrov 1 out 0 in 1 edges 1",
                     }));
}

TEST(GraphStatsTest, MostFrequentRelationsAreInteractionsByMentions) {
  const KnowledgeGraph graph = Sample();
  const GraphStats stats = ComputeStats(graph, 4);
  std::vector<std::string> relations;
  for (const KnowledgeGraph::EdgeView& view : stats.top_relations) {
    relations.push_back(view.source->id + " " +
                        std::string(Name(view.edge->relation)) + " " +
                        view.target->id);
  }
  EXPECT_EQ(relations, (std::vector<std::string>{
                           "country:USA accuses country:RUS",
                           "country:RUS attacks country:UKR",
                           "country:DEU supports country:UKR",
                           "country:UKR appeals_to country:USA",
                       }));
  EXPECT_EQ(stats.top_actors.size(), 4u);
}

TEST(GraphStatsTest, TopZeroListsNothingAndAnEmptyGraphHasZeros) {
  const GraphStats none = ComputeStats(Sample(), 0);
  EXPECT_TRUE(none.top_actors.empty());
  EXPECT_TRUE(none.top_relations.empty());
  EXPECT_EQ(none.edges, 7u);
  const GraphStats empty = ComputeStats(KnowledgeGraph(), 10);
  EXPECT_EQ(empty.nodes, 0u);
  EXPECT_EQ(empty.mentions, 0u);
  EXPECT_EQ(empty.nodes_by_kind.size(), 4u);
  EXPECT_TRUE(empty.top_actors.empty());
}

TEST(GraphStatsTest, DoesNotDependOnTheOrderOfConstruction) {
  KnowledgeGraph a = Sample();
  KnowledgeGraph b;
  b.Merge(a);  // a different insertion order of the same graph
  const GraphStats x = ComputeStats(a, 10);
  const GraphStats y = ComputeStats(b, 10);
  ASSERT_EQ(x.top_actors.size(), y.top_actors.size());
  for (size_t i = 0; i < x.top_actors.size(); ++i) {
    EXPECT_EQ(x.top_actors[i].node->id, y.top_actors[i].node->id);
  }
  ASSERT_EQ(x.top_relations.size(), y.top_relations.size());
  for (size_t i = 0; i < x.top_relations.size(); ++i) {
    EXPECT_EQ(x.top_relations[i].source->id, y.top_relations[i].source->id);
    EXPECT_EQ(x.top_relations[i].target->id, y.top_relations[i].target->id);
  }
}

}  // namespace
}  // namespace newsgraph
