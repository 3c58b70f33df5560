#include "extractors/tokenizer.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    out.emplace_back(text.substr(t.span.begin, t.span.size()));
  }
  return out;
}

TEST(TokenizerTest, KeepsAbbreviationsInitialsAndInnerPunctuation) {
  EXPECT_EQ(Words("U.S. officials met Dr. Smith on Jan. 5."),
            (std::vector<std::string>{"U.S.", "officials", "met", "Dr.", "Smith", "on",
                                      "Jan.", "5", "."}));
  EXPECT_EQ(Words("vice-president O'Brien paid $200,000"),
            (std::vector<std::string>{"vice-president", "O'Brien", "paid", "$", "200,000"}));
}

TEST(TokenizerTest, SplitsPossessivesAndCurlyQuotes) {
  EXPECT_EQ(Words("China\u2019s \u201Copposition\u201D, Kim's"),
            (std::vector<std::string>{"China", "\u2019s", "\u201C", "opposition", "\u201D",
                                      ",", "Kim", "'s"}));
}

TEST(TokenizerTest, OffsetsAreBytesIntoTheText) {
  std::string text = "Caf\u00e9 talks";
  auto tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].span.begin, 0u);
  EXPECT_EQ(tokens[0].span.end, 5u);  // "Café" is five bytes
  EXPECT_EQ(tokens[1].span.begin, 6u);
}

TEST(TokenizerTest, PhraseKeyLowercasesAndJoins) {
  EXPECT_EQ(PhraseKey("People's Republic  of China"), "people 's republic of china");
  EXPECT_TRUE(StartsUpper("\u00c9lys\u00e9e"));
  EXPECT_TRUE(AllUpper("FBI"));
  EXPECT_FALSE(AllUpper("Fbi"));
}

}  // namespace
}  // namespace newsgraph
