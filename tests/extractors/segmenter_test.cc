#include "extractors/segmenter.h"

#include <gtest/gtest.h>

#include "extractors/document_state.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Document doc;
  doc.text = text;
  SegmentRegion(doc, {Region::Kind::kBody, {0, text.size()}});
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Text(s.span));
  return out;
}

TEST(SegmenterTest, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(Sentences("The U.S. Secretary met Dr. Li on Jan. 5 in Washington. He left."),
            (std::vector<std::string>{"The U.S. Secretary met Dr. Li on Jan. 5 in Washington.",
                                      "He left."}));
}

TEST(SegmenterTest, QuotesStayWithTheirSentenceAndBlankLinesSplit) {
  EXPECT_EQ(Sentences("He said \"no.\" Then she spoke\n\nA new paragraph"),
            (std::vector<std::string>{"He said \"no.\"", "Then she spoke",
                                      "A new paragraph"}));
}

TEST(SegmenterTest, LowercaseAfterPeriodContinues) {
  EXPECT_EQ(Sentences("It rose 2.5 pct. in March. Prices fell."),
            (std::vector<std::string>{"It rose 2.5 pct. in March.", "Prices fell."}));
}

TEST(SegmenterTest, LowerTextMirrorsTheTextInsideRegions) {
  Document doc;
  doc.text = "\xC3\x89" "COLE Paris\n\nIran's FM Zarif";
  doc.regions = {{Region::Kind::kTitle, {0, 12}},
                 {Region::Kind::kBody, {14, doc.text.size()}}};
  DocumentState state;
  KnowledgeGraph graph;
  SegmenterStage().Run(doc, state, graph);
  ASSERT_EQ(doc.lower_text.size(), doc.text.size());
  std::vector<std::string> lower;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    lower.emplace_back(doc.LowerTokenText(i));
  }
  // Only ASCII letters change; bytes keep their offsets.
  EXPECT_EQ(lower, (std::vector<std::string>{"\xC3\x89" "cole", "paris", "iran",
                                             "'s", "fm", "zarif"}));
}

}  // namespace
}  // namespace newsgraph
