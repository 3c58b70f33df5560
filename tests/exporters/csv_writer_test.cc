#include "exporters/csv_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/exporters.h"
#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace {

using testing_graphs::NastyText;
using testing_graphs::NastyTextCleaned;

struct CsvFiles {
  std::string nodes;
  std::string relationships;
};

CsvFiles Csv(const KnowledgeGraph& graph) {
  std::ostringstream nodes, relationships;
  Status status = WriteCsv(graph, nodes, relationships);
  EXPECT_TRUE(status.ok()) << status.message();
  return {nodes.str(), relationships.str()};
}

// An RFC 4180 reader, strict: records end in CRLF, a quoted field ends at
// a lone quote followed by a comma or the record's end, and a quote inside
// an unquoted field is an error (reported as a record {"ERROR"}).
std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  size_t i = 0;
  auto error = [&] {
    records.push_back({"ERROR at " + std::to_string(i)});
    return records;
  };
  while (i < text.size()) {
    if (text[i] == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) return error();
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          field += text[i];
        }
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' &&
             text[i] != '\n') {
        if (text[i] == '"') return error();
        field += text[i++];
      }
    }
    record.push_back(std::move(field));
    field.clear();
    if (i < text.size() && text[i] == ',') {
      ++i;
    } else if (text.compare(i, 2, "\r\n") == 0) {
      i += 2;
      records.push_back(std::move(record));
      record.clear();
    } else {
      return error();
    }
  }
  if (!record.empty()) return error();
  return records;
}

Node MakeNode(std::string id, NodeKind kind) {
  Node node;
  node.id = std::move(id);
  node.kind = kind;
  node.mentions = 1;
  return node;
}

TEST(CsvWriterTest, TinyGraphVerbatim) {
  const CsvFiles csv = Csv(testing_graphs::Tiny());
  EXPECT_EQ(csv.nodes,
            "id:ID,:LABEL,label,type,iso_code,wikidata,role,date,"
            "mentions:long,first_date,last_date,aliases:string[]\r\n"
            "country:RUS,Entity;Country,Russia,Country,RUS,Q159,,,1,,,\r\n"
            "country:USA,Entity;Country,United States,Country,USA,Q30,,,1,,,"
            "\r\n"
            "official:john-kerry,Entity;Official,John Kerry,Official,,,"
            "Secretary of State,,2,2014-03-01,2014-03-01,"
            "Kerry;Secretary Kerry\r\n");
  EXPECT_EQ(csv.relationships,
            ":START_ID,:END_ID,:TYPE,relation,weight:long,cameo,category,"
            "first_date,last_date,documents:long,document_ids:string[],"
            "confidence:double,evidence\r\n"
            "official:john-kerry,country:RUS,ACCUSES,accuses,1,112,"
            "interaction,2014-03-01,2014-03-01,1,doc-1,0.9,"
            "\"doc-1 [0,35) trigger=\"\"accused\"\" rule=accuse_verb "
            "confidence=0.9 date=2014-03-01: Kerry accused Russia of "
            "aggression.\"\r\n"
            "official:john-kerry,country:USA,AFFILIATED_WITH,affiliated_with,"
            "1,,structural,,,1,doc-1,1,"
            "\"doc-1 [36,77) trigger=\"\"Secretary of State\"\" "
            "rule=title_apposition confidence=1: U.S. Secretary of State "
            "John Kerry spoke.\"\r\n");
}

TEST(CsvWriterTest, EmptyGraphHasTheHeadersOnly) {
  const CsvFiles csv = Csv(KnowledgeGraph());
  EXPECT_EQ(csv.nodes, std::string(kCsvNodesHeader) + "\r\n");
  EXPECT_EQ(csv.relationships, std::string(kCsvRelationshipsHeader) + "\r\n");
}

TEST(CsvWriterTest, HeadersAreNeo4jImportHeaders) {
  // Every field is name:type with a neo4j-admin type, or a bare property
  // name, or one of the special fields; the special ones each once.
  auto fields = [](std::string_view header) {
    return ReadCsv(std::string(header) + "\r\n").at(0);
  };
  EXPECT_EQ(fields(kCsvNodesHeader),
            (std::vector<std::string>{"id:ID", ":LABEL", "label", "type",
                                      "iso_code", "wikidata", "role", "date",
                                      "mentions:long", "first_date",
                                      "last_date", "aliases:string[]"}));
  EXPECT_EQ(
      fields(kCsvRelationshipsHeader),
      (std::vector<std::string>{
          ":START_ID", ":END_ID", ":TYPE", "relation", "weight:long", "cameo",
          "category", "first_date", "last_date", "documents:long",
          "document_ids:string[]", "confidence:double", "evidence"}));
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsItAndJoinsArraysWithSemicolons) {
  KnowledgeGraph graph;
  Node odd = MakeNode("org:odd", NodeKind::kOrganization);
  odd.label = "Smith, \"Bob\" & Co";
  odd.aliases = {"a;b", " padded ", "plain"};
  odd.role = "line one\nline two\r\nthree\tfour";
  odd.date = "2014-03";
  graph.AddNode(odd);
  graph.AddNode(MakeNode("org:other", NodeKind::kOrganization));
  Evidence e;
  e.document = "doc;1";
  e.text = "First.";
  e.confidence = 0.25;
  ASSERT_TRUE(
      graph.AddRelation("org:odd", RelationKind::kSupports, "org:other", e)
          .ok());
  e.document = "doc,2";
  e.text = "Second, \"quoted\".";
  e.confidence = std::numeric_limits<double>::quiet_NaN();
  ASSERT_TRUE(
      graph.AddRelation("org:odd", RelationKind::kSupports, "org:other", e)
          .ok());
  const CsvFiles csv = Csv(graph);
  EXPECT_EQ(csv.nodes.substr(csv.nodes.find("\r\n") + 2),
            "org:odd,Entity;Organization,\"Smith, \"\"Bob\"\" & Co\","
            "Organization,,,line one line two  three four,2014-03,1,,,"
            "\" padded ;a,b;plain\"\r\n"
            "org:other,Entity;Organization,,Organization,,,,,1,,,\r\n");
  const auto rows = ReadCsv(csv.relationships);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1],
            (std::vector<std::string>{
                "org:odd", "org:other", "SUPPORTS", "supports", "2", "05",
                "interaction", "", "", "2", "doc,2;doc,1", "0.25",
                "doc,2 [0,0): Second, \"quoted\". | doc;1 [0,0) "
                "confidence=0.25: First."}));
}

