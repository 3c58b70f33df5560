#include "extractors/entity_words.h"

#include <gtest/gtest.h>

#include "extractors/document_state.h"
#include "extractors/segmenter.h"
#include "test_lexicons.h"

namespace newsgraph {
namespace {

class EntityWordsTest : public ::testing::Test {
 protected:
  EntityWordsTest() : lexicons_(TestLexicons()), words_(lexicons_.data()) {}

  // `text` split into tokens by the segmenter, then classified.
  void Classify(const std::string& text) {
    doc_.text = text;
    doc_.regions.push_back({Region::Kind::kBody, {0, text.size()}});
    DocumentState state;
    state.lexicon = &lexicons_.data();
    KnowledgeGraph graph;
    SegmenterStage().Run(doc_, state, graph);
    words_.Classify(doc_, &bits_, &ids_);
    ASSERT_EQ(bits_.size(), doc_.tokens.size());
    ASSERT_EQ(ids_.size(), doc_.tokens.size());
  }

  // Token i, completed as a rule completes it before it asks for more than
  // the eager bits.
  void Complete(size_t i) {
    if (!(bits_[i] & entity_word::kComplete)) words_.Complete(doc_, i, &bits_[i], &ids_[i]);
  }
  uint32_t Bits(size_t i) {
    Complete(i);
    return bits_[i];
  }
  uint32_t Id(size_t i) {
    Complete(i);
    return ids_[i];
  }

  // The gazetteer node of tokens [first, last), or PhraseTrie::kNone.
  uint32_t Phrase(size_t first, size_t last) {
    uint32_t node = PhraseTrie::kRoot;
    for (size_t i = first; i < last && node != PhraseTrie::kNone; ++i) {
      node = words_.NextPhrase(node, Id(i));
    }
    return node;
  }

