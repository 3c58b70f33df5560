#include "extractors/readers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph {
namespace {

using std::string_literals::operator""s;
using Strings = std::vector<std::string>;

// Each region as "T:text" (title) or "B:text" (body), in order.
Strings RegionTexts(const Document& doc) {
  Strings out;
  for (const Region& r : doc.regions) {
    out.push_back((r.kind == Region::Kind::kTitle ? "T:" : "B:") +
                  std::string(doc.Text(r.span)));
  }
  return out;
}

Strings Messages(const std::vector<Diagnostic>& diagnostics) {
  Strings out;
  for (const Diagnostic& d : diagnostics) {
    out.push_back(d.location + ": " + d.message);
  }
  return out;
}

const std::string kFffdText = "\xEF\xBF\xBD";  // U+FFFD

bool AnyRegionContains(const Document& doc, const std::string& needle) {
  for (const Region& r : doc.regions) {
    if (doc.Text(r.span).find(needle) != std::string_view::npos) return true;
  }
  return false;
}

// ---- Text -------------------------------------------------------------------

TEST(ReadTextTest, HeaderLines) {
  const std::string bytes =
      "Title: Sony hacked\n"
      "DATE: December 22, 2014\n"
      "source: AFP\n"
      "url: http://example.com/sony\n"
      "author: Someone\n"
      "\n"
      "First paragraph.\nStill the first.\n"
      "\n\n"
      "Second paragraph.\n";
  const Document doc = ReadText("corpus/dev/sony-afp.txt", bytes);
  EXPECT_EQ(doc.id, "sony-afp");
  EXPECT_EQ(doc.origin, "corpus/dev/sony-afp.txt");
  EXPECT_EQ(doc.title, "Sony hacked");
  EXPECT_EQ(doc.date, "2014-12-22");
  EXPECT_EQ(doc.source, "AFP");
  EXPECT_EQ(doc.url, "http://example.com/sony");
  EXPECT_EQ(doc.text, bytes);  // clean input: offsets are file offsets
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"T:Sony hacked", "B:First paragraph.\nStill the first.",
                     "B:Second paragraph."}));
  EXPECT_EQ(doc.regions[0].span.begin, 7u);
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(ReadTextTest, HeaderDateNotUnderstood) {
  const Document doc =
      ReadText("a.txt", "title: T\ndate: sometime soon\n\nBody.\n");
  EXPECT_EQ(doc.date, "");
  EXPECT_EQ(Messages(doc.diagnostics),
            (Strings{"a.txt:2: date \"sometime soon\" not understood"}));
}

TEST(ReadTextTest, HeaderIdOverridesTheFileName) {
  const Document doc = ReadText("a.txt", "id: story-9\ntitle: T\n\nBody.\n");
  EXPECT_EQ(doc.id, "story-9");
}

TEST(ReadTextTest, BylineOpeningAHeaderBodyIsLeftOut) {
  const Document doc = ReadText(
      "a.txt", "title: Clash at WTO\n\nBy Tom Miles\n\nSouth Korea tried.\n");
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"T:Clash at WTO", "B:South Korea tried."}));
}

TEST(ReadTextTest, HeaderWithoutBody) {
  const Document doc = ReadText("a.txt", "title: Only a title\n");
  EXPECT_EQ(RegionTexts(doc), (Strings{"T:Only a title"}));
}

TEST(ReadTextTest, UnknownKeysAloneAreNotAHeader) {
  const Document doc =
      ReadText("a.txt", "Note: nothing here is a header\nAt all.\n");
  EXPECT_EQ(doc.title, "");
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"B:Note: nothing here is a header\nAt all."}));
}

