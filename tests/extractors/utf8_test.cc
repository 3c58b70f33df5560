#include "extractors/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

using std::string_literals::operator""s;

const std::string kFffd = "\xEF\xBF\xBD";

// Repairs `bytes` as "a.txt", returning the diagnostics as
// "location: message" lines.
std::string Repair(const std::string& bytes, std::vector<std::string>* diags) {
  std::vector<Diagnostic> d;
  std::string out = RepairText(bytes, "a.txt", &d);
  for (const Diagnostic& x : d) diags->push_back(x.location + ": " + x.message);
  return out;
}

// An independent, slow check: valid UTF-8 of characters XML 1.0 allows,
// with no CR.
bool IsValidXmlUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = s[i];
    char32_t cp;
    size_t len;
    if (b < 0x80) {
      cp = b, len = 1;
    } else if ((b & 0xE0) == 0xC0) {
      cp = b & 0x1F, len = 2;
    } else if ((b & 0xF0) == 0xE0) {
      cp = b & 0x0F, len = 3;
    } else if ((b & 0xF8) == 0xF0) {
      cp = b & 0x07, len = 4;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char c = s[i + k];
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp < 0x20 && cp != '\t' && cp != '\n') return false;
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
    i += len;
  }
  return true;
}

TEST(RepairTextTest, CleanTextIsUnchangedAndUnreported) {
  const std::string clean =
      "Plain ASCII,\ttabs\nand lines. Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 "
      "\xF0\x9F\x98\x80 DEL\x7F C1\xC2\x85 ZWNBSP\xEF\xBB\xBF "
      "U+FFFD\xEF\xBF\xBD";
  std::vector<std::string> diags;
  EXPECT_EQ(Repair(clean, &diags), clean);
  EXPECT_TRUE(diags.empty());
}

TEST(RepairTextTest, NullDiagnosticsIsAllowed) {
  EXPECT_EQ(RepairText("a\xFF", "a.txt", nullptr), "a" + kFffd);
}

TEST(RepairTextTest, EmptyInput) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("", &diags), "");
  EXPECT_TRUE(diags.empty());
}

TEST(RepairTextTest, Utf8ByteOrderMarkIsRemoved) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("\xEF\xBB\xBFHello", &diags), "Hello");
  EXPECT_EQ(diags, (std::vector<std::string>{
                       "a.txt:offset 0: UTF-8 byte order mark removed"}));
}

struct InvalidCase {
  const char* name;
  std::string bytes;
  std::string repaired;
  size_t replacements;
};

// Every class of ill-formed UTF-8, one U+FFFD per maximal subpart.
TEST(RepairTextTest, EveryInvalidUtf8ClassBecomesReplacementCharacters) {
  const std::vector<InvalidCase> cases = {
      {"lone continuation byte", "x\x80y", "x" + kFffd + "y", 1},
      {"continuation bytes", "x\x80\xBFy", "x" + kFffd + kFffd + "y", 2},
      {"truncated 2-byte", "x\xC3y", "x" + kFffd + "y", 1},
      {"truncated 3-byte", "x\xE2\x82y", "x" + kFffd + "y", 1},
      {"truncated 4-byte at end", "x\xF0\x9F\x98", "x" + kFffd, 1},
      {"overlong C0", "x\xC0\xAFy", "x" + kFffd + kFffd + "y", 2},
      {"overlong C1", "x\xC1\xBFy", "x" + kFffd + kFffd + "y", 2},
      {"overlong 3-byte", "x\xE0\x80\xAFy", "x" + kFffd + kFffd + kFffd + "y",
       3},
      {"overlong 4-byte", "x\xF0\x8F\xBF\xBFy",
       "x" + kFffd + kFffd + kFffd + kFffd + "y", 4},
      {"surrogate", "x\xED\xA0\x80y", "x" + kFffd + kFffd + kFffd + "y", 3},
      {"above U+10FFFF", "x\xF4\x90\x80\x80y",
       "x" + kFffd + kFffd + kFffd + kFffd + "y", 4},
      {"F5 lead byte", "x\xF5\x80y", "x" + kFffd + kFffd + "y", 2},
      {"FF byte", "x\xFFy", "x" + kFffd + "y", 1},
      {"lead byte then ASCII", "x\xE4y\xE4\xB8", "x" + kFffd + "y" + kFffd, 2},
  };
  for (const InvalidCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> diags;
    EXPECT_EQ(Repair(c.bytes, &diags), c.repaired);
    const std::string n = std::to_string(c.replacements);
    EXPECT_EQ(diags,
              (std::vector<std::string>{
                  "a.txt:offset 1: " + n + " invalid UTF-8 sequence" +
                  (c.replacements == 1 ? "" : "s") + " replaced by U+FFFD"}));
  }
}

