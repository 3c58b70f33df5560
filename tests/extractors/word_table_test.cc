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

}  // namespace
}  // namespace newsgraph