// The shape of a page scraped from China Daily: title, "Updated:" line,
// byline with the outlet in parentheses, share buttons, then paragraphs.
TEST(ReadTextTest, ScrapedPage) {
  const std::string bytes =
      "Talks stall over tariffs; no deal yet\n"
      "\n"
      "Updated: 2015-03-02 10:15\n"
      "\n"
      "By LI MING(Example Daily)\n"
      "\n"
      "\xC2\xA0 Print Mail Large Medium\xC2\xA0 Small "
      "\xE5\x88\x86\xE4\xBA\xAB\xE6\x8C\x89\xE9\x92\xAE 0\n"
      "\n"
      "Beijing and Washington ended two days of talks on Monday.\n"
      "\n"
      "\"We will meet again,\" a spokeswoman said.\n"
      "\n"
      "Share this article\n";
  const Document doc = ReadText("scraped/example-daily.txt", bytes);
  EXPECT_EQ(doc.id, "example-daily");
  EXPECT_EQ(doc.title, "Talks stall over tariffs; no deal yet");
  EXPECT_EQ(doc.date, "2015-03-02");
  EXPECT_EQ(doc.source, "Example Daily");
  EXPECT_EQ(doc.text, bytes);
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"T:Talks stall over tariffs; no deal yet",
                     "B:Beijing and Washington ended two days of talks on "
                     "Monday.",
                     "B:\"We will meet again,\" a spokeswoman said."}));
  EXPECT_FALSE(AnyRegionContains(doc, "Updated"));
  EXPECT_FALSE(AnyRegionContains(doc, "LI MING"));
  EXPECT_FALSE(AnyRegionContains(doc, "Print"));
  EXPECT_FALSE(AnyRegionContains(doc, "Share"));
}

TEST(ReadTextTest, ScrapedPageWithoutBlankLinesAndABareDate) {
  const Document doc =
      ReadText("a.txt",
               "Minister visits Paris\nDecember 22, 2014\nBy Jane Doe\n"
               "The minister arrived on Monday.\nShe met her counterpart.\n");
  EXPECT_EQ(doc.date, "2014-12-22");
  EXPECT_EQ(doc.source, "");
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"T:Minister visits Paris",
                     "B:The minister arrived on Monday.\nShe met her "
                     "counterpart."}));
}

TEST(ReadTextTest, DatesAndBylinesInsideTheArticleAreText) {
  const Document doc = ReadText(
      "a.txt",
      "A title\n\nFirst paragraph.\n\nBy Jane Doe\n\nDecember 22, 2014\n");
  EXPECT_EQ(doc.date, "");
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"T:A title", "B:First paragraph.", "B:By Jane Doe",
                     "B:December 22, 2014"}));
}

TEST(ReadTextTest, PlainTextIsOneBodyRegion) {
  const std::string bytes =
      "Showers continued throughout the week in\n"
      "the Bahia cocoa zone, alleviating the drought.\n"
      "    The dry period means the temporao will be late.\n\n";
  const Document doc = ReadText("reut-1.text", bytes);
  EXPECT_EQ(doc.id, "reut-1");
  EXPECT_EQ(doc.title, "");
  ASSERT_EQ(doc.regions.size(), 1u);
  EXPECT_EQ(doc.regions[0].kind, Region::Kind::kBody);
  EXPECT_EQ(doc.regions[0].span.begin, 0u);
  EXPECT_EQ(doc.regions[0].span.end, bytes.size() - 2);
}

TEST(ReadTextTest, ASingleLineIsBodyNotTitle) {
  const Document doc = ReadText("a.txt", "Sony hacked\n");
  EXPECT_EQ(RegionTexts(doc), (Strings{"B:Sony hacked"}));
}

TEST(ReadTextTest, FinalPeriodMeansNoTitle) {
  const Document doc = ReadText("a.txt", "It rained.\n\nThen it stopped.\n");
  EXPECT_EQ(RegionTexts(doc), (Strings{"B:It rained.\n\nThen it stopped."}));
}

TEST(ReadTextTest, EmptyAndBlankInput) {
  EXPECT_TRUE(ReadText("a.txt", "").regions.empty());
  EXPECT_TRUE(ReadText("a.txt", " \n\n\t\n").regions.empty());
}

TEST(ReadTextTest, RepairsAtTheBoundary) {
  const Document doc = ReadText(
      "a.txt", "\xEF\xBB\xBFtitle: T\r\n\r\nBad\xFF byte\0 here.\r\n"s);
  EXPECT_EQ(doc.text, "title: T\n\nBad\xEF\xBF\xBD byte  here.\n");
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"T:T", "B:Bad\xEF\xBF\xBD byte  here."}));
  EXPECT_EQ(Messages(doc.diagnostics),
            (Strings{"a.txt:offset 0: UTF-8 byte order mark removed",
                     "a.txt:offset 18: 1 invalid UTF-8 sequence replaced by "
                     "U+FFFD",
                     "a.txt:offset 24: 1 NUL character replaced by a space",
                     "a.txt:offset 11: 3 CR line endings converted to LF"}));
}

