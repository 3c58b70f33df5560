#include "exporters/exporters.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <pugixml.hpp>
#include <random>
#include <sstream>
#include <string>

#include "exporters/internal/text.h"
#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace {

// The formats Export() writes: every one but kCsv, which writes two files.
const Format kAllFormats[] = {Format::kGraphml, Format::kGraphmlGephi,
                              Format::kJsonld, Format::kGexf};

TEST(ParseFormatTest, AcceptsCanonicalNamesAndAliases) {
  EXPECT_EQ(ParseFormat("graphml"), Format::kGraphml);
  EXPECT_EQ(ParseFormat("graphml-gephi"), Format::kGraphmlGephi);
  EXPECT_EQ(ParseFormat("jsonld"), Format::kJsonld);
  EXPECT_EQ(ParseFormat("json-ld"), Format::kJsonld);
  EXPECT_EQ(ParseFormat("gexf"), Format::kGexf);
  EXPECT_EQ(ParseFormat("csv"), Format::kCsv);
}

TEST(ParseFormatTest, RejectsAnythingElse) {
  EXPECT_EQ(ParseFormat(""), std::nullopt);
  EXPECT_EQ(ParseFormat("GraphML"), std::nullopt);
  EXPECT_EQ(ParseFormat("GEXF"), std::nullopt);
  EXPECT_EQ(ParseFormat("neo4j"), std::nullopt);
  EXPECT_EQ(ParseFormat("graphml "), std::nullopt);
}

TEST(ParseFormatTest, NamesRoundTrip) {
  for (Format format : kAllFormats) {
    EXPECT_EQ(ParseFormat(FormatName(format)), format);
  }
  EXPECT_EQ(ParseFormat(FormatName(Format::kCsv)), Format::kCsv);
  EXPECT_EQ(FormatNames(),
            (std::vector<std::string_view>{"graphml", "graphml-gephi", "jsonld",
                                           "gexf", "csv"}));
}

TEST(FormatFromPathTest, UsesTheExtensionCaseInsensitively) {
  EXPECT_EQ(FormatFromPath("out.graphml"), Format::kGraphml);
  EXPECT_EQ(FormatFromPath("/tmp/dir.x/OUT.GraphML"), Format::kGraphml);
  EXPECT_EQ(FormatFromPath("graph.jsonld"), Format::kJsonld);
  EXPECT_EQ(FormatFromPath("graph.json"), Format::kJsonld);
  EXPECT_EQ(FormatFromPath("graph.gexf"), Format::kGexf);
  EXPECT_EQ(FormatFromPath("out/Graph.GEXF"), Format::kGexf);
  EXPECT_EQ(FormatFromPath("graph.csv"), Format::kCsv);
  EXPECT_EQ(FormatFromPath("graph.dot"), std::nullopt);
  EXPECT_EQ(FormatFromPath("graphml"), std::nullopt);
  EXPECT_EQ(FormatFromPath("graph.graphml.gz"), std::nullopt);
  EXPECT_EQ(FormatFromPath(""), std::nullopt);
}

TEST(NodeIriTest, ColonsBecomeSlashesAndTheRestIsPercentEncoded) {
  ExportOptions options;
  EXPECT_EQ(NodeIri("country:USA", options),
            "https://newsgraph.dev/id/country/USA");
  EXPECT_EQ(NodeIri("event:doc-slug:hack", options),
            "https://newsgraph.dev/id/event/doc-slug/hack");
  EXPECT_EQ(NodeIri("org:a b/c;d~e_f.g", options),
            "https://newsgraph.dev/id/org/a%20b%2Fc%3Bd~e_f.g");
  EXPECT_EQ(NodeIri("org:\xC3\xBC"
                    "ber",
                    options),
            "https://newsgraph.dev/id/org/%C3%BCber");
  options.base_iri = "urn:x:";
  EXPECT_EQ(NodeIri("country:USA", options), "urn:x:country/USA");
}

