// Builds a graph from one sentence with the installed library and writes
// it as GraphML to stdout.
#include <iostream>

#include "exporters/exporters.h"
#include "extractors/lexicons.h"
#include "extractors/pipeline.h"

int main() {
  auto lexicons = newsgraph::Lexicons::Builtin();
  if (!lexicons.ok()) return 1;
  auto pipeline = newsgraph::Pipeline::Standard(*lexicons);
  if (!pipeline.ok()) return 1;
  newsgraph::Document doc;
  doc.id = "consumer";
  doc.date = "2014-12-22";
  doc.text = "Japan accused China of hacking.";
  newsgraph::KnowledgeGraph graph;
  pipeline->Process(doc, graph);
  return newsgraph::Export(graph, newsgraph::Format::kGraphml, std::cout).ok() ? 0 : 1;
}