TEST(ReadTextTest, Utf16File) {
  std::string bytes = "\xFF\xFE";
  for (char c : "title: T\r\n\r\nBody.") {
    if (c != '\0') bytes += std::string{c, '\0'};
  }
  const Document doc = ReadText("a.txt", bytes);
  EXPECT_EQ(doc.text, "title: T\n\nBody.");
  EXPECT_EQ(RegionTexts(doc), (Strings{"T:T", "B:Body."}));
}

TEST(DocumentIdFromOriginTest, StripsDirectoriesAndExtension) {
  EXPECT_EQ(DocumentIdFromOrigin("a/b/chinadaily-sony-2014.txt"),
            "chinadaily-sony-2014");
  EXPECT_EQ(DocumentIdFromOrigin("C:\\news\\x.html"), "x");
  EXPECT_EQ(DocumentIdFromOrigin("noext"), "noext");
  EXPECT_EQ(DocumentIdFromOrigin("dir.d/.hidden"), ".hidden");
}

// ---- HTML -------------------------------------------------------------------

TEST(ReadHtmlTest, ArticlePage) {
  const std::string page = R"(<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Sony hack: China speaks | Example News</title>
<meta property="og:title" content="China opposes &quot;cyberattacks&quot;">
<meta property="article:published_time" content="2014-12-22T08:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.com/a?x=1&amp;y=2">
<style>p { color: red; }</style>
<script>var s = "<p>not text</p>";</script>
</head>
<body class="nav-open">
<header><a href="/">Home</a> Example News</header>
<nav><ul><li>World</li><li>Business</li></ul></nav>
<article>
  <h1>China   opposes
      cyberattacks</h1>
  <div class="byline share-tools">Share on Facebook</div>
  <p>China&rsquo;s foreign minister said &ldquo;no&rdquo; &mdash; twice&hellip;</p>
  <!-- a comment <p>hidden</p> -->
  <p>Caf&eacute; talks: 3 &lt; 5 &amp;&amp; AT&T&nbsp;rose.<br>A new line.</p>
  <script>document.write("<p>no</p>")</script>
  <aside>Related: other news</aside>
  <p hidden>Hidden paragraph</p>
</article>
<div id="comments">Comment 1</div>
<footer>Copyright</footer>
</body></html>)";
  const Document doc = ReadHtml("pages/china-sony.html", page);
  EXPECT_EQ(doc.id, "china-sony");
  EXPECT_EQ(doc.title, "China opposes \"cyberattacks\"");
  EXPECT_EQ(doc.date, "2014-12-22");
  EXPECT_EQ(doc.source, "Example News");
  EXPECT_EQ(doc.url, "https://example.com/a?x=1&y=2");
  EXPECT_EQ(
      doc.text,
      "China opposes \"cyberattacks\"\n\n"
      "China opposes cyberattacks\n\n"
      "China\xE2\x80\x99s foreign minister said \xE2\x80\x9Cno\xE2\x80\x9D "
      "\xE2\x80\x94 twice\xE2\x80\xA6\n\n"
      "Caf\xC3\xA9 talks: 3 < 5 && AT&T rose.\nA new line.");
  EXPECT_EQ(RegionTexts(doc),
            (Strings{"T:China opposes \"cyberattacks\"",
                     "B:China opposes cyberattacks",
                     "B:China\xE2\x80\x99s foreign minister said "
                     "\xE2\x80\x9Cno\xE2\x80\x9D \xE2\x80\x94 "
                     "twice\xE2\x80\xA6",
                     "B:Caf\xC3\xA9 talks: 3 < 5 && AT&T rose.\nA new line."}));
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(ReadHtmlTest, BodyWithoutArticleAndTitleElement) {
  const Document doc = ReadHtml("a.html",
                                "<html><head><title> Plain\n page </title>"
                                "</head><body><div>One</div>two<p>three</p>"
                                "<ul><li>four<li>five</ul>"
                                "<table><tr><td>a</td><td>b</td></tr></table>"
                                "</body></html>");
  EXPECT_EQ(doc.title, "Plain page");
  EXPECT_EQ(doc.text,
            "Plain page\n\nOne\n\ntwo\n\nthree\n\nfour\n\nfive\n\na b");
  EXPECT_EQ(doc.regions.size(), 7u);
}

