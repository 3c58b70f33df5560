#include "graph/node_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph {
namespace {

// The ids, by vertex, as a graph's nodes hold them.
struct Ids {
  std::vector<std::string> ids;
  const std::string& operator()(size_t v) const { return ids[v]; }
};

TEST(NodeIndexTest, EmptyFindsNothing) {
  NodeIndex index;
  Ids ids;
  EXPECT_EQ(index.Find("country:USA", ids), NodeIndex::kNotFound);
  EXPECT_EQ(index.Find("", ids), NodeIndex::kNotFound);
  EXPECT_EQ(index.size(), 0u);
}

TEST(NodeIndexTest, FindsEveryIdThroughGrowth) {
  NodeIndex index;
  Ids ids;
  for (size_t v = 0; v < 5000; ++v) {
    ids.ids.push_back("official:person-" + std::to_string(v));
    index.Insert(ids.ids.back(), v);
  }
  EXPECT_EQ(index.size(), 5000u);
  for (size_t v = 0; v < 5000; ++v) {
    ASSERT_EQ(index.Find(ids.ids[v], ids), v) << ids.ids[v];
  }
  EXPECT_EQ(index.Find("official:person-5000", ids), NodeIndex::kNotFound);
  EXPECT_EQ(index.Find("official:person-", ids), NodeIndex::kNotFound);
}

TEST(NodeIndexTest, ProbableIsTheVertexFindReturns) {
  NodeIndex index;
  Ids ids;
  EXPECT_EQ(index.Probable(NodeIndex::HashOf("a")), NodeIndex::kNotFound);
  index.PrefetchSlot(NodeIndex::HashOf("a"));  // on an empty table too
  for (size_t v = 0; v < 100; ++v) {
    ids.ids.push_back("country:C" + std::to_string(v));
    index.Insert(ids.ids.back(), v);
  }
  for (size_t v = 0; v < 100; ++v) {
    index.PrefetchSlot(NodeIndex::HashOf(ids.ids[v]));
    EXPECT_EQ(index.Probable(NodeIndex::HashOf(ids.ids[v])), v);
  }
}

TEST(NodeIndexTest, ShortAndEmptyIds) {
  NodeIndex index;
  Ids ids{{"", "a", "country:USA"}};
  for (size_t v = 0; v < ids.ids.size(); ++v) index.Insert(ids.ids[v], v);
  EXPECT_EQ(index.Find("", ids), 0u);
  EXPECT_EQ(index.Find("a", ids), 1u);
  EXPECT_EQ(index.Find("country:USA", ids), 2u);
  EXPECT_EQ(index.Find("b", ids), NodeIndex::kNotFound);
}

TEST(NodeIndexTest, CopiesAreIndependentAndClearEmpties) {
  NodeIndex index;
  Ids ids{{"a", "b"}};
  index.Insert("a", 0);
  NodeIndex copy = index;
  copy.Insert("b", 1);
  EXPECT_EQ(index.Find("b", ids), NodeIndex::kNotFound);
  EXPECT_EQ(copy.Find("b", ids), 1u);
  NodeIndex moved = std::move(copy);
  EXPECT_EQ(moved.Find("a", ids), 0u);
  index.Clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.Find("a", ids), NodeIndex::kNotFound);
  index.Insert("b", 1);
  EXPECT_EQ(index.Find("b", ids), 1u);
}

}  // namespace
}  // namespace newsgraph
