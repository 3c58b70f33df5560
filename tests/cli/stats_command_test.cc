// `newsgraph stats` (text and JSON, verbatim, on graphs built in memory and
// end to end through a written file) and the command line of the export
// formats that stats and build share: gexf, and csv's pair of files.
#include "cli/stats_command.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "cli/args.h"
#include "exporters/exporters.h"
#include "graph/graph_stats.h"
#include "run_binary.h"
#include "temp_dir.h"

namespace newsgraph {
namespace testing {
namespace {

using cli::CommandLine;
using cli::ParseCommandLine;
using cli::StatsJson;
using cli::StatsText;

void AddNode(KnowledgeGraph& graph, const std::string& id, NodeKind kind,
             const std::string& label) {
  Node node;
  node.id = id;
  node.kind = kind;
  node.label = label;
  node.mentions = 1;
  node.first_date = node.last_date = "2014-03-02";
  graph.AddNode(node);
}

void Relate(KnowledgeGraph& graph, const std::string& source,
            RelationKind relation, const std::string& target, int times,
            const std::string& date) {
  for (int i = 0; i < times; ++i) {
    Evidence e;
    e.document = "doc-" + std::to_string(i);
    e.text = "A sentence.";
    e.begin = static_cast<uint64_t>(i);
    e.end = e.begin + e.text.size();
    e.date = date;
    ASSERT_TRUE(graph.AddRelation(source, relation, target, e).ok());
  }
}

KnowledgeGraph Sample() {
  KnowledgeGraph graph;
  graph.AddDocuments(2);
  AddNode(graph, "country:USA", NodeKind::kCountry, "United States");
  AddNode(graph, "country:RUS", NodeKind::kCountry, "Russia");
  AddNode(graph, "official:kerry", NodeKind::kOfficial, "John\tKerry");
  Relate(graph, "country:USA", RelationKind::kAccuses, "country:RUS", 3,
         "2014-03-01");
  Relate(graph, "country:RUS", RelationKind::kThreatens, "country:USA", 1, "");
  Relate(graph, "official:kerry", RelationKind::kAffiliatedWith, "country:USA",
         2, "");
  return graph;
}

TEST(StatsText, Verbatim) {
  const KnowledgeGraph graph = Sample();
  EXPECT_EQ(StatsText(ComputeStats(graph, 10), "g.graphml"),
            R"(g.graphml: 2 documents, 3 nodes, 3 edges, 6 mentions
dates: 2014-03-01 to 2014-03-02

nodes by kind:
  Country       2
  Official      1
  Organization  0
  Event         0

edges by relation:  edges  mentions
  accuses               1         3
  threatens             1         1
  affiliated_with       1         2

most connected actors (mentions in interaction relations):
  #  mentions       out        in     edges  actor
  1         4         1         3         2  Russia (country:RUS)
  2         4         3         1         2  United States (country:USA)

most frequent relations:
  #  mentions  relation
  1         3  United States accuses Russia (2014-03-01)
  2         1  Russia threatens United States
)");
}

TEST(StatsText, EmptyGraph) {
  EXPECT_EQ(StatsText(ComputeStats(KnowledgeGraph(), 10), "-"),
            R"(-: 0 documents, 0 nodes, 0 edges, 0 mentions
dates: unknown

nodes by kind:
  Country       0
  Official      0
  Organization  0
  Event         0

edges by relation: none

most connected actors: none

most frequent relations: none
)");
}

TEST(StatsJson, Verbatim) {
  const KnowledgeGraph graph = Sample();
  const std::string json = StatsJson(ComputeStats(graph, 1), "g.graphml");
  const std::string relations_prefix =
      "  \"edges_by_relation\": {\n"
      "    \"appeals_to\": {\n"
      "      \"edges\": 0,\n"
      "      \"mentions\": 0\n"
      "    },\n";
  EXPECT_EQ(json.substr(0, json.find("  \"edges_by_relation\"")),
            R"({
  "file": "g.graphml",
  "documents": 2,
  "nodes": 3,
  "edges": 3,
  "mentions": 6,
  "first_date": "2014-03-01",
  "last_date": "2014-03-02",
  "nodes_by_kind": {
    "Country": 2,
    "Official": 1,
    "Organization": 0,
    "Event": 0
  },
)");
  EXPECT_NE(json.find(relations_prefix), std::string::npos);
  EXPECT_NE(json.find("    \"accuses\": {\n"
                      "      \"edges\": 1,\n"
                      "      \"mentions\": 3\n"
                      "    },\n"),
            std::string::npos);
  EXPECT_EQ(json.substr(json.find("  \"top_actors\"")),
            R"(  "top_actors": [
    {
      "id": "country:RUS",
      "label": "Russia",
      "type": "Country",
      "weighted_degree": 4,
      "mentions_out": 1,
      "mentions_in": 3,
      "edges": 2
    }
  ],
  "top_relations": [
    {
      "source": "country:USA",
      "source_label": "United States",
      "relation": "accuses",
      "target": "country:RUS",
      "target_label": "Russia",
      "mentions": 3,
      "documents": 3,
      "first_date": "2014-03-01",
      "last_date": "2014-03-01"
    }
  ]
}
)");
}

TEST(StatsArgs, ParsesFileJsonAndTop) {
  StatusOr<CommandLine> line = ParseCommandLine({"stats", "g.graphml"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->command, CommandLine::Command::kStats);
  EXPECT_EQ(line->stats.input, "g.graphml");
  EXPECT_FALSE(line->stats.json);
  EXPECT_EQ(line->stats.top, 10u);
  line = ParseCommandLine({"stats", "--json", "--top=3", "-"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->stats.input, "-");
  EXPECT_TRUE(line->stats.json);
  EXPECT_EQ(line->stats.top, 3u);
  line = ParseCommandLine({"stats", "--top", "0", "--", "--odd-name"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->stats.input, "--odd-name");
  EXPECT_EQ(line->stats.top, 0u);
  for (auto args : {std::vector<std::string>{"help", "stats"},
                    std::vector<std::string>{"stats", "x", "--help"}}) {
    line = ParseCommandLine(args);
    ASSERT_TRUE(line.ok());
    EXPECT_EQ(line->command, CommandLine::Command::kHelp);
    EXPECT_EQ(line->help_topic, "stats");
  }
}

TEST(StatsArgs, UsageErrorsVerbatim) {
  auto error = [](std::vector<std::string> args) {
    StatusOr<CommandLine> line = ParseCommandLine(args);
    return line.ok() ? std::string("(ok)") : line.status().message();
  };
  EXPECT_EQ(error({"stats"}), "stats: no file given");
  EXPECT_EQ(error({"stats", "a", "b"}),
            "stats: one file at a time (got 'a' and 'b')");
  EXPECT_EQ(error({"stats", "a", "--xml"}), "unknown option '--xml'");
  EXPECT_EQ(error({"stats", "a", "--json=yes"}),
            "option '--json' takes no value");
  EXPECT_EQ(error({"stats", "a", "--top"}), "option '--top' needs a value");
  EXPECT_EQ(error({"stats", "a", "--top", "ten"}),
            "--top: 'ten' is not a whole number from 0 to 1000000");
  EXPECT_EQ(error({"stats", "a", "--top", "1", "--top", "2"}),
            "option '--top' given twice");
  EXPECT_EQ(error({"build", "a.txt", "-o", "-", "--format", "csv"}),
            "csv writes two files (NAME.nodes.csv and "
            "NAME.relationships.csv): give -o NAME.csv, not standard output");
  EXPECT_EQ(error({"merge", "a.graphml", "-o", "-", "--format", "csv"}),
            "csv writes two files (NAME.nodes.csv and "
            "NAME.relationships.csv): give -o NAME.csv, not standard output");
}

TEST(StatsCli, ReadsAWrittenGraphAndPrintsItsStats) {
  TempDir dir;
  const KnowledgeGraph graph = Sample();
  for (Format format : {Format::kGraphml, Format::kJsonld}) {
    const std::string path =
        dir.Path(format == Format::kGraphml ? "g.graphml" : "g.jsonld");
    {
      std::ofstream out(path, std::ios::binary);
      ASSERT_TRUE(Export(graph, format, out).ok());
    }
    RunResult text = RunNewsgraph({"stats", path});
    EXPECT_EQ(text.status, 0) << text.err;
    EXPECT_EQ(text.err, "");
    EXPECT_EQ(text.out, StatsText(ComputeStats(graph, 10), path));
    RunResult json = RunNewsgraph({"stats", "--json", "--top", "1", path});
    EXPECT_EQ(json.status, 0) << json.err;
    EXPECT_EQ(json.out, StatsJson(ComputeStats(graph, 1), path));
  }
}

TEST(StatsCli, UnreadableOrForeignFilesExitOne) {
  TempDir dir;
  RunResult missing = RunNewsgraph({"stats", dir.Path("missing.graphml")});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.out, "");
  EXPECT_TRUE(Matches(missing.err, "newsgraph: error: " +
                                       dir.Path("missing.graphml") + ": *\n"))
      << missing.err;
  const std::string text = dir.Write("notes.txt", "just some text\n");
  RunResult foreign = RunNewsgraph({"stats", text});
  EXPECT_EQ(foreign.status, 1);
  EXPECT_EQ(foreign.out, "");
  EXPECT_TRUE(Matches(foreign.err, "newsgraph: error: " + text + ":*\n"))
      << foreign.err;
}

TEST(ExportCli, CsvWritesTheNodesAndRelationshipsFiles) {
  TempDir dir;
  const std::string in = dir.Write(
      "a.txt",
      "title: Airspace dispute\ndate: 2024-03-02\n\nJapan accused China of "
      "violating its airspace, the Japanese defence ministry said.\n");
  RunResult run =
      RunNewsgraph({"build", in, "-o", dir.Path("out/g.csv")}, RunOptions());
  // The output's folder must exist, as for every format.
  EXPECT_EQ(run.status, 1);
  dir.Write("out/.keep", "");
  run = RunNewsgraph({"build", in, "-o", dir.Path("out/g.csv"), "-q"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(dir.List("out"), (std::vector<std::string>{".keep", "g.nodes.csv",
                                                       "g.relationships.csv"}));
  const std::string nodes = ReadFile(dir.Path("out/g.nodes.csv"));
  const std::string relationships =
      ReadFile(dir.Path("out/g.relationships.csv"));
  EXPECT_EQ(nodes.substr(0, nodes.find("\r\n")),
            "id:ID,:LABEL,label,type,iso_code,wikidata,role,date,"
            "mentions:long,first_date,last_date,aliases:string[]");
  EXPECT_NE(nodes.find("\r\ncountry:JPN,Entity;Country,Japan,Country,JPN,"),
            std::string::npos)
      << nodes;
  EXPECT_NE(relationships.find("\r\ncountry:JPN,country:CHN,ACCUSES,accuses,"),
            std::string::npos)
      << relationships;
  // --format csv with another name appends the suffixes.
  run = RunNewsgraph(
      {"build", in, "-o", dir.Path("out/h"), "--format", "csv", "-q"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(Exists(dir.Path("out/h.nodes.csv")));
  EXPECT_TRUE(Exists(dir.Path("out/h.relationships.csv")));
}

TEST(ExportCli, GexfIsToldFromTheName) {
  TempDir dir;
  const std::string in = dir.Write(
      "a.txt",
      "title: Talks\ndate: 2024-03-01\n\nFrance and Germany agreed to "
      "cooperate on energy security.\n");
  RunResult run = RunNewsgraph({"build", in, "-o", dir.Path("g.gexf"), "-q"});
  EXPECT_EQ(run.status, 0) << run.err;
  const std::string gexf = ReadFile(dir.Path("g.gexf"));
  EXPECT_NE(gexf.find("<gexf xmlns=\"http://gexf.net/1.3\""),
            std::string::npos);
  EXPECT_NE(gexf.find("mode=\"dynamic\" timeformat=\"date\""),
            std::string::npos);
}

TEST(ExportCli, HelpNamesTheNewFormatsAndStats) {
  RunResult overview = RunNewsgraph({"--help"});
  EXPECT_NE(overview.out.find("  newsgraph stats FILE [--json]\n"),
            std::string::npos);
  RunResult build = RunNewsgraph({"help", "build"});
  EXPECT_NE(build.out.find("graphml, graphml-gephi, jsonld, gexf or csv"),
            std::string::npos);
  EXPECT_NE(
      build.out.find("out/graph.nodes.csv and out/graph.relationships.csv"),
      std::string::npos);
  RunResult stats = RunNewsgraph({"help", "stats"});
  EXPECT_EQ(stats.status, 0);
  EXPECT_EQ(
      stats.out.rfind("Usage: newsgraph stats FILE [--json] [--top N]\n", 0),
      0u);
}

}  // namespace
}  // namespace testing
}  // namespace newsgraph
