// Evidence as text, shared by the writers that give it to people to read
// (GraphML, GEXF, CSV). Internal to exporters/.
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_EVIDENCE_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_EVIDENCE_H_

#include <string>

#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace exporters_internal {

// Appends one mention as a line of text, without a line break:
//   doc-7 [120,245) trigger="accused" rule=accuse_verb confidence=0.9
//   date=2014-03-01: <the sentence>
// Offsets are byte offsets into the document's UTF-8 text, half-open. Empty
// fields and a non-finite confidence are left out. The text is not
// repaired: the caller escapes it for its format.
void AppendEvidenceLine(const Evidence& evidence, std::string* out);

// The highest finite confidence of the edge's kept evidence, or -1 when
// there is none.
double MaxConfidence(const Edge& edge);

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_EVIDENCE_H_
