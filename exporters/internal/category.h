// The external spelling of a RelationCategory, shared by the writers.
// Internal to exporters/.
#ifndef NEWSGRAPH_EXPORTERS_INTERNAL_CATEGORY_H_
#define NEWSGRAPH_EXPORTERS_INTERNAL_CATEGORY_H_

#include <string_view>

#include "graph/schema.h"

namespace newsgraph {
namespace exporters_internal {

// "interaction" or "structural".
// TODO(graph): move to graph/schema.h as Name(RelationCategory), so that the
// schema table stays the one place that spells kinds.
inline std::string_view CategoryName(RelationCategory category) {
  return category == RelationCategory::kInteraction ? "interaction"
                                                    : "structural";
}

}  // namespace exporters_internal
}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORTERS_INTERNAL_CATEGORY_H_
