#include "export_checks.h"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include "exporters/exporters.h"
#include "exporters/graph_reader.h"
#include "fuzz_checks.h"
#include "pugixml.hpp"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"

namespace newsgraph {
namespace fuzz {
namespace {

void CheckXml(std::string_view bytes, std::string_view what) {
  pugi::xml_document xml;
  const pugi::xml_parse_result result = xml.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  Check(static_cast<bool>(result), what,
        std::string(result.description()) + " at offset " +
            std::to_string(result.offset));
}

void CheckJson(std::string_view bytes, std::string_view what) {
  rapidjson::Document json;
  json.Parse<rapidjson::kParseValidateEncodingFlag>(bytes.data(), bytes.size());
  Check(!json.HasParseError(), what,
        std::string(rapidjson::GetParseError_En(json.GetParseError())) +
            " at offset " + std::to_string(json.GetErrorOffset()));
  Check(json.IsObject(), what, "not a JSON object");
}

std::string Write(const KnowledgeGraph& graph, Format format,
                  std::string_view name) {
  std::ostringstream out;
  const Status status = Export(graph, format, out);
  Check(status.ok(), "Export", std::string(name) + ": " + status.message());
  return out.str();
}

// Where `a` and `b` first differ, with some context from each.
std::string FirstDifference(std::string_view a, std::string_view b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (const char* dir = std::getenv("NEWSGRAPH_FUZZ_DUMP")) {
    std::ofstream(std::string(dir) + "/first") << a;
    std::ofstream(std::string(dir) + "/again") << b;
  }
  const size_t from = i < 80 ? 0 : i - 80;
  return "at byte " + std::to_string(i) + "\n--- first:\n" +
         std::string(a.substr(from, 240)) + "\n--- again:\n" +
         std::string(b.substr(from, 240));
}

}  // namespace

void CheckExports(const KnowledgeGraph& graph, bool round_trip) {
  for (std::string_view name : FormatNames()) {
    const std::optional<Format> format = ParseFormat(name);
    Check(format.has_value(), "ParseFormat", name);
    const std::vector<std::string> paths = ExportPaths(*format, "out");
    std::vector<std::unique_ptr<std::ostringstream>> streams;
    std::vector<std::ostream*> outs;
    for (size_t i = 0; i < paths.size(); ++i) {
      streams.push_back(std::make_unique<std::ostringstream>());
      outs.push_back(streams.back().get());
    }
    const Status status = ExportFiles(graph, *format, outs);
    Check(status.ok(), "ExportFiles",
          std::string(name) + ": " + status.message());
    for (size_t i = 0; i < paths.size(); ++i) {
      const std::string bytes = streams[i]->str();
      const std::string what = std::string(name) + " output " + paths[i];
      // CSV may quote a CR; the XML and JSON writers escape it.
      const std::string problem =
          XmlSafeUtf8Problem(bytes, /*allow_cr=*/name == "csv");
      Check(problem.empty(), what, problem);
      if (name == "graphml" || name == "graphml-gephi" || name == "gexf") {
        CheckXml(bytes, what);
      } else if (name == "jsonld") {
        CheckJson(bytes, what);
      }
    }
    if (name != "graphml" && name != "graphml-gephi" && name != "jsonld") {
      continue;
    }
    const std::string bytes = streams[0]->str();
    StatusOr<KnowledgeGraph> read =
        ReadGraph(name, bytes, graph.evidence_limit());
    Check(read.ok(), "ReadGraph",
          std::string(name) + ": " + read.status().message());
    Check(read->NodeCount() == graph.NodeCount() &&
              read->EdgeCount() == graph.EdgeCount() &&
              read->document_count() == graph.document_count(),
          "ReadGraph", std::string(name) + ": counts differ");
    if (round_trip) {
      const std::string again = Write(*read, *format, name);
      Check(again == bytes, "ReadGraph",
            std::string(name) + ": writing the graph read back differs " +
                FirstDifference(bytes, again));
    }
  }
}

}  // namespace fuzz
}  // namespace newsgraph