TEST(RepairTextTest, OneDiagnosticPerKindWithCountAndFirstOffset) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("ab\xFF"
                   "cd\xFE"
                   "e\x80",
                   &diags),
            "ab" + kFffd + "cd" + kFffd + "e" + kFffd);
  EXPECT_EQ(
      diags,
      (std::vector<std::string>{
          "a.txt:offset 2: 3 invalid UTF-8 sequences replaced by U+FFFD"}));
}

TEST(RepairTextTest, NulBytesBecomeSpaces) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("one\0two\0three"s, &diags), "one two three");
  EXPECT_EQ(diags, (std::vector<std::string>{
                       "a.txt:offset 3: 2 NUL characters replaced by spaces"}));
}

TEST(RepairTextTest, ControlCharactersBecomeSpacesButDelIsKept) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("a\x01"
                   "b\x1B"
                   "c\x7F\x0C",
                   &diags),
            "a b c\x7F ");
  EXPECT_EQ(diags,
            (std::vector<std::string>{
                "a.txt:offset 1: 3 control characters replaced by spaces"}));
}

TEST(RepairTextTest, NoncharactersFffeAndFfffBecomeSpaces) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("x\xEF\xBF\xBEy\xEF\xBF\xBF", &diags), "x y ");
  EXPECT_EQ(diags, (std::vector<std::string>{
                       "a.txt:offset 1: 2 noncharacters U+FFFE/U+FFFF "
                       "replaced by spaces"}));
}

TEST(RepairTextTest, CrlfAndLoneCrBecomeLf) {
  std::vector<Diagnostic> d;
  EXPECT_EQ(RepairText("one\r\ntwo\rthree\r\n\r\nfour\r", "a.txt", &d),
            "one\ntwo\nthree\n\nfour\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Diagnostic::Severity::kNote);
  EXPECT_EQ(d[0].location, "a.txt:offset 3");
  EXPECT_EQ(d[0].message, "5 CR line endings converted to LF");
}

TEST(RepairTextTest, KindsAreReportedInAFixedOrder) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("\xEF\xBB\xBF"
                   "a\r\nb\0c\x01\xFF"s,
                   &diags),
            "a\nb c " + kFffd);
  EXPECT_EQ(diags,
            (std::vector<std::string>{
                "a.txt:offset 0: UTF-8 byte order mark removed",
                "a.txt:offset 10: 1 invalid UTF-8 sequence replaced by U+FFFD",
                "a.txt:offset 7: 1 NUL character replaced by a space",
                "a.txt:offset 9: 1 control character replaced by a space",
                "a.txt:offset 4: 1 CR line ending converted to LF"}));
}

TEST(RepairTextTest, OffsetsAreRightAroundTheAsciiFastPath) {
  for (size_t prefix = 0; prefix < 40; ++prefix) {
    SCOPED_TRACE(prefix);
    const std::string bytes =
        std::string(prefix, 'a') + "\xC3" + std::string(20, 'b');
    std::vector<std::string> diags;
    EXPECT_EQ(Repair(bytes, &diags),
              std::string(prefix, 'a') + kFffd + std::string(20, 'b'));
    EXPECT_EQ(diags, (std::vector<std::string>{
                         "a.txt:offset " + std::to_string(prefix) +
                         ": 1 invalid UTF-8 sequence replaced by U+FFFD"}));
  }
}

