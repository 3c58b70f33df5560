// write_samples DIR: writes graphs in every export format (GraphML, its
// Gephi flavour, JSON-LD, GEXF, and CSV's pair of files) for the interop
// test (check_exports.sh), which loads them in the real consumers.
//
//   kinds.*   every node kind, every relation of AllRelations(), parallel
//             edges, partial dates, node ids that are not NMTOKENs or not
//             IRI-safe, and labels, aliases, roles and evidence made of
//             NastyText() (markup, controls, CR, invalid UTF-8, RTL, emoji).
//   empty.*   a graph with no node and no edge.
//
// For each graph it also writes NAME.expect.json, what a consumer must see:
// {"nodes": N, "edges": M, "relations": [every relation name],
//  "labels": {node IRI: label as a reader must return it}}.
// Exit status 0, or 1 with a message when a file cannot be written.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "exporters/exporters.h"
#include "graph/knowledge_graph.h"
#include "graph/schema.h"
#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace {

using testing_graphs::NastyText;
using testing_graphs::NastyTextCleaned;

// The labels the expect file promises, by node IRI.
using Labels = std::vector<std::pair<std::string, std::string>>;

Node MakeNode(std::string id, NodeKind kind, std::string label) {
  Node node;
  node.id = std::move(id);
  node.kind = kind;
  node.label = std::move(label);
  node.mentions = 1;
  return node;
}

Evidence MakeEvidence(std::string document, uint64_t begin, std::string text,
                      std::string date, double confidence) {
  Evidence e;
  e.document = std::move(document);
  e.begin = begin;
  e.end = begin + text.size();
  e.text = std::move(text);
  e.trigger = "said";
  e.rule = "sample_rule";
  e.confidence = confidence;
  e.date = std::move(date);
  return e;
}

KnowledgeGraph KindsGraph(Labels* labels) {
  KnowledgeGraph graph;
  graph.AddDocuments(3);
  std::vector<Node> nodes;

  Node usa = MakeNode("country:USA", NodeKind::kCountry, "United States");
  usa.aliases = {"U.S.", "America"};
  usa.iso_code = "USA";
  usa.wikidata = "Q30";
  usa.mentions = 5;
  usa.first_date = "2014-03-01";
  usa.last_date = "2014-03-05";
  nodes.push_back(usa);

  Node russia = MakeNode("country:RUS", NodeKind::kCountry, "Russia");
  russia.iso_code = "RUS";
  russia.wikidata = "Q159";
  nodes.push_back(russia);

  Node kerry =
      MakeNode("official:john-kerry", NodeKind::kOfficial, "John Kerry");
  kerry.role = "Secretary of State";
  kerry.mentions = 3;
  nodes.push_back(kerry);

  Node nasty = MakeNode("official:nasty", NodeKind::kOfficial, NastyText());
  nasty.aliases = {"a|b", "tab\there", std::string("nul\0x", 5)};
  nasty.role = "Minister of \"Quotes\" & <Tags>\r\n";
  nodes.push_back(nasty);

  Node fbi =
      MakeNode("org:federal-bureau-of-investigation", NodeKind::kOrganization,
               "Federal Bureau of Investigation");
  fbi.aliases = {"FBI"};
  fbi.wikidata = "Q8333";
  nodes.push_back(fbi);

  nodes.push_back(MakeNode("org:united-nations", NodeKind::kOrganization,
                           "United Nations"));

  Node hack = MakeNode("event:doc-1:hack", NodeKind::kEvent, "the hack");
  hack.date = "2014-03-01";
  nodes.push_back(hack);

  Node summit = MakeNode("event:doc-2:summit", NodeKind::kEvent, "the summit");
  summit.date = "2014-03";  // partial: xsd:gYearMonth in JSON-LD
  nodes.push_back(summit);

  // Ids no extractor makes, to exercise the defences: not NMTOKENs (space,
  // non-ASCII, '/', '?', '#'), and one that equals a sanitized form.
  nodes.push_back(MakeNode("org:bad id", NodeKind::kOrganization, "Bad 1"));
  nodes.push_back(MakeNode("org:bad_id", NodeKind::kOrganization, "Bad 2"));
  nodes.push_back(
      MakeNode("org:\xC3\xBC"
               "ber",
               NodeKind::kOrganization, "Bad 3"));
  nodes.push_back(MakeNode("org:x/y?z#w", NodeKind::kOrganization, "Bad 4"));

  ExportOptions options;
  for (const Node& node : nodes) {
    graph.AddNode(node);
    const std::string expected =
        node.label == NastyText() ? NastyTextCleaned() : node.label;
    labels->emplace_back(NodeIri(node.id, options), expected);
  }

  // One edge per relation, from a rotating source to a rotating target.
  const std::vector<std::string> actors = {
      "country:USA",
      "country:RUS",
      "official:john-kerry",
      "official:nasty",
      "org:federal-bureau-of-investigation",
      "org:united-nations"};
  const std::vector<std::string> events = {"event:doc-1:hack",
                                           "event:doc-2:summit"};
  size_t i = 0;
  for (const RelationInfo& relation : AllRelations()) {
    std::string source = actors[i % actors.size()];
    std::string target = actors[(i + 1 + i / actors.size()) % actors.size()];
    if (relation.kind == RelationKind::kInvolvedIn) target = events[i % 2];
    Evidence evidence =
        MakeEvidence("doc-" + std::to_string(i % 3 + 1), 10 * i,
                     "Sentence " + std::to_string(i) + ".",
                     "2014-03-0" + std::to_string(i % 5 + 1),
                     0.5 + 0.03125 * static_cast<double>(i % 8));
    evidence.cameo = std::string(relation.cameo);
    Status status = graph.AddRelation(source, relation.kind, target, evidence);
    if (!status.ok()) std::cerr << status.message() << "\n";
    ++i;
  }
  // Parallel edges between one pair, several mentions on one edge, and
  // evidence with nasty text.
  Evidence nasty_evidence =
      MakeEvidence("doc-\"3\"", 500, NastyText(), "2014-03", 0.75);
  nasty_evidence.trigger = NastyText();
  nasty_evidence.cameo = "1121";
  (void)graph.AddRelation("official:john-kerry", RelationKind::kAccuses,
                          "country:RUS", nasty_evidence);
  (void)graph.AddRelation(
      "official:john-kerry", RelationKind::kThreatens, "country:RUS",
      MakeEvidence("doc-2", 42, "Kerry warned Russia.", "2014-03-02", 0.6));
  (void)graph.AddRelation(
      "official:john-kerry", RelationKind::kAccuses, "country:RUS",
      MakeEvidence("doc-1", 7, "Kerry accused Russia.", "", 1.0));
  // Edges between the odd ids, so their sanitized ids must resolve.
  (void)graph.AddRelation("org:bad id", RelationKind::kPartOf, "org:bad_id",
                          MakeEvidence("doc-1", 0, "x", "", 0.5));
  (void)graph.AddRelation(
      "org:\xC3\xBC"
      "ber",
      RelationKind::kPartOf, "org:x/y?z#w",
      MakeEvidence("doc-1", 0, "y", "", 0.5));
  return graph;
}

