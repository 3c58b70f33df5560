#include "exporters/internal/evidence.h"

#include <algorithm>
#include <cmath>

#include "exporters/internal/text.h"

namespace newsgraph {
namespace exporters_internal {

void AppendEvidenceLine(const Evidence& e, std::string* out) {
  *out += e.document;
  *out += " [";
  AppendUint(e.begin, out);
  *out += ',';
  AppendUint(e.end, out);
  *out += ')';
  if (!e.trigger.empty()) {
    *out += " trigger=\"";
    *out += e.trigger;
    *out += '"';
  }
  if (!e.rule.empty()) {
    *out += " rule=";
    *out += e.rule;
  }
  if (std::isfinite(e.confidence)) {
    *out += " confidence=";
    AppendDouble(e.confidence, out);
  }
  if (!e.date.empty()) {
    *out += " date=";
    *out += e.date;
  }
  *out += ": ";
  *out += e.text;
}

double MaxConfidence(const Edge& edge) {
  double best = -1;
  for (const Evidence& e : edge.evidence) {
    if (std::isfinite(e.confidence)) best = std::max(best, e.confidence);
  }
  return best;
}

}  // namespace exporters_internal
}  // namespace newsgraph
