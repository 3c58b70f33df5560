#include "exporters/gexf_writer.h"

#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "exporters/graphml_writer.h"
#include "exporters/palette.h"
#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace {

using testing_graphs::NastyText;
using testing_graphs::NastyTextCleaned;

std::string Gexf(const KnowledgeGraph& graph) {
  std::ostringstream out;
  Status status = WriteGexf(graph, ExportOptions(), out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

// Parses without turning tab, CR and LF in attributes into spaces, as a
// conforming parser keeps the ones written as character references.
::testing::AssertionResult Parse(const std::string& xml,
                                 pugi::xml_document* doc) {
  pugi::xml_parse_result result =
      doc->load_buffer(xml.data(), xml.size(),
                       pugi::parse_default & ~pugi::parse_wconv_attribute);
  if (result) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << result.description() << " at " << result.offset << "\n"
         << xml;
}

pugi::xml_node Graph(const pugi::xml_document& doc) {
  return doc.child("gexf").child("graph");
}

pugi::xml_node NodeById(const pugi::xml_document& doc, const char* id) {
  return Graph(doc).child("nodes").find_child_by_attribute("node", "id", id);
}

std::string ValueOf(const pugi::xml_node& element, const char* attribute) {
  return element.child("attvalues")
      .find_child_by_attribute("attvalue", "for", attribute)
      .attribute("value")
      .value();
}

// "start..end" of the element's one spell, or "" when it has none.
std::string SpellOf(const pugi::xml_node& element) {
  pugi::xml_node spell = element.child("spells").child("spell");
  if (!spell) return "";
  return std::string(spell.attribute("start").value()) + ".." +
         spell.attribute("end").value();
}

Node MakeNode(std::string id, NodeKind kind, uint64_t mentions = 1) {
  Node node;
  node.id = std::move(id);
  node.kind = kind;
  node.label = node.id;
  node.mentions = mentions;
  return node;
}

Evidence Dated(std::string date) {
  Evidence e;
  e.document = "doc-1";
  e.text = "Something happened.";
  e.date = std::move(date);
  return e;
}

TEST(GexfWriterTest, TinyGraphVerbatim) {
  EXPECT_EQ(Gexf(testing_graphs::Tiny()),
            R"xml(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta>
    <creator>newsgraph</creator>
    <description>1 document, 3 nodes, 2 edges</description>
  </meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="type" title="type" type="string"/>
      <attribute id="iri" title="iri" type="string"/>
      <attribute id="aliases" title="aliases" type="string"/>
      <attribute id="iso_code" title="iso_code" type="string"/>
      <attribute id="wikidata" title="wikidata" type="string"/>
      <attribute id="role" title="role" type="string"/>
      <attribute id="mentions" title="mentions" type="long"/>
      <attribute id="first_date" title="first_date" type="string"/>
      <attribute id="last_date" title="last_date" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="relation" title="relation" type="string"/>
      <attribute id="cameo" title="cameo" type="string"/>
      <attribute id="category" title="category" type="string"/>
      <attribute id="first_date" title="first_date" type="string"/>
      <attribute id="last_date" title="last_date" type="string"/>
      <attribute id="documents" title="documents" type="long"/>
      <attribute id="document_ids" title="document_ids" type="string"/>
      <attribute id="confidence" title="confidence" type="double"/>
      <attribute id="evidence" title="evidence" type="string"/>
    </attributes>
    <nodes count="3">
      <node id="country:RUS" label="Russia">
        <attvalues>
          <attvalue for="type" value="Country"/>
          <attvalue for="iri" value="https://newsgraph.dev/id/country/RUS"/>
          <attvalue for="iso_code" value="RUS"/>
          <attvalue for="wikidata" value="Q159"/>
          <attvalue for="mentions" value="1"/>
        </attvalues>
        <spells>
          <spell start="2014-03-01" end="2014-03-01"/>
        </spells>
        <viz:color r="31" g="119" b="180"/>
        <viz:size value="14"/>
      </node>
      <node id="country:USA" label="United States">
        <attvalues>
          <attvalue for="type" value="Country"/>
          <attvalue for="iri" value="https://newsgraph.dev/id/country/USA"/>
          <attvalue for="iso_code" value="USA"/>
          <attvalue for="wikidata" value="Q30"/>
          <attvalue for="mentions" value="1"/>
        </attvalues>
        <viz:color r="31" g="119" b="180"/>
        <viz:size value="14"/>
      </node>
      <node id="official:john-kerry" label="John Kerry">
        <attvalues>
          <attvalue for="type" value="Official"/>
          <attvalue for="iri" value="https://newsgraph.dev/id/official/john-kerry"/>
          <attvalue for="aliases" value="Kerry|Secretary Kerry"/>
          <attvalue for="role" value="Secretary of State"/>
          <attvalue for="mentions" value="2"/>
          <attvalue for="first_date" value="2014-03-01"/>
          <attvalue for="last_date" value="2014-03-01"/>
        </attvalues>
        <spells>
          <spell start="2014-03-01" end="2014-03-01"/>
        </spells>
        <viz:color r="148" g="103" b="189"/>
        <viz:size value="16.3"/>
      </node>
    </nodes>
    <edges count="2">
      <edge id="e0" source="official:john-kerry" target="country:RUS" kind="accuses" label="accuses" weight="1">
        <attvalues>
          <attvalue for="relation" value="accuses"/>
          <attvalue for="cameo" value="112"/>
          <attvalue for="category" value="interaction"/>
          <attvalue for="first_date" value="2014-03-01"/>
          <attvalue for="last_date" value="2014-03-01"/>
          <attvalue for="documents" value="1"/>
          <attvalue for="document_ids" value="doc-1"/>
          <attvalue for="confidence" value="0.9"/>
          <attvalue for="evidence" value="doc-1 [0,35) trigger=&quot;accused&quot; rule=accuse_verb confidence=0.9 date=2014-03-01: Kerry accused Russia of aggression."/>
        </attvalues>
        <spells>
          <spell start="2014-03-01" end="2014-03-01"/>
        </spells>
        <viz:color r="229" g="57" b="53"/>
      </edge>
      <edge id="e1" source="official:john-kerry" target="country:USA" kind="affiliated_with" label="affiliated_with" weight="1">
        <attvalues>
          <attvalue for="relation" value="affiliated_with"/>
          <attvalue for="category" value="structural"/>
          <attvalue for="documents" value="1"/>
          <attvalue for="document_ids" value="doc-1"/>
          <attvalue for="confidence" value="1"/>
          <attvalue for="evidence" value="doc-1 [36,77) trigger=&quot;Secretary of State&quot; rule=title_apposition confidence=1: U.S. Secretary of State John Kerry spoke."/>
        </attvalues>
        <viz:color r="158" g="158" b="158"/>
      </edge>
    </edges>
  </graph>
</gexf>
)xml");
}

TEST(GexfWriterTest, EmptyGraphVerbatim) {
  EXPECT_EQ(Gexf(KnowledgeGraph()), R"xml(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta>
    <creator>newsgraph</creator>
    <description>0 documents, 0 nodes, 0 edges</description>
  </meta>
  <graph defaultedgetype="directed">
    <nodes count="0">
    </nodes>
    <edges count="0">
    </edges>
  </graph>
</gexf>
)xml");
}

TEST(GexfWriterTest, GraphWithoutDatesIsStatic) {
  KnowledgeGraph graph;
  graph.AddNode(MakeNode("country:USA", NodeKind::kCountry));
  graph.AddNode(MakeNode("country:RUS", NodeKind::kCountry));
  ASSERT_TRUE(graph
                  .AddRelation("country:USA", RelationKind::kThreatens,
                               "country:RUS", Dated(""))
                  .ok());
  const std::string xml = Gexf(graph);
  EXPECT_NE(xml.find("  <graph defaultedgetype=\"directed\">\n"),
            std::string::npos);
  EXPECT_EQ(xml.find("mode=\"dynamic\""), std::string::npos);
  EXPECT_EQ(xml.find("<spell"), std::string::npos);
  EXPECT_EQ(xml.find("first_date"), std::string::npos);
}

TEST(GexfWriterTest, PartialDatesSpanTheirWholePeriodAndOthersAreLeftOut) {
  KnowledgeGraph graph;
  Node month = MakeNode("country:AAA", NodeKind::kCountry);
  month.first_date = "2014-11";
  month.last_date = "2015";
  graph.AddNode(month);
  Node leap = MakeNode("country:BBB", NodeKind::kCountry);
  leap.first_date = leap.last_date = "2016-02";
  graph.AddNode(leap);
  Node common = MakeNode("country:CCC", NodeKind::kCountry);
  common.first_date = common.last_date = "1900-02";  // not a leap year
  graph.AddNode(common);
  Node time = MakeNode("event:doc-1:talks", NodeKind::kEvent);
  time.date = "2014-03-05T10:00:00Z";
  graph.AddNode(time);
  Node bad = MakeNode("country:DDD", NodeKind::kCountry);
  bad.first_date = "2014-02-30";
  bad.last_date = "March 2014";
  graph.AddNode(bad);
  Node zero = MakeNode("country:EEE", NodeKind::kCountry);
  zero.first_date = zero.last_date = "0000-01-01";
  graph.AddNode(zero);

  pugi::xml_document doc;
  const std::string xml = Gexf(graph);
  ASSERT_TRUE(Parse(xml, &doc));
  EXPECT_EQ(SpellOf(NodeById(doc, "country:AAA")), "2014-11-01..2015-12-31");
  EXPECT_EQ(SpellOf(NodeById(doc, "country:BBB")), "2016-02-01..2016-02-29");
  EXPECT_EQ(SpellOf(NodeById(doc, "country:CCC")), "1900-02-01..1900-02-28");
  EXPECT_EQ(SpellOf(NodeById(doc, "event:doc-1:talks")),
            "2014-03-05..2014-03-05");
  EXPECT_EQ(SpellOf(NodeById(doc, "country:DDD")), "");
  EXPECT_EQ(SpellOf(NodeById(doc, "country:EEE")), "");
  // The attributes keep every date as it was written.
  EXPECT_EQ(ValueOf(NodeById(doc, "country:AAA"), "first_date"), "2014-11");
  EXPECT_EQ(ValueOf(NodeById(doc, "country:DDD"), "last_date"), "March 2014");
  EXPECT_EQ(ValueOf(NodeById(doc, "event:doc-1:talks"), "date"),
            "2014-03-05T10:00:00Z");
  EXPECT_STREQ(Graph(doc).attribute("mode").value(), "dynamic");
  EXPECT_STREQ(Graph(doc).attribute("timeformat").value(), "date");
}

TEST(GexfWriterTest, ANodeIsOnStageWheneverOneOfItsEdgesIs) {
  KnowledgeGraph graph;
  Node usa = MakeNode("country:USA", NodeKind::kCountry);
  usa.first_date = usa.last_date = "2014-03-05";  // the article's date
  graph.AddNode(usa);
  graph.AddNode(MakeNode("country:RUS", NodeKind::kCountry));
  graph.AddNode(MakeNode("country:UKR", NodeKind::kCountry));
  // Acts reported on 2014-03-05 that happened before, and one in a month.
  ASSERT_TRUE(graph
                  .AddRelation("country:USA", RelationKind::kAccuses,
                               "country:RUS", Dated("2014-03-01"))
                  .ok());
  ASSERT_TRUE(graph
                  .AddRelation("country:USA", RelationKind::kAccuses,
                               "country:RUS", Dated("2014-03-03"))
                  .ok());
  ASSERT_TRUE(graph
                  .AddRelation("country:RUS", RelationKind::kAttacks,
                               "country:UKR", Dated("2014-04"))
                  .ok());
  pugi::xml_document doc;
  ASSERT_TRUE(Parse(Gexf(graph), &doc));
  EXPECT_EQ(SpellOf(NodeById(doc, "country:USA")), "2014-03-01..2014-03-05");
  EXPECT_EQ(SpellOf(NodeById(doc, "country:RUS")), "2014-03-01..2014-04-30");
  EXPECT_EQ(SpellOf(NodeById(doc, "country:UKR")), "2014-04-01..2014-04-30");
  pugi::xml_node edges = Graph(doc).child("edges");
  pugi::xml_node attack =
      edges.find_child_by_attribute("edge", "kind", "attacks");
  EXPECT_EQ(SpellOf(attack), "2014-04-01..2014-04-30");
  pugi::xml_node accusation =
      edges.find_child_by_attribute("edge", "kind", "accuses");
  EXPECT_EQ(SpellOf(accusation), "2014-03-01..2014-03-03");
  EXPECT_STREQ(accusation.attribute("weight").value(), "2");
  EXPECT_STREQ(accusation.attribute("label").value(), "accuses");
}

TEST(GexfWriterTest, ColoursAndSizesComeFromThePaletteAsInGraphmlGephi) {
  const KnowledgeGraph graph = testing_graphs::Tiny();
  pugi::xml_document gexf;
  ASSERT_TRUE(Parse(Gexf(graph), &gexf));
  std::ostringstream graphml_text;
  ASSERT_TRUE(
      WriteGraphml(graph, GraphmlFlavour::kGephi, ExportOptions(), graphml_text)
          .ok());
  pugi::xml_document graphml;
  ASSERT_TRUE(Parse(graphml_text.str(), &graphml));
  auto data = [](const pugi::xml_node& element, const char* key) {
    return std::string(
        element.find_child_by_attribute("data", "key", key).text().get());
  };
  auto rgb = [](const pugi::xml_node& color) {
    return std::string(color.attribute("r").value()) + "," +
           color.attribute("g").value() + "," + color.attribute("b").value();
  };
  int checked = 0;
  for (pugi::xml_node node : Graph(gexf).child("nodes").children("node")) {
    pugi::xml_node twin =
        graphml.child("graphml").child("graph").find_child_by_attribute(
            "node", "id", node.attribute("id").value());
    ASSERT_TRUE(twin) << node.attribute("id").value();
    EXPECT_EQ(
        rgb(node.child("viz:color")),
        data(twin, "v_r") + "," + data(twin, "v_g") + "," + data(twin, "v_b"));
    EXPECT_EQ(node.child("viz:size").attribute("value").value(),
              data(twin, "v_size"));
    ++checked;
  }
  for (pugi::xml_node edge : Graph(gexf).child("edges").children("edge")) {
    pugi::xml_node twin =
        graphml.child("graphml").child("graph").find_child_by_attribute(
            "edge", "id", edge.attribute("id").value());
    ASSERT_TRUE(twin);
    EXPECT_STREQ(twin.attribute("label").value(),
                 edge.attribute("kind").value());
    EXPECT_EQ(
        rgb(edge.child("viz:color")),
        data(twin, "e_r") + "," + data(twin, "e_g") + "," + data(twin, "e_b"));
    ++checked;
  }
  EXPECT_EQ(checked, 5);
  const Rgb accuses = RelationColor(RelationKind::kAccuses);
  EXPECT_EQ(rgb(Graph(gexf).child("edges").child("edge").child("viz:color")),
            std::to_string(accuses.r) + "," + std::to_string(accuses.g) + "," +
                std::to_string(accuses.b));
}

TEST(GexfWriterTest, NoAttributeTakesAReservedName) {
  pugi::xml_document doc;
  ASSERT_TRUE(Parse(Gexf(testing_graphs::Tiny()), &doc));
  const std::set<std::string> reserved = {"id",    "label", "weight",   "kind",
                                          "color", "size",  "x",        "y",
                                          "z",     "shape", "thickness"};
  int declared = 0;
  for (pugi::xml_node attributes : Graph(doc).children("attributes")) {
    for (pugi::xml_node a : attributes.children("attribute")) {
      EXPECT_EQ(reserved.count(a.attribute("id").value()), 0u)
          << a.attribute("id").value();
      EXPECT_STREQ(a.attribute("id").value(), a.attribute("title").value());
      ++declared;
    }
  }
  EXPECT_EQ(declared, 18);
  // Every attvalue refers to an attribute declared for its class.
  for (const char* cls : {"node", "edge"}) {
    std::set<std::string> ids;
    for (pugi::xml_node a :
         Graph(doc)
             .find_child_by_attribute("attributes", "class", cls)
             .children("attribute")) {
      ids.insert(a.attribute("id").value());
    }
    const std::string plural = std::string(cls) + "s";
    for (pugi::xml_node element :
         Graph(doc).child(plural.c_str()).children(cls)) {
      for (pugi::xml_node value : element.child("attvalues").children()) {
        EXPECT_EQ(ids.count(value.attribute("for").value()), 1u)
            << cls << " " << value.attribute("for").value();
      }
    }
  }
}

TEST(GexfWriterTest, NastyTextIsRepairedAndEscaped) {
  KnowledgeGraph graph;
  Node a = MakeNode("org:nasty", NodeKind::kOrganization);
  a.label = NastyText();
  a.role = NastyText();
  graph.AddNode(a);
  graph.AddNode(MakeNode("org:plain", NodeKind::kOrganization));
  Evidence e = Dated("2014-03-01");
  e.text = NastyText();
  ASSERT_TRUE(
      graph.AddRelation("org:nasty", RelationKind::kOpposes, "org:plain", e)
          .ok());
  const std::string xml = Gexf(graph);
  pugi::xml_document doc;
  ASSERT_TRUE(Parse(xml, &doc));
  pugi::xml_node nasty = NodeById(doc, "org:nasty");
  EXPECT_EQ(nasty.attribute("label").value(), NastyTextCleaned());
  EXPECT_EQ(ValueOf(nasty, "role"), NastyTextCleaned());
  const std::string evidence =
      ValueOf(Graph(doc).child("edges").child("edge"), "evidence");
  EXPECT_EQ(evidence.substr(evidence.find(": ") + 2), NastyTextCleaned());
  // Nothing XML 1.0 forbids, and no raw control character, is left.
  for (char c : xml) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_FALSE(u < 0x20 && c != '\n') << static_cast<int>(u);
  }
}

TEST(GexfWriterTest, IdsThatRepairToTheSameTextStayDistinct) {
  KnowledgeGraph graph;
  graph.AddNode(MakeNode("org:\xFF", NodeKind::kOrganization));
  graph.AddNode(MakeNode("org:\xFE", NodeKind::kOrganization));
  graph.AddNode(MakeNode("org:\xEF\xBF\xBD", NodeKind::kOrganization));
  ASSERT_TRUE(
      graph
          .AddRelation("org:\xFE", RelationKind::kPartOf, "org:\xFF", Dated(""))
          .ok());
  pugi::xml_document doc;
  ASSERT_TRUE(Parse(Gexf(graph), &doc));
  std::vector<std::string> ids;
  for (pugi::xml_node node : Graph(doc).child("nodes").children("node")) {
    ids.push_back(node.attribute("id").value());
  }
  // Sorted by the graph's ids: \xEF\xBF\xBD < \xFE < \xFF. The one that
  // needed no repair keeps its id.
  EXPECT_EQ(ids,
            (std::vector<std::string>{"org:\xEF\xBF\xBD", "org:\xEF\xBF\xBD_2",
                                      "org:\xEF\xBF\xBD_3"}));
  pugi::xml_node edge = Graph(doc).child("edges").child("edge");
  EXPECT_STREQ(edge.attribute("source").value(), "org:\xEF\xBF\xBD_2");
  EXPECT_STREQ(edge.attribute("target").value(), "org:\xEF\xBF\xBD_3");
}

TEST(GexfWriterTest, OutputDoesNotDependOnTheOrderOfConstruction) {
  EXPECT_EQ(Gexf(testing_graphs::Tiny(false)),
            Gexf(testing_graphs::Tiny(true)));
}

}  // namespace
}  // namespace newsgraph
