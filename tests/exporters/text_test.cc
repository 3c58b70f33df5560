#include "exporters/internal/text.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

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

std::string Escaped(std::string_view in, Escape escape) {
  std::string out(kMaxExpansion * in.size() + 8, '\0');
  out.resize(EscapeInto(in, escape, out.data()) - out.data());
  return out;
}

TEST(EscapeTest, JsonEscapesAsRapidJsonDid) {
  EXPECT_EQ(Escaped("a\"b\\c\td\ne\rf/<&>'", Escape::kJson),
            "a\\\"b\\\\c\\td\\ne\\rf/<&>'");
  EXPECT_EQ(Escaped(std::string("\0\x1F\x7F", 3), Escape::kJson), "  \x7F");
  EXPECT_EQ(Escaped("a\"b\\c\nd<&>'", Escape::kJsonInXmlText),
            "a\\&quot;b\\\\c\\nd&lt;&amp;&gt;&apos;");
  EXPECT_EQ(Escaped("x\xFF", Escape::kJson), "x" + kFffd);
}

TEST(EscapeTest, ReportsWhetherAnythingChanged) {
  char out[64];
  bool changed = true;
  EscapeInto("plain text, long enough", Escape::kXmlText, out, &changed);
  EXPECT_FALSE(changed);
  EscapeInto("K\xC3\xB6ln", Escape::kNone, out, &changed);
  EXPECT_FALSE(changed);
  EscapeInto("a<b", Escape::kNone, out, &changed);
  EXPECT_FALSE(changed);
  EscapeInto("a<b", Escape::kXmlText, out, &changed);
  EXPECT_TRUE(changed);
  EscapeInto("a\xEF\xBF\xBF", Escape::kNone, out, &changed);
  EXPECT_TRUE(changed);
}

// Random strings made of pieces whose output does not depend on their
// neighbours, so that the expected output is the pieces' outputs joined:
// this covers every position of every kind of byte relative to the eight
// bytes that the fast path looks at together, and the last eight.
TEST(EscapeTest, EveryPositionInAndAroundTheEightByteWords) {
  struct Piece {
    std::string in;
    std::string none, text, attribute, json, json_in_xml;
  };
  const std::string fffd = kFffd;
  const std::vector<Piece> pieces = {
      {"a", "a", "a", "a", "a", "a"},
      {"Z9", "Z9", "Z9", "Z9", "Z9", "Z9"},
      {" ", " ", " ", " ", " ", " "},
      {"&", "&", "&amp;", "&amp;", "&", "&amp;"},
      {"<", "<", "&lt;", "&lt;", "<", "&lt;"},
      {">", ">", "&gt;", "&gt;", ">", "&gt;"},
      {"\"", "\"", "&quot;", "&quot;", "\\\"", "\\&quot;"},
      {"'", "'", "&apos;", "&apos;", "'", "&apos;"},
      {"\\", "\\", "\\", "\\", "\\\\", "\\\\"},
      {"\t", "\t", "\t", "&#9;", "\\t", "\\t"},
      {"\n", "\n", "\n", "&#10;", "\\n", "\\n"},
      {"\r", "\r", "&#13;", "&#13;", "\\r", "\\r"},
      {"\x01", " ", " ", " ", " ", " "},
      {"\x7F", "\x7F", "\x7F", "\x7F", "\x7F", "\x7F"},
      {"\xC3\xA9", "\xC3\xA9", "\xC3\xA9", "\xC3\xA9", "\xC3\xA9",
       "\xC3\xA9"},
      {"\xE2\x82\xAC", "\xE2\x82\xAC", "\xE2\x82\xAC", "\xE2\x82\xAC",
       "\xE2\x82\xAC", "\xE2\x82\xAC"},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80",
       "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
      {"\xEF\xBF\xBE", " ", " ", " ", " ", " "},
      {"\xFF", fffd, fffd, fffd, fffd, fffd},
      {"\xC3", fffd, fffd, fffd, fffd, fffd},          // truncated
      {"\xE2\x82", fffd, fffd, fffd, fffd, fffd},      // truncated
      {"\xED\xA0", fffd + fffd, fffd + fffd, fffd + fffd, fffd + fffd,
       fffd + fffd},                                    // surrogate
  };
  uint64_t state = 12345;
  auto next = [&state](uint64_t n) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string in, none, text, attribute, json, json_in_xml;
    // Mostly plain letters, so that many words take the fast path.
    const uint64_t count = next(40);
    for (uint64_t i = 0; i < count; ++i) {
      const Piece& p = pieces[next(4) == 0 ? next(pieces.size()) : 0];
      in += p.in;
      none += p.none;
      text += p.text;
      attribute += p.attribute;
      json += p.json;
      json_in_xml += p.json_in_xml;
    }
    ASSERT_EQ(Escaped(in, Escape::kNone), none) << in;
    ASSERT_EQ(Escaped(in, Escape::kXmlText), text) << in;
    ASSERT_EQ(Escaped(in, Escape::kXmlAttribute), attribute) << in;
    ASSERT_EQ(Escaped(in, Escape::kJson), json) << in;
    ASSERT_EQ(Escaped(in, Escape::kJsonInXmlText), json_in_xml) << in;
    std::string scratch;
    ASSERT_EQ(std::string(CleanText(in, &scratch)), none) << in;
  }
}

