#include "exporters/internal/text.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/exporters/test_graphs.h"

namespace newsgraph {
namespace exporters_internal {
namespace {

std::string Text(std::string_view in) {
  std::string out;
  AppendXmlEscaped(in, XmlContext::kText, &out);
  return out;
}

std::string Attribute(std::string_view in) {
  std::string out;
  AppendXmlEscaped(in, XmlContext::kAttribute, &out);
  return out;
}

std::string Clean(std::string_view in) {
  std::string out;
  AppendCleanText(in, &out);
  return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

TEST(XmlEscapeTest, EscapesMarkupCharacters) {
  EXPECT_EQ(Text("< & \" ' ]]> --"), "&lt; &amp; &quot; &apos; ]]&gt; --");
  EXPECT_EQ(Attribute("a<b&c\"d'e>"), "a&lt;b&amp;c&quot;d&apos;e&gt;");
  EXPECT_EQ(Text("&amp;"), "&amp;amp;");
}

TEST(XmlEscapeTest, ForbiddenControlsBecomeSpaces) {
  EXPECT_EQ(Text(std::string("a\0b", 3)), "a b");
  EXPECT_EQ(Text("\x01\x08\x0B\x0C\x0E\x1F|"), "      |");
  EXPECT_EQ(Text("del\x7F"), "del\x7F");  // XML 1.0 allows DEL
}

TEST(XmlEscapeTest, KeepsTabAndLfInTextAndEscapesCr) {
  EXPECT_EQ(Text("a\tb\nc\rd\r\n"), "a\tb\nc&#13;d&#13;\n");
}

TEST(XmlEscapeTest, EscapesTabLfCrInAttributes) {
  EXPECT_EQ(Attribute("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
}

TEST(XmlEscapeTest, InvalidUtf8BecomesOneReplacementPerMaximalSubpart) {
  EXPECT_EQ(Text("\xFF"), kFffd);
  EXPECT_EQ(Text("a\xC3"), "a" + kFffd);       // truncated at the end
  EXPECT_EQ(Text("\xE2\x82!"), kFffd + "!");   // truncated in the middle
  EXPECT_EQ(Text("\xC0\xAF"), kFffd + kFffd);  // overlong
  EXPECT_EQ(Text("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // surrogate
  EXPECT_EQ(Text("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(Text("\x80x"), kFffd + "x");  // lone continuation
}

TEST(XmlEscapeTest, NoncharactersFffeFfffBecomeSpaces) {
  EXPECT_EQ(Text("a\xEF\xBF\xBE"
                 "b\xEF\xBF\xBF"
                 "c"),
            "a b c");
  EXPECT_EQ(Text("\xEF\xBF\xBD"), kFffd);  // U+FFFD itself is fine
}

TEST(XmlEscapeTest, RtlMarksEmojiAndOtherScriptsPassThrough) {
  const std::string text =
      "\xE2\x80\x8F\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3\xE2\x80\xAE "
      "\xF0\x9F\x98\x80 \xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 \xE4\xB8\xAD "
      "K\xC3\xB6ln \xEF\xBB\xBF";
  EXPECT_EQ(Text(text), text);
  EXPECT_EQ(Clean(text), text);
}

TEST(CleanTextTest, RepairsWithoutEscaping) {
  EXPECT_EQ(Clean(testing_graphs::NastyText()),
            testing_graphs::NastyTextCleaned());
  EXPECT_EQ(Clean("<&>\"'\r\n\t"), "<&>\"'\r\n\t");
}

TEST(CleanTextTest, ReturnsTheInputWhenNothingNeedsRepair) {
  std::string scratch = "old";
  const std::string in = "fine \xF0\x9F\x98\x80 text";
  std::string_view out = CleanText(in, &scratch);
  EXPECT_EQ(out.data(), in.data());
  EXPECT_EQ(CleanText("bad\xFF", &scratch), "bad" + kFffd);
}

TEST(NumberTest, DoublesAreShortestRoundTrip) {
  auto text = [](double v) {
    std::string out;
    AppendDouble(v, &out);
    return out;
  };
  EXPECT_EQ(text(0.9), "0.9");
  EXPECT_EQ(text(1.0), "1");
  EXPECT_EQ(text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(text(1e-7), "1e-07");
}

TEST(NumberTest, DecimalsUseNoExponent) {
  auto text = [](double v) {
    std::string out;
    AppendDecimal(v, &out);
    return out;
  };
  EXPECT_EQ(text(0.9), "0.9");
  EXPECT_EQ(text(1.0), "1");
  EXPECT_EQ(text(1e-7), "0.0000001");
}

TEST(NumberTest, Unsigned) {
  std::string out;
  AppendUint(18446744073709551615u, &out);
  EXPECT_EQ(out, "18446744073709551615");
}

TEST(DateTest, IsIsoDate) {
  EXPECT_TRUE(IsIsoDate("2014-03-01"));
  EXPECT_FALSE(IsIsoDate("2014-03"));
  EXPECT_FALSE(IsIsoDate("2014-13-01"));
  EXPECT_FALSE(IsIsoDate("2014-03-00"));
  EXPECT_FALSE(IsIsoDate("2014/03/01"));
  EXPECT_FALSE(IsIsoDate("20140301"));
}

}  // namespace
}  // namespace exporters_internal
}  // namespace newsgraph
