#include "exporters/graphml_writer.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cmath>
#include <limits>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>

#include "exporters/internal/text.h"
#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace {

using testing_graphs::NastyText;
using testing_graphs::NastyTextCleaned;

std::string Graphml(const KnowledgeGraph& graph,
                    GraphmlFlavour flavour = GraphmlFlavour::kStrict) {
  std::ostringstream out;
  Status status = WriteGraphml(graph, flavour, ExportOptions(), out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

// The text of <data key="key"> under `element`, or nullopt.
std::optional<std::string> DataOf(const pugi::xml_node& element,
                                  const char* key) {
  pugi::xml_node data = element.find_child_by_attribute("data", "key", key);
  if (!data) return std::nullopt;
  return std::string(data.text().get());
}

pugi::xml_node NodeById(const pugi::xml_document& doc, const char* id) {
  return doc.child("graphml").child("graph").find_child_by_attribute("node",
                                                                     "id", id);
}

TEST(GraphmlWriterTest, TinyGraphVerbatim) {
  EXPECT_EQ(Graphml(testing_graphs::Tiny()),
            R"xml(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="g_generator" for="graph" attr.name="generator" attr.type="string"/>
  <key id="g_documents" for="graph" attr.name="documents" attr.type="long"/>
  <key id="g_node_count" for="graph" attr.name="node_count" attr.type="long"/>
  <key id="g_edge_count" for="graph" attr.name="edge_count" attr.type="long"/>
  <key id="v_label" for="node" attr.name="label" attr.type="string"/>
  <key id="v_type" for="node" attr.name="type" attr.type="string"/>
  <key id="v_iri" for="node" attr.name="iri" attr.type="string"/>
  <key id="v_aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="v_iso_code" for="node" attr.name="iso_code" attr.type="string"/>
  <key id="v_wikidata" for="node" attr.name="wikidata" attr.type="string"/>
  <key id="v_role" for="node" attr.name="role" attr.type="string"/>
  <key id="v_mentions" for="node" attr.name="mentions" attr.type="long"/>
  <key id="v_first_date" for="node" attr.name="first_date" attr.type="string"/>
  <key id="v_last_date" for="node" attr.name="last_date" attr.type="string"/>
  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="e_cameo" for="edge" attr.name="cameo" attr.type="string"/>
  <key id="e_cameo_counts" for="edge" attr.name="cameo_counts" attr.type="string"/>
  <key id="e_category" for="edge" attr.name="category" attr.type="string"/>
  <key id="e_first_date" for="edge" attr.name="first_date" attr.type="string"/>
  <key id="e_last_date" for="edge" attr.name="last_date" attr.type="string"/>
  <key id="e_documents" for="edge" attr.name="documents" attr.type="long"/>
  <key id="e_document_ids" for="edge" attr.name="document_ids" attr.type="string"/>
  <key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"/>
  <key id="e_evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <key id="e_evidence_json" for="edge" attr.name="evidence_json" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <data key="g_generator">newsgraph</data>
    <data key="g_documents">1</data>
    <data key="g_node_count">3</data>
    <data key="g_edge_count">2</data>
    <node id="country:RUS">
      <data key="v_label">Russia</data>
      <data key="v_type">Country</data>
      <data key="v_iri">https://newsgraph.dev/id/country/RUS</data>
      <data key="v_iso_code">RUS</data>
      <data key="v_wikidata">Q159</data>
      <data key="v_mentions">1</data>
    </node>
    <node id="country:USA">
      <data key="v_label">United States</data>
      <data key="v_type">Country</data>
      <data key="v_iri">https://newsgraph.dev/id/country/USA</data>
      <data key="v_iso_code">USA</data>
      <data key="v_wikidata">Q30</data>
      <data key="v_mentions">1</data>
    </node>
    <node id="official:john-kerry">
      <data key="v_label">John Kerry</data>
      <data key="v_type">Official</data>
      <data key="v_iri">https://newsgraph.dev/id/official/john-kerry</data>
      <data key="v_aliases">Kerry|Secretary Kerry</data>
      <data key="v_role">Secretary of State</data>
      <data key="v_mentions">2</data>
      <data key="v_first_date">2014-03-01</data>
      <data key="v_last_date">2014-03-01</data>
    </node>
    <edge id="e0" source="official:john-kerry" target="country:RUS">
      <data key="e_relation">accuses</data>
      <data key="e_label">accuses</data>
      <data key="e_weight">1</data>
      <data key="e_cameo">112</data>
      <data key="e_cameo_counts">112:1</data>
      <data key="e_category">interaction</data>
      <data key="e_first_date">2014-03-01</data>
      <data key="e_last_date">2014-03-01</data>
      <data key="e_documents">1</data>
      <data key="e_document_ids">doc-1</data>
      <data key="e_confidence">0.9</data>
      <data key="e_evidence">doc-1 [0,35) trigger=&quot;accused&quot; rule=accuse_verb confidence=0.9 date=2014-03-01: Kerry accused Russia of aggression.</data>
      <data key="e_evidence_json">[{&quot;document&quot;:&quot;doc-1&quot;,&quot;sentence&quot;:0,&quot;begin&quot;:0,&quot;end&quot;:35,&quot;text&quot;:&quot;Kerry accused Russia of aggression.&quot;,&quot;trigger&quot;:&quot;accused&quot;,&quot;rule&quot;:&quot;accuse_verb&quot;,&quot;confidence&quot;:0.9,&quot;date&quot;:&quot;2014-03-01&quot;,&quot;cameo&quot;:&quot;112&quot;}]</data>
    </edge>
    <edge id="e1" source="official:john-kerry" target="country:USA">
      <data key="e_relation">affiliated_with</data>
      <data key="e_label">affiliated_with</data>
      <data key="e_weight">1</data>
      <data key="e_category">structural</data>
      <data key="e_documents">1</data>
      <data key="e_document_ids">doc-1</data>
      <data key="e_confidence">1</data>
      <data key="e_evidence">doc-1 [36,77) trigger=&quot;Secretary of State&quot; rule=title_apposition confidence=1: U.S. Secretary of State John Kerry spoke.</data>
      <data key="e_evidence_json">[{&quot;document&quot;:&quot;doc-1&quot;,&quot;sentence&quot;:1,&quot;begin&quot;:36,&quot;end&quot;:77,&quot;text&quot;:&quot;U.S. Secretary of State John Kerry spoke.&quot;,&quot;trigger&quot;:&quot;Secretary of State&quot;,&quot;rule&quot;:&quot;title_apposition&quot;,&quot;confidence&quot;:1.0}]</data>
    </edge>
  </graph>
</graphml>
)xml");
}

TEST(GraphmlWriterTest, EmptyGraphDeclaresOnlyGraphKeys) {
  KnowledgeGraph graph;
  EXPECT_EQ(Graphml(graph), R"xml(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="g_generator" for="graph" attr.name="generator" attr.type="string"/>
  <key id="g_documents" for="graph" attr.name="documents" attr.type="long"/>
  <key id="g_node_count" for="graph" attr.name="node_count" attr.type="long"/>
  <key id="g_edge_count" for="graph" attr.name="edge_count" attr.type="long"/>
  <graph id="G" edgedefault="directed">
    <data key="g_generator">newsgraph</data>
    <data key="g_documents">0</data>
    <data key="g_node_count">0</data>
    <data key="g_edge_count">0</data>
  </graph>
</graphml>
)xml");
}

TEST(GraphmlWriterTest, GephiFlavourAddsEdgeKindAndNodeSizeAndColour) {
  const std::string strict = Graphml(testing_graphs::Tiny());
  const std::string gephi =
      Graphml(testing_graphs::Tiny(), GraphmlFlavour::kGephi);
  EXPECT_EQ(strict.find(" label=\""), std::string::npos);
  EXPECT_NE(gephi.find("    <edge id=\"e0\" source=\"official:john-kerry\" "
                       "target=\"country:RUS\" label=\"accuses\">\n"),
            std::string::npos);
  EXPECT_NE(gephi.find("    <edge id=\"e1\" source=\"official:john-kerry\" "
                       "target=\"country:USA\" label=\"affiliated_with\">\n"),
            std::string::npos);
  EXPECT_NE(gephi.find("  <key id=\"v_size\" for=\"node\" attr.name=\"size\" "
                       "attr.type=\"double\"/>\n"
                       "  <key id=\"v_r\" for=\"node\" attr.name=\"r\" "
                       "attr.type=\"int\"/>\n"),
            std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(gephi.c_str()));
  pugi::xml_node kerry = NodeById(doc, "official:john-kerry");
  EXPECT_EQ(DataOf(kerry, "v_size"), "16.3");  // 10 + 4 log2(1 + 2 mentions)
  EXPECT_EQ(DataOf(kerry, "v_r"), "148");      // palette: Official purple
  EXPECT_EQ(DataOf(kerry, "v_g"), "103");
  EXPECT_EQ(DataOf(kerry, "v_b"), "189");
  pugi::xml_node usa = NodeById(doc, "country:USA");
  EXPECT_EQ(DataOf(usa, "v_size"), "14");
  EXPECT_EQ(DataOf(usa, "v_r"), "31");  // Country blue
  EXPECT_EQ(DataOf(usa, "v_g"), "119");
  EXPECT_EQ(DataOf(usa, "v_b"), "180");
  // Edge colours by relation: accuses red, affiliated_with grey.
  EXPECT_NE(gephi.find("      <data key=\"e_r\">229</data>\n"
                       "      <data key=\"e_g\">57</data>\n"
                       "      <data key=\"e_b\">53</data>\n"
                       "    </edge>\n"),
            std::string::npos);
  EXPECT_NE(gephi.find("      <data key=\"e_r\">158</data>\n"
                       "      <data key=\"e_g\">158</data>\n"
                       "      <data key=\"e_b\">158</data>\n"
                       "    </edge>\n"),
            std::string::npos);
  EXPECT_NE(gephi.find("  <key id=\"e_r\" for=\"edge\" attr.name=\"r\" "
                       "attr.type=\"int\"/>\n"),
            std::string::npos);
  // Apart from those, the same edges.
  std::string stripped = gephi;
  for (const char* label :
       {" label=\"accuses\"", " label=\"affiliated_with\""}) {
    stripped.erase(stripped.find(label), std::string_view(label).size());
  }
  for (const char* colour : {"      <data key=\"e_r\">229</data>\n",
                             "      <data key=\"e_g\">57</data>\n",
                             "      <data key=\"e_b\">53</data>\n",
                             "      <data key=\"e_r\">158</data>\n",
                             "      <data key=\"e_g\">158</data>\n",
                             "      <data key=\"e_b\">158</data>\n"}) {
    stripped.erase(stripped.find(colour), std::string_view(colour).size());
  }
  auto edges = [](const std::string& xml) {
    return xml.substr(xml.find("    <edge "));
  };
  EXPECT_EQ(edges(stripped), edges(strict));
}

KnowledgeGraph NastyGraph() {
  KnowledgeGraph graph;
  Node a;
  a.id = "org:nasty";
  a.label = NastyText();
  a.aliases = {NastyText() + "2"};
  a.role = NastyText();
  graph.AddNode(a);
  Node b;
  b.id = "org:plain";
  b.label = "Plain";
  graph.AddNode(b);
  Evidence e;
  e.document = NastyText();
  e.text = NastyText();
  e.trigger = NastyText();
  e.rule = "r";
  EXPECT_TRUE(
      graph.AddRelation("org:nasty", RelationKind::kCriticizes, "org:plain", e)
          .ok());
  return graph;
}

TEST(GraphmlWriterTest, NastyTextIsEscapedRepairedAndReadsBack) {
  const std::string xml = Graphml(NastyGraph());
  // Valid UTF-8, nothing XML forbids, no raw CR.
  std::string scratch;
  EXPECT_EQ(exporters_internal::CleanText(xml, &scratch).data(), xml.data());
  EXPECT_EQ(xml.find('\r'), std::string::npos);
  EXPECT_NE(xml.find("&lt;b&gt;Tom &amp; &quot;Jerry&quot; &apos;x&apos; "
                     "]]&gt; -- end&lt;/b&gt;"),
            std::string::npos);
  EXPECT_NE(xml.find("|cr:&#13;|crlf:&#13;\n|lf:\n"), std::string::npos);

  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  pugi::xml_node node = NodeById(doc, "org:nasty");
  EXPECT_EQ(DataOf(node, "v_label"), NastyTextCleaned());
  EXPECT_EQ(DataOf(node, "v_role"), NastyTextCleaned());
  EXPECT_EQ(DataOf(node, "v_aliases"), NastyTextCleaned() + "2");
  pugi::xml_node edge = doc.child("graphml").child("graph").child("edge");
  EXPECT_EQ(DataOf(edge, "e_document_ids"), NastyTextCleaned());

  std::optional<std::string> json = DataOf(edge, "e_evidence_json");
  ASSERT_TRUE(json.has_value());
  rapidjson::Document evidence;
  evidence.Parse<rapidjson::kParseValidateEncodingFlag>(json->c_str(),
                                                        json->size());
  ASSERT_FALSE(evidence.HasParseError());
  ASSERT_TRUE(evidence.IsArray());
  ASSERT_EQ(evidence.Size(), 1u);
  const rapidjson::Value& mention = evidence[0];
  EXPECT_EQ(std::string(mention["text"].GetString(),
                        mention["text"].GetStringLength()),
            NastyTextCleaned());
  EXPECT_EQ(std::string(mention["document"].GetString(),
                        mention["document"].GetStringLength()),
            NastyTextCleaned());
  EXPECT_EQ(mention["confidence"].GetDouble(), 1.0);
  EXPECT_FALSE(mention.HasMember("date"));  // empty: omitted

  std::optional<std::string> text = DataOf(edge, "e_evidence");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, NastyTextCleaned() + " [0,0) trigger=\"" +
                       NastyTextCleaned() +
                       "\" rule=r confidence=1: " + NastyTextCleaned());
}

TEST(GraphmlWriterTest, OutputDoesNotDependOnInsertionOrder) {
  EXPECT_EQ(Graphml(testing_graphs::Tiny(false)),
            Graphml(testing_graphs::Tiny(true)));
  EXPECT_EQ(Graphml(testing_graphs::Tiny(false), GraphmlFlavour::kGephi),
            Graphml(testing_graphs::Tiny(true), GraphmlFlavour::kGephi));
  // Merged from parts, in either order.
  KnowledgeGraph ab, ba;
  ab.Merge(testing_graphs::Tiny(false));
  ab.Merge(NastyGraph());
  ba.Merge(NastyGraph());
  ba.Merge(testing_graphs::Tiny(true));
  EXPECT_EQ(Graphml(ab), Graphml(ba));
}

TEST(GraphmlWriterTest, UnsafeNodeIdsBecomeUniqueNmtokens) {
  KnowledgeGraph graph;
  for (const char* id : {"org:a b", "org:a_b", "org:a?b", "org:a_b_2",
                         "org:\xC3\xBC", "", "ok:id"}) {
    Node node;
    node.id = id;
    node.label = std::string("label of ") + id;
    graph.AddNode(node);
  }
  Evidence e;
  ASSERT_TRUE(
      graph.AddRelation("org:a b", RelationKind::kPartOf, "org:a?b", e).ok());
  ASSERT_TRUE(graph.AddRelation("", RelationKind::kPartOf, "ok:id", e).ok());
  const std::string xml = Graphml(graph);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  std::map<std::string, std::string> label_by_id;
  for (pugi::xml_node node :
       doc.child("graphml").child("graph").children("node")) {
    label_by_id[node.attribute("id").value()] = *DataOf(node, "v_label");
  }
  // Legal ids are kept; the others are sanitized in sorted order, avoiding
  // every legal id and each other.
  EXPECT_EQ(label_by_id, (std::map<std::string, std::string>{
                             {"_", "label of "},
                             {"ok:id", "label of ok:id"},
                             {"org:a_b", "label of org:a_b"},
                             {"org:a_b_2", "label of org:a_b_2"},
                             {"org:a_b_3", "label of org:a b"},
                             {"org:a_b_4", "label of org:a?b"},
                             {"org:_", "label of org:\xC3\xBC"},
                         }));
  std::set<std::pair<std::string, std::string>> edges;
  for (pugi::xml_node edge :
       doc.child("graphml").child("graph").children("edge")) {
    edges.emplace(edge.attribute("source").value(),
                  edge.attribute("target").value());
  }
  EXPECT_EQ(edges, (std::set<std::pair<std::string, std::string>>{
                       {"org:a_b_3", "org:a_b_4"}, {"_", "ok:id"}}));
}

TEST(GraphmlWriterTest, EveryDeclaredKeyIsUsedAndEveryValueDeclared) {
  for (GraphmlFlavour flavour :
       {GraphmlFlavour::kStrict, GraphmlFlavour::kGephi}) {
    const std::string xml = Graphml(testing_graphs::Tiny(), flavour);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(xml.c_str()));
    std::map<std::string, std::string> domain_by_key;
    std::set<std::string> names;
    for (pugi::xml_node key : doc.child("graphml").children("key")) {
      EXPECT_FALSE(key.child("default"));
      const std::string domain = key.attribute("for").value();
      domain_by_key[key.attribute("id").value()] = domain;
      EXPECT_TRUE(
          names.insert(domain + "/" + key.attribute("attr.name").value())
              .second);
      EXPECT_NE(std::string(key.attribute("attr.name").value()), "id");
    }
    std::set<std::string> used;
    for (pugi::xpath_node data : doc.select_nodes("//data")) {
      const std::string key = data.node().attribute("key").value();
      const std::string parent = data.node().parent().name();
      ASSERT_EQ(domain_by_key.count(key), 1u) << key;
      EXPECT_EQ(domain_by_key[key], parent) << key;
      EXPECT_FALSE(std::string(data.node().text().get()).empty()) << key;
      used.insert(key);
    }
    EXPECT_EQ(used.size(), domain_by_key.size());
  }
}