bool WriteExpect(const std::filesystem::path& path, const KnowledgeGraph& graph,
                 const Labels& labels) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("nodes");
  w.Uint64(graph.NodeCount());
  w.Key("edges");
  w.Uint64(graph.EdgeCount());
  w.Key("relations");
  w.StartArray();
  if (graph.EdgeCount() > 0) {
    for (const RelationInfo& relation : AllRelations()) {
      w.String(relation.name.data(),
               static_cast<rapidjson::SizeType>(relation.name.size()));
    }
  }
  w.EndArray();
  w.Key("labels");
  w.StartObject();
  for (const auto& [iri, label] : labels) {
    w.Key(iri.data(), static_cast<rapidjson::SizeType>(iri.size()));
    w.String(label.data(), static_cast<rapidjson::SizeType>(label.size()));
  }
  w.EndObject();
  w.EndObject();
  std::ofstream out(path, std::ios::binary);
  out << buffer.GetString() << "\n";
  out.close();
  return static_cast<bool>(out);
}

bool WriteAll(const std::filesystem::path& dir, const std::string& name,
              const KnowledgeGraph& graph, const Labels& labels) {
  struct Output {
    const char* suffix;
    Format format;
  };
  const Output outputs[] = {{".graphml", Format::kGraphml},
                            {".gephi.graphml", Format::kGraphmlGephi},
                            {".jsonld", Format::kJsonld},
                            {".gexf", Format::kGexf},
                            {".csv", Format::kCsv}};
  for (const Output& output : outputs) {
    // One file, or for CSV two: NAME.nodes.csv and NAME.relationships.csv.
    const std::vector<std::string> paths =
        ExportPaths(output.format, (dir / (name + output.suffix)).string());
    std::vector<std::ofstream> files;
    std::vector<std::ostream*> streams;
    for (const std::string& path : paths) {
      files.emplace_back(path, std::ios::binary);
    }
    for (std::ofstream& file : files) streams.push_back(&file);
    Status status = ExportFiles(graph, output.format, streams);
    if (!status.ok()) {
      std::cerr << paths[0] << ": " << status.message() << "\n";
      return false;
    }
  }
  if (!WriteExpect(dir / (name + ".expect.json"), graph, labels)) {
    std::cerr << (dir / (name + ".expect.json")).string() << ": write failed\n";
    return false;
  }
  return true;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_samples DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    std::cerr << dir.string() << ": " << error.message() << "\n";
    return 1;
  }
  newsgraph::Labels labels;
  const newsgraph::KnowledgeGraph kinds = newsgraph::KindsGraph(&labels);
  const newsgraph::KnowledgeGraph empty;
  if (!newsgraph::WriteAll(dir, "kinds", kinds, labels) ||
      !newsgraph::WriteAll(dir, "empty", empty, {})) {
    return 1;
  }
  std::cout << "wrote " << dir.string() << "/{kinds,empty}"
            << ".{graphml,gephi.graphml,jsonld,gexf,nodes.csv,"
               "relationships.csv,expect.json}\n";
  return 0;
}