TEST(ReadHtmlTest, HeadingRepeatingTheTitleIsKeptOnce) {
  const Document doc = ReadHtml(
      "a.html", "<title>Sony hacked</title><h1>Sony  hacked</h1><p>Body.</p>");
  EXPECT_EQ(doc.text, "Sony hacked\n\nBody.");
  EXPECT_EQ(RegionTexts(doc), (Strings{"T:Sony hacked", "B:Body."}));
  EXPECT_EQ(ReadHtml("a.html", "<title>Sony</title><h1>Sony hacked</h1>").text,
            "Sony\n\nSony hacked");
  EXPECT_EQ(ReadHtml("a.html", "<title>Sony</title><h1>Sony</h1>").text,
            "Sony");
}

TEST(ReadHtmlTest, NoTitleMeansOnlyBody) {
  const Document doc = ReadHtml("a.html", "<p>Just text.</p>");
  EXPECT_EQ(doc.title, "");
  EXPECT_EQ(doc.text, "Just text.");
  EXPECT_EQ(RegionTexts(doc), (Strings{"B:Just text."}));
}

TEST(ReadHtmlTest, FurnitureByClassAndIdIsDropped) {
  const Document doc = ReadHtml(
      "a.html",
      "<div class=\"main-menu\">Menu</div><div id=\"socialLinks\">Tweet</div>"
      "<div class=\"ad\">Buy</div><div class=\"advert-slot\">Buy</div>"
      "<div class=\"related-stories\">Other</div><p style=\"display: none\">X"
      "</p><div role=\"navigation\">Nav</div><div class=\"commentary\">Kept"
      "</div><div class=\"shared-story\">Also kept</div>");
  EXPECT_EQ(doc.text, "Kept\n\nAlso kept");
}