TEST(ExportTest, RejectsABaseIriThatIsNotAbsolute) {
  KnowledgeGraph graph = testing_graphs::Tiny();
  for (const char* base :
       {"", "id/", "/id/", "1http://x/", "http://a b/", "http:"}) {
    ExportOptions options;
    options.base_iri = base;
    std::ostringstream out;
    Status status = Export(graph, Format::kJsonld, out, options);
    ASSERT_FALSE(status.ok()) << base;
    EXPECT_EQ(status.message(),
              std::string("export: base IRI '") + base + "' is not absolute");
    EXPECT_EQ(out.str(), "");
  }
}

TEST(ExportTest, WritingToDevFullFails) {
  KnowledgeGraph graph = testing_graphs::Tiny();
  for (Format format : kAllFormats) {
    std::ofstream out("/dev/full", std::ios::binary);
    ASSERT_TRUE(out.is_open());
    Status status = Export(graph, format, out);
    ASSERT_FALSE(status.ok()) << FormatName(format);
    const std::string what = format == Format::kJsonld ? "jsonld"
                             : format == Format::kGexf ? "gexf"
                                                       : "graphml";
    EXPECT_EQ(status.message(),
              what + ": write failed: No space left on device");
  }
}

TEST(ExportTest, WritingToAFailedStreamFails) {
  KnowledgeGraph graph = testing_graphs::Tiny();
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  Status status = Export(graph, Format::kGraphml, out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "graphml: write failed");
}

TEST(ExportTest, LargeOutputSpanningManyChunksFailsOnDevFull) {
  KnowledgeGraph graph;
  for (int i = 0; i < 3000; ++i) {
    Node node;
    node.id = "org:o" + std::to_string(i);
    node.label = "Organization number " + std::to_string(i);
    graph.AddNode(node);
  }
  for (Format format : kAllFormats) {
    std::ofstream out("/dev/full", std::ios::binary);
    Status status = Export(graph, format, out);
    EXPECT_FALSE(status.ok()) << FormatName(format);
  }
}

// Random bytes, biased towards the interesting ones, in every text field:
// every export must stay well-formed and read back as the repaired text.
TEST(ExportTest, RandomBytesAlwaysGiveWellFormedOutput) {
  std::mt19937 random(20240601);  // fixed seed: the test is deterministic
  const std::string interesting = std::string("<>&\"'\r\n\t\0]-", 12) +
                                  "\x80\xBF\xC0\xC3\xE2\xED\xEF\xF0\xF4\xFF";
  auto random_text = [&]() {
    std::string text;
    const size_t length = random() % 24;
    for (size_t i = 0; i < length; ++i) {
      text += random() % 2 ? interesting[random() % interesting.size()]
                           : static_cast<char>(random() % 256);
    }
    return text;
  };
  for (int round = 0; round < 200; ++round) {
    KnowledgeGraph graph;
    Node a;
    a.id = "org:a";
    a.label = random_text();
    a.aliases = {random_text()};
    a.role = random_text();
    graph.AddNode(a);
    Node b;
    b.id = "org:b" + random_text();
    b.label = random_text();
    graph.AddNode(b);
    Evidence e;
    e.document = random_text();
    e.text = random_text();
    e.trigger = random_text();
    e.date = random_text();
    ASSERT_TRUE(graph.AddRelation(a.id, RelationKind::kAttacks, b.id, e).ok());
    std::string label;
    exporters_internal::AppendCleanText(a.label, &label);

    std::ostringstream xml;
    ASSERT_TRUE(Export(graph, Format::kGraphml, xml).ok());
    std::string scratch;
    const std::string text = xml.str();
    EXPECT_EQ(exporters_internal::CleanText(text, &scratch).data(),
              text.data());
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(text.c_str(),
                                pugi::parse_default | pugi::parse_ws_pcdata))
        << text;
    pugi::xml_node node =
        doc.child("graphml").child("graph").find_child_by_attribute(
            "node", "id", "org:a");
    EXPECT_EQ(
        node.find_child_by_attribute("data", "key", "v_label").text().get(),
        label);

    std::ostringstream json;
    ASSERT_TRUE(Export(graph, Format::kJsonld, json).ok());
    rapidjson::Document parsed;
    parsed.Parse<rapidjson::kParseValidateEncodingFlag>(json.str().c_str(),
                                                        json.str().size());
    ASSERT_FALSE(parsed.HasParseError()) << json.str();
  }
}

}  // namespace
}  // namespace newsgraph