TEST(NumberTest, JsonDoublesAsRapidJsonWritesThem) {
  auto text = [](double v) {
    std::string out;
    AppendJsonDouble(v, &out);
    return out;
  };
  EXPECT_EQ(text(0.7), "0.7");
  EXPECT_EQ(text(1.0), "1.0");
  EXPECT_EQ(text(0.0), "0.0");
  EXPECT_EQ(text(1e-7), "1e-7");
}

TEST(IriPathTest, PercentEncodesAllButUnreservedAndTurnsColonsIntoSlashes) {
  const std::string id = "country:USA/x y~\xC3\xA9";
  std::string out(3 * id.size(), '\0');
  out.resize(IriPathInto(id, out.data()) - out.data());
  EXPECT_EQ(out, "country/USA%2Fx%20y~%C3%A9");
}

TEST(OutputSinkTest, GrowsForLargeRecordsAndFlushesInOrder) {
  std::ostringstream stream;
  OutputSink sink(stream);
  std::string expected;
  const std::string big(3 << 20, 'x');  // larger than the initial buffer
  for (int i = 0; i < 3; ++i) {
    sink.Append("<r>");
    sink.AppendEscaped(big, Escape::kXmlText);
    sink.AppendUint(static_cast<uint64_t>(i));
    sink += '\n';
    expected += "<r>" + big + std::to_string(i) + "\n";
    sink.MaybeFlush();
  }
  EXPECT_TRUE(sink.Finish("test").ok());
  EXPECT_EQ(stream.str(), expected);
}

TEST(OutputSinkTest, AppendCopyRepeatsEarlierBytesEvenAfterGrowing) {
  std::ostringstream stream;
  OutputSink sink(stream);
  sink.Append("<a>");
  const size_t offset = sink.size();
  sink.Append("iri");
  sink.Append(std::string(2 << 20, 'y'));  // moves the buffer
  sink.AppendCopy(offset, 3);
  EXPECT_TRUE(sink.Finish("test").ok());
  EXPECT_EQ(stream.str(), "<a>iri" + std::string(2 << 20, 'y') + "iri");
}

TEST(OutputSinkTest, ReportsAFailedStream) {
  std::ostringstream stream;
  stream.setstate(std::ios::badbit);
  OutputSink sink(stream);
  sink.Append("lost");
  const Status status = sink.Finish("graphml");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.message().rfind("graphml: write failed", 0), 0u);
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