TEST(ReadHtmlTest, CharacterReferences) {
  const Document doc =
      ReadHtml("a.html",
               "<p>&#65;&#x42;&#X43; &#150;&#x92; &eacute;&Eacute;&copy;&euro; "
               "&unknown; &amp &lt &#; & x &ampx</p>");
  EXPECT_EQ(doc.text,
            "ABC \xE2\x80\x93\xE2\x80\x99 \xC3\xA9\xC3\x89\xC2\xA9\xE2\x82\xAC "
            "&unknown; & < &#; & x &ampx");
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(ReadHtmlTest, InvalidCharacterReferencesAreReplaced) {
  const std::string page =
      "<p>a&#0;b&#xD800;c&#x110000;d&#99999999999;e&#1;f&#x1F;g&#xFFFE;</p>";
  const Document doc = ReadHtml("a.html", page);
  EXPECT_EQ(doc.text,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD"
            "d\xEF\xBF\xBD"
            "e f g");
  EXPECT_EQ(Messages(doc.diagnostics),
            (Strings{"a.html:offset 4: 4 invalid character references "
                     "replaced by U+FFFD",
                     "a.html:offset 44: 3 character references to control "
                     "characters replaced by spaces"}));
}

TEST(ReadHtmlTest, DeeplyNestedUnclosedTags) {
  std::string page;
  for (int i = 0; i < 200000; ++i) page += "<div><span>";
  page += "deep text";
  for (int i = 0; i < 1000; ++i) page += "</b></div>";
  page += "<p>after";
  const Document doc = ReadHtml("a.html", page);
  EXPECT_EQ(doc.text, "deep text\n\nafter");
}

TEST(ReadHtmlTest, UnclosedElements) {
  const Document doc =
      ReadHtml("a.html", "<p>one<p>two<div>three<li>four<article>five");
  EXPECT_EQ(doc.text, "five");  // an <article> wins, closed or not
  const Document doc2 = ReadHtml("a.html", "<p>one<p>two<div>three<li>four");
  EXPECT_EQ(doc2.text, "one\n\ntwo\n\nthree\n\nfour");
}

TEST(ReadHtmlTest, UnclosedComment) {
  const Document doc =
      ReadHtml("a.html", "<p>before</p><!-- never closed <p>after</p>");
  EXPECT_EQ(doc.text, "before");
  EXPECT_EQ(Messages(doc.diagnostics),
            (Strings{"a.html:offset 13: comment not closed: the rest of the "
                     "page is ignored"}));
}

TEST(ReadHtmlTest, LessThanInText) {
  const Document doc =
      ReadHtml("a.html", "<p>if x < 5 or <3 or <= 2 or <> or </ >end</p>");
  EXPECT_EQ(doc.text, "if x < 5 or <3 or <= 2 or <> or end");
}

TEST(ReadHtmlTest, TagsCutOffOrStrange) {
  EXPECT_EQ(ReadHtml("a.html", "<p>text<a href=\"x").text, "text");
  EXPECT_EQ(ReadHtml("a.html", "<p title=\"a>b\" data-x='<p>'>text</p>").text,
            "text");
  EXPECT_EQ(ReadHtml("a.html", "<P CLASS=x>Upper</P ><BR/>case").text,
            "Upper\n\ncase");
  EXPECT_EQ(ReadHtml("a.html", "<?xml version=\"1.0\"?><p>x</p>").text, "x");
  EXPECT_EQ(ReadHtml("a.html", "<p>a</p><script>var x = '<p>b</p>'").text, "a");
  EXPECT_EQ(ReadHtml("a.html", "<p>a</p><style>p{}</STYLE >b").text, "a\n\nb");
  EXPECT_EQ(ReadHtml("a.html", "x<br>y</br>z").text, "x\ny\nz");
}

TEST(ReadHtmlTest, UnclosedTitleDoesNotSwallowThePage) {
  const Document doc = ReadHtml("a.html", "<title>Broken <p>Body text");
  EXPECT_EQ(doc.title, "Broken");
  EXPECT_EQ(doc.text, "Broken\n\nBody text");
}

TEST(ReadHtmlTest, DatesFromJsonLdAndTime) {
  EXPECT_EQ(ReadHtml("a.html",
                     "<script type=\"application/ld+json\">{\"@type\": "
                     "\"NewsArticle\", \"datePublished\" : "
                     "\"2019-01-23T10:00:00Z\"}</script><p>x")
                .date,
            "2019-01-23");
  EXPECT_EQ(
      ReadHtml("a.html", "<p><time datetime=\"2018-06-12\">June 12</time> x")
          .date,
      "2018-06-12");
  EXPECT_EQ(ReadHtml("a.html",
                     "<meta name=\"pubdate\" content=\"Mon, 22 Dec 2014 "
                     "10:00:00 GMT\"><time datetime=\"2018-06-12\">")
                .date,
            "2014-12-22");
}

TEST(ReadHtmlTest, RepairsTheBytesFirst) {
  const Document doc = ReadHtml("a.html", "<p>bad\xFF</p>\0"s);
  EXPECT_EQ(doc.text, "bad\xEF\xBF\xBD");
  EXPECT_EQ(Messages(doc.diagnostics),
            (Strings{"a.html:offset 6: 1 invalid UTF-8 sequence replaced by "
                     "U+FFFD",
                     "a.html:offset 11: 1 NUL character replaced by a space"}));
}

// Found by fuzzing (fuzz_html_reader): "&#13;" in the canonical link put a
// CR into Document::url, which every other metadata value is spared.
TEST(ReadHtmlTest, CanonicalUrlWithCrReferenceHasNoLineBreak) {
  EXPECT_EQ(ReadHtml("a.html",
                     "<link rel=\"canonical\" href=\" https://x/a&#13;&#10;b "
                     "\"><p>x")
                .url,
            "https://x/a b");
}

// Found by fuzz_export_roundtrip: a document id taken from a file name kept
// the name's bytes, invalid UTF-8 and controls included, and two such ids
// that the exporters repair alike made a graph that could not be read back.
TEST(DocumentIdTest, IdsFromFileNamesAreValidUtf8) {
  EXPECT_EQ(ReadText("dir/caf\xE9\x01.txt", "x").id, "caf\xEF\xBF\xBD ");
  EXPECT_EQ(ReadHtml("dir/caf\xE9.html", "x").id, "caf\xEF\xBF\xBD");
  const StatusOr<Document> doc =
      ReadJsonLine("dir/caf\xE9.jsonl", 4, "{\"text\": \"x\"}");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "dir/caf\xEF\xBF\xBD.jsonl:4");
}

TEST(ReadHtmlTest, EmptyPage) {
  const Document doc = ReadHtml("a.html", "");
  EXPECT_EQ(doc.text, "");
  EXPECT_TRUE(doc.regions.empty());
}

// ---- JSON Lines -------------------------------------------------------------

