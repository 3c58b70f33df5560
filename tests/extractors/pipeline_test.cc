#include "extractors/pipeline.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "extractors/lexicons.h"
#include "test_lexicons.h"

namespace newsgraph {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() : lexicons_(TestLexicons()) {}

  // Runs the standard pipeline over `body` (dated 2014-12-22, a Monday).
  KnowledgeGraph Build(const std::string& body) {
    StatusOr<Pipeline> pipeline = Pipeline::Standard(lexicons_);
    EXPECT_TRUE(pipeline.ok());
    Document doc;
    doc.id = "test";
    doc.date = "2014-12-22";
    doc.text = body;
    KnowledgeGraph graph;
    pipeline->Process(doc, graph);
    return graph;
  }

  static std::set<Triple> Edges(const KnowledgeGraph& g) {
    std::set<Triple> out;
    for (const auto& e : g.Edges()) {
      out.insert({e.source->label, std::string(Name(e.edge->relation)),
                  e.target->label});
    }
    return out;
  }

  Lexicons lexicons_;
};

TEST_F(PipelineTest, TitledOfficialsAreAffiliatedAndActOnEachOther) {
  const std::string text =
      "US Secretary of State John Kerry briefed Foreign Minister Wang Yi of "
      "China on Sunday.";
  KnowledgeGraph g = Build(text);
  std::set<Triple> edges = Edges(g);
  EXPECT_TRUE(edges.count({"John Kerry", "briefs", "Wang Yi"}));
  EXPECT_TRUE(edges.count({"John Kerry", "affiliated_with", "United States"}));
  EXPECT_TRUE(edges.count({"Wang Yi", "affiliated_with", "China"}));
  const Node* kerry = g.FindNode("official:john-kerry");
  ASSERT_NE(kerry, nullptr);
  EXPECT_EQ(kerry->role, "Secretary of State");
  // The evidence carries the sentence, its byte span and the resolved date.
  for (const auto& e : g.Edges()) {
    if (e.edge->relation != RelationKind::kBriefs) continue;
    const Evidence& ev = e.edge->evidence.at(0);
    EXPECT_EQ(ev.begin, 0u);
    EXPECT_EQ(ev.end, text.size());
    EXPECT_EQ(ev.trigger, "briefed");
    EXPECT_EQ(ev.date, "2014-12-21");
    EXPECT_EQ(ev.cameo, "040");
  }
}

TEST_F(PipelineTest, NegationAndDenialGiveNoEdge) {
  std::set<Triple> edges =
      Edges(Build("Japan did not accuse China. Pyongyang denied it was behind "
                  "the attack, the FBI said."));
  for (const Triple& t : edges) {
    EXPECT_NE(std::get<1>(t), "accuses")
        << std::get<0>(t) << " -> " << std::get<2>(t);
  }
}

TEST_F(PipelineTest, PassiveCoordinationAndAttribution) {
  std::set<Triple> edges = Edges(
      Build("Russia and China vetoed the resolution. North Korea was condemned "
            "by Japan. "
            "The FBI said North Korea was behind the hack on Sony Pictures."));
  EXPECT_TRUE(edges.count({"Japan", "criticizes", "North Korea"}));
  EXPECT_TRUE(edges.count(
      {"Federal Bureau of Investigation", "accuses", "North Korea"}));
  EXPECT_TRUE(edges.count({"Federal Bureau of Investigation", "part_of",
                           "United States"}) == 0)
      << "the US is not named, so the lexicon parent is not added";
  EXPECT_TRUE(edges.count({"Sony Pictures Entertainment", "involved_in",
                           "hack on Sony Pictures Entertainment"}));
}

TEST_F(PipelineTest, CapitalsAreGovernmentsOnlyWhenTheyAct) {
  KnowledgeGraph g = Build(
      "Washington called on Beijing to act. The talks were held in Moscow.");
  std::set<Triple> edges = Edges(g);
  EXPECT_TRUE(edges.count({"United States", "appeals_to", "China"}));
  EXPECT_EQ(g.FindNode("country:RUS"), nullptr);
}

TEST_F(PipelineTest, SurnamesPronounsAndLexiconOfficials) {
  std::set<Triple> edges =
      Edges(Build("Lavrov condemned Japan. He also threatened Tokyo. Hackers "
                  "threatened Sony."));
  EXPECT_TRUE(edges.count({"Sergey Lavrov", "criticizes", "Japan"}));
  EXPECT_TRUE(edges.count({"Sergey Lavrov", "threatens", "Japan"}));
  EXPECT_TRUE(edges.count({"Sergey Lavrov", "affiliated_with", "Russia"}));
  EXPECT_TRUE(
      edges.count({"hackers", "threatens", "Sony Pictures Entertainment"}));
}

