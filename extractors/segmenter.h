// SegmenterStage: tokens and sentences over the Document's regions.
// Provides: tokens, sentences. Stateless, so thread-safe.
#ifndef NEWSGRAPH_EXTRACTORS_SEGMENTER_H_
#define NEWSGRAPH_EXTRACTORS_SEGMENTER_H_

#include "extractors/pipeline.h"

namespace newsgraph {

class SegmenterStage : public Stage {
 public:
  std::string Name() const override { return "segmenter"; }
  std::vector<std::string> Requires() const override { return {layer::kRegions}; }
  std::vector<std::string> Provides() const override {
    return {layer::kTokens, layer::kSentences};
  }
  void Run(Document& doc, DocumentState& state,
           KnowledgeGraph& graph) const override;
};

// Splits doc.text[region] into sentences appended to doc (tokens too), and
// lowers the region's bytes into doc.lower_text.
// A sentence ends at . ! ? (with closing quotes and brackets) before a
// capital, digit or quote, at a blank line, or at the region's end;
// abbreviations and initials keep their dot inside the token and so never
// end a sentence. A sentence longer than 200 tokens is cut there.
void SegmentRegion(Document& doc, const Region& region);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACTORS_SEGMENTER_H_
