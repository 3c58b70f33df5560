#include "extractors/lexicons.h"

#include <gtest/gtest.h>

#include "extractors/lexicon_data.h"
#include "test_lexicons.h"

namespace newsgraph {
namespace {

TEST(LexiconsTest, IndexesNamesSeatsDemonymsAndSurnames) {
  Lexicons lex = TestLexicons();
  const LexiconData& d = lex.data();
  ASSERT_TRUE(d.gazetteer.count("united states"));
  ASSERT_TRUE(d.gazetteer.count("u.s."));
  EXPECT_TRUE(d.gazetteer.at("us").front().exact_case);
  EXPECT_EQ(d.gazetteer.at("white house").front().how, GazetteerEntry::How::kSeat);
  EXPECT_EQ(d.gazetteer.at("chinese").front().how, GazetteerEntry::How::kDemonym);
  ASSERT_TRUE(d.surnames.count("lavrov"));
  EXPECT_EQ(d.surnames.at("lavrov").front(), "sergey-lavrov");
}

TEST(LexiconsTest, RefusesBadFilesWithFileAndLine) {
  Lexicons lex;
  Status s = lex.Add("mine.tsv", "iso3\tlabel\twikidata\taliases\tseats\tdemonyms\nUSA\tUnited States\n");
  EXPECT_EQ(s.message(), "mine.tsv:2: expected 6 columns, got 2");
  s = lex.Add("mine.tsv", "# comment\nname\tthing\n");
  EXPECT_EQ(s.message(),
            "mine.tsv:2: unknown header 'name\tthing' (see extractors/lexicons/README.md)");
  s = lex.Add("r.tsv", "trigger\trelation\tcameo\tframe\tconfidence\tevent\nhug\tlikes\t\tsvo\t0.5\t\n");
  EXPECT_EQ(s.message(), "r.tsv:2: unknown interaction relation 'likes'");
  s = lex.Add("o.tsv", "id\tlabel\twikidata\taliases\tparent\tcategory\nBad Id\tX\t\t\t\tagency\n");
  EXPECT_EQ(s.message(), "o.tsv:2: id 'Bad Id' is not a slug [a-z0-9-]");
  s = lex.Add("c.tsv",
              "trigger\trelation\tcameo\tframe\tconfidence\tevent\nhit\tattacks\t1|2:x\tsvo\t0.5\t\n");
  EXPECT_EQ(s.message(), "c.tsv:2: cameo '1|2:x' is not 2 to 4 digits");
  s = lex.Add("empty.tsv", "");
  EXPECT_EQ(s.message(), "empty.tsv:1: empty lexicon (no header line)");
  EXPECT_TRUE(lex.data().countries.empty());  // nothing of a bad file is kept
}

TEST(LexiconsTest, UserFilesExtendBuiltinEntries) {
  Lexicons lex = TestLexicons();
  ASSERT_TRUE(lex.Add("user.tsv",
                      "iso3\tlabel\twikidata\taliases\tseats\tdemonyms\n"
                      "USA\tUnited States\t\tUncle Sam\t\t\n").ok());
  ASSERT_TRUE(lex.data().gazetteer.count("uncle sam"));
  EXPECT_TRUE(lex.data().gazetteer.count("u.s."));
  EXPECT_EQ(lex.data().countries.at("USA").wikidata, "Q30");
}

TEST(LexiconsTest, BuiltinLexiconsLoad) {
  StatusOr<Lexicons> lex = Lexicons::Builtin();
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_GE(lex->data().countries.size(), 193u);
  EXPECT_TRUE(lex->data().countries.count("PRK"));
  EXPECT_GE(lex->data().relation_triggers.size(), 100u);
}

}  // namespace
}  // namespace newsgraph