TEST(RepairTextTest, LocationWithoutOrigin) {
  std::vector<Diagnostic> d;
  RepairText("a\xFF", "", &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location, "offset 1");
}

TEST(RepairTextTest, Utf16LittleEndianWithBom) {
  // "Hi\r\n" U+00E9, U+1F600 (a surrogate pair), "!".
  const std::string bytes = "\xFF\xFEH\0i\0\r\0\n\0\xE9\0\x3D\xD8\x00\xDE!\0"s;
  std::vector<Diagnostic> d;
  EXPECT_EQ(RepairText(bytes, "a.txt", &d), "Hi\n\xC3\xA9\xF0\x9F\x98\x80!");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].severity, Diagnostic::Severity::kNote);
  EXPECT_EQ(d[0].location + ": " + d[0].message,
            "a.txt:offset 0: decoded from UTF-16LE");
  EXPECT_EQ(d[1].location + ": " + d[1].message,
            "a.txt:offset 6: 1 CR line ending converted to LF");
}

TEST(RepairTextTest, Utf16BigEndianWithBom) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("\xFE\xFF\0O\0k\x4E\x2D"s, &diags), "Ok\xE4\xB8\xAD");
  EXPECT_EQ(
      diags,
      (std::vector<std::string>{"a.txt:offset 0: decoded from UTF-16BE"}));
}

TEST(RepairTextTest, Utf16UnpairedSurrogatesNulsAndOddByte) {
  // A high surrogate before "a", a lone low surrogate, a NUL, a lone byte.
  const std::string bytes =
      "\xFF\xFE\x00\xD8"
      "a\0\x00\xDC\0\0z"s;
  std::vector<std::string> diags;
  EXPECT_EQ(Repair(bytes, &diags), kFffd + "a" + kFffd + " " + kFffd);
  EXPECT_EQ(diags,
            (std::vector<std::string>{
                "a.txt:offset 0: decoded from UTF-16LE",
                "a.txt:offset 2: 3 invalid UTF-16LE sequences replaced by "
                "U+FFFD",
                "a.txt:offset 8: 1 NUL character replaced by a space"}));
}

TEST(RepairTextTest, Utf16WithoutBomIsRecognisedWithAWarning) {
  std::vector<Diagnostic> d;
  EXPECT_EQ(RepairText("H\0e\0l\0l\0o\0\n\0"s, "a.txt", &d), "Hello\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(d[0].message, "no byte order mark: decoded as UTF-16LE");
  EXPECT_EQ(RepairText("\0H\0e\0l\0l\0o"s, "a.txt", nullptr), "Hello");
}

TEST(RepairTextTest, Utf32WithBom) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("\xFF\xFE\0\0A\0\0\0\x00\xF6\x01\0\0\0\x11\0"s, &diags),
            "A\xF0\x9F\x98\x80" + kFffd);
  EXPECT_EQ(diags,
            (std::vector<std::string>{
                "a.txt:offset 0: decoded from UTF-32LE",
                "a.txt:offset 12: 1 invalid UTF-32LE sequence replaced by "
                "U+FFFD"}));
  EXPECT_EQ(RepairText("\0\0\xFE\xFF\0\0\0B"s, "", nullptr), "B");
}

TEST(RepairTextTest, Utf32WithoutBomIsRecognisedWithAWarning) {
  std::vector<std::string> diags;
  EXPECT_EQ(Repair("H\0\0\0i\0\0\0!\0\0\0"s, &diags), "Hi!");
  EXPECT_EQ(diags, (std::vector<std::string>{
                       "a.txt:offset 0: no byte order mark: decoded as "
                       "UTF-32LE"}));
  EXPECT_EQ(RepairText("\0\0\0H\0\0\0i"s, "", nullptr), "Hi");
}

