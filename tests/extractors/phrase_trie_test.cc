#include "extractors/phrase_trie.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace newsgraph {
namespace {

TEST(PhraseTrieTest, WalksAPhraseWordByWord) {
  PhraseTrie trie;
  const uint32_t united_states = trie.Add({7, 9});
  const uint32_t united = trie.Next(PhraseTrie::kRoot, 7);
  ASSERT_NE(united, PhraseTrie::kNone);
  EXPECT_NE(united, PhraseTrie::kRoot);
  EXPECT_EQ(trie.Next(united, 9), united_states);
  EXPECT_EQ(trie.Next(PhraseTrie::kRoot, 9), PhraseTrie::kNone);
  EXPECT_EQ(trie.Next(united_states, 9), PhraseTrie::kNone);
  EXPECT_EQ(trie.size(), 3u);  // the root, "7" and "7 9"
}

TEST(PhraseTrieTest, PhrasesShareTheirFirstWordsAndKeepTheirNodes) {
  PhraseTrie trie;
  const uint32_t long_phrase = trie.Add({1, 2, 3});
  const uint32_t short_phrase = trie.Add({1, 2});
  EXPECT_EQ(trie.Next(trie.Next(PhraseTrie::kRoot, 1), 2), short_phrase);
  EXPECT_EQ(trie.Next(short_phrase, 3), long_phrase);
  EXPECT_EQ(trie.Add({1, 2, 3}), long_phrase);
  EXPECT_EQ(trie.size(), 4u);
}

TEST(PhraseTrieTest, WordZeroAndUnknownWordsEndTheWalk) {
  PhraseTrie trie;
  const uint32_t one = trie.Add({1});
  EXPECT_EQ(trie.Next(PhraseTrie::kRoot, 0), PhraseTrie::kNone);
  EXPECT_EQ(trie.Next(one, 0), PhraseTrie::kNone);
  EXPECT_EQ(trie.Next(one, 1), PhraseTrie::kNone);
  EXPECT_EQ(PhraseTrie().Next(PhraseTrie::kRoot, 1), PhraseTrie::kNone);
}

TEST(PhraseTrieTest, KeepsEveryPhraseAcrossGrowth) {
  PhraseTrie trie;
  std::vector<uint32_t> nodes;
  for (uint32_t w = 1; w <= 3000; ++w) nodes.push_back(trie.Add({w, w + 1, 5}));
  std::set<uint32_t> distinct(nodes.begin(), nodes.end());
  EXPECT_EQ(distinct.size(), nodes.size());
  for (uint32_t w = 1; w <= 3000; ++w) {
    uint32_t node = trie.Next(PhraseTrie::kRoot, w);
    node = node == PhraseTrie::kNone ? node : trie.Next(node, w + 1);
    node = node == PhraseTrie::kNone ? node : trie.Next(node, 5);
    ASSERT_EQ(node, nodes[w - 1]);
  }
  EXPECT_EQ(trie.size(), 1u + 3u * 3000u);
}

}  // namespace
}  // namespace newsgraph