TEST(GraphmlWriterTest, ParallelEdgesStaySeparate) {
  KnowledgeGraph graph = testing_graphs::Tiny();
  Evidence e;
  e.document = "doc-2";
  ASSERT_TRUE(graph
                  .AddRelation("official:john-kerry", RelationKind::kThreatens,
                               "country:RUS", e)
                  .ok());
  ASSERT_TRUE(graph
                  .AddRelation("official:john-kerry", RelationKind::kThreatens,
                               "country:RUS", e)
                  .ok());
  pugi::xml_document doc;
  const std::string xml = Graphml(graph, GraphmlFlavour::kGephi);
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  pugi::xml_node e1 =
      doc.child("graphml").child("graph").find_child_by_attribute("edge", "id",
                                                                  "e1");
  EXPECT_STREQ(e1.attribute("label").value(), "threatens");
  EXPECT_STREQ(e1.attribute("target").value(), "country:RUS");
  EXPECT_EQ(DataOf(e1, "e_weight"), "2");
  EXPECT_EQ(DataOf(e1, "e_cameo"), "13");
  EXPECT_EQ(DataOf(e1, "e_confidence"), "1");
  EXPECT_EQ(DataOf(e1, "e_documents"), "1");
  EXPECT_EQ(DataOf(e1, "e_first_date"), std::nullopt);
}

TEST(GraphmlWriterTest, NonFiniteConfidenceIsOmitted) {
  KnowledgeGraph graph;
  for (const char* id : {"org:a", "org:b"}) {
    Node node;
    node.id = id;
    graph.AddNode(node);
  }
  Evidence e;
  e.confidence = std::numeric_limits<double>::quiet_NaN();
  ASSERT_TRUE(
      graph.AddRelation("org:a", RelationKind::kSupports, "org:b", e).ok());
  const std::string xml = Graphml(graph);
  EXPECT_EQ(xml.find("e_confidence"), std::string::npos);
  EXPECT_EQ(xml.find("v_label"), std::string::npos);  // no label anywhere
  EXPECT_NE(xml.find("&quot;confidence&quot;:null"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"e_evidence\"> [0,0): </data>"),
            std::string::npos);
}

}  // namespace
}  // namespace newsgraph