TEST(ReadJsonLineTest, FullRecord) {
  const StatusOr<Document> doc = ReadJsonLine(
      "corpus/r.jsonl", 3,
      R"({"id": 7, "title": "BAHIA  COCOA\nREVIEW", "text": "Showers continued.\n\n)"
      R"(Arrivals rose.", "date": "26-FEB-1987 15:01:01.79", "source": )"
      R"({"name": "Reuters"}, "url": "http://r/7", "topics": ["cocoa"]})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->id, "7");
  EXPECT_EQ(doc->origin, "corpus/r.jsonl:3");
  EXPECT_EQ(doc->title, "BAHIA COCOA REVIEW");
  EXPECT_EQ(doc->date, "1987-02-26");
  EXPECT_EQ(doc->source, "Reuters");
  EXPECT_EQ(doc->url, "http://r/7");
  EXPECT_EQ(doc->text,
            "BAHIA COCOA REVIEW\n\nShowers continued.\n\nArrivals rose.");
  EXPECT_EQ(RegionTexts(*doc),
            (Strings{"T:BAHIA COCOA REVIEW", "B:Showers continued.",
                     "B:Arrivals rose."}));
  EXPECT_TRUE(doc->diagnostics.empty());
}

TEST(ReadJsonLineTest, AlternativeFieldNames) {
  const StatusOr<Document> doc = ReadJsonLine(
      "x.jsonl", 1,
      R"({"headline": "H", "body": "B.", "publishedAt": "2020-01-03T10:00Z",)"
      R"( "link": "http://l", "source": "Wire"})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->id, "http://l");
  EXPECT_EQ(doc->url, "http://l");
  EXPECT_EQ(doc->title, "H");
  EXPECT_EQ(doc->date, "2020-01-03");
  EXPECT_EQ(doc->source, "Wire");
  EXPECT_EQ(doc->text, "H\n\nB.");
}

TEST(ReadJsonLineTest, NoTitleNoIdUnixTime) {
  const StatusOr<Document> doc = ReadJsonLine(
      "x.jsonl", 4, R"({"content": "Only text.", "time": 1419300000})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->id, "x.jsonl:4");
  EXPECT_EQ(doc->date, "2014-12-23");
  EXPECT_EQ(doc->text, "Only text.");
  EXPECT_EQ(RegionTexts(*doc), (Strings{"B:Only text."}));
}

TEST(ReadJsonLineTest, EmptyTextWithTitleIsATitleAlone) {
  const StatusOr<Document> doc =
      ReadJsonLine("r.jsonl", 30, R"({"title": "ASSETS ROSE", "text": ""})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text, "ASSETS ROSE");
  EXPECT_EQ(RegionTexts(*doc), (Strings{"T:ASSETS ROSE"}));
}

TEST(ReadJsonLineTest, DateNotUnderstood) {
  const StatusOr<Document> doc =
      ReadJsonLine("x.jsonl", 2, R"({"text": "T.", "date": "2004-2005"})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->date, "");
  EXPECT_EQ(Messages(doc->diagnostics),
            (Strings{"x.jsonl:2: date \"2004-2005\" not understood"}));
}

// The reader parses a line in place; a byte order mark opening it is still
// passed over and counted in the column, and a NUL byte still ends it.
TEST(ReadJsonLineTest, ByteOrderMarkAndNulReadAsBeforeParsingInPlace) {
  auto error = [](std::string_view line) {
    StatusOr<Document> doc = ReadJsonLine("c.jsonl", 12, line);
    return doc.ok() ? std::string("ok") : doc.status().message();
  };
  EXPECT_EQ(error("\xEF\xBB\xBF{\"text\": \"a\"}"), "ok");
  EXPECT_EQ(error("\xEF\xBB\xBF{\"text\": \"a\" \"title\": \"b\"}"),
            "c.jsonl:12: invalid JSON at column 17: missing a comma or '}' "
            "after an object member");
  EXPECT_EQ(error(std::string_view("{\"text\": \"a\"}\0{}", 16)), "ok");
  EXPECT_EQ(error(std::string_view("{\"text\": \0\"a\"}", 14)),
            "c.jsonl:12: invalid JSON at column 10: invalid value");
}

TEST(ReadJsonLineTest, Errors) {
  auto error = [](std::string_view line) {
    StatusOr<Document> doc = ReadJsonLine("c.jsonl", 12, line);
    return doc.ok() ? std::string("ok") : doc.status().message();
  };
  EXPECT_EQ(error(""), "c.jsonl:12: empty line");
  EXPECT_EQ(error(" \t"), "c.jsonl:12: empty line");
  EXPECT_EQ(error("not json"),
            "c.jsonl:12: invalid JSON at column 2: invalid value");
  EXPECT_EQ(error(R"({"text": "a" "title": "b"})"),
            "c.jsonl:12: invalid JSON at column 14: missing a comma or '}' "
            "after an object member");
  EXPECT_EQ(error(R"({"text": "unterminated)"),
            "c.jsonl:12: invalid JSON at column 23: missing a closing "
            "quotation mark in string");
  EXPECT_EQ(error(R"({"text": "a"} {})"),
            "c.jsonl:12: invalid JSON at column 15: the document root must "
            "not be followed by other values");
  EXPECT_EQ(error("[1, 2]"),
            "c.jsonl:12: expected a JSON object, got an array");
  EXPECT_EQ(error("\"text\""),
            "c.jsonl:12: expected a JSON object, got a string");
  EXPECT_EQ(error(R"({"title": "T"})"),
            "c.jsonl:12: no \"text\", \"body\", \"content\" or \"article\" "
            "field");
  EXPECT_EQ(error(R"({"text": null})"),
            "c.jsonl:12: no \"text\", \"body\", \"content\" or \"article\" "
            "field");
  EXPECT_EQ(error(R"({"body": 42})"),
            "c.jsonl:12: field \"body\" is a number, not a string");
  EXPECT_EQ(error(R"({"text": "", "title": "  "})"),
            "c.jsonl:12: empty text and no title");
}

TEST(ReadJsonLineTest, RepairsEscapedAndRawDamage) {
  const StatusOr<Document> doc =
      ReadJsonLine("c.jsonl", 5,
                   "{\"title\": \"T\", \"text\": \"a\\u0000b\\u0001c\xFF"
                   "d\\ud83d\\ude00e\\ud800f\\udc00g\th\"}");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text,
            "T\n\na b c\xEF\xBF\xBD"
            "d\xF0\x9F\x98\x80"
            "e\xEF\xBF\xBD"
            "f\xEF\xBF\xBD"
            "g h");
  EXPECT_EQ(Messages(doc->diagnostics),
            (Strings{"c.jsonl:5: 2 unpaired surrogate escapes replaced by "
                     "U+FFFD",
                     "c.jsonl:5: 1 raw control character in a string "
                     "replaced by spaces",
                     "c.jsonl:5:offset 8: 1 invalid UTF-8 sequence replaced "
                     "by U+FFFD",
                     "c.jsonl:5:offset 4: 1 NUL character replaced by a space",
                     "c.jsonl:5:offset 6: 1 control character replaced by a "
                     "space"}));
}

TEST(ReadJsonLineTest, MetadataIsRepairedToo) {
  const StatusOr<Document> doc = ReadJsonLine(
      "c.jsonl", 1,
      "{\"text\": \"x\", \"id\": \"a\\u0001b\xC0\", \"source\": 5}");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "a b\xEF\xBF\xBD");
  EXPECT_EQ(doc->source, "5");
}

// Found by fuzzing (fuzz_jsonl_reader): the title and text of a record were
// repaired as if they were a file, so a title starting with the bytes FF FE
// made the whole document "UTF-16LE" (here: nothing at all, and an empty
// title region).
TEST(ReadJsonLineTest, TitleStartingWithFffeIsNotDecodedAsUtf16) {
  const StatusOr<Document> doc = ReadJsonLine(
      "c.jsonl", 3, "{\"title\": \"\xFF\xFEHi\", \"text\": \"France.\"}");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->title, kFffdText + kFffdText + "Hi");
  EXPECT_EQ(RegionTexts(*doc),
            (Strings{"T:" + kFffdText + kFffdText + "Hi", "B:France."}));
  EXPECT_EQ(Messages(doc->diagnostics),
            (Strings{"c.jsonl:3:offset 0: 2 invalid UTF-8 sequences replaced "
                     "by U+FFFD"}));
}

// The same: "\u0000" escapes between letters looked like UTF-16 without a
// byte order mark, and the text was decoded into other letters.
TEST(ReadJsonLineTest, TextWithNulEscapesIsNotDecodedAsUtf16) {
  const StatusOr<Document> doc = ReadJsonLine(
      "c.jsonl", 1,
      "{\"id\": \"F\\u0000r\\u0000a\\u0000n\\u0000\", "
      "\"text\": \"F\\u0000r\\u0000a\\u0000n\\u0000c\\u0000e\\u0000\"}");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text, "F r a n c e ");
  EXPECT_EQ(doc->id, "F r a n");
  EXPECT_EQ(Messages(doc->diagnostics),
            (Strings{"c.jsonl:1:offset 1: 6 NUL characters replaced by "
                     "spaces"}));
}

