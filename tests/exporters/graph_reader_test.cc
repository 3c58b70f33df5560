// ReadGraph(): newsgraph's own GraphML and JSON-LD read back exactly, and
// files it cannot restore refused with "name:line: reason".
#include "exporters/graph_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

#include "exporters/exporters.h"
#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace {

std::string Write(const KnowledgeGraph& graph, Format format) {
  std::ostringstream out;
  Status status = Export(graph, format, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

// A graph with what a corpus gives: edges with many mentions, several
// documents and CAMEO codes, more evidence than the limit keeps, a node id
// outside ASCII and attributes with separators and markup.
KnowledgeGraph Busy(size_t evidence_limit) {
  KnowledgeGraph graph(evidence_limit);
  graph.AddDocuments(7);
  Node jose;
  jose.id = "official:jos\xC3\xA9-mart\xC3\xAD";
  jose.kind = NodeKind::kOfficial;
  jose.label = "Jos\xC3\xA9 Mart\xC3\xAD";
  jose.aliases = {"Mart\xC3\xAD", "<b>&\"'"};
  jose.role = "Foreign Minister";
  jose.mentions = 9;
  jose.first_date = "2019-01-02";
  jose.last_date = "2020-12-31";
  Node cuba;
  cuba.id = "country:CUB";
  cuba.kind = NodeKind::kCountry;
  cuba.label = "Cuba";
  cuba.iso_code = "CUB";
  cuba.wikidata = "Q241";
  cuba.mentions = 4;
  Node event;
  event.id = "event:doc-3:summit";
  event.kind = NodeKind::kEvent;
  event.label = "summit";
  event.date = "2020-05";
  graph.AddNode(jose);
  graph.AddNode(cuba);
  graph.AddNode(event);
  for (int i = 0; i < 6; ++i) {
    Evidence e;
    e.document = "doc-" + std::to_string(i % 4);
    e.sentence = static_cast<uint32_t>(i);
    e.begin = 10 * i;
    e.end = 10 * i + 9;
    e.text = "Sentence\r\n\t" + std::to_string(i) + " ]]> --";
    e.trigger = "criticized";
    e.rule = "verb";
    e.confidence = i == 5 ? 0.1 + 0.2 : 0.75;  // not a short decimal
    e.date = i % 2 ? "2019-0" + std::to_string(i + 1) + "-01" : "";
    e.cameo = i < 4 ? "111" : "1121";
    EXPECT_TRUE(
        graph.AddRelation(jose.id, RelationKind::kCriticizes, cuba.id, e).ok());
  }
  Evidence part;
  part.document = "doc-3";
  part.text = "The summit.";
  EXPECT_TRUE(
      graph.AddRelation(cuba.id, RelationKind::kInvolvedIn, event.id, part)
          .ok());
  return graph;
}

TEST(GraphReaderTest, GraphmlAndJsonldReadBackToTheSameBytes) {
  for (Format format :
       {Format::kGraphml, Format::kGraphmlGephi, Format::kJsonld}) {
    for (size_t limit : {size_t{0}, size_t{2}}) {
      const std::string bytes = Write(Busy(limit), format);
      StatusOr<KnowledgeGraph> read = ReadGraph("g", bytes, limit);
      ASSERT_TRUE(read.ok()) << read.status().message();
      EXPECT_EQ(Write(*read, format), bytes)
          << FormatName(format) << " limit " << limit;
      // And across formats.
      EXPECT_EQ(Write(*read, Format::kJsonld),
                Write(Busy(limit), Format::kJsonld));
    }
  }
}

TEST(GraphReaderTest, RestoresWhatTheFileDoesNotShowDirectly) {
  const KnowledgeGraph original = Busy(2);
  for (Format format : {Format::kGraphml, Format::kJsonld}) {
    StatusOr<KnowledgeGraph> read = ReadGraph("g", Write(original, format), 2);
    ASSERT_TRUE(read.ok()) << read.status().message();
    EXPECT_EQ(read->document_count(), 7u);
    ASSERT_NE(read->FindNode("official:jos\xC3\xA9-mart\xC3\xAD"), nullptr);
    ASSERT_EQ(read->Edges().size(), 2u);
    const Edge& edge = *read->Edges()[1].edge;
    EXPECT_EQ(edge.relation, RelationKind::kCriticizes);
    EXPECT_EQ(edge.weight, 6u);
    EXPECT_EQ(edge.documents.size(), 4u);
    EXPECT_EQ(edge.cameo_counts,
              (std::map<std::string, uint64_t>{{"111", 4}, {"1121", 2}}));
    ASSERT_EQ(edge.evidence.size(), 2u);
    EXPECT_EQ(edge.evidence, original.Edges()[1].edge->evidence);
  }
}

TEST(GraphReaderTest, MergedPartsEqualTheWhole) {
  // Two halves of Busy()'s mentions, written and read back, then merged.
  KnowledgeGraph whole = Busy(2);
  StatusOr<KnowledgeGraph> a =
      ReadGraph("a", Write(whole, Format::kGraphml), 2);
  ASSERT_TRUE(a.ok());
  KnowledgeGraph empty(2);
  StatusOr<KnowledgeGraph> b = ReadGraph("b", Write(empty, Format::kJsonld), 2);
  ASSERT_TRUE(b.ok()) << b.status().message();
  a->Merge(*b);
  EXPECT_EQ(Write(*a, Format::kGraphml), Write(whole, Format::kGraphml));
}

TEST(GraphReaderTest, AReadGraphCanBeMovedAndMergedInto) {
  StatusOr<KnowledgeGraph> read =
      ReadGraph("g", Write(Busy(0), Format::kGraphml), 0);
  ASSERT_TRUE(read.ok());
  KnowledgeGraph moved = std::move(read).value();
  moved.Merge(Busy(0));  // uses the edge index the move carried over
  EXPECT_EQ(moved.Edges()[1].edge->weight, 12u);
  KnowledgeGraph copy = moved;
  copy.Merge(Busy(0));
  EXPECT_EQ(copy.Edges()[1].edge->weight, 18u);
  EXPECT_EQ(moved.Edges()[1].edge->weight, 12u);
}

// '|' joins aliases and document ids in GraphML: an item holding one is
// also written as JSON, and read back whole.
TEST(GraphReaderTest, ItemsHoldingABarSurviveGraphml) {
  KnowledgeGraph graph;
  Node a;
  a.id = "country:A";
  a.kind = NodeKind::kCountry;
  a.label = "A";
  a.aliases = {"x|y", "z"};
  Node b = a;
  b.id = "country:B";
  b.aliases = {"plain"};
  graph.AddNode(a);
  graph.AddNode(b);
  Evidence e;
  e.document = "doc|1";
  ASSERT_TRUE(graph.AddRelation(a.id, RelationKind::kConsults, b.id, e).ok());
  e.document = "doc2";
  ASSERT_TRUE(graph.AddRelation(a.id, RelationKind::kConsults, b.id, e).ok());
  const std::string bytes = Write(graph, Format::kGraphml);
  EXPECT_NE(bytes.find("<data key=\"v_aliases_json\">[&quot;x|y&quot;,"
                       "&quot;z&quot;]</data>"),
            std::string::npos)
      << bytes;
  StatusOr<KnowledgeGraph> read = ReadGraph("g", bytes, 0);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->FindNode("country:A")->aliases,
            (std::set<std::string>{"x|y", "z"}));
  EXPECT_EQ(read->Edges()[0].edge->documents,
            (std::set<std::string>{"doc2", "doc|1"}));
  EXPECT_EQ(Write(*read, Format::kGraphml), bytes);
  // Without a '|' anywhere, no JSON keys.
  const std::string plain = Write(Busy(0), Format::kGraphml);
  EXPECT_EQ(plain.find("aliases_json"), std::string::npos);
  EXPECT_EQ(plain.find("document_ids_json"), std::string::npos);
}

TEST(GraphReaderTest, EvidenceBeyondTheLimitIsDropped) {
  StatusOr<KnowledgeGraph> read =
      ReadGraph("g", Write(Busy(0), Format::kJsonld), 1);
  ASSERT_TRUE(read.ok());
  const Edge& edge = *read->Edges()[1].edge;
  EXPECT_EQ(edge.evidence.size(), 1u);
  EXPECT_EQ(edge.weight, 6u);
}

TEST(GraphReaderTest, ErrorsSayWhereAndWhy) {
  struct Case {
    std::string bytes;
    std::string message;
  };
  const Case cases[] = {
      {"", "p:1: not a graph newsgraph wrote (GraphML or JSON-LD)"},
      {"\n\nhello", "p:3: not a graph newsgraph wrote (GraphML or JSON-LD)"},
      {"<graphml>\n<graph>\n</graphml>",
       "p:3: not well-formed XML: Start-end tags mismatch"},
      {"<?xml version=\"1.0\"?>\n<gexf/>",
       "p:2: not a graph newsgraph wrote: no <graphml> element"},
      {"<graphml>\n"
       "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"
       "<key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n"
       "<graph>\n"
       "<node id=\"a\"><data key=\"t\">Country</data></node>\n"
       "<node id=\"b\"><data key=\"t\">Country</data></node>\n"
       "<edge id=\"e0\" source=\"a\" target=\"b\">\n"
       "  <data key=\"r\">greets</data>\n"
       "</edge>\n"
       "</graph></graphml>\n",
       "p:8: edge 'e0': unknown relation 'greets'"},
      {"<graphml>\n<graph>\n<node id=\"a\"/>\n</graph></graphml>",
       "p:3: node 'a': no type"},
      {"{\"@context\": {},\n \"@graph\": [\n  {\"@id\": 3\n ]}",
       "p:4: not valid JSON: Missing a comma or '}' after an object member."},
      {"{\"x\": 1}", "p:1: not a graph newsgraph wrote: no @graph"},
      {"{\"@graph\": [\n"
       " {\n  \"@id\": \"https://x/;graph\",\n"
       "  \"@type\": \"ng:KnowledgeGraph\"\n },\n"
       " {\n  \"@id\": \"https://x/country/A\",\n"
       "  \"@type\": [\"ng:Country\"],\n  \"mentions\": \"many\"\n }\n]}",
       "p:7: node 'country:A': mentions is not a count"},
  };
  for (const Case& c : cases) {
    StatusOr<KnowledgeGraph> read = ReadGraph("p", c.bytes, 0);
    ASSERT_FALSE(read.ok()) << c.bytes;
    EXPECT_EQ(read.status().message(), c.message) << c.bytes;
  }
}

}  // namespace
}  // namespace newsgraph
