// TimeExpressionStage: the date each sentence talks about, resolved against
// the article's date ("on Sunday" in an article of Monday 2014-12-22 is
// 2014-12-21; "last week", "earlier this month", "in November", "December
// 21, 2014"). Provides sentence dates in DocumentState::sentence_dates:
// "YYYY-MM-DD", "YYYY-MM" for a month, or the article date when the
// sentence names none. Stateless, so thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_TIME_EXPRESSIONS_H_
#define NEWSGRAPH_EXTRACTORS_TIME_EXPRESSIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/pipeline.h"

namespace newsgraph {

inline constexpr const char kSentenceDatesLayer[] = "sentence-dates";

class TimeExpressionStage : public Stage {
 public:
  std::string Name() const override { return "time-expressions"; }
  std::vector<std::string> Requires() const override { return {layer::kSentences}; }
  std::vector<std::string> Provides() const override { return {kSentenceDatesLayer}; }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;
};

// The date named by the words `tokens` (lowercase) starting at `i`,
// resolved against `anchor` (YYYY-MM-DD); empty when none starts there.
// Sets *consumed to the number of tokens used.
std::string ResolveTimeExpression(const std::vector<std::string>& tokens,
                                  size_t i, const std::string& anchor,
                                  size_t* consumed);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_TIME_EXPRESSIONS_H_