TEST(CsvWriterTest, NastyTextIsRepairedAndKeepsEveryRecordOnOneLine) {
  KnowledgeGraph graph;
  Node nasty = MakeNode("org:nasty", NodeKind::kOrganization);
  nasty.label = NastyText();
  nasty.aliases = {NastyText() + "2"};  // the label itself is no alias
  graph.AddNode(nasty);
  const CsvFiles csv = Csv(graph);
  const auto rows = ReadCsv(csv.nodes);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[1].size(), 12u);
  std::string expected = NastyTextCleaned();
  for (char& c : expected) {
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  EXPECT_EQ(rows[1][2], expected);
  std::string alias = expected + "2";
  for (char& c : alias) {
    if (c == ';') c = ',';
  }
  EXPECT_EQ(rows[1][11], alias);
  // Line breaks only end records.
  size_t breaks = 0;
  for (size_t i = 0; i < csv.nodes.size(); ++i) {
    if (csv.nodes[i] == '\n' || csv.nodes[i] == '\r') ++breaks;
  }
  EXPECT_EQ(breaks, 4u);
}

TEST(CsvWriterTest, OutputDoesNotDependOnTheOrderOfConstruction) {
  const CsvFiles a = Csv(testing_graphs::Tiny(false));
  const CsvFiles b = Csv(testing_graphs::Tiny(true));
  EXPECT_EQ(a.nodes, b.nodes);
  EXPECT_EQ(a.relationships, b.relationships);
}

TEST(CsvWriterTest, WriteFailuresNameTheFile) {
  const KnowledgeGraph graph = testing_graphs::Tiny();
  {
    std::ofstream full("/dev/full", std::ios::binary);
    std::ostringstream relationships;
    Status status = WriteCsv(graph, full, relationships);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.message(),
              "csv nodes: write failed: No space left on device");
  }
  {
    std::ostringstream nodes;
    std::ofstream full("/dev/full", std::ios::binary);
    Status status = WriteCsv(graph, nodes, full);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.message(),
              "csv relationships: write failed: No space left on device");
  }
}

TEST(CsvFileNamesTest, ReplaceTheCsvExtensionOrAppend) {
  auto names = [](std::string_view path) {
    CsvFileNames n = CsvFileNamesFor(path);
    return n.nodes + " " + n.relationships;
  };
  EXPECT_EQ(names("out/graph.csv"),
            "out/graph.nodes.csv out/graph.relationships.csv");
  EXPECT_EQ(names("GRAPH.CSV"), "GRAPH.nodes.csv GRAPH.relationships.csv");
  EXPECT_EQ(names("out/graph"),
            "out/graph.nodes.csv out/graph.relationships.csv");
  EXPECT_EQ(names("a.csv.d/g.txt"),
            "a.csv.d/g.txt.nodes.csv a.csv.d/g.txt.relationships.csv");
  EXPECT_EQ(names(".csv"), ".nodes.csv .relationships.csv");
}

TEST(ExportFilesTest, CsvWritesTwoFilesAndTheOthersOne) {
  EXPECT_EQ(
      ExportPaths(Format::kCsv, "out/g.csv"),
      (std::vector<std::string>{"out/g.nodes.csv", "out/g.relationships.csv"}));
  EXPECT_EQ(ExportPaths(Format::kGexf, "out/g.gexf"),
            (std::vector<std::string>{"out/g.gexf"}));
  EXPECT_EQ(ExportPaths(Format::kGraphml, "-"),
            (std::vector<std::string>{"-"}));

  const KnowledgeGraph graph = testing_graphs::Tiny();
  std::ostringstream nodes, relationships;
  ASSERT_TRUE(ExportFiles(graph, Format::kCsv, {&nodes, &relationships}).ok());
  const CsvFiles direct = Csv(graph);
  EXPECT_EQ(nodes.str(), direct.nodes);
  EXPECT_EQ(relationships.str(), direct.relationships);

  std::ostringstream gexf, gexf_direct;
  ASSERT_TRUE(ExportFiles(graph, Format::kGexf, {&gexf}).ok());
  ASSERT_TRUE(Export(graph, Format::kGexf, gexf_direct).ok());
  EXPECT_EQ(gexf.str(), gexf_direct.str());
}

TEST(ExportFilesTest, RefusesTheWrongNumberOfStreams) {
  const KnowledgeGraph graph = testing_graphs::Tiny();
  std::ostringstream out;
  Status status = ExportFiles(graph, Format::kCsv, {&out});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "export: csv writes 2 files, got 1 stream");
  status = ExportFiles(graph, Format::kJsonld, {&out, &out});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "export: jsonld writes 1 file, got 2 streams");
  status = Export(graph, Format::kCsv, out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(),
            "csv: writes two files (nodes and relationships): use "
            "ExportFiles()");
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace newsgraph