  Lexicons lexicons_;
  EntityWords words_;
  Document doc_;
  std::vector<uint32_t> bits_;
  std::vector<uint32_t> ids_;
};

TEST_F(EntityWordsTest, ClassifiesEachTokenOnce) {
  Classify("The UNITED States army, in Washington.");
  // The UNITED States army , in Washington .
  using namespace entity_word;
  EXPECT_TRUE(bits_[0] & kUpper);
  EXPECT_TRUE(bits_[0] & kNotName);
  EXPECT_TRUE(bits_[1] & kPhraseStart);
  EXPECT_TRUE(bits_[1] & kLongAllUpper);
  EXPECT_FALSE(bits_[2] & kLongAllUpper);
  EXPECT_TRUE(Bits(3) & kBodyStart);
  EXPECT_FALSE(bits_[3] & kUpper);
  EXPECT_TRUE(bits_[4] & kComma);
  EXPECT_FALSE(bits_[4] & kWordShape);
  EXPECT_TRUE(Bits(5) & kLocative);
  EXPECT_TRUE(bits_[6] & kPhraseStart);
}

TEST_F(EntityWordsTest, LowercaseWordsHaveTheirEagerBitsFirst) {
  Classify("the spokeswoman said united hackers, Hackers");
  using namespace entity_word;
  // Words that start with a lowercase letter wait to be completed ...
  for (size_t i : {0, 1, 2, 3, 4}) EXPECT_FALSE(bits_[i] & kComplete) << i;
  EXPECT_TRUE(bits_[5] & kComplete);
  EXPECT_TRUE(bits_[6] & kComplete);
  // ... but have the bits asked of every token already.
  EXPECT_TRUE(bits_[1] & kTitleStart);
  EXPECT_TRUE(bits_[1] & kWordShape);
  EXPECT_TRUE(bits_[4] & kGroupNoun);
  EXPECT_TRUE(bits_[6] & kGroupNoun);
  EXPECT_EQ(bits_[0] & kEager, Bits(0) & kEager);
  EXPECT_EQ(bits_[1] & kEager, Bits(1) & kEager);
  // A lowercase word starts no phrase, even when completed; a capital does.
  EXPECT_FALSE(Bits(3) & kPhraseStart);
  EXPECT_NE(Id(3), 0u);
  EXPECT_TRUE(Bits(0) & kNotName);
  EXPECT_TRUE(Bits(2) & kNotName);
}

TEST_F(EntityWordsTest, FindsGazetteerPhrasesByWordIds) {
  Classify("United States and united nations, Sony Pictures Entertainment.");
  EXPECT_NE(Id(0), 0u);
  EXPECT_EQ(Id(2), 0u);  // "and" is in no phrase, title or body
  const uint32_t united = Phrase(0, 1);
  ASSERT_NE(united, PhraseTrie::kNone);
  EXPECT_TRUE(words_.EntriesOf(united).empty());  // a prefix only
  const uint32_t usa = Phrase(0, 2);
  ASSERT_NE(usa, PhraseTrie::kNone);
  ASSERT_FALSE(words_.EntriesOf(usa).empty());
  EXPECT_EQ(words_.EntriesOf(usa).begin()->key, "USA");
  // Case does not matter to the ids: "united nations" is the UN's key.
  const uint32_t un = Phrase(3, 5);
  ASSERT_NE(un, PhraseTrie::kNone);
  EXPECT_EQ(words_.EntriesOf(un).begin()->key, "united-nations");
  EXPECT_EQ(Phrase(0, 3), PhraseTrie::kNone);
  const uint32_t sony = Phrase(6, 9);
  ASSERT_NE(sony, PhraseTrie::kNone);
  EXPECT_EQ(words_.EntriesOf(sony).begin()->key, "sony-pictures");
}

TEST_F(EntityWordsTest, FindsTitlesAndBodiesByWordIds) {
  Classify("Secretary of State Kerry and the foreign ministry");
  uint32_t node = PhraseTrie::kRoot;
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(words_.TitleOf(node), nullptr);
    node = words_.NextTitle(node, Id(i));
    ASSERT_NE(node, PhraseTrie::kNone);
  }
  ASSERT_NE(words_.TitleOf(node), nullptr);
  EXPECT_EQ(words_.TitleOf(node)->title, "Secretary of State");
  bool found = false;
  for (const EntityWords::Body& body : words_.bodies()) {
    if (body.phrase != "foreign ministry") continue;
    found = true;
    EXPECT_EQ(body.canonical, "foreign-ministry");
    ASSERT_EQ(body.words.size(), 2u);
    EXPECT_EQ(body.words[0], Id(6));
    EXPECT_EQ(body.words[1], Id(7));
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// Ids too large to share a word's bits with its entity_word bits are kept
// apart, and phrases of such words match all the same.
TEST(EntityWordsLargeLexiconTest, PhrasesOfManyWordsAllMatch) {
  Lexicons lexicons = TestLexicons();
  std::string organizations = "id\tlabel\twikidata\taliases\tparent\tcategory\n";
  const int kWords = 70000;
  for (int k = 0; k < kWords; ++k) {
    const std::string n = std::to_string(k);
    organizations += "org" + n + "\tZq" + n + " Wx" + n + "\t\t\t\tcompany\n";
  }
  ASSERT_TRUE(lexicons.Add("organizations.tsv", organizations).ok());
  EntityWords words(lexicons.data());
  for (int k : {0, 1, kWords / 2, kWords - 2, kWords - 1}) {
    const std::string n = std::to_string(k);
    Document doc;
    doc.text = "Zq" + n + " Wx" + n;
    doc.regions.push_back({Region::Kind::kBody, {0, doc.text.size()}});
    DocumentState state;
    state.lexicon = &lexicons.data();
    KnowledgeGraph graph;
    SegmenterStage().Run(doc, state, graph);
    std::vector<uint32_t> bits, ids;
    words.Classify(doc, &bits, &ids);
    ASSERT_EQ(ids.size(), 2u);
    ASSERT_TRUE(bits[1] & entity_word::kComplete);  // capitals
    EXPECT_TRUE(bits[0] & entity_word::kPhraseStart);
    uint32_t node = words.NextPhrase(PhraseTrie::kRoot, ids[0]);
    ASSERT_NE(node, PhraseTrie::kNone) << k;
    node = words.NextPhrase(node, ids[1]);
    ASSERT_NE(node, PhraseTrie::kNone) << k;
    ASSERT_FALSE(words.EntriesOf(node).empty());
    EXPECT_EQ(words.EntriesOf(node).begin()->key, "org" + n);
  }
}

}  // namespace
}  // namespace newsgraph
