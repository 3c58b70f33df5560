// Checks shared by the fuzz targets that export graphs: every format's
// output is well-formed for its readers, and newsgraph reads its own
// GraphML and JSON-LD back.
#ifndef NEWSGRAPH_TESTS_FUZZ_EXPORT_CHECKS_H_
#define NEWSGRAPH_TESTS_FUZZ_EXPORT_CHECKS_H_

#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace fuzz {

// Exports `graph` in every format FormatNames() lists and checks each
// output: Export succeeds; the bytes are valid UTF-8 without characters
// XML 1.0 forbids; XML formats (GraphML, GEXF) parse with pugixml, JSON-LD
// with RapidJSON; GraphML and JSON-LD read back with ReadGraph() into a
// graph of the same counts. When `round_trip`, writing the graph read back
// gives the same bytes again.
void CheckExports(const KnowledgeGraph& graph, bool round_trip);

}  // namespace fuzz
}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_FUZZ_EXPORT_CHECKS_H_
