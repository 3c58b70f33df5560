#include "extractors/word_table.h"

#include <gtest/gtest.h>

#include <string>

namespace newsgraph {
namespace {

TEST(WordTableTest, FindsTheBitsAddedToAWord) {
  WordTable table;
  table.Add("minister", 1);
  table.Add("minister", 4);
  table.Add("envoy", 2);
  EXPECT_EQ(table.Find("minister"), 5u);
  EXPECT_EQ(table.Find("envoy"), 2u);
  EXPECT_EQ(table.size(), 2u);
}

TEST(WordTableTest, AbsentWordsPrefixesAndTheEmptyWordHaveNoBits) {
  WordTable table;
  table.Add("united", 1);
  EXPECT_EQ(table.Find("unite"), 0u);
  EXPECT_EQ(table.Find("united states"), 0u);
  EXPECT_EQ(table.Find("United"), 0u);
  EXPECT_EQ(table.Find(""), 0u);
}

TEST(WordTableTest, KeepsEveryWordAcrossGrowth) {
  WordTable table;
  for (int i = 0; i < 5000; ++i) table.Add("w" + std::to_string(i), i + 1);
  EXPECT_EQ(table.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_EQ(table.Find("w" + std::to_string(i)),
              static_cast<uint32_t>(i + 1));
  }
  EXPECT_EQ(table.Find("w5000"), 0u);
}

// Hash() and SameBytes() read a word in chunks of 8 or 4 bytes, with the
// last chunk overlapping the one before: every length from 1 to 40 crosses
// each of their cases and chunk boundaries.
TEST(WordTableTest, FindsWordsOfEveryLengthAndNoWordOneByteOff) {
  WordTable table;
  std::string word;
  for (int n = 1; n <= 40; ++n) {
    word.push_back(static_cast<char>('a' + n % 26));
    table.Add(word, n);
  }
  EXPECT_EQ(table.size(), 40u);
  word.clear();
  for (int n = 1; n <= 40; ++n) {
    word.push_back(static_cast<char>('a' + n % 26));
    ASSERT_EQ(table.Find(word), static_cast<uint32_t>(n)) << word;
    // The same length, one byte changed: first, middle or last.
    for (size_t k : {size_t{0}, word.size() / 2, word.size() - 1}) {
      std::string other = word;
      other[k] = static_cast<char>(other[k] ^ 0x40);
      EXPECT_EQ(table.Find(other), 0u) << other;
    }
    // Found in a longer buffer: no byte past the word's end is read.
    const std::string padded = "#" + word + "#";
    EXPECT_EQ(table.Find(std::string_view(padded).substr(1, word.size())),
              static_cast<uint32_t>(n));
  }
}

TEST(WordTableTest, TellsApartWordsThatDifferOnlyInTheLastByte) {
  WordTable table;
  for (int n = 1; n <= 40; ++n) {
    const std::string stem(n - 1, 'x');
    table.Add(stem + "a", 1);
    table.Add(stem + "b", 2);
  }
  for (int n = 1; n <= 40; ++n) {
    const std::string stem(n - 1, 'x');
    ASSERT_EQ(table.Find(stem + "a"), 1u) << n;
    ASSERT_EQ(table.Find(stem + "b"), 2u) << n;
    ASSERT_EQ(table.Find(stem + "c"), 0u) << n;
  }
}

TEST(WordTableTest, TheEmptyWordCanBeAdded) {
  WordTable table;
  table.Add("a", 1);
  EXPECT_EQ(table.Find(""), 0u);
  table.Add("", 8);
  EXPECT_EQ(table.Find(""), 8u);
  EXPECT_EQ(table.Find("a"), 1u);
  EXPECT_EQ(table.size(), 2u);
}

}  // namespace
}  // namespace newsgraph
