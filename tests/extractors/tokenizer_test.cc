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

TEST(TokenizerTest, LowerAsciiChangesOnlyAsciiCapitals) {
  // Every byte value, at every offset within an eight-byte word.
  std::string bytes;
  for (int c = 0; c < 256; ++c) bytes += static_cast<char>(c);
  for (size_t shift = 0; shift < 9; ++shift) {
    const std::string text = std::string(shift, 'Q') + bytes;
    std::string lowered(text.size(), '\0');
    LowerAscii(text.data(), text.size(), lowered.data());
    ASSERT_EQ(lowered.size(), text.size());
    for (size_t k = 0; k < text.size(); ++k) {
      const char c = text[k];
      const char expected =
          c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      EXPECT_EQ(lowered[k], expected) << "byte " << k << " shift " << shift;
    }
  }
  std::string in_place = "U.S. \xC3\x89lys\xC3\xA9" "e ABC-xyz [Z]@";
  LowerAscii(in_place.data(), in_place.size(), in_place.data());
  EXPECT_EQ(in_place, "u.s. \xC3\x89lys\xC3\xA9" "e abc-xyz [z]@");
  EXPECT_EQ(Lower("Jan. 5 NATO"), "jan. 5 nato");
}

TEST(TokenizerTest, AbbreviationsUpToTheLongestKeepTheirDot) {
  EXPECT_EQ(Words("Approx. 5 Thurs. Jr."),
            (std::vector<std::string>{"Approx.", "5", "Thurs.", "Jr."}));
  EXPECT_EQ(Words("Approxx. 5"),
            (std::vector<std::string>{"Approxx", ".", "5"}));
}

}  // namespace
}  // namespace newsgraph