TEST_F(PipelineTest, EvaluationsOfAnActorAreCriticism) {
  std::set<Triple> edges =
      Edges(Build("Russia called Japan's actions a provocation. "
                  "Lavrov said that Chinese provocation was no surprise."));
  EXPECT_TRUE(edges.count({"Russia", "criticizes", "Japan"}));
  // Only said of something ("was", "called ... a"), the word evaluates.
  EXPECT_FALSE(edges.count({"Sergey Lavrov", "criticizes", "China"}));
}

TEST_F(PipelineTest, PluralPronounsNameEveryMemberOfACoordination) {
  std::set<Triple> edges =
      Edges(Build("Russia, China and Japan held a meeting on Monday. They "
                  "condemned North Korea."));
  EXPECT_TRUE(edges.count({"Russia", "criticizes", "North Korea"}));
  EXPECT_TRUE(edges.count({"China", "criticizes", "North Korea"}));
  EXPECT_TRUE(edges.count({"Japan", "criticizes", "North Korea"}));
}

TEST_F(PipelineTest, ModalityChangesTheAct) {
  std::set<Triple> edges =
      Edges(Build("Russia did not support Japan. China vowed to impose "
                  "sanctions on Japan."));
  EXPECT_TRUE(edges.count({"Russia", "opposes", "Japan"}));
  EXPECT_FALSE(edges.count({"Russia", "supports", "Japan"}));
  EXPECT_TRUE(edges.count({"China", "threatens", "Japan"}));
  EXPECT_FALSE(edges.count({"China", "sanctions", "Japan"}));
}

TEST_F(PipelineTest, ActorsOfNounsAndMutualActs) {
  std::set<Triple> edges = Edges(Build(
      "North Korea is under US sanctions. Japan and China clashed on Monday."));
  EXPECT_TRUE(edges.count({"United States", "sanctions", "North Korea"}));
  EXPECT_TRUE(edges.count({"Japan", "criticizes", "China"}));
  EXPECT_TRUE(edges.count({"China", "criticizes", "Japan"}));
}

TEST_F(PipelineTest, AnOfficialAnnouncingTheActOfTheirStateTakesPart) {
  std::set<Triple> edges =
      Edges(Build("The Russian government will expel Japanese diplomats, "
                  "Sergey Lavrov said."));
  EXPECT_TRUE(edges.count({"Russia", "sanctions", "Japan"}));
  EXPECT_TRUE(edges.count({"Sergey Lavrov", "sanctions", "Japan"}));
}

TEST_F(PipelineTest, AccordingToNamesTheSpeaker) {
  std::set<Triple> edges =
      Edges(Build("North Korea was behind the hack, according to the FBI."));
  EXPECT_TRUE(edges.count(
      {"Federal Bureau of Investigation", "accuses", "North Korea"}));
}

TEST_F(PipelineTest, EventsAreNamedByTheirFullestNounPhrase) {
  KnowledgeGraph g = Build(
      "North Korea launched a crippling cyber attack on Sony Pictures. "
      "Japan will attack nobody.");
  std::set<std::string> events;
  for (const auto& e : g.Edges()) {
    if (e.target->kind == NodeKind::kEvent) events.insert(e.target->label);
  }
  EXPECT_EQ(events,
            (std::set<std::string>{
                "crippling cyber attack on Sony Pictures Entertainment"}));
}

TEST_F(PipelineTest, AMeetingAttendedBySeveralPairsThemAll) {
  std::set<Triple> edges = Edges(Build(
      "The meeting was attended by Russia, China and Japan. "
      "The United States and North Korea attended the ceremony."));
  int consults = 0;
  for (const Triple& t : edges) consults += std::get<1>(t) == "consults";
  EXPECT_EQ(consults, 3);
  EXPECT_TRUE(edges.count({"Russia", "consults", "China"}));
  EXPECT_TRUE(edges.count({"China", "consults", "Japan"}));
  EXPECT_TRUE(edges.count({"Russia", "consults", "Japan"}));
}

TEST_F(PipelineTest, RefusesAStageWhoseInputNobodyProvides) {
  class Needy : public Stage {
   public:
    std::string Name() const override { return "needy"; }
    std::vector<std::string> Requires() const override { return {"tokens"}; }
    std::vector<std::string> Provides() const override { return {}; }
    void Run(Document&, DocumentState&, KnowledgeGraph&) const override {}
  };
  StatusOr<Pipeline> p = Pipeline::Create({std::make_shared<Needy>()});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(),
            "pipeline: stage 'needy' requires 'tokens', which no earlier stage "
            "provides");
}

}  // namespace
}  // namespace newsgraph