TEST(RepairUtf8TextTest, NeverDetectsAnotherEncoding) {
  std::vector<Diagnostic> d;
  // A UTF-16LE byte order mark, UTF-16 without one, a UTF-8 byte order mark:
  // as UTF-8 they are invalid bytes, NULs and U+FEFF.
  EXPECT_EQ(RepairUtf8Text("\xFF\xFEH\0i\0"s, "s", &d), kFffd + kFffd + "H i ");
  EXPECT_EQ(RepairUtf8Text("\xEF\xBB\xBFx\r\n", "s", nullptr),
            "\xEF\xBB\xBFx\n");
  std::vector<std::string> messages;
  for (const Diagnostic& x : d)
    messages.push_back(x.location + ": " + x.message);
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "s:offset 0: 2 invalid UTF-8 sequences replaced by U+FFFD",
                "s:offset 3: 2 NUL characters replaced by spaces"}));
}

TEST(RepairUtf8InPlaceTest, RepairsAsRepairUtf8TextDoes) {
  // Clean text, repairs at the start, the middle and the very end, and
  // random bytes: the same text and the same diagnostics.
  std::vector<std::string> inputs = {
      "",
      "plain text\twith tabs\nand lines",
      "caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80",
      "\rstarts with CR",
      "ends with an invalid byte\xFF",
      "a NUL\0 and\x01 a control, \xEF\xBF\xBE, then clean text"s,
      "truncated \xE2\x80"};
  std::mt19937 rng(5);
  for (int k = 0; k < 2000; ++k) {
    std::string bytes(rng() % 40, ' ');
    for (char& c : bytes) {
      c = static_cast<char>(rng() % 3 ? 'a' + rng() % 26 : rng());
    }
    inputs.push_back(bytes);
  }
  for (const std::string& input : inputs) {
    std::vector<Diagnostic> copied, in_place;
    const std::string expected = RepairUtf8Text(input, "s", &copied);
    std::string text = input;
    RepairUtf8InPlace(&text, "s", &in_place);
    EXPECT_EQ(text, expected);
    ASSERT_EQ(in_place.size(), copied.size());
    for (size_t i = 0; i < copied.size(); ++i) {
      EXPECT_EQ(in_place[i].location, copied[i].location);
      EXPECT_EQ(in_place[i].message, copied[i].message);
      EXPECT_EQ(in_place[i].severity, copied[i].severity);
    }
  }
}

