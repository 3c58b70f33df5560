// The lexicon files compiled into the library (generated at build time from
// extractors/lexicons/*.tsv by cmake/embed_lexicons.cmake).
#ifndef NEWSGRAPH_EXTRACTORS_BUILTIN_LEXICONS_H_
#define NEWSGRAPH_EXTRACTORS_BUILTIN_LEXICONS_H_

#include <string_view>
#include <vector>

namespace newsgraph {

struct BuiltinLexicon {
  std::string_view name;     // "lexicons/countries.tsv"
  std::string_view content;  // the file's bytes
};

// In a fixed order: countries, organizations, officials, titles, relations,
// events.
const std::vector<BuiltinLexicon>& BuiltinLexicons();

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_BUILTIN_LEXICONS_H_