// ---- Formats and files ------------------------------------------------------

TEST(DetectFormatTest, ByExtension) {
  EXPECT_EQ(DetectFormat("a.txt", "<html>"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("a.TEXT", ""), InputFormat::kText);
  EXPECT_EQ(DetectFormat("notes.md", "{"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("a.html", ""), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("dir/A.HTM", ""), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("a.xhtml", ""), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("a.jsonl", ""), InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("a.ndjson", ""), InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("a.jsonl.gz", ""), InputFormat::kJsonLines);
}

TEST(DetectFormatTest, ByContent) {
  EXPECT_EQ(DetectFormat("page", "<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("page.php", "\n  <html lang=en>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("dump", "{\"text\": \"x\"}\n"),
            InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("dump", "\xEF\xBB\xBF{\"text\""),
            InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("page", "\xFF\xFE<\0h\0"s), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("story", "Sony hacked\n\nBody"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("empty", ""), InputFormat::kText);
}

struct Collected {
  std::vector<Document> docs;
  std::vector<Diagnostic> diagnostics;
};

Collected ReadAll(std::string_view origin, std::string_view bytes,
                  InputFormat format) {
  Collected c;
  ReadDocuments(
      origin, bytes, format,
      [&](Document&& doc) { c.docs.push_back(std::move(doc)); },
      &c.diagnostics);
  return c;
}

TEST(ReadDocumentsTest, MalformedLineInTheMiddleIsSkipped) {
  const std::string bytes =
      "{\"id\": \"a\", \"text\": \"First.\"}\n"
      "\n"
      "{\"id\": \"b\", \"text\": \"Second.\"\n"
      "   \n"
      "{\"id\": \"c\", \"text\": \"Third.\"}\n"
      "[\"not an object\"]\n"
      "{\"id\": \"d\", \"text\": \"Fourth.\"}";
  const Collected c = ReadAll("feed.jsonl", bytes, InputFormat::kJsonLines);
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[1].id, "c");
  EXPECT_EQ(c.docs[1].origin, "feed.jsonl:5");
  EXPECT_EQ(c.docs[2].id, "d");
  EXPECT_EQ(c.docs[2].origin, "feed.jsonl:7");
  ASSERT_EQ(c.diagnostics.size(), 2u);
  EXPECT_EQ(c.diagnostics[0].severity, Diagnostic::Severity::kError);
  EXPECT_EQ(Messages(c.diagnostics),
            (Strings{"feed.jsonl:3: invalid JSON at column 30: missing a "
                     "comma or '}' after an object member",
                     "feed.jsonl:6: expected a JSON object, got an array"}));
}

TEST(ReadDocumentsTest, CrlfJsonLinesWithBom) {
  const Collected c = ReadAll(
      "w.jsonl", "\xEF\xBB\xBF{\"text\": \"A.\"}\r\n{\"text\": \"B.\"}\r\n",
      InputFormat::kJsonLines);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].text, "A.");
  EXPECT_EQ(c.docs[1].text, "B.");
  EXPECT_EQ(c.docs[1].origin, "w.jsonl:2");
  EXPECT_TRUE(c.diagnostics.empty());
}

TEST(ReadDocumentsTest, Utf16JsonLines) {
  std::string bytes = "\xFF\xFE";
  for (char c : "{\"text\": \"A.\"}\r\n{\"text\": \"B.\"}") {
    if (c != '\0') bytes += std::string{c, '\0'};
  }
  const Collected c = ReadAll("w.jsonl", bytes, InputFormat::kJsonLines);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].text, "B.");
  EXPECT_EQ(Messages(c.diagnostics),
            (Strings{"w.jsonl:offset 0: decoded from UTF-16LE",
                     "w.jsonl:offset 30: 1 CR line ending converted to LF"}));
}

TEST(ReadDocumentsTest, TextAndHtmlAreOneDocument) {
  const Collected text =
      ReadAll("a.txt", "title: T\n\nBody.", InputFormat::kText);
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].title, "T");
  const Collected html =
      ReadAll("a.html", "<title>T</title><p>Body.", InputFormat::kHtml);
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].text, "T\n\nBody.");
}

TEST(ReadDocumentsTest, NullFileDiagnosticsIsAllowed) {
  size_t n = 0;
  ReadDocuments(
      "x.jsonl", "bad\n{\"text\": \"ok\"}\n", InputFormat::kJsonLines,
      [&](Document&&) { ++n; }, nullptr);
  EXPECT_EQ(n, 1u);
}

}  // namespace
}  // namespace newsgraph