TEST(RepairTextTest, DetectEncoding) {
  EXPECT_EQ(DetectEncoding("plain"), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBFx"), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding("\xFF\xFEx\0"s), Encoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding("\xFE\xFF\0x"s), Encoding::kUtf16Be);
  EXPECT_EQ(DetectEncoding("\xFF\xFE\0\0"s), Encoding::kUtf32Le);
  EXPECT_EQ(DetectEncoding("\0\0\xFE\xFF"s), Encoding::kUtf32Be);
  EXPECT_EQ(DetectEncoding("a\0b\0c\0d\0"s), Encoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding("\0a\0b\0c\0d"s), Encoding::kUtf16Be);
  EXPECT_EQ(DetectEncoding("a\0\0\0b\0\0\0"s), Encoding::kUtf32Le);
  EXPECT_EQ(DetectEncoding("\0\0\0a\0\0\0b"s), Encoding::kUtf32Be);
  // A few stray NULs are damage, not UTF-16.
  EXPECT_EQ(DetectEncoding("abc\0def\0ghijkl"s), Encoding::kUtf8);
}

// Random bytes, biased towards the interesting ones: the output is always
// valid, XML-safe UTF-8, and valid clean input comes back unchanged.
TEST(RepairTextTest, RandomBytesAlwaysGiveValidXmlUtf8) {
  std::mt19937 rng(20141223);
  const unsigned char kInteresting[] = {
      0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0x9F, 0xA0,
      0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int round = 0; round < 20000; ++round) {
    std::string bytes;
    const size_t length = rng() % 24;
    for (size_t i = 0; i < length; ++i) {
      bytes +=
          static_cast<char>(rng() % 2 ? kInteresting[rng() % 23] : rng() % 256);
    }
    if (DetectEncoding(bytes) != Encoding::kUtf8) continue;
    const std::string out = RepairText(bytes, "r", nullptr);
    ASSERT_TRUE(IsValidXmlUtf8(out)) << testing::PrintToString(bytes);
    const bool clean =
        bytes.substr(0, 3) != "\xEF\xBB\xBF" && IsValidXmlUtf8(bytes);
    if (clean) ASSERT_EQ(out, bytes) << testing::PrintToString(bytes);
  }
}

TEST(LooksBinaryTest, MagicNumbers) {
  EXPECT_TRUE(LooksBinary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s));
  EXPECT_TRUE(LooksBinary("\xFF\xD8\xFF\xE0\0\x10JFIF"s));
  EXPECT_TRUE(LooksBinary("GIF89a\x01\0"s));
  EXPECT_TRUE(LooksBinary("GIF87a"));
  EXPECT_TRUE(LooksBinary("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
  EXPECT_TRUE(LooksBinary("PK\x03\x04\x14\0"s));
  EXPECT_TRUE(LooksBinary("\x1F\x8B\x08\0"s));
  EXPECT_TRUE(
      LooksBinary("\x7F"
                  "ELF\x02\x01\x01"));
}

TEST(LooksBinaryTest, NulBytes) {
  EXPECT_FALSE(LooksBinary("An article.\nWith lines.\n"));
  EXPECT_FALSE(LooksBinary(""));
  EXPECT_FALSE(LooksBinary("A stray\0 NUL in a long enough text."s));
  EXPECT_TRUE(LooksBinary("\x01\0\0\0\x02\0\0\0\x03\0\0\0\x04\0\0\0"s));
  std::string mostly_text(8000, 'a');
  for (size_t i = 0; i < 100; ++i) mostly_text[i * 80] = '\0';
  EXPECT_TRUE(LooksBinary(mostly_text));
}

// Found by the hostile-input suite: compressed data with no magic number
// above (WebP, MP4, RAR ...) has too few NULs for the NUL rule (one byte in
// 256), and 100 KB of it was read as text, giving 13 nodes of noise.
TEST(LooksBinaryTest, RandomBytesWithFewNulsAreBinary) {
  std::mt19937 random(6);
  std::string noise = "RIFF\x10\x20\x30\x40WEBPVP8 ";
  while (noise.size() < 8192) {
    const char c = static_cast<char>(random() % 255 + 1);  // no NUL at all
    noise += c;
  }
  EXPECT_TRUE(LooksBinary(noise));
}

TEST(LooksBinaryTest, EightBitTextWithSomeControlsIsText) {
  // Windows-1252 French (every accent an invalid UTF-8 byte), a form feed,
  // a DOS end-of-file mark, ESC sequences and a few stray controls.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text +=
        "Le pr\xE9"
        "sident a d\xE9"
        "clar\xE9 \x93non\x94 \xE0 la r\xE9"
        "forme.\n";
  }
  text += "\f\x1B$B\x1B(B\x01\x02\x03\x04\x05\x06\x07\x08\x1A";
  EXPECT_FALSE(LooksBinary(text));
  // Too short to judge by the share of controls.
  EXPECT_FALSE(LooksBinary("\x01\x02\x03\x04\x05\x06\x07\x08"));
}

TEST(LooksBinaryTest, Utf16TextIsNotBinary) {
  EXPECT_FALSE(LooksBinary("\xFF\xFEH\0i\0"s));
  EXPECT_FALSE(LooksBinary("H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0"s));
  EXPECT_FALSE(LooksBinary("H\0\0\0e\0\0\0l\0\0\0l\0\0\0o\0\0\0"s));
}

}  // namespace
}  // namespace newsgraph
