// Small graphs built in memory for the exporter tests.
#ifndef NEWSGRAPH_TESTS_EXPORTERS_TEST_GRAPHS_H_
#define NEWSGRAPH_TESTS_EXPORTERS_TEST_GRAPHS_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace testing_graphs {

// Three nodes (an official and two countries) and two edges: the official
// accuses one country (one mention with a date and a CAMEO code) and is
// affiliated with the other (no date, no code). `reverse` adds the same
// nodes, edges and evidence in the opposite order.
KnowledgeGraph Tiny(bool reverse = false);

// Every byte sequence an exporter must survive: markup characters, "]]>",
// "--", C0 controls (NUL included), CR and CRLF, tab, invalid UTF-8, a
// surrogate, U+FFFE, RTL marks and emoji.
std::string NastyText();

// NastyText() as a reader of the exported file must see it: invalid UTF-8
// as U+FFFD, forbidden characters as spaces, the rest unchanged.
std::string NastyTextCleaned();

}  // namespace testing_graphs
}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_EXPORTERS_TEST_GRAPHS_H_
